"""The key figures of the Industrial Acceleration Plan as large counted-up numbers.

Every number comes from the seed text (the CRI's page on the plan): 500 000 jobs,
the industrial share of GDP from 14 % to 23 % in 2020 (+9 points), a 20 billion
dirham Industrial Development Fund, 10 key measures in 3 blocks, 20 strategic
prospects for foreign investment.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen, QShowEvent
from PySide6.QtWidgets import QWidget

from kiosk.content.library import ContentLibrary
from kiosk.i18n import fill
from kiosk.ui.screens.graphics.base import Graphic
from kiosk.ui.screens.graphics.numbers import format_integer, format_percent
from kiosk.ui.transitions import Progress

COUNT_UP_MS = 900
JOBS = 500_000
GDP_FROM, GDP_TO = 14, 23
FUND_BILLIONS = 20
MEASURES, BLOCKS = 10, 3
PROSPECTS = 20
# Smallest share of the type size the cards shrink to on short screens.
MIN_SCALE = 0.5


@dataclass(frozen=True)
class Figure:
    """One card: a number counted up to ``value``, its unit and what it means."""

    key: str
    value: int
    prefix: str
    unit: str
    caption: str


class KeyFigures(Graphic):
    """Five figure cards in a grid; the share-of-GDP card adds two bars (14 % and 23 %)."""

    def __init__(self, library: ContentLibrary, parent: QWidget | None = None) -> None:
        super().__init__(library, parent)
        self.setObjectName("KeyFigures")
        self.figures: tuple[Figure, ...] = ()
        self._progress = Progress(COUNT_UP_MS, self)
        self._progress.changed.connect(self.update)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.figures = (
            Figure(
                "jobs",
                JOBS,
                "",
                self.tr("jobs", "", JOBS),
                self.tr("the aim of all the plan's measures"),
            ),
            Figure(
                "gdp",
                GDP_TO - GDP_FROM,
                "+",
                self.tr("points", "", GDP_TO - GDP_FROM),
                fill(
                    self.tr("industrial share of GDP, from %1 to %2 in 2020"),
                    format_percent(GDP_FROM),
                    format_percent(GDP_TO),
                ),
            ),
            Figure(
                "fund",
                FUND_BILLIONS,
                "",
                self.tr("billion dirhams", "", FUND_BILLIONS),
                self.tr("Industrial Development Fund"),
            ),
            Figure(
                "measures",
                MEASURES,
                "",
                self.tr("key measures", "", MEASURES),
                fill(self.tr("grouped in %1 blocks", "", BLOCKS), format_integer(BLOCKS)),
            ),
            Figure(
                "prospects",
                PROSPECTS,
                "",
                self.tr("strategic prospects", "", PROSPECTS),
                self.tr("for foreign direct investment"),
            ),
        )
        self.setAccessibleName(self.tr("Key figures"))
        self.setAccessibleDescription(
            "; ".join(self.shown_text(figure, 1.0) for figure in self.figures)
        )
        super().retranslate_ui()

    def start_motion(self) -> None:
        self._progress.start()

    def counting(self) -> bool:
        return self._progress.is_running()

    def shown_number(self, figure: Figure, progress: float | None = None) -> str:
        """The number as drawn now (counting up), e.g. "+9" or "500 000"."""
        progress = self._progress.value if progress is None else progress
        number = format_integer(round(figure.value * progress))
        # Isolated left to right: "+9" must not become "9+" in Arabic.
        return f"\u2066{figure.prefix}{number}\u2069" if figure.prefix else number

    def shown_text(self, figure: Figure, progress: float | None = None) -> str:
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
        gap = self.metrics.px(16)
        card_width = (width - gap * (columns - 1)) / columns
        heights = [
            max(self._card_height(f, card_width, scale) for f in self.figures[i : i + columns])
            for i in range(0, len(self.figures), columns)
        ]
        return self._total(heights)

    def _fonts(self, scale: float) -> tuple[QFont, QFont, QFont]:
        """Number, unit and caption fonts at ``scale`` of the type scale."""
        return (
            self.font_px(60 * scale, bold=True),
            self.font_px(26 * scale, bold=True),
            self.font_px(23 * scale),
        )

    def _card_height(self, figure: Figure, card_width: float, scale: float) -> float:
        pad = self.metrics.px(20)
        inner = card_width - 2 * pad
        number, unit, caption = self._fonts(scale)
        height = 2 * pad + QFontMetricsF(number).height()
        height += self.text_height(unit, inner, figure.unit)
        height += self.text_height(caption, inner, figure.caption)
        if figure.key == "gdp":
            height += self._bars_height()
        return height

    def _bars_height(self) -> int:
        return self.metrics.px(12) + 2 * self.metrics.px(24) + self.metrics.px(8)

    def _row_heights(self, width: int, scale: float) -> tuple[int, float, list[float]]:
        columns = self._columns(width)
        gap = self.metrics.px(16)
        card_width = (width - gap * (columns - 1)) / columns
        heights = []
        for start in range(0, len(self.figures), columns):
            row = self.figures[start : start + columns]
            heights.append(max(self._card_height(f, card_width, scale) for f in row))
        return columns, card_width, heights

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
        for row, row_height in enumerate(heights):
            for column in range(columns):
                if row * columns + column >= len(self.figures):
                    break
                slot = columns - 1 - column if self.is_rtl() else column
                x = slot * (card_width + gap)
                rects.append(QRectF(x, y, card_width, row_height + spare))
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
        number_font, unit_font, caption_font = self._fonts(scale)
        pad = self.metrics.px(20)
        radius = self.metrics.px(18)
        for figure, rect in zip(self.figures, rects, strict=True):
            painter.setPen(QPen(QColor(palette.line), max(1, self.metrics.px(3))))
            painter.setBrush(QColor(palette.surface))
            painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), radius, radius)
            inner = rect.adjusted(pad, pad, -pad, -pad)
            self.draw_text(painter, inner, number_font, palette.brand, self.shown_number(figure))
            y = inner.top() + QFontMetricsF(number_font).height()
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
            if figure.key == "gdp":
                top = y + self.metrics.px(12)
                self._paint_bars(
                    painter, QRectF(inner.left(), top, inner.width(), inner.bottom() - top)
                )
        painter.end()

    def _paint_bars(self, painter: QPainter, rect: QRectF) -> None:
        """Two bars, 14 % and 23 %, on a common 0-25 % scale; growing with the count-up."""
        palette = self.palette_
        bar = self.metrics.px(24)
        gap = self.metrics.px(8)
        label_font = self.font_px(20, bold=True)
        label_width = QFontMetricsF(label_font).horizontalAdvance(format_percent(GDP_TO)) * 1.3
        full = max(1.0, rect.width() - label_width - gap)
        for index, (value, colour) in enumerate(
            ((GDP_FROM, palette.chart), (GDP_TO, palette.brand))
        ):
            y = rect.top() + index * (bar + gap)
            length = full * value / 25 * self._progress.value
            if self.is_rtl():
                bar_rect = QRectF(rect.right() - length, y, length, bar)
                text_rect = QRectF(rect.right() - length - gap - label_width, y, label_width, bar)
                align = Qt.AlignmentFlag.AlignRight
            else:
                bar_rect = QRectF(rect.left(), y, length, bar)
                text_rect = QRectF(rect.left() + length + gap, y, label_width, bar)
                align = Qt.AlignmentFlag.AlignLeft
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(colour))
            painter.drawRoundedRect(bar_rect, bar / 4, bar / 4)
            painter.setFont(label_font)
            painter.setPen(QColor(palette.ink))
            flags = align | Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignAbsolute
            painter.drawText(text_rect, int(flags), format_percent(value))
