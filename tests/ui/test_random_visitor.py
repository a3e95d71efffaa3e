"""A seeded random visitor (the soak's) taps, swipes, types all over the kiosk: nothing breaks."""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from benchmarks.random_visitor import RandomVisitor
from kiosk.ui.navigator import HOME
from kiosk.ui.overlay import open_overlays
from tests.ui.conftest import WindowFactory

INTERACTIONS = 250


# Offscreen only: widgetAt() finds no window for a drag (the same flick on xcb is silent).
@pytest.mark.qt_log_ignore("QGestureManager::deliverEvents: could not find the target")
@pytest.mark.parametrize("seed", [1, 2])
def test_a_random_visitor_cannot_break_the_kiosk(
    make_window: WindowFactory, qtbot: QtBot, seed: int
) -> None:
    rng = random.Random(seed)
    window = make_window(size=rng.choice([(1920, 1080), (1080, 1920), (1366, 768)]))
    # Presentation mode: every interaction but the kiosk-mode waits and the admin corner.
    visitor = RandomVisitor(window, None, rng)
    for _ in range(INTERACTIONS):
        visitor.step()
        assert window.isVisible()
    assert {"tap", "language", "swipe", "double_tap", "key"} <= set(visitor.counts)
    # Whatever happened, the visitor can still get home and read a section.
    for overlay in reversed(open_overlays(window)):
        overlay.close_overlay()
    window.navigator.home()
    assert window.current_screen() == HOME
    # The speaker button may have been tapped: in speech mode a first touch only speaks.
    for _ in range(2 if window.speech.is_on() else 1):
        qtbot.mouseClick(window.home.tiles["pole-medest"], Qt.MouseButton.LeftButton)
    assert window.current_screen() == "pole-medest"
