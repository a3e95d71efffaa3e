"""Layers drawn over the whole main window: document viewer, QR code, prompts, PIN pad."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QWidget


class Overlay(QFrame):
    """A child of the main window that covers it entirely while open.

    Overlays are children, never top-level windows: a kiosk without a window
    manager cannot stack, focus or close separate windows, and a visitor must not
    be able to leave one behind. The window closes every open overlay when it
    resets between visitors (``close_overlay``), so an overlay keeps no state a
    later visitor could see once closed.
    """

    opened = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setAutoFillBackground(True)
        self.hide()
        parent.installEventFilter(self)

    def is_open(self) -> bool:
        return self.isVisible()

    def open_overlay(self) -> None:
        """Cover the parent window and take the keyboard focus."""
        parent = self.parentWidget()
        if parent is not None:
            self.setGeometry(parent.rect())
        was_open = self.isVisible()
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        if not was_open:
            self.opened.emit()

    def close_overlay(self) -> None:
        """Hide and forget; does nothing when already closed."""
        if not self.isVisible():
            return
        self.hide()
        self.closed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize:
            parent = self.parentWidget()
            if parent is not None:
                self.setGeometry(parent.rect())
        return False


def open_overlays(window: QWidget) -> list[Overlay]:
    """The overlays currently shown over ``window``, bottom first."""
    return [
        child
        for child in window.findChildren(Overlay, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if child.isVisible()
    ]
