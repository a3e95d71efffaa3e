"""Speech mode as a visitor meets it: first touch speaks, second opens; reading; keypad."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import KioskRun, RunOptions, create_application
from kiosk.config import Config, LoadedConfig
from kiosk.ui.access import speech_service
from kiosk.ui.access.controls import accessible_name, controls
from kiosk.ui.kiosk_mode.idle import IdleState
from kiosk.ui.kiosk_mode.kiosk_mode import SPEECH_TIME_FACTOR, KioskMode
from kiosk.ui.navigator import HOME
from kiosk.ui.window import MainWindow
from tests.ui.conftest import WindowFactory
from tests.ui.kiosk_mode.test_kiosk_mode import BREAKOUT_KEYS, assert_still_kiosk, kiosk_config
from tests.ui.visitor import home_tile, tap

ARABIC = re.compile("[\u0600-\u06ff]")
LANGUAGES = ("fr", "ar", "en")


class PacedOutput:
    """A sound card stand-in that plays in real time and keeps nothing."""

    latency = 0.0

    def begin(self, sample_rate: int) -> bool:
        self.rate = sample_rate
        return True

    def write(self, pcm: bytes) -> None:
        time.sleep(len(pcm) / 2 / self.rate)

    def finish(self) -> None:
        pass

    def abort(self) -> None:
        pass

    def close(self) -> None:
        pass


class Heard:
    """Every request the window's speech service made: (texts, language)."""

    def __init__(self, window: MainWindow) -> None:
        self.items: list[tuple[list[str], str]] = []
        window.speech.requested.connect(lambda _id, texts, lang: self.items.append((texts, lang)))

    @property
    def last(self) -> tuple[list[str], str]:
        assert self.items, "nothing was said"
        return self.items[-1]


@pytest.fixture(autouse=True)
def paced_sound(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(speech_service, "PortAudioOutput", PacedOutput)


def speech_on(qtbot: QtBot, window: MainWindow) -> Heard:
    heard = Heard(window)
    tap(qtbot, window.top_bar.speech_button)
    assert window.speech.is_on()
    assert window.speech_bar.isVisible()
    return heard


def test_the_speaker_button_is_on_every_screen_named_in_every_language(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    names = set()
    for lang in LANGUAGES:
        window.language.set_language(lang)
        QApplication.processEvents()
        for screen in (HOME, *window.library.page_ids):
            window.navigator.go(screen) if screen != HOME else window.navigator.home()
            button = window.top_bar.speech_button
            assert button.isVisible(), (lang, screen)
            name = accessible_name(button)
            assert name, (lang, screen)
            names.add(name)
        if lang == "ar":
            assert ARABIC.search(accessible_name(window.top_bar.speech_button))
    assert len(names) == 3  # one name per language


def test_first_touch_speaks_a_tile_and_the_second_opens_it(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    heard = speech_on(qtbot, window)
    page_id = window.library.page_ids[0]
    tile = home_tile(window, page_id)

    tap(qtbot, tile)
    assert window.current_screen() == HOME  # spoken, not opened
    assert heard.last == ([accessible_name(tile)], "fr")

    tap(qtbot, tile)
    assert window.current_screen() == page_id
    # The new screen is announced: its title first.
    qtbot.waitUntil(lambda: heard.last[0][0] == window.top_bar.title_label.accessibleName())


def test_the_language_switch_changes_the_voice_at_once(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    heard = speech_on(qtbot, window)
    arabic = window.top_bar.language_buttons["ar"]
    tap(qtbot, arabic)
    # Each language button is named in its own language, by that language's voice.
    assert heard.last == (["العربية"], "ar")
    tap(qtbot, arabic)
    assert window.language.current == "ar"
    qtbot.waitUntil(lambda: heard.last[1] == "ar")
    texts, _ = heard.last
    assert ARABIC.search(texts[0]), texts  # the Arabic title, for the Arabic voice
    paragraphs: list[int] = []
    window.speech.paragraph_started.connect(lambda _u, index, _t: paragraphs.append(index))
    qtbot.waitUntil(lambda: bool(paragraphs), timeout=5000)  # synthesised and sounding


def test_a_touch_on_the_text_reads_from_that_paragraph_pause_resume_repeat(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    page_id = window.library.page_ids[0]
    window.navigator.go(page_id)
    heard = speech_on(qtbot, window)
    text = window.section.text
    document = text.document()
    block = document.findBlockByNumber(2)
    while block.isValid():
        rect = document.documentLayout().blockBoundingRect(block).toRect()
        text.verticalScrollBar().setValue(rect.top())
        point = QPoint(rect.center().x(), rect.top() - text.verticalScrollBar().value() + 8)
        if len(block.text().split()) > 3 and not text.anchorAt(point):
            break
        block = block.next()
    assert block.isValid(), "no paragraph of plain text on the page"

    tap(qtbot, text.viewport(), point)
    texts, lang = heard.last
    assert lang == "fr"
    assert texts[0] == block.text().strip()
    assert window.speech_bar.reading_state() == "reading"
    # The paragraph being read is marked on the screen.
    qtbot.waitUntil(lambda: window.speech_mode.highlighted_block() == block.blockNumber())

    tap(qtbot, window.speech_bar.read_button)  # pause
    assert window.speech_bar.reading_state() == "paused"
    assert not window.speech.is_speaking()
    tap(qtbot, window.speech_bar.read_button)  # resume, from the paragraph it was at
    assert window.speech_bar.reading_state() == "reading"
    assert heard.last[0][0] == texts[0]
    tap(qtbot, window.speech_bar.repeat_button)
    assert heard.last[0] == texts


def test_a_double_tap_opens_at_once(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    speech_on(qtbot, window)
    page_id = window.library.page_ids[1]
    tile = home_tile(window, page_id)
    centre = tile.rect().center()
    # As Qt delivers a double tap: press, release, press, double-click, release.
    QTest.mousePress(tile, Qt.MouseButton.LeftButton, pos=centre)
    QTest.mouseRelease(tile, Qt.MouseButton.LeftButton, pos=centre)
    QTest.mousePress(tile, Qt.MouseButton.LeftButton, pos=centre)
    double = QMouseEvent(
        QEvent.Type.MouseButtonDblClick, QPointF(centre), tile.mapToGlobal(QPointF(centre)),
        Qt.MouseButton.LeftButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
    )  # fmt: skip
    QApplication.sendEvent(tile, double)
    QTest.mouseRelease(tile, Qt.MouseButton.LeftButton, pos=centre)
    assert window.current_screen() == page_id


def test_a_document_and_a_qr_code_are_announced_when_they_open(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    heard = speech_on(qtbot, window)
    window.navigator.go("telechargements")
    row = window.downloads.rows[0]
    tap(qtbot, row)
    tap(qtbot, row)
    qtbot.waitUntil(lambda: window.viewer.isVisible())
    qtbot.waitUntil(lambda: heard.last[0][0] == window.viewer.title_label.text())
    assert accessible_name(window.viewer.close_button) in heard.last[0]
    tap(qtbot, window.viewer.close_button)
    tap(qtbot, window.viewer.close_button)
    assert not window.viewer.isVisible()
    # Back on the page: the page is announced again.
    qtbot.waitUntil(lambda: heard.last[0][0] == window.top_bar.title_label.accessibleName())


def test_navigation_and_reset_stop_speech(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    speech_on(qtbot, window)
    window.navigator.go(window.library.page_ids[0])
    tap(qtbot, window.speech_bar.read_button)
    assert window.speech.is_speaking()
    window.navigator.home()
    stopped = window.speech.speaker  # the cut happens on the worker within a chunk
    assert stopped is not None
    assert window.speech_bar.reading_state() == "idle"

    tap(qtbot, window.speech_bar.read_button)
    assert window.speech.is_speaking()
    window.reset_for_next_visitor("fr")
    assert not window.speech.is_on()
    assert not window.speech.is_speaking()
    assert not window.speech_bar.isVisible()


def test_volume_goes_in_large_steps_and_comes_back_for_the_next_visitor(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    heard = speech_on(qtbot, window)
    start = window.speech.volume_step()
    tap(qtbot, window.speech_bar.louder_button)
    assert window.speech.volume_step() == start + 1
    assert heard.last[0] == [window.speech_bar.volume_text()]
    assert not window.speech_bar.louder_button.isEnabled()  # 4 steps: the top one
    window.reset_for_next_visitor("fr")
    assert window.speech.volume_step() == start


def test_every_control_has_an_accessible_name_in_the_current_language(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    window.speech.set_on(True)
    chrome: dict[str, list[str]] = {}
    for lang in LANGUAGES:
        window.language.set_language(lang)
        QApplication.processEvents()
        for screen in (HOME, *window.library.page_ids):
            window.navigator.go(screen) if screen != HOME else window.navigator.home()
            shown = controls(window, window.language.is_rtl())
            assert shown, (lang, screen)
            for control in shown:
                assert accessible_name(control), (lang, screen, control)
        # The screens over the screens: a document and a QR code.
        for show, overlay in (
            (lambda: window.open_document(window.downloads.rows[0].doc_id), window.viewer),
            (lambda: window.show_qr(window.library.site.url, "CRI"), window.qr_overlay),
        ):
            show()
            shown = controls(window, window.language.is_rtl())
            assert shown and all(overlay.isAncestorOf(c) for c in shown), (lang, overlay)
            for control in shown:
                assert accessible_name(control), (lang, overlay, control)
            overlay.close_overlay()
        bar = [*window.top_bar.findChildren(type(window.top_bar.home_button)),
               *window.speech_bar.buttons()]  # fmt: skip
        chrome[lang] = [accessible_name(b) for b in bar if b.property("language") is None]
        if lang == "ar":
            assert all(ARABIC.search(name) for name in chrome[lang] if not name[0].isdigit())
    assert chrome["fr"] != chrome["en"] != chrome["ar"]


# ---------------------------------------------------------------------- kiosk mode
KEYPAD = {
    "keypad_next": "Right",
    "keypad_previous": "Left",
    "keypad_select": "Return",
    "keypad_back": "Backspace",
    "keypad_help": "F1",
    "keypad_speech": "F2",
}


@pytest.fixture
def kiosk(qtbot: QtBot) -> Iterator[KioskRun]:
    app = create_application()
    run = KioskRun(app, RunOptions(LoadedConfig(kiosk_config(**KEYPAD))))
    assert run.start()
    assert isinstance(run.window, MainWindow)
    qtbot.waitExposed(run.window)
    yield run
    assert run.mode is not None
    run.mode.stop()
    run.window.set_close_allowed(True)
    run.window.close()
    run.window.deleteLater()
    run.deleteLater()


def press(qtbot: QtBot, window: MainWindow, name: str) -> None:
    key = getattr(Qt.Key, f"Key_{KEYPAD['keypad_' + name]}")
    qtbot.keyClick(window.focusWidget() or window, key)


def test_keypad_focus_order_on_every_screen_mirrored_in_arabic(
    kiosk: KioskRun, qtbot: QtBot
) -> None:
    window = kiosk.window
    mode = kiosk.mode
    assert isinstance(window, MainWindow) and isinstance(mode, KioskMode)
    for lang in LANGUAGES:
        window.language.set_language(lang)
        QApplication.processEvents()
        for screen in (HOME, *window.library.page_ids):
            window.navigator.go(screen) if screen != HOME else window.navigator.home()
            chain = mode.keypad.chain()
            visited = []
            for _ in chain:
                press(qtbot, window, "next")
                visited.append(mode.keypad.focused)
                assert mode.keypad.ring.isVisible()
            assert visited == chain
            # The top bar's first row, in reading order.
            row = [c for c in chain if window.top_bar.isAncestorOf(c)][:2]
            xs = [c.mapTo(window, QPoint(0, 0)).x() for c in row]
            assert xs == sorted(xs, reverse=lang == "ar"), (lang, screen)


def test_keypad_select_opens_and_back_returns(kiosk: KioskRun, qtbot: QtBot) -> None:
    window = kiosk.window
    mode = kiosk.mode
    assert isinstance(window, MainWindow) and isinstance(mode, KioskMode)
    while mode.keypad.focused is None or mode.keypad.focused.property("kind") is None:
        press(qtbot, window, "next")
    target = mode.keypad.focused.page_id  # type: ignore[attr-defined]
    press(qtbot, window, "select")
    assert window.current_screen() == target
    press(qtbot, window, "back")
    assert window.current_screen() == HOME
    press(qtbot, window, "speech")
    assert window.speech.is_on()
    heard = Heard(window)
    press(qtbot, window, "help")
    assert "F1" in heard.last[0][0]


def test_the_keypad_never_reaches_the_admin_exit(kiosk: KioskRun, qtbot: QtBot) -> None:
    """Every control the keypad can reach on a screen of each kind (home, a section with
    a picture, the downloads, the key figures), in French and Arabic, opened and left
    again; then the keypad's and the break-out keys pressed wherever that left it."""
    window = kiosk.window
    mode = kiosk.mode
    assert isinstance(window, MainWindow) and isinstance(mode, KioskMode)

    def assert_no_admin() -> None:
        assert not mode.pin_pad.is_open()
        assert not mode.admin.is_open()
        assert_still_kiosk(kiosk)

    for lang in ("fr", "ar"):
        for screen in (HOME, window.library.page_ids[0], "telechargements", "chiffres-cles"):
            window.language.set_language(lang)
            window.navigator.go(screen) if screen != HOME else window.navigator.home()
            QApplication.processEvents()
            for index in range(len(mode.keypad.chain())):
                chain = mode.keypad.chain()
                if index >= len(chain):
                    break
                assert not any(mode.pin_pad.isAncestorOf(c) for c in chain)
                assert mode.keypad.focused is None  # "back" leaves nothing focused
                for _ in range(index + 1):
                    press(qtbot, window, "next")
                assert mode.keypad.focused is chain[index], (
                    lang,
                    screen,
                    index,
                    [accessible_name(c) for c in chain],
                    [accessible_name(c) for c in mode.keypad.chain()],
                )
                press(qtbot, window, "select")
                assert_no_admin()
                press(qtbot, window, "back")
                assert_no_admin()
                window.language.set_language(lang)
                window.navigator.go(screen) if screen != HOME else window.navigator.home()
                QApplication.processEvents()  # the bar lays itself out again
    keys = [getattr(Qt.Key, f"Key_{name}") for name in KEYPAD.values()]
    for key in [*keys, *keys, *(k for k, _m in BREAKOUT_KEYS)]:
        qtbot.keyClick(window.focusWidget() or window, key)
        assert_no_admin()
    for key, modifiers in BREAKOUT_KEYS:
        qtbot.keyClick(window, key, modifiers)
        assert_no_admin()
    window.speech.set_on(False)


def test_a_keypad_key_wakes_the_attract_screen(kiosk: KioskRun, qtbot: QtBot) -> None:
    window = kiosk.window
    mode = kiosk.mode
    assert isinstance(window, MainWindow) and isinstance(mode, KioskMode)
    mode.attract.open_overlay()
    press(qtbot, window, "select")
    assert not mode.attract.is_open()
    assert window.current_screen() == HOME  # woken only: nothing was opened
    assert mode.keypad.focused is None


def test_still_there_is_spoken_with_more_time_in_speech_mode(kiosk: KioskRun, qtbot: QtBot) -> None:
    window = kiosk.window
    mode = kiosk.mode
    assert isinstance(window, MainWindow) and isinstance(mode, KioskMode)
    before = mode.idle.intervals()
    heard = speech_on(qtbot, window)
    assert mode.idle.intervals() == (before[0] * SPEECH_TIME_FACTOR, before[1] * SPEECH_TIME_FACTOR)
    mode.idle.prompt_requested.emit(40)
    assert heard.last[0][0] == mode.prompt.title.text()
    shown = controls(window, window.language.is_rtl())
    assert shown == [mode.prompt.continue_button]
    assert accessible_name(shown[0])
    tap(qtbot, mode.prompt.continue_button)  # a touch extends the visit
    assert mode.idle.intervals()[0] == before[0] * SPEECH_TIME_FACTOR


def test_the_spoken_prompt_does_not_answer_itself(kiosk: KioskRun, qtbot: QtBot) -> None:
    """Hearing "Still there?" is not a visitor's answer: the countdown runs out."""
    window = kiosk.window
    mode = kiosk.mode
    assert isinstance(window, MainWindow) and isinstance(mode, KioskMode)
    speech_on(qtbot, window)
    mode.idle.set_intervals(1, 1, 30)
    qtbot.waitUntil(lambda: mode.prompt.is_open(), timeout=5000)
    # The prompt is spoken (its paragraphs start) and the kiosk still resets.
    with qtbot.waitSignal(mode.idle.reset_requested, timeout=6000):
        pass
    assert mode.idle.state is IdleState.RESET


def test_the_speaker_button_can_be_left_out(app: QApplication, qtbot: QtBot) -> None:
    run = KioskRun(app, RunOptions(LoadedConfig(Config(speech_enabled=False))))
    assert run.start()
    assert isinstance(run.window, MainWindow)
    assert not run.window.top_bar.speech_button.isVisible()
    if run.presenter is not None:
        run.presenter.stop()
    run.window.close()
    run.window.deleteLater()
    run.deleteLater()
