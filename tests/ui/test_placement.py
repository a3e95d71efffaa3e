"""Screen placement with and without a compositor that sizes the window, and the
lock-down's "keep covering the screen" on top of it.

The real Wayland stack is in tests/stack/ (cage); here the offscreen platform stands
for it, the placement being told that a compositor places the window.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui import placement as placement_module
from kiosk.ui.kiosk_mode.lockdown import LockDown
from kiosk.ui.placement import ScreenPlacement


class RecordingWindow(QWidget):
    """A window that remembers the geometries the kiosk gave it itself."""

    def __init__(self) -> None:
        super().__init__()
        self.geometries: list[QRect] = []

    def setGeometry(self, *args: object) -> None:
        self.geometries.append(QRect(*args))  # type: ignore[call-overload]
        super().setGeometry(*args)  # type: ignore[call-overload]


@pytest.fixture
def window(qtbot: QtBot) -> Iterator[RecordingWindow]:
    widget = RecordingWindow()
    qtbot.addWidget(widget)
    yield widget


@pytest.fixture
def short_interval(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(placement_module, "REQUEST_INTERVAL", 0.2)


def lock(window: QWidget, placement: ScreenPlacement) -> LockDown:
    lockdown = LockDown(window, hide_cursor=False)
    lockdown.activate(placement)
    return lockdown


def test_on_bare_x_the_window_takes_the_screen_geometry_itself(
    window: RecordingWindow, qtbot: QtBot
) -> None:
    placement = ScreenPlacement(window, 0, fullscreen=True, compositor=False)
    placement.show()
    qtbot.waitExposed(window)
    assert window.geometries == [window.screen().geometry()]
    assert window.isFullScreen()


def test_under_a_compositor_the_window_only_asks_for_fullscreen(
    window: RecordingWindow, qtbot: QtBot
) -> None:
    placement = ScreenPlacement(window, 0, fullscreen=True, compositor=True)
    placement.show()
    qtbot.waitExposed(window)
    assert window.geometries == []
    assert window.isFullScreen()
    # Screens changing: placed again, still without a geometry of its own.
    placement.place()
    assert window.geometries == []


@pytest.mark.usefixtures("short_interval")
def test_a_compositors_maximised_window_is_left_alone(
    window: RecordingWindow, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    placement = ScreenPlacement(window, 0, fullscreen=True, compositor=True)
    placement.show()
    lockdown = lock(window, placement)
    qtbot.waitExposed(window)
    qtbot.wait(300)  # past the time a compositor is given to answer
    # cage answers a fullscreen request by maximizing the window over the output.
    with caplog.at_level(logging.INFO, logger="kiosk"):
        window.showMaximized()
        qtbot.wait(500)
    assert window.isMaximized() and not window.isFullScreen()
    assert lockdown.blocked == 0
    assert not [r for r in caplog.records if r.levelno >= logging.INFO]
    lockdown.deactivate()


@pytest.mark.usefixtures("short_interval")
def test_the_compositors_first_answer_is_not_a_visitor_leaving_fullscreen(
    window: RecordingWindow, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    placement = ScreenPlacement(window, 0, fullscreen=True, compositor=True)
    with caplog.at_level(logging.INFO, logger="kiosk"):
        placement.show()
        lockdown = lock(window, placement)
        # xdg-shell's first configure carries no state: the window is normal for a moment.
        window.showNormal()
        window.resize(526, 480)
        assert not [r for r in caplog.records if r.levelno >= logging.WARNING]
        # Still not covering once the compositor had its time: asked again, quietly.
        qtbot.waitUntil(window.isFullScreen, timeout=2000)
    assert lockdown.blocked == 0
    assert [r.getMessage() for r in caplog.records] == [
        "asking the compositor again to show the window fullscreen"
    ]
    lockdown.deactivate()


@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_on_bare_x_leaving_fullscreen_is_undone_at_once(
    window: RecordingWindow, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    placement = ScreenPlacement(window, 0, fullscreen=True, compositor=False)
    placement.show()
    lockdown = lock(window, placement)
    qtbot.waitExposed(window)
    window.showMaximized()
    qtbot.waitUntil(window.isFullScreen, timeout=2000)
    assert lockdown.blocked == 1
    assert "restoring it" in caplog.text
    lockdown.deactivate()
