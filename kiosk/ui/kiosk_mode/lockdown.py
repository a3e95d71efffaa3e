"""Kiosk lock-down: one application-wide filter that keeps the visitor inside the kiosk.

Installed only in kiosk mode. It swallows every key (a visitor has no business with a
keyboard: no Alt+F4, Ctrl+Q/W/P/S/O, Esc, F-keys, Menu...), context menus, drag and drop,
zoom and multi-finger gestures, and closes any top-level window other than the kiosk's
own (no dialog, menu or tooltip can appear). Widgets that need keys (the PIN pad) or
gestures (the PDF viewer's pinch) opt in with a dynamic property on themselves or an
ancestor: ``KEYS_PROPERTY`` / ``GESTURES_PROPERTY``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QCursor, QKeyEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.ui.input import app_events

log = logging.getLogger("kiosk.lockdown")

KEYS_PROPERTY = "kioskAcceptsKeys"
GESTURES_PROPERTY = "kioskAcceptsGestures"

# Keys an opted-in widget (the PIN pad) may still receive: digits and editing only.
_PIN_KEYS = {
    *(getattr(Qt.Key, f"Key_{digit}") for digit in range(10)),
    Qt.Key.Key_Backspace,
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
}
_KEY_EVENTS = {QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride}
_ALWAYS_BLOCKED = {
    QEvent.Type.ContextMenu,
    QEvent.Type.DragEnter,
    QEvent.Type.DragMove,
    QEvent.Type.Drop,
    QEvent.Type.WhatsThis,
    QEvent.Type.QueryWhatsThis,
    QEvent.Type.ToolTip,
    QEvent.Type.StatusTip,
    QEvent.Type.Shortcut,
}
_GESTURE_EVENTS = {QEvent.Type.Gesture, QEvent.Type.GestureOverride, QEvent.Type.NativeGesture}
_WATCHED = (
    _KEY_EVENTS
    | _ALWAYS_BLOCKED
    | _GESTURE_EVENTS
    | {QEvent.Type.Wheel, QEvent.Type.Hide, QEvent.Type.WindowStateChange, QEvent.Type.Show}
)


class Keeper(Protocol):
    """What keeps the window over its screen (the screen placement)."""

    def place(self) -> None: ...

    def covering(self) -> bool: ...


class LockDown(QObject):
    """Swallows everything that could take a visitor out of the kiosk. Counts attempts."""

    def __init__(self, window: QWidget, hide_cursor: bool, parent: QObject | None = None) -> None:
        super().__init__(parent if parent is not None else window)
        self._window = window
        self._hide_cursor = hide_cursor
        self._active = False
        self._restore_pending = False
        self._keeper: Keeper | None = None
        self.blocked = 0  # break-out attempts swallowed, for logs and tests
        # The accessible keypad's keys act before everything else is swallowed.
        self.keypad: Callable[[QKeyEvent], bool] | None = None

    def activate(self, keeper: Keeper) -> None:
        """Start filtering; ``keeper`` says whether the window covers its screen and puts
        it back (the screen placement: it knows whether a compositor sizes the window)."""
        app = QApplication.instance()
        if self._active or not isinstance(app, QApplication):
            return
        self._keeper = keeper
        self._active = True
        app_events.watch(self, _WATCHED)
        if self._hide_cursor:
            app.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))

    def deactivate(self) -> None:
        app = QApplication.instance()
        if not self._active or not isinstance(app, QApplication):
            return
        self._active = False
        app_events.unwatch(self)
        if self._hide_cursor:
            app.restoreOverrideCursor()

    @property
    def active(self) -> bool:
        return self._active

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _KEY_EVENTS:
            return self._filter_key(watched, event)
        if kind in _ALWAYS_BLOCKED:
            self._note(kind, watched)
            return True
        if kind in _GESTURE_EVENTS:
            return not _opted_in(watched, GESTURES_PROPERTY)
        if kind == QEvent.Type.Wheel and isinstance(event, QWheelEvent):
            # Ctrl+wheel zooms text views; a plain wheel only scrolls.
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self._note(kind, watched)
                return True
            return False
        if watched is self._window and kind in (QEvent.Type.Hide, QEvent.Type.WindowStateChange):
            self._keep_covering()
            return False
        if (
            kind == QEvent.Type.Show
            and isinstance(watched, QWidget)
            and watched.isWindow()
            and not self._is_own_window(watched)
        ):
            log.warning("closed an unexpected window: %s", type(watched).__name__)
            watched.hide()
            watched.close()
            self.blocked += 1
            return True
        return False

    def _keep_covering(self) -> None:
        """Undo a minimise, hide or un-fullscreen (a window manager's, or anyone's)."""
        if self._covering():
            return
        if not self._restore_pending:
            self._restore_pending = True
            QTimer.singleShot(0, self._restore)

    def _covering(self) -> bool:
        # Only asked while active, and activate() is given the keeper.
        assert self._keeper is not None
        return self._keeper.covering()

    @Slot()
    def _restore(self) -> None:
        self._restore_pending = False
        # Asked again: a compositor's configure may have settled it meanwhile.
        if not self._active or self._covering():
            return
        log.warning("the kiosk window was minimised, hidden or left fullscreen: restoring it")
        self.blocked += 1
        assert self._keeper is not None
        self._keeper.place()
        self._window.raise_()
        self._window.activateWindow()

    def _filter_key(self, watched: QObject, event: QEvent) -> bool:
        if (
            self.keypad is not None
            and isinstance(event, QKeyEvent)
            and event.type() != QEvent.Type.ShortcutOverride
            and self.keypad(event)
        ):
            return True  # the keypad acted on it; nothing else sees it
        if (
            isinstance(event, QKeyEvent)
            and event.key() in _PIN_KEYS
            and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            and _opted_in(watched, KEYS_PROPERTY)
        ):
            return False
        if event.type() == QEvent.Type.KeyPress:
            self._note(event.type(), watched)
        return True

    def _note(self, kind: QEvent.Type, watched: QObject) -> None:
        self.blocked += 1
        if self.blocked % 20 == 1:
            log.info(
                "kiosk mode: blocked %s on %s (%d so far)",
                kind.name,
                type(watched).__name__,
                self.blocked,
            )

    def _is_own_window(self, widget: QWidget) -> bool:
        return widget is self._window


def _opted_in(watched: QObject, name: str) -> bool:
    widget = watched if isinstance(watched, QWidget) else None
    while widget is not None:
        if widget.property(name):
            return True
        widget = widget.parentWidget()
    return False
