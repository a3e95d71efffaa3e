"""Timing what a visitor sees: from a tap to the moment a widget has been painted."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


class PaintProbe(QObject):
    """Notes when ``widget`` finishes a paint for which ``ready()`` held.

    The end time is taken in a zero-delay timer queued by the paint event, so it falls
    after the paint and after the window's backing store was flushed to the screen in
    the same event-loop turn: the first frame that shows the new state.
    """

    def __init__(self, widget: QWidget, ready: Callable[[], bool]) -> None:
        super().__init__(widget)
        self._ready = ready
        self.painted_at: float | None = None
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.painted_at is None and self._ready():
            QTimer.singleShot(0, self._stamp)
        return False

    def _stamp(self) -> None:
        if self.painted_at is None:
            self.painted_at = time.perf_counter()


def tap(widget: QWidget, pos: QPoint | None = None) -> float:
    """Press and release the left button on ``widget``; return the time of the press."""
    started = time.perf_counter()
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     pos or widget.rect().center())  # fmt: skip
    return started


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Run the event loop until ``condition()`` holds."""
    deadline = time.perf_counter() + timeout
    while not condition():
        if time.perf_counter() > deadline:
            raise TimeoutError("the kiosk did not get there in time")
        QApplication.processEvents()
        time.sleep(0.0005)


def settle(seconds: float) -> None:
    """Let timers and animations run for ``seconds``."""
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        QApplication.processEvents()
        time.sleep(0.002)
