"""A thin strip along the bottom of the window: which section of the deck is on screen."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.i18n import fill
from kiosk.ui.follows_language import FollowsLanguage
from kiosk.ui.style.theme import active_palette

# Height of the strip on a 1080-pixel screen; it scales with the window.
STRIP_HEIGHT = 8
SEGMENT_GAP = 3


class ProgressStrip(FollowsLanguage, QWidget):
    """Section n of N as N segments, the first n filled, laid over the window's bottom edge.

    It floats over the page instead of taking a row of the window's layout, so showing
    and hiding it never reflows the page. It fills in the reading direction.
    """

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("ProgressStrip")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self._position = 0
        self._count = 0
        window.installEventFilter(self)
        self.hide()
        self._place()
        # Over the pages; layers opened later (overlays, the reload banner) go over it.
        self.raise_()

    @property
    def position(self) -> int:
        """1-based number of the section shown, 0 when none (home screen)."""
        return self._position

    @property
    def count(self) -> int:
        return self._count

    def set_progress(self, position: int, count: int) -> None:
        """Show section ``position`` of ``count``; hide the strip when ``position`` is 0."""
        self._position = position
        self._count = count
        self.retranslate_ui()
        if position <= 0 or count <= 0:
            self.hide()
            return
        self._place()
        self.show()
        self.update()

    def retranslate_ui(self) -> None:
        self.setAccessibleName(fill(self.tr("Section %1 of %2"), self._position, self._count))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            self._place()
        return False

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is None:
            return
        height = max(3, round(STRIP_HEIGHT * min(parent.width(), parent.height()) / 1080))
        self.setGeometry(0, parent.height() - height, parent.width(), height)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._count <= 0:
            return
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(active_palette().surface))
        gap = SEGMENT_GAP if self.width() / self._count > 4 * SEGMENT_GAP else 0
        width = (self.width() - gap * (self._count - 1)) / self._count
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        for index in range(self._count):
            left = index * (width + gap)
            if rtl:
                left = self.width() - left - width
            if index < self._position - 1:
                colour = active_palette().brand
            else:
                colour = (
                    active_palette().accent
                    if index == self._position - 1
                    else active_palette().line
                )
            painter.fillRect(QRectF(left, 0, width, self.height()), QColor(colour))
        painter.end()
