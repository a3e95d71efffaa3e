"""The keypad's focus ring: a thick yellow frame edged in black, drawn over the window."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QWidget

# Yellow on black reads on every theme, the high-contrast one included (WCAG 2.4.7).
RING_COLOUR = QColor("#FFD400")
EDGE_COLOUR = QColor("#000000")
RING_WIDTH = 6
EDGE_WIDTH = 3


class FocusRing(QWidget):
    """Drawn around the focused control, above everything; touches go through it."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setObjectName("FocusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target: QWidget | None = None
        self.hide()

    def follow(self, target: QWidget | None) -> None:
        self.target = target
        window = self.parentWidget()
        if target is None or window is None or not target.isVisible():
            self.hide()
            return
        margin = RING_WIDTH + EDGE_WIDTH
        rect = QRect(target.mapTo(window, QPoint(0, 0)), target.size())
        self.setGeometry(rect.adjusted(-margin, -margin, margin, margin))
        self.show()
        self.raise_()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        inner = self.rect()
        for colour, width in ((EDGE_COLOUR, EDGE_WIDTH), (RING_COLOUR, RING_WIDTH)):
            pen = QPen(colour, width)
            pen.setJoinStyle(Qt.PenJoinStyle.MiterJoin)
            painter.setPen(pen)
            half = width // 2
            painter.drawRect(inner.adjusted(half, half, -half - 1, -half - 1))
            inner = inner.adjusted(width, width, -width, -width)
        painter.setPen(QPen(EDGE_COLOUR, EDGE_WIDTH))
        half = EDGE_WIDTH // 2
        painter.drawRect(inner.adjusted(half, half, -half - 1, -half - 1))
        painter.end()
