"""The key-figures tile of the home screen: its title over the content's headline figures."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFontInfo, QFontMetricsF
from PySide6.QtWidgets import QBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.content.headlines import Headline
from kiosk.font_families import families_for
from kiosk.ui.screens.graphics.numbers import format_integer
from kiosk.ui.screens.tile import Tile
from kiosk.ui.style.fonts import set_label_text
from kiosk.ui.style.theme import Metrics

INK_INSET = 4


class FigureNumber(QLabel):
    """A headline number on one line, its box trimmed to the digits' ink: a line box
    of 1.36 em around digits 0.71 em tall would leave a blank band above and below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HeadlineNumber")
        # Digits carry no marks: the Latin font's 1.36 em line, not the Arabic font's
        # 2.11 em, in every language (a widget's own family is kept on a script switch).
        quoted = ", ".join(f'"{family}"' for family in families_for(is_rtl=False))
        self.setStyleSheet(f"font-family: {quoted};")
        self._trim()
        self._align()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._trim()
        elif event.type() == QEvent.Type.LayoutDirectionChange:
            self._align()
        super().changeEvent(event)

    def _align(self) -> None:
        # A label aligns plain text by the text's own direction, and digits are left to
        # right: the number would stand at the far end of an Arabic screen.
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        side = Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        self.setAlignment(Qt.AlignmentFlag.AlignAbsolute | side | Qt.AlignmentFlag.AlignTop)

    def _trim(self) -> None:
        metrics = QFontMetricsF(self.font())
        em = QFontInfo(self.font()).pixelSize()
        # Keep a tenth of an em above the capitals and a sixth below the baseline, for
        # the comma of "500,000", which dips 0.13 em.
        top = metrics.ascent() - metrics.capHeight() - em / 10
        bottom = metrics.descent() - em / 6
        self.setContentsMargins(0, -max(0, round(top)), 0, -max(0, round(bottom)))


class FigureBlock(QWidget):
    """One figure: the number in headline type, its unit, and what it means."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.number = FigureNumber(self)
        self.unit = QLabel(self)
        self.unit.setObjectName("HeadlineUnit")
        self.caption = QLabel(self)
        self.caption.setObjectName("HeadlineCaption")
        for label in (self.number, self.unit, self.caption):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        for label in (self.unit, self.caption):
            label.setWordWrap(True)
            # Room for a letter that reaches past its origin (the hook of a bold "j").
            label.setIndent(INK_INSET)
        words = QVBoxLayout()
        words.setContentsMargins(0, 0, 0, 0)
        words.addWidget(self.unit)
        words.addWidget(self.caption)
        words.addStretch(1)
        self._words = words
        self._layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.number)
        self._layout.addLayout(words, 1)

    def fill(self, figure: Headline) -> None:
        number = figure.prefix + format_integer(figure.value)
        self.number.setText(number)
        self.number.setAccessibleName(number)
        set_label_text(self.unit, figure.unit)
        set_label_text(self.caption, figure.caption)

    def set_side_by_side(self, side_by_side: bool, spacing: int) -> None:
        """Number beside its words (a full-width tile), or above them (a column)."""
        direction = (
            QBoxLayout.Direction.LeftToRight if side_by_side else QBoxLayout.Direction.TopToBottom
        )
        spacing = spacing if side_by_side else 0
        if self._layout.direction() != direction or self._layout.spacing() != spacing:
            self._layout.setDirection(direction)
            self._layout.setSpacing(spacing)
        self._words.setSpacing(0)


class FiguresTile(Tile):
    """The tile of the key-figures page, showing its first figures under its title.

    A tap opens the page, as any tile does; without figures it is a plain tile.
    """

    def __init__(self, page_id: str, parent: QWidget | None = None) -> None:
        super().__init__(page_id, "figures", parent=parent)
        self.blocks: list[FigureBlock] = []
        self._row = QWidget(self)
        self._row_layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self._row)
        self._row_layout.setContentsMargins(0, 0, 0, 0)
        self._row.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._layout.insertWidget(self._layout.indexOf(self._summary) + 1, self._row)
        self._side_by_side = False

    def set_headlines(self, figures: tuple[Headline, ...]) -> None:
        while len(self.blocks) < len(figures):
            block = FigureBlock(self._row)
            for label in (block.number, block.unit, block.caption):
                self.watch_fonts(label)
            block.set_side_by_side(self._side_by_side, self._row_layout.spacing())
            self._row_layout.addWidget(block)
            self.blocks.append(block)
        for block, figure in zip(self.blocks, figures, strict=False):
            block.fill(figure)
        for index, block in enumerate(self.blocks):
            block.setVisible(index < len(figures))
        self._row.setVisible(bool(figures))
        # The summary says in words what the figures show: the figures replace it.
        self._summary.setVisible(not figures and bool(self._summary.text()))
        # A screen reader hears the page's summary, then the figures shown.
        described = [f"{f.prefix}{format_integer(f.value)} {f.unit}: {f.caption}" for f in figures]
        summary = self._summary.accessibleName()
        self.setAccessibleDescription(" ".join([summary, "; ".join(described)]).strip())

    def apply_metrics(self, metrics: Metrics) -> None:
        super().apply_metrics(metrics)
        # A small heading: the figures are the tile's message.
        pad = metrics.px(20)
        self._layout.setContentsMargins(pad, pad, pad, pad)
        self.set_icon_size(metrics.px(40))

    def number_width(self) -> int:
        """The widest number's width, as the style sheet sets it."""
        widths = [b.number.sizeHint().width() for b in self.blocks if not b.isHidden()]
        return max(widths, default=0)

    def set_side_by_side(self, side_by_side: bool, metrics: Metrics) -> None:
        """One figure per row, each number beside its words (a full-width tile) or above
        them (a column)."""
        self._side_by_side = side_by_side
        self._row_layout.setSpacing(metrics.px(20))
        # Side by side, the numbers share one width, so their words start in one column.
        widest = self.number_width() if side_by_side else 0
        for block in self.blocks:
            block.set_side_by_side(side_by_side, metrics.px(28))
            if block.number.minimumWidth() != widest:
                block.number.setMinimumWidth(widest)
