"""What a benchmark does as a visitor: tap, and let the event loop run."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


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
