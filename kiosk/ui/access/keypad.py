"""The accessible keypad of kiosk mode: next, previous, select, back, help, speech.

Only the keys the config names (``[keypad]``) act; the lock-down still swallows every
other key. Focus moves over the controls in front (``controls``), in reading order,
mirrored in Arabic; the ring shows where it is. No keypad action leads to the admin PIN
pad, and the keypad stands aside while the PIN pad or the admin panel is open.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Slot
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractButton

from kiosk.config import KEYPAD_ACTIONS
from kiosk.i18n import fill
from kiosk.ui.access.controls import (
    accessible_name,
    controls,
    scroll_into_view,
    spoken_language,
)
from kiosk.ui.access.focus_ring import FocusRing
from kiosk.ui.access.speech_service import SpeechService
from kiosk.ui.overlay import Overlay, open_overlays

if TYPE_CHECKING:
    from kiosk.ui.window import MainWindow

log = logging.getLogger("kiosk.keypad")

ACTIONS = KEYPAD_ACTIONS
_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


def key_code(name: str) -> int | None:
    """The Qt key of a key name as the config writes it ("Right", "F2", "Return", "5")."""
    sequence = QKeySequence.fromString(name, QKeySequence.SequenceFormat.PortableText)
    if sequence.count() != 1:
        return None
    combination = sequence[0]  # type: ignore[index]
    if combination.keyboardModifiers() != Qt.KeyboardModifier.NoModifier:
        return None
    if combination.key() == Qt.Key.Key_unknown:
        return None
    return int(combination.key().value)


class Keypad(QObject):
    """Turns the configured keys into focus moves and activations on the main window."""

    def __init__(
        self,
        window: MainWindow,
        keys: dict[str, str],
        speech: SpeechService,
        stands_aside: Callable[[], bool],
        wake: Callable[[], bool] = lambda: False,
    ) -> None:
        super().__init__(window)
        self._window = window
        self._speech = speech
        self._stands_aside = stands_aside
        # Takes the attract screen away (True when it did): any keypad key then only
        # wakes the kiosk, as a first touch does.
        self._wake = wake
        self._actions: dict[int, str] = {}
        self._names: dict[str, str] = {}
        for action, name in keys.items():
            code = key_code(name) if name else None
            if code is not None and action in ACTIONS:
                self._actions[code] = action
                self._names[action] = name
        self.ring = FocusRing(window)
        self.focused: QAbstractButton | None = None
        window.navigator.current_changed.connect(self._forget)
        window.language.language_changed.connect(self._refresh_ring)
        window.visitor_reset.connect(self._forget)

    @property
    def enabled(self) -> bool:
        return bool(self._actions)

    def action_for(self, event: QKeyEvent) -> str | None:
        if event.modifiers() & _MODIFIERS or self._stands_aside():
            return None
        return self._actions.get(event.key())

    def handle(self, event: QKeyEvent) -> bool:
        """Act on a key event; True when it was one of the keypad's keys."""
        action = self.action_for(event)
        if action is None:
            return False
        if event.type() == QEvent.Type.KeyPress:
            self.perform(action)
        return True

    def perform(self, action: str) -> None:
        if self._wake():
            return
        if action in ("next", "previous"):
            self.move(1 if action == "next" else -1)
        elif action == "select":
            self.select()
        elif action == "back":
            self.back()
        elif action == "help":
            self._speech.say([self.help_text()])
        elif action == "speech":
            self._speech.toggle()

    def chain(self) -> list[QAbstractButton]:
        return controls(self._window, self._window.language.is_rtl())

    def move(self, step: int) -> None:
        chain = self.chain()
        if not chain:
            self._focus(None)
            return
        if self.focused in chain:
            index = (chain.index(self.focused) + step) % len(chain)
        else:
            index = 0 if step > 0 else len(chain) - 1
        self._focus(chain[index])

    def select(self) -> None:
        target = self.focused
        if target is None or target not in self.chain():
            self.move(1)
            return
        target.click()
        QTimer.singleShot(0, self._refresh_ring)

    def back(self) -> None:
        overlays = [o for o in open_overlays(self._window) if isinstance(o, Overlay)]
        if overlays:
            overlays[-1].close_overlay()
        else:
            self._window.navigator.back()
        self._forget()

    def help_text(self) -> str:
        parts = {
            "next": self.tr("%1: next item"),
            "previous": self.tr("%1: previous item"),
            "select": self.tr("%1: open the item"),
            "back": self.tr("%1: back"),
            "help": self.tr("%1: this help"),
            "speech": self.tr("%1: speech on or off"),
        }
        said = [fill(parts[action], self._names[action]) for action in ACTIONS
                if action in self._names]  # fmt: skip
        return self.tr("Keypad.") + " " + ". ".join(said) + "."

    def _focus(self, target: QAbstractButton | None) -> None:
        self.focused = target
        if target is not None:
            log.debug("keypad focus: %s", accessible_name(target))
            scroll_into_view(target)
            if self._speech.is_on():
                self._speech.say([accessible_name(target)], spoken_language(target))
        self.ring.follow(target)

    @Slot()
    def _forget(self) -> None:
        self.focused = None
        self.ring.follow(None)

    @Slot()
    def _refresh_ring(self) -> None:
        if self.focused is not None and self.focused not in self.chain():
            self.focused = None
        self.ring.follow(self.focused)


def keypad_keys(config_keys: dict[str, str]) -> dict[str, str]:
    """The configured keys that name a real key (others are reported once)."""
    good: dict[str, str] = {}
    for action, name in config_keys.items():
        if not name:
            continue
        if key_code(name) is None:
            log.warning("keypad.%s: %r is not a single key; ignored", action, name)
            continue
        good[action] = name
    return good
