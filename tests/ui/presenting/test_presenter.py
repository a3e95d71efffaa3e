"""Presentation mode: a clicker and the keyboard drive the deck, blank, fullscreen, language."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import KioskRun, load_library
from kiosk.ui.navigator import HOME
from kiosk.ui.overlay import Overlay
from kiosk.ui.presenting.presenter import WHEEL_SETTLE_MS, Presenter
from kiosk.ui.window import MainWindow
from tests.conftest import REPO
from tests.ui.kiosk_run import start_run
from tests.ui.visitor import shown_title, tap

Key = Qt.Key


@pytest.fixture
def presenting(app: QApplication, qtbot: QtBot) -> Iterator[KioskRun]:
    run = start_run(app, qtbot)
    yield run
    run.stop()


def window_of(run: KioskRun) -> MainWindow:
    assert isinstance(run.window, MainWindow)
    return run.window


def presenter_of(run: KioskRun) -> Presenter:
    assert run.presenter is not None
    return run.presenter


def press(
    qtbot: QtBot, window: MainWindow, key: Qt.Key, modifier: Qt.KeyboardModifier | None = None
) -> None:
    qtbot.keyClick(window, key, modifier or Qt.KeyboardModifier.NoModifier)
    QApplication.processEvents()


def order_of(run: KioskRun) -> tuple[str, ...]:
    window = window_of(run)
    return window.library.page_ids


def assert_on(run: KioskRun, page_id: str, position: int) -> None:
    window = window_of(run)
    strip = presenter_of(run).progress
    assert window.current_screen() == page_id
    if page_id == HOME:
        assert window.stack.currentWidget() is window.home
        assert not strip.isVisible(), "the progress strip is hidden on the home screen"
        return
    assert window.stack.currentWidget() is window.section
    assert window.section.page_id == page_id
    assert strip.isVisible()
    assert (strip.position, strip.count) == (position, len(order_of(run)))
    assert str(position) in strip.accessibleName()


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_clicker_walks_the_whole_deck_forward_and_back(
    presenting: KioskRun, qtbot: QtBot, lang: str
) -> None:
    window = window_of(presenting)
    window.language.set_language(lang)
    order = order_of(presenting)
    assert len(order) >= 8, "the shipped deck has sections, blocks and zones"
    assert_on(presenting, HOME, 0)
    titles = []
    for position, page_id in enumerate(order, start=1):
        press(qtbot, window, Key.Key_PageDown)
        assert_on(presenting, page_id, position)
        titles.append(shown_title(window))
    press(qtbot, window, Key.Key_PageDown)
    assert_on(presenting, order[-1], len(order)), "the last section stays put"
    assert len(set(titles)) == len(order), "every section shows its own title"
    for position in range(len(order) - 1, 0, -1):
        press(qtbot, window, Key.Key_PageUp)
        assert_on(presenting, order[position - 1], position)
    press(qtbot, window, Key.Key_PageUp)
    assert_on(presenting, HOME, 0)
    assert window.language.current == lang


def test_space_and_shift_space_home_and_end(presenting: KioskRun, qtbot: QtBot) -> None:
    window = window_of(presenting)
    order = order_of(presenting)
    press(qtbot, window, Key.Key_Space)
    press(qtbot, window, Key.Key_Space)
    assert_on(presenting, order[1], 2)
    press(qtbot, window, Key.Key_Space, Qt.KeyboardModifier.ShiftModifier)
    assert_on(presenting, order[0], 1)
    press(qtbot, window, Key.Key_End)
    assert_on(presenting, order[-1], len(order))
    press(qtbot, window, Key.Key_Home)
    assert_on(presenting, HOME, 0)


@pytest.mark.parametrize(("lang", "forward", "backward"), [
    ("fr", Key.Key_Right, Key.Key_Left),
    ("en", Key.Key_Right, Key.Key_Left),
    ("ar", Key.Key_Left, Key.Key_Right),
])  # fmt: skip
def test_horizontal_arrows_follow_the_reading_direction(
    presenting: KioskRun, qtbot: QtBot, lang: str, forward: Qt.Key, backward: Qt.Key
) -> None:
    window = window_of(presenting)
    window.language.set_language(lang)
    order = order_of(presenting)
    for position, page_id in enumerate(order, start=1):
        press(qtbot, window, forward)
        assert_on(presenting, page_id, position)
    for position in range(len(order) - 1, 0, -1):
        press(qtbot, window, backward)
        assert_on(presenting, order[position - 1], position)
    press(qtbot, window, backward)
    assert_on(presenting, HOME, 0)


def long_page(run: KioskRun) -> str:
    """A section of the deck whose text does not fit the window, opened by the keyboard."""
    window = window_of(run)
    bar = window.section.text.verticalScrollBar()
    for page_id in order_of(run):
        window.navigator.go(page_id)
        QApplication.processEvents()
        if bar.maximum() > 2 * bar.pageStep():
            return page_id
    raise AssertionError("no section is longer than the window")


def test_arrow_keys_scroll_a_long_page_before_moving_on(presenting: KioskRun, qtbot: QtBot) -> None:
    window = window_of(presenting)
    order = order_of(presenting)
    page_id = long_page(presenting)
    index = order.index(page_id)
    bar = window.section.text.verticalScrollBar()
    assert bar.value() == 0
    presses = 0
    while bar.value() < bar.maximum():
        press(qtbot, window, Key.Key_Down)
        presses += 1
        assert window.current_screen() == page_id, "Down scrolls while there is more to read"
        assert presses < 100
    assert presses >= 3
    press(qtbot, window, Key.Key_Down)
    assert_on(presenting, order[index + 1], index + 2)
    press(qtbot, window, Key.Key_PageUp)
    assert_on(presenting, page_id, index + 1)
    assert bar.value() == 0, "a section is always entered at its top"
    press(qtbot, window, Key.Key_Down)
    assert bar.value() > 0
    while bar.value() > 0:
        press(qtbot, window, Key.Key_Up)
        assert window.current_screen() == page_id
    press(qtbot, window, Key.Key_Up)
    assert window.current_screen() == (order[index - 1] if index else HOME)


def turn_wheel(window: MainWindow, notches: int) -> None:
    """One wheel event over the section text; negative notches scroll down."""
    viewport = window.section.text.viewport()
    centre = QPointF(viewport.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(viewport.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * notches),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, event)
    QApplication.processEvents()


def test_mouse_wheel_scrolls_a_long_page_then_moves_on(presenting: KioskRun, qtbot: QtBot) -> None:
    window = window_of(presenting)
    order = order_of(presenting)
    page_id = long_page(presenting)
    index = order.index(page_id)
    bar = window.section.text.verticalScrollBar()
    qtbot.wait(WHEEL_SETTLE_MS + 50)
    turns = 0
    while bar.value() < bar.maximum():
        turn_wheel(window, -1)
        turns += 1
        assert window.current_screen() == page_id
        assert turns < 200
    assert turns >= 2
    turn_wheel(window, -1)
    assert_on(presenting, order[index + 1], index + 2)
    # A touchpad keeps sending turns after the page changed: they only scroll.
    turn_wheel(window, 1)
    assert window.current_screen() == order[index + 1]
    qtbot.wait(WHEEL_SETTLE_MS + 50)
    turn_wheel(window, 1)
    assert_on(presenting, page_id, index + 1)


def test_b_and_period_blank_the_screen_and_any_key_or_click_brings_it_back(
    presenting: KioskRun, qtbot: QtBot
) -> None:
    window = window_of(presenting)
    blank = presenter_of(presenting).blank
    order = order_of(presenting)
    press(qtbot, window, Key.Key_PageDown)
    press(qtbot, window, Key.Key_B)
    assert blank.isVisible()
    assert blank.geometry() == window.rect()
    assert blank.grab().toImage().pixelColor(5, 5).name() == "#000000"
    press(qtbot, window, Key.Key_B)
    assert not blank.isVisible()
    press(qtbot, window, Key.Key_Period)
    assert blank.isVisible()
    press(qtbot, window, Key.Key_PageDown)
    assert not blank.isVisible()
    assert_on(presenting, order[0], 1), "the key that unblanks does nothing else"
    press(qtbot, window, Key.Key_Period)
    assert blank.isVisible()
    tap(qtbot, blank)
    assert not blank.isVisible()
    assert_on(presenting, order[0], 1)


def test_f5_f11_toggle_fullscreen_and_escape_leaves_it(presenting: KioskRun, qtbot: QtBot) -> None:
    window = window_of(presenting)
    placement = presenting.placement
    assert placement is not None
    assert not window.isFullScreen()
    press(qtbot, window, Key.Key_F5)
    assert placement.fullscreen
    qtbot.waitUntil(window.isFullScreen)
    press(qtbot, window, Key.Key_F5)
    assert not placement.fullscreen
    qtbot.waitUntil(lambda: not window.isFullScreen())
    press(qtbot, window, Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    press(qtbot, window, Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not placement.fullscreen
    press(qtbot, window, Key.Key_F5, Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(window.isFullScreen)
    press(qtbot, window, Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    press(qtbot, window, Key.Key_Escape)
    assert not window.isFullScreen(), "Esc in a window changes nothing"
    assert window.isVisible()


def test_l_cycles_the_language_and_keeps_the_section(presenting: KioskRun, qtbot: QtBot) -> None:
    window = window_of(presenting)
    order = order_of(presenting)
    press(qtbot, window, Key.Key_PageDown)
    titles = {}
    seen = []
    for _ in range(4):
        seen.append(window.language.current)
        titles[window.language.current] = shown_title(window)
        press(qtbot, window, Key.Key_L)
        assert window.current_screen() == order[0]
        rtl = window.language.current == "ar"
        assert window.layoutDirection() == (
            Qt.LayoutDirection.RightToLeft if rtl else Qt.LayoutDirection.LeftToRight
        )
    assert seen == ["fr", "ar", "en", "fr"]
    assert len(set(titles.values())) == 3, "the section is shown in each language"


def test_keys_leave_other_layers_and_system_shortcuts_alone(
    presenting: KioskRun, qtbot: QtBot
) -> None:
    window = window_of(presenting)
    press(qtbot, window, Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, window, Key.Key_L, Qt.KeyboardModifier.AltModifier)
    assert window.current_screen() == HOME
    assert window.language.current == "fr"
    layer = Overlay(window)
    layer.open_overlay()
    press(qtbot, layer, Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    for key in (Key.Key_PageDown, Key.Key_L, Key.Key_B, Key.Key_Escape):
        press(qtbot, layer, key)
    assert window.current_screen() == HOME
    assert window.language.current == "fr"
    assert not presenter_of(presenting).blank.isVisible()
    assert window.isFullScreen(), "Esc belongs to the open layer (it closes a document)"
    layer.close_overlay()
    press(qtbot, window, Key.Key_Escape)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    press(qtbot, window, Key.Key_PageDown)
    assert window.current_screen() == order_of(presenting)[0]


def test_no_presentation_key_has_any_effect_in_kiosk_mode(app: QApplication, qtbot: QtBot) -> None:
    run = start_run(app, qtbot, mode="kiosk", attract_delay=600)
    try:
        window = window_of(run)
        assert run.presenter is None
        qtbot.waitUntil(window.isFullScreen)
        keys = [
            Key.Key_PageDown, Key.Key_Space, Key.Key_Right, Key.Key_Left, Key.Key_Down,
            Key.Key_End, Key.Key_PageUp, Key.Key_Home, Key.Key_B, Key.Key_Period, Key.Key_L,
            Key.Key_F5, Key.Key_F11, Key.Key_Escape,
        ]  # fmt: skip
        for key in keys:
            press(qtbot, window, key)
            assert window.current_screen() == HOME, key
            assert window.language.current == "fr", key
            assert window.isFullScreen(), key
        assert not any(
            type(child).__name__ in ("BlankScreen", "ProgressStrip") and child.isVisible()
            for child in window.children()
        )
        assert run.mode is not None
        assert run.mode.lockdown.blocked >= len(keys)
    finally:
        run.stop()


SECOND_SCREEN_SCRIPT = """
import sys
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from kiosk.app import KioskRun, RunOptions, create_application
from kiosk.config import Config, LoadedConfig
app = create_application()
run = KioskRun(app, RunOptions(LoadedConfig(Config(screen=1))))
run.start()
window = run.window
app.processEvents()
print(window.screen().name(), window.isFullScreen(), *window.geometry().getRect())
QTest.keyClick(window, Qt.Key.Key_F5)
app.processEvents()
print(window.screen().name(), window.isFullScreen(), *window.geometry().getRect())
"""


@pytest.mark.slow
def test_screen_one_puts_the_presentation_on_the_projector(tmp_path: Path) -> None:
    screens = {
        "synchronousWindowSystem": True,
        "windowFrameMargins": False,
        "screens": [
            {"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96},
            {"name": "projector", "x": 1366, "y": 0, "width": 1920, "height": 1080,
             "logicalDpi": 96},
        ],
    }  # fmt: skip
    config = tmp_path / "screens.json"
    config.write_text(json.dumps(screens), encoding="utf-8")
    env = dict(
        os.environ,
        QT_QPA_PLATFORM=f"offscreen:configfile={config}",
        HOME=str(tmp_path),
        XDG_CONFIG_HOME=str(tmp_path / "config"),
        XDG_STATE_HOME=str(tmp_path / "state"),
        XDG_CACHE_HOME=str(tmp_path / "cache"),
    )
    result = subprocess.run(
        [sys.executable, "-c", SECOND_SCREEN_SCRIPT],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    windowed, fullscreen = result.stdout.split("\n")[:2]
    name, full, x, _y, width, _height = windowed.split()
    assert (name, full) == ("projector", "False")
    assert int(x) >= 1366
    assert int(x) + int(width) <= 1366 + 1920
    assert fullscreen.split() == ["projector", "True", "1366", "0", "1920", "1080"]
    # Font and icon caches may appear; settings, window positions or state may not.
    cache = tmp_path / "cache"
    written = [
        path
        for path in tmp_path.rglob("*")
        if path.is_file() and path != config and cache not in path.parents
    ]
    assert not written, "nothing is remembered between runs"


def test_the_deck_follows_a_content_reload(
    presenting: KioskRun, qtbot: QtBot, content_copy: Path
) -> None:
    window = window_of(presenting)
    site = content_copy / "site.toml"
    text = site.read_text(encoding="utf-8")
    assert '"chiffres-cles", ' in text
    site.write_text(text.replace('"chiffres-cles", ', ""), encoding="utf-8")
    library = load_library(content_copy)
    assert library is not None
    window.set_library(library)
    order = order_of(presenting)
    assert "chiffres-cles" not in order
    press(qtbot, window, Key.Key_End)
    assert_on(presenting, order[-1], len(order))
    shown = []
    while window.current_screen() != HOME:
        shown.append(window.current_screen())
        press(qtbot, window, Key.Key_PageUp)
    assert shown == list(reversed(order))
