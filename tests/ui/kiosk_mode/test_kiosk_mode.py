"""Kiosk mode as a visitor meets it: nothing breaks out, idle reset, attract, admin PIN."""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QContextMenuEvent,
    QDesktopServices,
    QGuiApplication,
    QHelpEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

import kiosk.log
from kiosk.admin_pin import MAX_ATTEMPTS, hash_pin
from kiosk.app import KioskRun, RunOptions, create_application
from kiosk.config import Config, LoadedConfig
from kiosk.ui.kiosk_mode.idle import IdleState
from kiosk.ui.kiosk_mode.kiosk_mode import KioskMode
from kiosk.ui.navigator import HOME
from kiosk.ui.screens.error_screen import ErrorScreen
from kiosk.ui.window import MainWindow
from tests.conftest import CONTENT
from tests.ui.visitor import related_tile, shown_title, tap, tap_home_tile, tap_language

PIN = "2468"
PIN_HASH = hash_pin(PIN)
K = Qt.Key
M = Qt.KeyboardModifier
# Every key combination a visitor (or a keyboard left on the stand) could use to quit,
# switch, print, save, open, zoom or reach a menu.
BREAKOUT_KEYS: list[tuple[Qt.Key, Qt.KeyboardModifier]] = [
    (K.Key_F4, M.AltModifier),
    (K.Key_Q, M.ControlModifier),
    (K.Key_W, M.ControlModifier),
    (K.Key_P, M.ControlModifier),
    (K.Key_S, M.ControlModifier),
    (K.Key_O, M.ControlModifier),
    (K.Key_N, M.ControlModifier),
    (K.Key_T, M.ControlModifier),
    (K.Key_Plus, M.ControlModifier),
    (K.Key_Minus, M.ControlModifier),
    (K.Key_Escape, M.NoModifier),
    (K.Key_Space, M.AltModifier),
    (K.Key_F10, M.ShiftModifier),
    (K.Key_Menu, M.NoModifier),
    (K.Key_Tab, M.AltModifier),
    (K.Key_Backspace, M.NoModifier),
    (K.Key_Left, M.AltModifier),
    *((getattr(K, f"Key_F{n}"), M.NoModifier) for n in range(1, 13)),
]


def kiosk_config(**changes: object) -> Config:
    settings: dict[str, object] = {
        "mode": "kiosk",
        "content_dir": CONTENT,
        "admin_pin_hash": PIN_HASH,
        "admin_corner_seconds": 1.0,
    }
    settings.update(changes)
    return Config(**settings)  # type: ignore[arg-type]


@pytest.fixture
def start_kiosk(qtbot: QtBot) -> Iterator[object]:
    runs: list[KioskRun] = []

    def start(config: Config | None = None) -> KioskRun:
        app = create_application()
        run = KioskRun(app, RunOptions(LoadedConfig(config or kiosk_config())))
        runs.append(run)
        run.start()
        assert run.window is not None
        qtbot.waitExposed(run.window)
        return run

    yield start
    for run in runs:
        run.stop()


def visible_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def assert_still_kiosk(run: KioskRun) -> None:
    window = run.window
    assert isinstance(window, MainWindow)
    assert window.isVisible(), "the kiosk window was closed"
    assert visible_windows() == [window], "another window appeared"
    assert window.geometry() == window.screen().geometry(), "the window no longer covers the screen"


@pytest.fixture
def no_external_programs(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Fail on any attempt to open a URL or a dialog (records them)."""
    attempts: list[str] = []

    def open_url(url: QUrl) -> bool:
        attempts.append(url.toString())
        return False

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    return attempts


def test_kiosk_window_covers_the_screen_frameless_on_top(start_kiosk) -> None:  # type: ignore[no-untyped-def]
    run = start_kiosk()
    window = run.window
    assert window.windowFlags() & Qt.WindowType.FramelessWindowHint
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert window.isFullScreen()
    assert_still_kiosk(run)


def test_every_breakout_key_on_every_screen_is_swallowed(
    start_kiosk, qtbot: QtBot, no_external_programs: list[str]
) -> None:  # type: ignore[no-untyped-def]
    run = start_kiosk()
    window: MainWindow = run.window
    mode: KioskMode = run.mode
    screens = [HOME, "plan-acceleration-industrielle", "pole-medest", "chiffres-cles"]
    attempts = 0
    for lang in ("fr", "ar"):
        tap_language(qtbot, window, lang)
        for screen in screens:
            if screen == HOME:
                tap(qtbot, window.top_bar.home_button)
            else:
                tap_home_tile(qtbot, window, screen)
            for target in (window, window.focusWidget() or window, window.section.text):
                for key, modifiers in BREAKOUT_KEYS:
                    qtbot.keyClick(target, key, modifiers)
                    attempts += 1
                    assert_still_kiosk(run)
                    assert window.current_screen() == screen
                    assert window.language.current == lang
    assert mode.lockdown.blocked >= attempts
    assert no_external_programs == []


def test_close_requests_are_refused(start_kiosk, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    run = start_kiosk()
    window = run.window
    assert window.close() is False
    QApplication.processEvents()
    assert_still_kiosk(run)


def test_right_click_long_press_and_context_menus_do_nothing(
    start_kiosk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    menus: list[object] = []
    monkeypatch.setattr(QMenu, "exec", lambda *args: menus.append(args))
    monkeypatch.setattr(QMenu, "popup", lambda *args: menus.append(args))
    run = start_kiosk()
    window: MainWindow = run.window
    tap_home_tile(qtbot, window, "pole-medest")
    targets = [window, window.top_bar, window.section.text.viewport(), window.section.text]
    for target in targets:
        qtbot.mouseClick(target, Qt.MouseButton.RightButton, pos=target.rect().center())
        center = target.rect().center()
        event = QContextMenuEvent(
            QContextMenuEvent.Reason.Mouse, center, target.mapToGlobal(center), M.NoModifier
        )
        QApplication.sendEvent(target, event)
        # A long press: held still for 1.5 s, then released.
        qtbot.mousePress(target, Qt.MouseButton.LeftButton, pos=QPoint(200, 200))
        qtbot.wait(1500)
        qtbot.mouseRelease(target, Qt.MouseButton.LeftButton, pos=QPoint(200, 200))
        assert_still_kiosk(run)
    assert menus == []


def test_ctrl_wheel_zoom_is_swallowed(start_kiosk, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    run = start_kiosk()
    window: MainWindow = run.window
    tap_home_tile(qtbot, window, "plan-acceleration-industrielle")
    text = window.section.text
    size = text.document().defaultFont().pixelSize()
    viewport = text.viewport()
    center = QPointF(viewport.rect().center())
    wheel = QWheelEvent(
        center,
        QPointF(viewport.mapToGlobal(center.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.ControlModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(viewport, wheel)
    assert text.document().defaultFont().pixelSize() == size
    assert_still_kiosk(run)


@pytest.mark.parametrize(
    "link",
    [
        "http://example.invalid/",
        "https://example.invalid/",
        "mailto:someone@example.invalid",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "ftp://example.invalid/x",
    ],
)
def test_links_in_content_never_open_another_program(
    start_kiosk, qtbot: QtBot, content_copy: Path, no_external_programs: list[str], link: str
) -> None:  # type: ignore[no-untyped-def]
    page = content_copy / "fr" / "pole-medest.md"
    page.write_text(
        page.read_text(encoding="utf-8") + f"\n\n[Cliquez ici]({link}) <{link}>\n",
        encoding="utf-8",
    )
    run = start_kiosk(kiosk_config(content_dir=content_copy))
    window: MainWindow = run.window
    tap_home_tile(qtbot, window, "pole-medest")
    text = window.section.text
    text.verticalScrollBar().setValue(text.verticalScrollBar().maximum())
    viewport = text.viewport()
    # Tap all over the end of the page, where the link text is.
    for x in range(20, viewport.width(), max(1, viewport.width() // 12)):
        for y in range(viewport.height() // 2, viewport.height(), max(1, viewport.height() // 8)):
            qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=QPoint(x, y))
    assert no_external_programs == []
    assert_still_kiosk(run)


def test_an_unexpected_window_is_closed(start_kiosk, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    run = start_kiosk()
    box = QMessageBox()
    box.setText("a dialog that should never be seen")
    box.show()
    QApplication.processEvents()
    assert not box.isVisible()
    assert_still_kiosk(run)
    box.deleteLater()


def test_idle_prompt_then_reset_then_attract(start_kiosk, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    run = start_kiosk()
    window: MainWindow = run.window
    mode: KioskMode = run.mode
    mode.idle.set_intervals(1, 2, 1)
    tap_language(qtbot, window, "ar")
    tap_home_tile(qtbot, window, "technopole-oujda")
    window.section.text.verticalScrollBar().setValue(50)
    qtbot.waitUntil(lambda: mode.prompt.isVisible(), timeout=3000)
    assert mode.prompt.title.text() == "هل ما زلت هنا؟"
    assert window.current_screen() == "technopole-oujda", "the prompt alone changes nothing"
    qtbot.waitUntil(lambda: not mode.prompt.isVisible(), timeout=4000)
    # Reset: home, default language, nothing of the last visit left.
    assert window.current_screen() == HOME
    assert window.language.current == "fr"
    assert not window.navigator.can_go_back()
    assert window.home.scroll_area.verticalScrollBar().value() == 0
    qtbot.waitUntil(lambda: mode.attract.isVisible(), timeout=3000)
    assert mode.idle.state is IdleState.ATTRACT
    # Every language invited at once, not one after the other.
    assert mode.attract.invitations() == {
        "fr": "Touchez l\u2019écran pour commencer",
        "ar": "المس الشاشة للبدء",
        "en": "Touch the screen to start",
    }
    for text in mode.attract.invitations().values():
        assert text in mode.attract.accessibleName()


def test_a_touch_answers_the_prompt(start_kiosk, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    run = start_kiosk()
    window: MainWindow = run.window
    mode: KioskMode = run.mode
    mode.idle.set_intervals(1, 5, 30)
    tap_home_tile(qtbot, window, "pole-medest")
    qtbot.waitUntil(lambda: mode.prompt.isVisible(), timeout=3000)
    tap(qtbot, mode.prompt.continue_button)
    assert not mode.prompt.isVisible()
    assert window.current_screen() == "pole-medest"
    assert mode.idle.state is IdleState.ACTIVE


def test_first_touch_on_attract_only_wakes(start_kiosk, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    run = start_kiosk(kiosk_config(attract_delay=0))
    window: MainWindow = run.window
    mode: KioskMode = run.mode
    qtbot.waitUntil(lambda: mode.attract.isVisible(), timeout=5000)
    tile = window.home.tiles["pole-medest"]
    center = tile.mapTo(window, tile.rect().center())
    qtbot.mouseClick(mode.attract, Qt.MouseButton.LeftButton, pos=center)
    assert not mode.attract.isVisible()
    assert window.current_screen() == HOME, "the wake-up touch also opened a section"
    tap_home_tile(qtbot, window, "pole-medest")
    assert window.current_screen() == "pole-medest"


def hold_corner(qtbot: QtBot, run: KioskRun, seconds: float = 1.3) -> None:
    window: MainWindow = run.window
    widget = window.childAt(QPoint(5, 5)) or window
    pos = widget.mapFrom(window, QPoint(5, 5))
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=pos)
    qtbot.wait(int(seconds * 1000))
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=pos)


def type_pin(qtbot: QtBot, mode: KioskMode, pin: str) -> None:
    for digit in pin:
        tap(qtbot, mode.pin_pad.keys[digit])
    tap(qtbot, mode.pin_pad.keys["ok"])


def test_corner_hold_right_pin_opens_admin_panel(start_kiosk, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    run = start_kiosk()
    window: MainWindow = run.window
    mode: KioskMode = run.mode
    tap_home_tile(qtbot, window, "pole-medest")
    hold_corner(qtbot, run)
    assert mode.pin_pad.isVisible()
    assert window.current_screen() == "pole-medest", "the held button was not clicked"
    type_pin(qtbot, mode, PIN)
    assert not mode.pin_pad.isVisible()
    assert mode.admin.isVisible()
    assert "cri-kiosk" in mode.admin.info.text()
    tap(qtbot, mode.admin.close_button)
    assert not mode.admin.isVisible()
    assert_still_kiosk(run)


def test_a_short_corner_press_does_nothing(start_kiosk, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    run = start_kiosk()
    hold_corner(qtbot, run, seconds=0.3)
    assert not run.mode.pin_pad.isVisible()


def test_wrong_pins_lock_the_pad(
    start_kiosk, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    run = start_kiosk()
    mode: KioskMode = run.mode
    hold_corner(qtbot, run)
    for _ in range(MAX_ATTEMPTS):
        type_pin(qtbot, mode, "0000")
        assert mode.pin_pad.isVisible()
        assert not mode.admin.isVisible()
    assert "Trop de codes erronés" in mode.pin_pad.message.text()
    assert not mode.pin_pad.keys["1"].isEnabled()
    # Even the right PIN is refused while locked.
    mode.pin_pad.press("ok")
    assert mode.gate.try_pin(PIN) is False
    assert not mode.admin.isVisible()
    assert any("possible break-in attempt" in r.getMessage() for r in caplog.records)


def test_admin_exit_quits_the_kiosk(
    start_kiosk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    run = start_kiosk()
    mode: KioskMode = run.mode
    quits: list[int] = []
    monkeypatch.setattr(QApplication, "exit", lambda code=0: quits.append(code))
    hold_corner(qtbot, run)
    type_pin(qtbot, mode, PIN)
    tap(qtbot, mode.admin.exit_button)
    assert quits == [0]
    assert not mode.lockdown.active


def test_admin_reload_rebuilds_the_window(start_kiosk, qtbot: QtBot, content_copy: Path) -> None:  # type: ignore[no-untyped-def]
    run = start_kiosk(kiosk_config(content_dir=content_copy))
    page = content_copy / "fr" / "pole-medest.md"
    page.write_text(page.read_text(encoding="utf-8").replace("MedEst", "MedEst (mis à jour)", 1))
    hold_corner(qtbot, run)
    type_pin(qtbot, run.mode, PIN)
    old = run.window
    tap(qtbot, run.mode.admin.reload_button)
    qtbot.waitExposed(run.window)
    assert run.window is not old
    assert_still_kiosk(run)
    assert run.mode is not None and run.mode.lockdown.active


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_handler_takes_the_visitor_home(
    start_kiosk, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(sys, "excepthook", kiosk.log._log_uncaught)
    run = start_kiosk()
    window: MainWindow = run.window
    tap_home_tile(qtbot, window, "plan-acceleration-industrielle")

    def broken(page_id: str, lang: str) -> None:
        raise RuntimeError("injected failure")

    monkeypatch.setattr(window.section, "show_section", broken)
    tap(qtbot, related_tile(window, "bloc-ecosystemes"))
    qtbot.waitUntil(lambda: window.current_screen() == HOME, timeout=2000)
    assert any("unexpected error" in r.getMessage() for r in caplog.records)
    monkeypatch.undo()
    tap_home_tile(qtbot, window, "pole-medest")
    assert shown_title(window)
    assert_still_kiosk(run)


def test_unusable_content_shows_a_calm_screen_then_recovers(
    start_kiosk, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr("kiosk.app.RETRY_MS", 100)
    missing = tmp_path / "content"
    missing.mkdir()
    run = start_kiosk(kiosk_config(content_dir=missing))
    assert isinstance(run.window, ErrorScreen)
    assert run.window.close() is False, "the unavailable screen stays up in kiosk mode"
    shutil.rmtree(missing)
    shutil.copytree(CONTENT, missing)
    qtbot.waitUntil(lambda: isinstance(run.window, MainWindow), timeout=3000)
    qtbot.waitExposed(run.window)
    assert_still_kiosk(run)


def test_screen_changes_keep_the_window_covering_its_screen(start_kiosk, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    run = start_kiosk()
    window: MainWindow = run.window
    window.setGeometry(10, 10, 300, 200)  # as a rotated or resized screen would leave it
    screen = QGuiApplication.primaryScreen()
    screen.geometryChanged.emit(screen.geometry())
    qtbot.waitUntil(lambda: window.geometry() == screen.geometry(), timeout=2000)
    assert window.isFullScreen()


def test_presentation_mode_stays_closable(qtbot: QtBot) -> None:
    app = create_application()
    run = KioskRun(app, RunOptions(LoadedConfig(Config(content_dir=CONTENT))))
    try:
        run.start()
        window = run.window
        assert isinstance(window, MainWindow)
        qtbot.waitExposed(window)
        assert run.mode is None
        assert not window.windowFlags() & Qt.WindowType.FramelessWindowHint
        qtbot.keyClick(window, Qt.Key.Key_Escape)
        assert window.close() is True
    finally:
        run.stop()


def test_lockdown_swallows_events_sent_straight_to_widgets(start_kiosk) -> None:  # type: ignore[no-untyped-def]
    run = start_kiosk()
    mode: KioskMode = run.mode
    before = mode.lockdown.blocked
    window = run.window
    center = QPoint(100, 100)
    events = [
        QHelpEvent(QEvent.Type.ToolTip, center, window.mapToGlobal(center)),
        QHelpEvent(QEvent.Type.WhatsThis, center, window.mapToGlobal(center)),
    ]
    for event in events:
        QApplication.sendEvent(window, event)
    assert mode.lockdown.blocked == before + len(events)
    assert_still_kiosk(run)


def test_visits_are_counted_from_first_touch_to_reset(
    start_kiosk, qtbot: QtBot, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from kiosk.stats.report import load_summary

    database = tmp_path / "stats.sqlite3"
    run = start_kiosk(kiosk_config(stats_path=database, attract_delay=0))
    window: MainWindow = run.window
    mode: KioskMode = run.mode
    mode.idle.set_intervals(1, 1, 0)
    qtbot.waitUntil(lambda: mode.attract.isVisible(), timeout=3000)
    qtbot.mouseClick(mode.attract, Qt.MouseButton.LeftButton)
    tap_language(qtbot, window, "ar")
    tap_home_tile(qtbot, window, "pole-medest")
    qtbot.waitUntil(lambda: window.current_screen() == HOME, timeout=5000)  # reset
    run._recorder.shutdown()
    summary = load_summary(database)
    assert summary.sessions == 1
    assert "pole-medest" in [section.page_id for section in summary.sections]
    assert ("ar", 1) in summary.languages


def test_resetting_frees_what_the_visit_created(start_kiosk, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QObject

    run = start_kiosk()
    window: MainWindow = run.window
    mode: KioskMode = run.mode

    def visit() -> None:
        for lang in ("ar", "en", "fr"):
            tap_language(qtbot, window, lang)
            for page_id in ("pole-medest", "technopole-oujda", "chiffres-cles"):
                tap_home_tile(qtbot, window, page_id)
        mode.prompt.show_countdown(5)
        window.reset_for_next_visitor("fr")
        QApplication.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def census() -> dict[str, int]:
        counts: dict[str, int] = {}
        for child in window.findChildren(QObject):
            name = type(child).__name__
            counts[name] = counts.get(name, 0) + 1
        return counts

    visit()
    before = census()
    for _ in range(5):
        visit()
    assert census() == before
    assert not window.navigator.can_go_back()


# The offscreen platform cannot raise windows (xcb can); the restore still runs.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
@pytest.mark.parametrize("attempt", ["minimise", "hide", "normal"])
def test_the_window_comes_back_when_minimised_or_hidden(
    start_kiosk, qtbot: QtBot, attempt: str
) -> None:  # type: ignore[no-untyped-def]
    run = start_kiosk()
    window: MainWindow = run.window
    if attempt == "minimise":
        window.showMinimized()
    elif attempt == "hide":
        window.hide()
    else:
        window.showNormal()
        window.resize(400, 300)
    qtbot.waitUntil(lambda: window.isVisible() and window.isFullScreen(), timeout=2000)
    qtbot.waitUntil(lambda: window.geometry() == window.screen().geometry(), timeout=2000)
    assert_still_kiosk(run)


def test_the_config_limits_and_orders_the_languages_offered(start_kiosk, qtbot: QtBot) -> None:  # type: ignore[no-untyped-def]
    run = start_kiosk(kiosk_config(languages=("ar", "fr"), default_language="ar"))
    window: MainWindow = run.window
    assert list(window.top_bar.language_buttons) == ["ar", "fr"]
    assert window.language.current == "ar"
    assert [language.code for language in window.language.languages] == ["ar", "fr"]


def test_hide_cursor_also_works_in_presentation_mode(qtbot: QtBot) -> None:
    app = create_application()
    run = KioskRun(app, RunOptions(LoadedConfig(Config(content_dir=CONTENT, hide_cursor=True))))
    try:
        cursor = QApplication.overrideCursor()
        assert cursor is not None and cursor.shape() == Qt.CursorShape.BlankCursor
    finally:
        run.stop()
    assert QApplication.overrideCursor() is None
