"""Screen transitions: short, never in the way of a tap, mirrored in Arabic; swipes follow."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.transitions import TRANSITION_MS, set_motion_enabled
from kiosk.ui.window import MainWindow

from .conftest import WindowFactory
from .visitor import held_move, tap, tap_home_tile


@pytest.fixture
def motion() -> Iterator[None]:
    set_motion_enabled(True)
    yield
    set_motion_enabled(False)


def hold_and_drag(qtbot: QtBot, window: MainWindow, dx: int) -> tuple[QWidget, QPoint]:
    """Press on the section text and drag ``dx`` pixels sideways, still holding."""
    viewport = window.section.text.viewport()
    start = viewport.rect().center()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    for step in range(1, 9):
        qtbot.wait(10)
        held_move(viewport, start + QPoint(dx * step // 8, 0))
    return viewport, start + QPoint(dx, 0)


def test_transition_is_short_and_never_blocks_a_tap(
    make_window: WindowFactory, qtbot: QtBot, motion: None
) -> None:
    assert TRANSITION_MS <= 250
    window = make_window(lang="fr")
    tap_home_tile(qtbot, window, "plan-acceleration-industrielle")
    transition = window.transition
    assert transition.is_running(), "the previous screen slides away"
    snapshot = transition.snapshot
    assert snapshot.testAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    # During the animation the new screen already takes taps.
    tap(qtbot, window.section.next_button)
    assert window.current_screen() == "pole-medest"
    qtbot.waitUntil(lambda: not transition.is_running(), timeout=TRANSITION_MS * 4)


def test_the_first_frame_after_a_tap_shows_the_new_screen_coming_in(
    make_window: WindowFactory, qtbot: QtBot, motion: None
) -> None:
    """No frame repeats the old screen after a tap: the slide starts one frame in."""
    window = make_window(lang="fr")
    tile = window.home.tiles["bloc-ecosystemes"]
    qtbot.mousePress(tile, Qt.MouseButton.LeftButton, pos=tile.rect().center())
    # The release opens the section; nothing has been painted since.
    qtbot.mouseRelease(tile, Qt.MouseButton.LeftButton, pos=tile.rect().center())
    snapshot = window.transition.snapshot
    assert window.current_screen() == "bloc-ecosystemes"
    assert snapshot.isVisible() and not snapshot.incoming.isNull()
    assert snapshot.offset < -window.width() * 0.05, "the new screen is already in view"
    qtbot.waitUntil(lambda: not window.transition.is_running(), timeout=1000)


@pytest.mark.parametrize(("lang", "leftwards"), [("fr", True), ("ar", False)])
def test_forward_slides_against_the_reading_direction(
    make_window: WindowFactory, qtbot: QtBot, motion: None, lang: str, leftwards: bool
) -> None:
    window = make_window(lang=lang)
    tap_home_tile(qtbot, window, "bloc-ecosystemes")
    qtbot.waitUntil(lambda: not window.transition.is_running(), timeout=1000)
    tap(qtbot, window.section.next_button)
    snapshot = window.transition.snapshot
    qtbot.waitUntil(lambda: abs(snapshot.offset) > 5, timeout=1000)
    assert (snapshot.offset < 0) == leftwards
    qtbot.waitUntil(lambda: not window.transition.is_running(), timeout=1000)


def test_swipe_follows_the_finger_then_opens_the_next_section(
    make_window: WindowFactory, qtbot: QtBot, motion: None
) -> None:
    window = make_window(lang="fr")
    tap_home_tile(qtbot, window, "bloc-ecosystemes")
    qtbot.waitUntil(lambda: not window.transition.is_running(), timeout=1000)
    viewport, end = hold_and_drag(qtbot, window, -300)
    snapshot = window.transition.snapshot
    assert snapshot.isVisible()
    assert snapshot.offset == pytest.approx(-300, abs=2), "the page sits under the finger"
    assert window.current_screen() == "bloc-ecosystemes", "nothing opens before release"
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    assert window.current_screen() == "bloc-competitivite-pme"
    qtbot.waitUntil(lambda: not window.transition.is_running(), timeout=1000)


def test_swipe_toward_nothing_gives_a_little_and_springs_back(
    make_window: WindowFactory, qtbot: QtBot, motion: None
) -> None:
    window = make_window(lang="fr")
    tap_home_tile(qtbot, window, "bloc-ecosystemes")  # the first block: no previous
    qtbot.waitUntil(lambda: not window.transition.is_running(), timeout=1000)
    viewport, end = hold_and_drag(qtbot, window, 300)
    snapshot = window.transition.snapshot
    assert snapshot.offset == pytest.approx(75, abs=2)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=end)
    assert window.current_screen() == "bloc-ecosystemes"
    qtbot.waitUntil(lambda: not window.transition.is_running(), timeout=1000)


def test_without_motion_nothing_is_animated(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window(lang="fr")
    tap_home_tile(qtbot, window, "pole-medest")
    assert not window.transition.is_running()


class PaintCounter(QObject):
    """Counts the paint events of one widget."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def test_the_slide_does_not_paint_the_screen_it_covers(
    make_window: WindowFactory, qtbot: QtBot, motion: None
) -> None:
    """The snapshot paints every pixel while it slides: the live page beneath is only
    painted once uncovered."""
    window = make_window(lang="fr")
    tap_home_tile(qtbot, window, "bloc-ecosystemes")
    assert window.transition.is_running()
    paints = PaintCounter(window.section.text.viewport())
    qtbot.wait(TRANSITION_MS // 2)
    assert window.transition.is_running() and paints.count == 0
    qtbot.waitUntil(lambda: not window.transition.is_running(), timeout=1000)
    qtbot.waitUntil(lambda: paints.count > 0, timeout=1000)
