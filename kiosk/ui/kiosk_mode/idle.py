"""Notices when the visitor has gone: idle prompt, then reset, then the attract screen."""

from __future__ import annotations

import enum

from PySide6.QtCore import QEvent, QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import QApplication

from kiosk.ui.input import app_events

# Events that mean someone is at the screen. Mouse moves without a button do not count:
# a hidden cursor can drift, and nobody browses a kiosk by hovering.
_INPUT_EVENTS = {
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
    QEvent.Type.TabletPress,
}


class IdleState(enum.Enum):
    ACTIVE = "active"  # a visitor is using the kiosk
    PROMPT = "prompt"  # "Still there?" is counting down
    RESET = "reset"  # back at the start, waiting for the attract delay
    ATTRACT = "attract"  # the attract screen is showing


class IdleWatcher(QObject):
    """Watches all input in the application and steps through the idle states.

    ``prompt_requested`` after ``timeout`` seconds without input; ``reset_requested``
    when the countdown runs out; ``attract_requested`` ``attract_delay`` seconds later.
    Any input while prompting emits ``resumed``; ``visit_started`` marks the first input
    after a reset (a new visitor).
    """

    prompt_requested = Signal(int)  # seconds of countdown
    countdown_tick = Signal(int)  # seconds left
    resumed = Signal()
    reset_requested = Signal()
    attract_requested = Signal()
    visit_started = Signal()

    def __init__(
        self, timeout_s: int, countdown_s: int, attract_delay_s: int, parent: QObject
    ) -> None:
        super().__init__(parent)
        self._countdown_s = countdown_s
        self._attract_delay_ms = attract_delay_s * 1000
        self._left = 0
        self._state = IdleState.RESET
        self._enabled = False
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(timeout_s * 1000)
        self._idle.timeout.connect(self._on_idle)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._on_tick)
        self._attract = QTimer(self)
        self._attract.setSingleShot(True)
        self._attract.timeout.connect(self._on_attract)

    @property
    def state(self) -> IdleState:
        return self._state

    def start(self) -> None:
        """Begin watching; the kiosk starts as if just reset (attract after the delay)."""
        app = QApplication.instance()
        if self._enabled or app is None:
            return
        self._enabled = True
        app_events.watch(self, _INPUT_EVENTS)
        self._enter_reset()

    def stop(self) -> None:
        app = QApplication.instance()
        if not self._enabled or app is None:
            return
        self._enabled = False
        app_events.unwatch(self)
        for timer in (self._idle, self._tick, self._attract):
            timer.stop()

    def intervals(self) -> tuple[int, int]:
        """Seconds of idleness before the prompt, and of its countdown."""
        return self._idle.interval() // 1000, self._countdown_s

    def set_intervals(self, timeout_s: int, countdown_s: int, attract_delay_s: int) -> None:
        self._idle.setInterval(timeout_s * 1000)
        self._countdown_s = countdown_s
        self._attract_delay_ms = attract_delay_s * 1000

    @Slot()
    def poke(self) -> None:
        """Input happened: restart the idle clock (also for input the filter cannot see)."""
        if not self._enabled:
            return
        if self._state in (IdleState.RESET, IdleState.ATTRACT):
            self._attract.stop()
            self._state = IdleState.ACTIVE
            self.visit_started.emit()
        elif self._state is IdleState.PROMPT:
            self._tick.stop()
            self._state = IdleState.ACTIVE
            self.resumed.emit()
        self._idle.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Every widget on the way sees the same event: restarting a timer is cheap.
        if event.type() in _INPUT_EVENTS:
            self.poke()
        return False

    @Slot()
    def _on_idle(self) -> None:
        if self._state is not IdleState.ACTIVE:
            return
        self._state = IdleState.PROMPT
        self._left = self._countdown_s
        self.prompt_requested.emit(self._left)
        self._tick.start()

    @Slot()
    def _on_tick(self) -> None:
        self._left -= 1
        if self._left > 0:
            self.countdown_tick.emit(self._left)
            return
        self._tick.stop()
        self._enter_reset()
        self.reset_requested.emit()

    def _enter_reset(self) -> None:
        self._state = IdleState.RESET
        self._idle.stop()
        self._attract.start(self._attract_delay_ms)

    @Slot()
    def _on_attract(self) -> None:
        if self._state is IdleState.RESET:
            self._state = IdleState.ATTRACT
            self.attract_requested.emit()
