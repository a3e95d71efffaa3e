"""The key figures as large counted-up numbers in the accent colour, one card each.

Every number, unit and caption is the content's (the ``[[figures]]`` tables of the
key-figures page); a figure with a share (from_percent, to_percent) gets a bar that
grows from the one to the other.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen, QShowEvent
from PySide6.QtWidgets import QWidget

from kiosk.content.library import ContentLibrary
from kiosk.content.model import KeyFigure
from kiosk.ui.screens.graphics.base import Graphic
from kiosk.ui.screens.graphics.numbers import format_integer, format_percent
from kiosk.ui.transitions import Progress

COUNT_UP_MS = 900
# Smallest share of the type size the cards shrink to on short screens.
MIN_SCALE = 0.4
# Type sizes (px at the reference screen) of a card's number, unit, caption, bar label.
NUMBER_PX, UNIT_PX, CAPTION_PX, BAR_LABEL_PX = 84, 30, 26, 24
# The headline figure, in the card that spans the grid's spare columns, is this much larger.
HERO_SCALE = 1.5


def shown_number(figure: KeyFigure, progress: float = 1.0) -> str:
    """The number as drawn at ``progress`` of the count-up, e.g. "+9" or "500 000"."""
    number = format_integer(round(figure.value * progress))
    # Isolated left to right: "+9" must not become "9+" in Arabic.
    return f"\u2066{figure.prefix}{number}\u2069" if figure.prefix else number


def bar_scale(figure: KeyFigure) -> int:
    """The percent at the end of a share's bar: the share aimed at, rounded up to 5."""
    return 5 * math.ceil(((figure.to_percent or 0) + 1) / 5)


class KeyFigures(Graphic):
    """Figure cards in a grid; a share (e.g. of GDP) adds a bar growing from its start."""

    def __init__(self, library: ContentLibrary, parent: QWidget | None = None) -> None:
        super().__init__(library, parent)
        self.setObjectName("KeyFigures")
        self.figures: tuple[KeyFigure, ...] = ()
        self._progress = Progress(COUNT_UP_MS, self)
        self._progress.changed.connect(self.update)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.figures = self.library.key_figures(self.lang)
        self.setAccessibleName(self.tr("Key figures"))
        self.setAccessibleDescription(
            "; ".join(self.shown_text(figure, 1.0) for figure in self.figures)
        )
        super().retranslate_ui()

    def start_motion(self) -> None:
        self._progress.start()

    def counting(self) -> bool:
        return self._progress.is_running()

    def shown_number(self, figure: KeyFigure, progress: float | None = None) -> str:
        """The number as drawn now (counting up), e.g. "+9" or "500 000"."""
        return shown_number(figure, self._progress.value if progress is None else progress)

    def shown_text(self, figure: KeyFigure, progress: float | None = None) -> str:
        return f"{self.shown_number(figure, progress)} {figure.unit}: {figure.caption}"

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._progress.start()

    # layout ----------------------------------------------------------------------------
    def _columns(self, width: int) -> int:
        """The column count (up to 3, cards at least 240 px wide) giving the lowest grid."""
        most = max(1, min(3, width // self.metrics.px(240)))
        return min(range(1, most + 1), key=lambda n: (self._total_for(width, n, 1.0), -n))

    def _total_for(self, width: int, columns: int, scale: float) -> float:
        return self._total(self._row_heights_for(width, columns, scale)[1])

    def _rows(self, columns: int) -> list[list[tuple[int, int]]]:
        """The cards row by row as (figure index, columns spanned).

        When the figures do not fill the last row, the first card (the headline
        figure) spans the spare columns, so the grid has no hole.
        """
        count = len(self.figures)
        spans = [1] * count
        if count and columns > 1:
            spans[0] += (-count) % columns
        rows: list[list[tuple[int, int]]] = [[]]
        used = 0
        for index, span in enumerate(spans):
            if used + span > columns:
                rows.append([])
                used = 0
            rows[-1].append((index, span))
            used += span
        return [row for row in rows if row]

    def _column_width(self, width: int, columns: int) -> float:
        return (width - self.metrics.px(16) * (columns - 1)) / columns

    def _span_width(self, column: float, span: int) -> float:
        return span * column + (span - 1) * self.metrics.px(16)

    def _row_heights_for(self, width: int, columns: int, scale: float) -> tuple[float, list[float]]:
        column = self._column_width(width, columns)
        heights = [
            max(
                self._card_height(self.figures[i], self._span_width(column, span), scale, column)
                for i, span in row
            )
            for row in self._rows(columns)
        ]
        return column, heights

    def _fonts(self, scale: float, card_width: float) -> tuple[QFont, QFont, QFont]:
        """Number, unit and caption fonts at ``scale`` of the type scale.

        The numbers share one size, the largest at which the widest fits its card.
        """
        inner = max(1.0, card_width - 2 * self.metrics.px(20))
        number = self.font_px(NUMBER_PX * scale, bold=True)
        widest = max(
            (QFontMetricsF(number).horizontalAdvance(shown_number(f)) for f in self.figures),
            default=0.0,
        )
        if widest > inner:
            number.setPixelSize(max(1, int(number.pixelSize() * inner / widest)))
        return (
            number,
            self.font_px(UNIT_PX * scale, bold=True),
            self.font_px(CAPTION_PX * scale),
        )

    def _card_height(
        self, figure: KeyFigure, card_width: float, scale: float, column: float
    ) -> float:
        pad = self.metrics.px(20)
        inner = card_width - 2 * pad
        number, unit, caption = self._fonts(scale, column)
        number = self._hero(number, figure, inner, column)
        height = 2 * pad + QFontMetricsF(number).height()
        height += self.text_height(unit, inner, figure.unit)
        height += self.text_height(caption, inner, figure.caption)
        if figure.to_percent is not None:
            height += self._bar_height(scale)
        return height

    def _hero(self, font: QFont, figure: KeyFigure, inner: float, column: float) -> QFont:
        """The number's font in its card: larger in a card spanning several columns."""
        if inner < 1.4 * column:
            return font
        hero = QFont(font)
        size = font.pixelSize() * HERO_SCALE
        width = QFontMetricsF(font).horizontalAdvance(shown_number(figure)) * HERO_SCALE
        if width > inner:
            size *= inner / width
        hero.setPixelSize(max(font.pixelSize(), int(size)))
        return hero

    def _bar_height(self, scale: float) -> float:
        label = QFontMetricsF(self.font_px(BAR_LABEL_PX * scale, bold=True)).height()
        return self.metrics.px(50 * scale) + label

    def _row_heights(self, width: int, scale: float) -> tuple[int, float, list[float]]:
        columns = self._columns(width)
        column, heights = self._row_heights_for(width, columns, scale)
        return columns, column, heights

    def _total(self, heights: list[float]) -> float:
        return sum(heights) + self.metrics.px(16) * (len(heights) - 1)

    def _layout(self, width: int, height: int) -> tuple[list[QRectF], float]:
        """Card rectangles and the type scale that makes them fit ``height``."""
        scale = 1.0
        columns, card_width, heights = self._row_heights(width, scale)
        while scale > MIN_SCALE + 0.01 and self._total(heights) > height:
            scale -= 0.05
            columns, card_width, heights = self._row_heights(width, scale)
        gap = self.metrics.px(16)
        # Spare height is shared by the rows, so the cards fill the picture.
        spare = max(0.0, height - self._total(heights)) / len(heights)
        spare = min(spare, self.metrics.px(40))
        rects = []
        y = 0.0
        for row, row_height in zip(self._rows(columns), heights, strict=True):
            used = 0
            for _index, span in row:
                card = self._span_width(card_width, span)
                x = used * (card_width + gap)
                if self.is_rtl():
                    x = width - x - card
                rects.append(QRectF(x, y, card, row_height + spare))
                used += span
            y += row_height + spare + gap
        return rects, scale

    def needed_height(self, width: int) -> int:
        _columns, _width, heights = self._row_heights(width, 1.0)
        return round(self._total(heights))

    def overflows(self) -> bool:
        _columns, _width, heights = self._row_heights(self.width(), MIN_SCALE)
        return self._total(heights) > self.height() + 1

    # painting --------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette_
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rects, scale = self._layout(self.width(), self.height())
        card_width = min((rect.width() for rect in rects), default=float(self.width()))
        number_font, unit_font, caption_font = self._fonts(scale, card_width)
        pad = self.metrics.px(20)
        radius = self.metrics.px(18)
        for figure, rect in zip(self.figures, rects, strict=True):
            painter.setPen(QPen(QColor(palette.line), max(1, self.metrics.px(3))))
            painter.setBrush(QColor(palette.surface))
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), radius, radius)
            inner = rect.adjusted(pad, pad, -pad, -pad)
            number = self._hero(number_font, figure, inner.width(), card_width)
            self.draw_text(painter, inner, number, palette.accent, self.shown_number(figure))
            y = inner.top() + QFontMetricsF(number).height()
            for font, colour, text in (
                (unit_font, palette.brand_dark, figure.unit),
                (caption_font, palette.ink, figure.caption),
            ):
                self.draw_text(
                    painter,
                    QRectF(inner.left(), y, inner.width(), inner.bottom() - y),
                    font,
                    colour,
                    text,
                )
                y += self.text_height(font, inner.width(), text)
            if figure.to_percent is not None:
                top = y + self.metrics.px(16 * scale)
                rect = QRectF(inner.left(), top, inner.width(), inner.bottom() - top)
                self._paint_bar(painter, figure, rect, scale)
        painter.end()

    def _paint_bar(
        self, painter: QPainter, figure: KeyFigure, rect: QRectF, scale: float = 1.0
    ) -> None:
        """One bar on a 0 to ``bar_scale`` % track: the share before, then the rise, growing.

        The part up to ``from_percent`` is drawn at once in the chart colour; the rise to
        ``to_percent`` grows in the accent colour with the count-up; each end is labelled.
        """
        palette = self.palette_
        start, end = figure.from_percent or 0, figure.to_percent or 0
        bar = self.metrics.px(28 * scale)
        full = bar_scale(figure)
        progress = self._progress.value
        reached = start + (end - start) * progress

        def x_at(percent: float) -> float:
            offset = rect.width() * percent / full
            return rect.right() - offset if self.is_rtl() else rect.left() + offset

        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(palette.accent_soft))
        painter.drawRoundedRect(
            QRectF(rect.left(), rect.top(), rect.width(), bar), bar / 4, bar / 4
        )
        for low, high, colour in ((0, start, palette.chart), (start, reached, palette.accent)):
            left, right = sorted((x_at(low), x_at(high)))
            painter.setBrush(QColor(colour))
            painter.drawRoundedRect(QRectF(left, rect.top(), right - left, bar), bar / 4, bar / 4)
        font = self.font_px(BAR_LABEL_PX * scale, bold=True)
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        label_top = rect.top() + bar + self.metrics.px(6 * scale)
        for percent, colour in ((start, palette.ink), (reached, palette.accent)):
            text = format_percent(round(percent))
            width = metrics.horizontalAdvance(text) + self.metrics.px(4)
            # Each label ends under its bar end, kept inside the card.
            x = x_at(percent) - (0 if self.is_rtl() else width)
            x = min(max(rect.left(), x), rect.right() - width)
            painter.setPen(QColor(colour))
            painter.drawText(
                QRectF(x, label_top, width, metrics.height()),
                int(Qt.AlignmentFlag.AlignCenter),
                text,
            )
