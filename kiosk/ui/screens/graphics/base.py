"""What every picture shares: colours, sizes, language, text drawing and tap signal."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QResizeEvent, QTextOption
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.content.library import ContentLibrary
from kiosk.palette import Palette
from kiosk.ui.follows_language import FollowsLanguage
from kiosk.ui.style.fonts import text_block
from kiosk.ui.style.theme import TYPE, Metrics, active_palette

WRAP = Qt.TextFlag.TextWordWrap


class Graphic(FollowsLanguage, QWidget):
    """A picture shown with a page's text. Taps on its parts ask for a section."""

    section_requested = Signal(str)

    def __init__(self, library: ContentLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self.metrics = Metrics(1.0)
        self.lang = library.default_language
        self.page_id = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)

    # called by the section page ----------------------------------------------------
    def fill(self, page_id: str, lang: str) -> None:
        """Show the picture for ``page_id`` in ``lang``."""
        self.page_id = page_id
        self.lang = lang
        self.retranslate_ui()

    def apply_metrics(self, metrics: Metrics) -> None:
        self.metrics = metrics
        self.relayout()

    def start_motion(self) -> None:
        """Play the picture's short entrance animation, if it has one."""

    def retranslate_ui(self) -> None:
        """Re-read every text in the current language; subclasses add their own."""
        self.relayout()

    def relayout(self) -> None:
        """Place child widgets for the current size; repaint."""
        self.update()

    def needed_height(self, width: int) -> int:
        """The height the picture wants at ``width`` at full type size."""
        return self.metrics.px(400)

    def overflows(self) -> bool:
        """True when even the smallest type leaves part of the picture cut off."""
        return False

    # helpers --------------------------------------------------------------------------
    @property
    def palette_(self) -> Palette:
        return active_palette()

    def is_rtl(self) -> bool:
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def font_px(self, size: float, bold: bool = False) -> QFont:
        """A font of ``size`` pixels at 1080p, never below the type scale's minimum
        (a picture that shrinks its type to fit stops there)."""
        font = QFont(self.font())
        font.setPixelSize(max(self.metrics.px(TYPE.minimum), self.metrics.font(size)))
        font.setBold(bold)
        return font

    def leading(self) -> Qt.AlignmentFlag:
        """Where lines start, as a visual (absolute) alignment."""
        return Qt.AlignmentFlag.AlignRight if self.is_rtl() else Qt.AlignmentFlag.AlignLeft

    def text_height(self, font: QFont, width: float, text: str) -> float:
        return text_block(text, font, width, self._text_option(self.leading()))[1]

    def _text_option(self, align: Qt.AlignmentFlag) -> QTextOption:
        option = QTextOption(align | Qt.AlignmentFlag.AlignAbsolute)
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        option.setTextDirection(self.layoutDirection())
        return option

    def draw_text(
        self,
        painter: QPainter,
        rect: QRectF,
        font: QFont,
        colour: str,
        text: str,
        align: Qt.AlignmentFlag | None = None,
    ) -> None:
        painter.setFont(font)
        painter.setPen(QColor(colour))
        # Alignments here are visual: the painter would mirror them again in Arabic.
        option = self._text_option(align if align is not None else self.leading())
        layout, _height = text_block(text, font, rect.width(), option)
        layout.draw(painter, rect.topLeft())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.relayout()

    def direction_changed(self) -> None:
        self.relayout()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.relayout()
        super().changeEvent(event)
