"""Kiosk mode: lock-down, resetting between visitors, attract screen, hidden admin exit."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot

from kiosk.admin_pin import PinGate
from kiosk.config import Config
from kiosk.ui.access.keypad import Keypad, keypad_keys
from kiosk.ui.kiosk_mode.admin import AdminPanel, CornerHold, PinPad
from kiosk.ui.kiosk_mode.attract_screen import AttractScreen
from kiosk.ui.kiosk_mode.idle import IdleState, IdleWatcher
from kiosk.ui.kiosk_mode.lockdown import Keeper, LockDown
from kiosk.ui.kiosk_mode.visitor_prompts import StillTherePrompt
from kiosk.ui.navigator import HOME
from kiosk.ui.window import MainWindow

if TYPE_CHECKING:
    from kiosk.ui.presenting.loop import LoopPlayer

log = logging.getLogger("kiosk.mode")

# In speech mode a visitor listens before touching: the idle timeout and the "Still
# there?" countdown are this many times longer.
SPEECH_TIME_FACTOR = 2


class KioskMode(QObject):
    """Everything kiosk mode adds to a main window, switched on by ``start()``.

    ``reload_requested`` and ``exit_requested`` come from the admin panel; the
    application decides what they do (reload the content, quit).
    """

    reload_requested = Signal()
    exit_requested = Signal()
    visit_started = Signal()
    visit_ended = Signal()

    def __init__(
        self,
        window: MainWindow,
        config: Config,
        details: dict[str, str],
        recent_problems: Iterable[str],
    ) -> None:
        super().__init__(window)
        self.window = window
        # Every visitor starts in the language the kiosk started in (the config's
        # default_language, else the site's default).
        self._start_language = window.language.current
        self.lockdown = LockDown(window, config.hide_cursor, self)
        self.idle = IdleWatcher(
            config.idle_timeout, config.idle_countdown, config.attract_delay, self
        )
        self.prompt = StillTherePrompt(window, lambda: window.current_screen() == HOME)
        language = window.language
        self.attract = AttractScreen(
            window,
            language.languages,
            language.translate_in,
            window.organisation_text,
            lambda: window.library,
        )
        self.gate = PinGate(config.admin_pin_hash)
        self.corner = CornerHold(window, config.admin_corner_seconds)
        self.pin_pad = PinPad(window, self.gate)
        self.admin = AdminPanel(window, details, recent_problems)
        # The optional accessible keypad; it stands aside while the admin's screens
        # are open, and none of its actions leads to them.
        self.keypad = Keypad(
            window,
            keypad_keys(config.keypad_keys),
            window.speech,
            lambda: self.pin_pad.is_open() or self.admin.is_open(),
            self._wake_from_attract,
        )
        if self.keypad.enabled:
            self.lockdown.keypad = self.keypad.handle
        # Speech mode: more time before the prompt and to answer it, and it is spoken.
        self._intervals = (config.idle_timeout, config.idle_countdown, config.attract_delay)
        window.speech.mode_changed.connect(self._on_speech_mode)
        window.speech.paragraph_started.connect(self._speech_heard)

        self.idle.prompt_requested.connect(self.prompt.show_countdown)
        self.idle.prompt_requested.connect(self._speak_prompt)
        self.idle.countdown_tick.connect(self.prompt.show_countdown)
        self.idle.resumed.connect(self.prompt.close_overlay)
        self.idle.reset_requested.connect(self._reset)
        self.idle.attract_requested.connect(self.attract.open_overlay)
        self.idle.visit_started.connect(self.visit_started)
        self.prompt.continue_requested.connect(self.prompt.close_overlay)
        self.attract.woken.connect(self.attract.close_overlay)
        self.corner.held.connect(self._open_pin_pad)
        self.pin_pad.accepted.connect(self.admin.open_overlay)
        self.admin.exit_requested.connect(self._exit)
        self.admin.reload_requested.connect(self.reload_requested)
        # Before the window is first shown: changing flags later re-creates the window.
        window.set_close_allowed(False)
        window.setWindowFlags(
            window.windowFlags()
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )

    def start(self, keeper: Keeper) -> None:
        """Lock the window down and start watching for idle visitors.

        ``keeper`` keeps the window over its screen (the screen placement's job).
        """
        if not self.gate.enabled:
            log.warning(
                "kiosk mode without a valid admin.pin_hash: there is no admin exit; "
                "stop the kiosk from its service manager"
            )
        self.window.set_close_allowed(False)
        self.lockdown.activate(keeper)
        self.idle.start()
        self.corner.start()

    def stop(self) -> None:
        self.corner.stop()
        self.idle.stop()
        self.lockdown.deactivate()
        self.window.set_close_allowed(True)

    def play_loop_instead_of_attract(self, loop: LoopPlayer) -> None:
        """After the reset between visitors, ``loop`` plays where the attract screen would
        open, until the next visitor's first touch."""
        self.idle.attract_requested.disconnect(self.attract.open_overlay)
        loop.follow(self.idle)

    def tour_screens(self) -> list[tuple[str, Callable[[], None]]]:
        """The kiosk-mode screens for ``cri-kiosk tour``, each opened as a visitor sees it."""
        return [
            ("kiosk-still-there", lambda: self.prompt.show_countdown(15)),
            ("kiosk-still-there-on-a-page", self._prompt_on_a_page),
            ("kiosk-attract", lambda: self.attract.show_at(None)),
            ("kiosk-attract-map", lambda: self.attract.show_at(self.attract.map_rest_ms())),
            ("kiosk-pin-pad", self.pin_pad.open_overlay),
            ("kiosk-admin", self.admin.open_overlay),
        ]

    def _prompt_on_a_page(self) -> None:
        self.window.navigator.go(self.window.library.page_ids[0])
        self.prompt.show_countdown(15)

    def _wake_from_attract(self) -> bool:
        if not self.attract.is_open():
            return False
        self.attract.woken.emit()
        return True

    @Slot(bool)
    def _on_speech_mode(self, on: bool) -> None:
        timeout, countdown, attract = self._intervals
        factor = SPEECH_TIME_FACTOR if on else 1
        self.idle.set_intervals(timeout * factor, countdown * factor, attract)

    @Slot(int, int, float)
    def _speech_heard(self, _utterance: int, _paragraph: int, _sound_at: float) -> None:
        """A visitor listening to a page keeps the kiosk awake; the "Still there?"
        prompt's own words must not answer it, or the kiosk never resets."""
        if self.idle.state is IdleState.ACTIVE:
            self.idle.poke()

    @Slot(int)
    def _speak_prompt(self, seconds: int) -> None:
        if self.window.speech.is_on():
            self.window.speech.say(self.prompt.spoken_text(seconds))

    @Slot()
    def _reset(self) -> None:
        log.info("idle: resetting for the next visitor")
        self.window.reset_for_next_visitor(self._start_language)
        self.visit_ended.emit()

    @Slot()
    def _open_pin_pad(self) -> None:
        if not self.gate.enabled:
            log.warning("admin corner held, but no admin.pin_hash is configured")
        self.pin_pad.open_overlay()

    @Slot()
    def _exit(self) -> None:
        log.info("admin: leaving kiosk mode")
        self.stop()
        self.exit_requested.emit()
