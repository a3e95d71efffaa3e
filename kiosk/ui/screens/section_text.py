"""The section's text view: a fade where the text goes on below, and the page's buttons
(previous, more below, next) floating over its last lines instead of a row of their own."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRect, QSize, Qt, Slot
from PySide6.QtGui import QColor, QLinearGradient, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QPushButton, QScroller, QTextBrowser, QWidget

from kiosk.ui.style import icons
from kiosk.ui.style.theme import Metrics, active_palette
from kiosk.ui.transitions import motion_enabled

# Share of the visible height one tap on "more below" scrolls: the last lines read stay
# on screen, so the reader finds their place.
PAGE_SHARE = 0.8
SCROLL_MS = 350


class BottomFade(QWidget):
    """The last visible lines fading into the page: the text does not stop here."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("BottomFade")
        # Drawn over the text, never in the way of a finger (drags, links).
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def paintEvent(self, event: QPaintEvent) -> None:
        ground = QColor(active_palette().surface)
        clear = QColor(ground)
        clear.setAlpha(0)
        gradient = QLinearGradient(0, 0, 0, self.height())
        gradient.setColorAt(0.0, clear)
        gradient.setColorAt(0.45, ground)
        gradient.setColorAt(1.0, ground)
        painter = QPainter(self)
        painter.fillRect(self.rect(), gradient)
        painter.end()


class SectionText(QTextBrowser):
    """A text browser whose bottom band holds the page's buttons over a fade.

    The band is ``band_height()`` tall; the document leaves that much room after its
    last line (``bottom_room``), so at the end of the text nothing is hidden under it.
    "More below" shows only while text is hidden below the view.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SectionText")
        self._metrics = Metrics(1.0)
        self.fade = BottomFade(self)
        self.previous_button = QPushButton(self)
        self.next_button = QPushButton(self)
        self.more_button = QPushButton(self)
        for button in (self.previous_button, self.next_button):
            button.setObjectName("NavButton")
        self.more_button.setObjectName("MoreBelow")
        for button in (self.previous_button, self.next_button, self.more_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.more_button.clicked.connect(self.scroll_on)
        bar = self.verticalScrollBar()
        bar.valueChanged.connect(self._refresh)
        bar.rangeChanged.connect(self._refresh)

    def apply_metrics(self, metrics: Metrics) -> None:
        self._metrics = metrics
        self._refresh_icons()
        self._place()

    def set_more_text(self, text: str) -> None:
        self.more_button.setText(text)
        self.more_button.setAccessibleName(text)

    def band_height(self) -> int:
        """Height of the band of buttons at the bottom of the view."""
        return self._metrics.touch + 2 * self._metrics.px(12)

    def has_more(self) -> bool:
        bar = self.verticalScrollBar()
        return bar.value() < bar.maximum()

    @Slot()
    def scroll_on(self) -> None:
        """Scroll most of a screen further down (never past the end)."""
        bar = self.verticalScrollBar()
        visible = self.viewport().height() - self.band_height()
        target = min(bar.maximum(), bar.value() + round(max(1, visible) * PAGE_SHARE))
        if not motion_enabled():
            bar.setValue(target)
            return
        scroller = QScroller.scroller(self.viewport())
        scroller.scrollTo(
            QPointF(float(self.horizontalScrollBar().value()), float(target)), SCROLL_MS
        )

    def ensureCursorVisible(self) -> None:
        """As QTextEdit's, but above the band of buttons, not under it."""
        super().ensureCursorVisible()
        limit = self.viewport().height() - self.band_height()
        below = self.cursorRect().bottom() - limit
        if below > 0:
            bar = self.verticalScrollBar()
            bar.setValue(min(bar.maximum(), bar.value() + below + self._metrics.px(12)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place()

    def refresh_icons(self) -> None:
        self._refresh_icons()
        self._place()

    def _refresh_icons(self) -> None:
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        brand = active_palette().brand
        self.previous_button.setIcon(
            icons.icon("mdi6.chevron-right" if rtl else "mdi6.chevron-left", brand)
        )
        self.next_button.setIcon(
            icons.icon("mdi6.chevron-left" if rtl else "mdi6.chevron-right", brand)
        )
        self.more_button.setIcon(icons.icon("mdi6.chevron-down", active_palette().brand_ink))
        # The arrows of "next" and "more below" go after their words.
        after = Qt.LayoutDirection.LeftToRight if rtl else Qt.LayoutDirection.RightToLeft
        self.next_button.setLayoutDirection(after)
        self.more_button.setLayoutDirection(after)
        side = self._metrics.px(40)
        for button in (self.previous_button, self.next_button, self.more_button):
            button.setIconSize(QSize(side, side))

    @Slot()
    def _refresh(self) -> None:
        more = self.has_more()
        self.fade.setVisible(more)
        self.more_button.setVisible(more)

    def _place(self) -> None:
        """The band along the bottom of the visible text, inside the scroll bar."""
        area = self.viewport().geometry()
        band = self.band_height()
        pad = self._metrics.px(12)
        fade_height = min(band + self._metrics.px(60), area.height() // 2)
        self.fade.setGeometry(
            QRect(area.left(), area.bottom() + 1 - fade_height, area.width(), fade_height)
        )
        top = area.bottom() + 1 - band + pad
        height = self._metrics.touch
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        leading, trailing = (
            (self.next_button, self.previous_button)
            if rtl
            else (self.previous_button, self.next_button)
        )
        for button in (self.previous_button, self.next_button, self.more_button):
            button.adjustSize()
        left = area.left() + pad
        leading.setGeometry(left, top, leading.sizeHint().width(), height)
        right = area.right() + 1 - pad - trailing.sizeHint().width()
        trailing.setGeometry(right, top, trailing.sizeHint().width(), height)
        width = self.more_button.sizeHint().width()
        self.more_button.setGeometry(area.center().x() - width // 2, top, width, height)
        self.fade.raise_()
        for button in (self.previous_button, self.next_button, self.more_button):
            button.raise_()
        self._refresh()
