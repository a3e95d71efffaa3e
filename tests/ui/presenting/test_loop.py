"""Loop mode: sections play by themselves, language after language, until someone comes."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import KioskRun
from kiosk.ui.navigator import HOME
from kiosk.ui.presenting.loop import LoopPlayer
from kiosk.ui.window import MainWindow
from tests.conftest import REPO
from tests.ui.conftest import WindowFactory
from tests.ui.kiosk_run import start_run
from tests.ui.visitor import shown_title, tap


def deck(window: MainWindow) -> tuple[str, ...]:
    return window.library.page_ids


class Recorder:
    """What the visitor would have seen at each step: language, page, title, veil."""

    def __init__(self, loop: LoopPlayer) -> None:
        self.loop = loop
        self.seen: list[tuple[str, str]] = []
        self.titles: list[str] = []
        self.veil: list[float] = []
        loop.step_shown.connect(self.record)

    def record(self, lang: str, page_id: str) -> None:
        window = self.loop.window
        assert window.language.current == lang
        assert window.current_screen() == page_id
        assert window.stack.currentWidget() is window.section
        self.seen.append((lang, page_id))
        self.titles.append(shown_title(window))
        self.veil.append(self.loop.veil.opacity if self.loop.veil.isVisible() else 0.0)


def test_a_full_cycle_plays_every_section_in_the_configured_languages(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    order = deck(window)
    skipped = order[-1]
    loop = LoopPlayer(window, ("en", "ar", "fr"), (skipped,), section_ms=40, fade_ms=0)
    recorder = Recorder(loop)
    loop.play()
    cycle = len(order) - 1
    qtbot.waitUntil(lambda: len(recorder.seen) > 3 * cycle, timeout=15_000)
    loop.pause()
    expected = [(lang, page) for lang in ("en", "ar", "fr") for page in order if page != skipped]
    assert recorder.seen[: 3 * cycle] == expected
    assert recorder.seen[3 * cycle] == expected[0], "after the last language, the cycle again"
    assert len(set(recorder.titles[: 3 * cycle])) == 3 * cycle, "each page in its language"
    assert window.language.is_rtl() or recorder.seen[-1][0] != "ar"


def test_languages_default_to_the_offered_ones_and_unknown_ones_are_dropped(
    make_window: WindowFactory,
) -> None:
    window = make_window()
    loop = LoopPlayer(window, ("xx",), (), section_ms=1000)
    assert loop.languages == ("fr", "ar", "en")
    loop = LoopPlayer(window, ("ar", "xx", "fr"), (), section_ms=1000)
    assert loop.languages == ("ar", "fr")


def test_a_long_page_scrolls_slowly_to_its_end_while_shown(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window(size=(1366, 768))
    bar = window.section.text.verticalScrollBar()
    long_pages = []
    for page_id in deck(window):
        window.navigator.go(page_id)
        if bar.maximum() > bar.pageStep():
            long_pages.append(page_id)
    assert long_pages
    loop = LoopPlayer(window, ("fr",), (), section_ms=1500, fade_ms=0, order=(long_pages[0],))
    loop.play()
    assert window.current_screen() == long_pages[0]
    values = []
    qtbot.waitUntil(
        lambda: values.append(bar.value()) or bar.value() == bar.maximum(), timeout=5000
    )
    loop.pause()
    assert values[0] == 0, "the page starts at its top"
    steps = {value for value in values if 0 < value < bar.maximum()}
    assert len(steps) >= 3, f"the page scrolls gradually, not in one jump: {sorted(steps)}"


def test_sections_change_behind_a_fade(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    loop = LoopPlayer(window, ("fr",), (), section_ms=200, fade_ms=120, order=deck(window)[:2])
    recorder = Recorder(loop)
    loop.play()
    assert loop.veil.isVisible(), "the fade starts at once"
    qtbot.waitUntil(lambda: len(recorder.seen) >= 2, timeout=5000)
    assert recorder.veil == [1.0, 1.0], "the page changes while the veil covers it"
    qtbot.waitUntil(lambda: not loop.veil.isVisible(), timeout=5000)
    loop.pause()
    assert not loop.veil.isVisible()


def test_nothing_plays_when_every_section_is_skipped(
    make_window: WindowFactory, caplog: pytest.LogCaptureFixture
) -> None:
    window = make_window()
    loop = LoopPlayer(window, (), deck(window), section_ms=40, fade_ms=0)
    loop.play()
    assert not loop.playing
    assert window.current_screen() == HOME
    assert "every section is skipped" in caplog.text


@pytest.fixture
def looping(app: QApplication, qtbot: QtBot) -> Iterator[KioskRun]:
    run = start_run(
        app, qtbot, loop_enabled=True, loop_seconds=1, loop_languages=("ar", "en"), idle_timeout=1
    )
    yield run
    run.stop()


def loop_of(run: KioskRun) -> LoopPlayer:
    assert run.loop is not None
    return run.loop


def test_presentation_loop_starts_pauses_on_a_click_and_resumes_from_the_start(
    looping: KioskRun, qtbot: QtBot
) -> None:
    loop = loop_of(looping)
    window = loop.window
    order = deck(window)
    qtbot.waitUntil(lambda: loop.playing and window.current_screen() == order[1], timeout=10_000)
    assert window.language.current == "ar", "the configured order starts with Arabic"
    tap(qtbot, window.section.title_label)
    assert not loop.playing
    held = (window.language.current, window.current_screen())
    qtbot.wait(700)
    assert (window.language.current, window.current_screen()) == held, "control to the visitor"
    # Idle timeout (1 s) plus the watcher's one-second countdown: the loop starts over.
    qtbot.waitUntil(lambda: loop.playing, timeout=6000)
    assert loop.index == 0
    qtbot.waitUntil(lambda: window.current_screen() == order[0], timeout=3000)
    assert window.language.current == "ar"


def test_a_clicker_key_pauses_the_loop_and_acts_from_where_it_was(
    looping: KioskRun, qtbot: QtBot
) -> None:
    loop = loop_of(looping)
    window = loop.window
    order = deck(window)
    qtbot.waitUntil(lambda: loop.playing and window.current_screen() == order[0], timeout=5000)
    qtbot.keyClick(window, Qt.Key.Key_PageDown)
    assert not loop.playing
    assert window.current_screen() == order[1]
    assert window.language.current == "ar"
    assert not loop.veil.isVisible()


def test_kiosk_loop_replaces_the_attract_screen(app: QApplication, qtbot: QtBot) -> None:
    run = start_run(
        app,
        qtbot,
        mode="kiosk",
        loop_enabled=True,
        loop_seconds=1,
        loop_languages=("en", "fr"),
        idle_timeout=1,
        idle_countdown=1,
        attract_delay=0,
    )
    try:
        loop = loop_of(run)
        window = loop.window
        assert run.mode is not None
        qtbot.waitUntil(lambda: loop.playing and not loop.veil.isVisible(), timeout=5000)
        assert not run.mode.attract.isVisible()
        assert window.language.current == "en"
        qtbot.keyClick(window, Qt.Key.Key_PageDown)
        assert not loop.playing, "a key pauses the loop..."
        assert window.current_screen() == deck(window)[0], "...and does nothing else"
        # Still there? (1 s), reset (1 s), then the loop instead of the attract screen.
        qtbot.waitUntil(lambda: loop.playing, timeout=8000)
        assert loop.index == 0
        assert not run.mode.attract.isVisible()
        qtbot.waitUntil(lambda: window.current_screen() == deck(window)[0], timeout=3000)
        assert window.language.current == "en"
        tap(qtbot, window.section.title_label)
        assert not loop.playing
    finally:
        run.stop()


@pytest.mark.slow
def test_the_loop_flag_turns_the_loop_on(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    command = [sys.executable, "-m", "kiosk", "--exit-after-startup", "--log-dir", str(tmp_path)]
    for extra, playing in (([], False), (["--loop"], True)):
        result = subprocess.run(
            [*command, *extra],
            cwd=REPO,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert ("loop: playing 10 sections in fr, ar, en" in result.stderr) is playing
