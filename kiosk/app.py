"""Builds the QApplication and wires config, content, language service and window together."""

from __future__ import annotations

import logging
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Slot
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication, QWidget

from kiosk import __version__
from kiosk.config import Config, LoadedConfig, check_against_site
from kiosk.content import ContentError, ContentLibrary, load_content
from kiosk.font_families import font_for, register_fonts
from kiosk.i18n import LanguageService
from kiosk.log import on_uncaught_exception, recent_problems
from kiosk.native_memory import return_large_blocks_to_os
from kiosk.paths import default_content_dir, translations_dir
from kiosk.ui.placement import ScreenPlacement
from kiosk.ui.window import MainWindow

if TYPE_CHECKING:
    from kiosk.stats.recorder import StatsRecorder
    from kiosk.ui.kiosk_mode.fleet_wiring import FleetLink
    from kiosk.ui.kiosk_mode.kiosk_mode import KioskMode
    from kiosk.ui.kiosk_mode.lockdown import LockDown
    from kiosk.ui.presenting.loop import LoopPlayer
    from kiosk.ui.presenting.presenter import Presenter

log = logging.getLogger("kiosk.app")

STARTUP_WATCHDOG_MS = 30_000
# While the content is unusable, try loading it again this often.
RETRY_MS = 15_000


@dataclass(frozen=True)
class RunOptions:
    """How to run the kiosk: the settings (config file and flags) and run-only switches."""

    loaded: LoadedConfig
    fullscreen: bool = False
    exit_after_startup: bool = False
    # Presentation (windowed) mode only: reload the content when a file changes.
    hot_reload: bool = False
    log_file: Path | None = None

    @property
    def config(self) -> Config:
        return self.loaded.config


def create_application(argv: list[str] | None = None) -> QApplication:
    """The QApplication with bundled fonts registered and a platform-neutral style."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        app = existing
    else:
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setApplicationName("cri-kiosk")
    app.setOrganizationName("CRI Oriental")
    app.setApplicationVersion(__version__)
    app.setStyle("Fusion")
    register_fonts()
    app.setFont(font_for(is_rtl=False, base=app.font()))
    return app


def load_library(content_dir: Path) -> ContentLibrary | None:
    """The content library, or None (logged) when the content is unusable."""
    try:
        result = load_content(content_dir)
    except ContentError as error:
        log.error("content unusable: %s", error.problem)
        return None
    for problem in result.problems:
        log.log(logging.ERROR if problem.is_error else logging.WARNING, "%s", problem)
    return result.library


def build_window(
    app: QApplication,
    library: ContentLibrary,
    lang: str | None,
    offered: tuple[str, ...] = (),
    settings: Config | None = None,
) -> MainWindow:
    """The main window showing ``library`` in ``lang`` (the default language if unknown).

    ``offered`` limits and orders the languages visitors can pick (all when empty).
    """
    languages = library.languages
    if offered:
        by_code = {language.code: language for language in languages}
        languages = tuple(by_code[code] for code in offered if code in by_code) or languages
    codes = tuple(language.code for language in languages)
    language = LanguageService(app, languages, translations_dir())
    fallback = library.default_language if library.default_language in codes else codes[0]
    start = lang if lang in codes else fallback
    if lang and lang != start:
        log.warning(
            "unknown language %r: available are %s; starting in %s", lang, ", ".join(codes), start
        )
    language.set_language(start)
    settings = settings if settings is not None else Config()
    window = MainWindow(
        library,
        language,
        speech_enabled=settings.speech_enabled,
        speech_volume_step=settings.speech_volume - 1,
    )
    # The window owns the service: closing it removes its translators too.
    language.setParent(window)
    return window


def enable_hot_reload(window: MainWindow, content_dir: Path) -> None:
    """Reload the content shown in ``window`` whenever a file in ``content_dir`` changes."""
    from kiosk.ui.content_reload import ContentReloader

    ContentReloader(window, content_dir)


class KioskRun(QObject):
    """One run of the kiosk: the window on screen, kiosk mode, reloads and retries.

    Shows a calm "temporarily unavailable" screen while the content is unusable and
    keeps trying to load it, so a kiosk recovers without a restart.
    """

    def __init__(self, app: QApplication, options: RunOptions) -> None:
        super().__init__(app)
        self._app = app
        self._options = options
        self._config = options.config
        self._content_dir = self._config.content_dir or default_content_dir()
        self.window: QWidget | None = None
        self.main_window: MainWindow | None = None
        self.mode: KioskMode | None = None
        self.presenter: Presenter | None = None
        self.loop: LoopPlayer | None = None
        self._error_lock: LockDown | None = None
        self._placement: ScreenPlacement | None = None
        self._recorder: StatsRecorder | None = None
        self._retry = QTimer(self)
        self._retry.setInterval(RETRY_MS)
        self._retry.timeout.connect(self._try_content)
        self.fleet: FleetLink | None = None
        if self._config.updates_enabled or self._config.health_enabled:
            self._start_fleet()
        on_uncaught_exception(self._recover)
        if self._config.hide_cursor and not self._config.kiosk:
            # Kiosk mode's lock-down hides it itself; a looping front-desk screen may want
            # it hidden too.
            QApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))

    def _start_fleet(self) -> None:
        """[updates] and [health]: show the current release; start the fleet threads."""
        from kiosk.stats import default_database_path
        from kiosk.ui.kiosk_mode.fleet_wiring import FleetLink

        settings = self._config
        self.fleet = FleetLink(settings, self._content_dir, self)
        self._content_dir = self.fleet.content_dir()
        self.fleet.content_switch.connect(self._switch_content)
        stats = (settings.stats_path or default_database_path()) if settings.stats_enabled else None
        self.fleet.start(stats)

    @Slot(object)
    def _switch_content(self, folder: Path) -> None:
        """Show another release (between visitors); a folder that does not load goes back."""
        library = load_library(folder)
        if library is None:
            log.error("release: the content in %s is unusable", folder)
            if self.fleet is not None:
                self.fleet.switch_failed(folder)
            return
        log.info("showing the content of %s", folder)
        self._content_dir = folder
        self._show_main(library)

    def stop_fleet(self) -> None:
        """Before the process leaves: the fleet threads stop, health says "offline"."""
        if self.fleet is not None:
            self.fleet.stop()
            self.fleet = None

    @property
    def fullscreen(self) -> bool:
        return self._config.kiosk or self._options.fullscreen

    @property
    def placement(self) -> ScreenPlacement | None:
        """Where the shown window is placed (its screen, fullscreen or not)."""
        return self._placement

    def start(self) -> bool:
        """Show the kiosk, or the unavailable screen; True when the content loaded."""
        library = load_library(self._content_dir)
        if library is None:
            self._show_unavailable()
            return False
        self._show_main(library)
        return True

    @Slot()
    def reload(self) -> None:
        """Read the content again and rebuild the window; keep the old one on failure."""
        library = load_library(self._content_dir)
        if library is None:
            log.error(
                "reload: the content in %s is unusable; keeping what is shown", self._content_dir
            )
            return
        log.info("reload: content reloaded from %s", self._content_dir)
        self._show_main(library)

    def stop(self) -> None:
        """Stop everything the run started, close its window and delete the run.

        For an in-process run (tests, benchmarks); ``run()`` ends with the event loop.
        """
        self.stop_fleet()
        self._retry.stop()
        self._stop_modes()
        if self.window is not None:
            _close_window(self.window)
        self.window = self.main_window = None
        if self._recorder is not None:
            self._recorder.shutdown()
        if self._config.hide_cursor and not self._config.kiosk:
            QApplication.restoreOverrideCursor()
        on_uncaught_exception(None)
        self.deleteLater()

    @Slot()
    def _try_content(self) -> None:
        library = load_library(self._content_dir)
        if library is not None:
            log.info("the content is usable again: starting the kiosk")
            self._retry.stop()
            self._show_main(library)

    def _show_unavailable(self) -> None:
        # Only when the content is unusable: not part of a normal start-up.
        from kiosk.ui.screens.error_screen import ErrorScreen

        screen = ErrorScreen()
        placement = self._replace_window(screen)
        if self._config.kiosk:
            from kiosk.ui.kiosk_mode.lockdown import LockDown

            screen.set_close_allowed(False)
            self._error_lock = LockDown(screen, self._config.hide_cursor, screen)
            self._error_lock.activate(placement)
        self._retry.start()

    def _show_main(self, library: ContentLibrary) -> None:
        config = check_against_site(
            self._options.loaded, library.site.language_codes, library.has_page
        )
        for problem in config.problems[len(self._options.loaded.problems) :]:
            log.error("%s", problem)
        settings = config.config
        window = build_window(
            self._app, library, settings.default_language, settings.languages, settings
        )
        self.main_window = window
        if self._options.exit_after_startup:
            window.first_painted.connect(lambda: QTimer.singleShot(0, _painted_then_exit))
        if self._options.hot_reload and not settings.kiosk:
            # Presentation mode only: a kiosk reloads from the admin panel or on restart.
            enable_hot_reload(window, self._content_dir)
        mode = None
        if settings.kiosk:
            from kiosk.ui.kiosk_mode.kiosk_mode import KioskMode

            details = {
                "content": str(self._content_dir),
                "config": str(settings.source or "-"),
                "log": str(self._options.log_file or "-"),
            }
            mode = KioskMode(window, settings, details, recent_problems.records)
            mode.reload_requested.connect(self.reload)
            if settings.stats_enabled:
                self._record_statistics(window, mode, settings)
            mode.exit_requested.connect(lambda: QApplication.exit(0))
        if self.fleet is not None:
            self.fleet.attach(window.first_painted, mode.visit_ended if mode else None)
        self._replace_window(window, mode)
        self._start_presenting(window, settings, mode)

    def _start_presenting(
        self, window: MainWindow, settings: Config, mode: KioskMode | None
    ) -> None:
        """Clicker keys in presentation mode; the loop in either mode when the config asks."""
        from kiosk.ui.presenting.presenter import Presenter

        if mode is None:
            self.presenter = Presenter(window, self._placement)
            self.presenter.start()
        if not settings.loop_enabled:
            return
        from kiosk.ui.presenting.loop import LoopPlayer

        self.loop = LoopPlayer(
            window,
            settings.loop_languages,
            settings.loop_skip,
            settings.loop_seconds * 1000,
        )
        if mode is not None:
            mode.play_loop_instead_of_attract(self.loop)
            return
        idle = self.loop.watch_idle(settings.idle_timeout)
        if self.presenter is not None:
            # The presenter consumes its keys: tell the watcher they were input.
            self.presenter.activity.connect(idle.poke)

    def _record_statistics(self, window: MainWindow, mode: KioskMode, settings: Config) -> None:
        """Count visits (kiosk mode only: a visit runs from the first touch to the reset)."""
        from datetime import date

        from kiosk.stats import default_database_path
        from kiosk.stats.recorder import StatsRecorder
        from kiosk.stats.report import week_figures
        from kiosk.ui.kiosk_mode.stats_chart import StatsChart
        from kiosk.ui.kiosk_mode.stats_wiring import record_visits

        if self._recorder is None:
            # One per run, not per window: a reload rebuilds the window.
            self._recorder = StatsRecorder(
                self,
                path=settings.stats_path,
                retention_days=settings.stats_retention_days,
            )
        record_visits(self._recorder, window, mode.visit_started, mode.visit_ended)
        chart = StatsChart()
        mode.admin.add_widget(chart)
        path = settings.stats_path or default_database_path()
        recorder = self._recorder

        def show_figures() -> None:
            recorder.flush()
            chart.set_days(week_figures(path, date.today()), date.today())

        mode.admin.opened.connect(show_figures)

    def _replace_window(self, window: QWidget, mode: KioskMode | None = None) -> ScreenPlacement:
        """Show ``window`` (locked down by ``mode``) and close the one shown before."""
        old = self.window
        # The old lock-down would close the new window as a stranger: stop it first.
        self._stop_modes()
        self.window = window
        self.mode = mode
        placement = ScreenPlacement(window, self._config.screen, self.fullscreen)
        self._placement = placement
        placement.show()
        if mode is not None:
            mode.start(placement)
        if old is not None:
            _close_window(old)
        return placement

    def _stop_modes(self) -> None:
        """Stop kiosk mode, the presenter, the loop and the error screen's lock-down."""
        if self.mode is not None:
            self.mode.stop()
            self.mode = None
        if self.presenter is not None:
            self.presenter.stop()
            self.presenter = None
        if self.loop is not None:
            self.loop.stop()
            self.loop = None
        if self._error_lock is not None:
            self._error_lock.deactivate()
            self._error_lock = None

    @Slot()
    def _recover(self) -> None:
        window = self.main_window
        if window is not None and window is self.window:
            QTimer.singleShot(0, window.recover_from_error)


def _close_window(window: QWidget) -> None:
    """Close and delete ``window``, even a kiosk window that refuses a visitor's close."""
    from kiosk.ui.screens.error_screen import ErrorScreen

    if isinstance(window, (MainWindow, ErrorScreen)):
        window.set_close_allowed(True)
    window.close()
    window.deleteLater()


def run(options: RunOptions) -> int:
    """Run the kiosk until it is closed; return the process exit code."""
    return_large_blocks_to_os()
    app = create_application()
    _quit_on_terminate(app)
    kiosk_run = KioskRun(app, options)
    loaded = kiosk_run.start()
    if options.exit_after_startup:
        if not loaded:
            QTimer.singleShot(0, lambda: QApplication.exit(1))
        _start_watchdog(app)
    code = app.exec()
    kiosk_run.stop_fleet()
    on_uncaught_exception(None)
    return code if loaded or not options.exit_after_startup else 1


def _painted_then_exit() -> None:
    """--exit-after-startup: say when the home screen was on screen, then leave.

    Runs in the event-loop turn after the first paint, once the frame has been flushed.
    The time is the system-wide monotonic clock, which a benchmark compares with the
    moment it started the process (benchmarks/startup.py).
    """
    print(f"home screen painted at {time.monotonic():.6f} s (monotonic clock)", flush=True)
    # exit(), not quit(): quit() asks the windows, and a kiosk window says no.
    QApplication.exit(0)


def _quit_on_terminate(app: QApplication) -> None:
    """Leave cleanly (logs flushed) when the service manager stops the kiosk."""

    def terminate(signum: int, frame: object) -> None:
        log.info("stopping on signal %d", signum)
        QApplication.exit(0)

    signal.signal(signal.SIGTERM, terminate)
    signal.signal(signal.SIGINT, terminate)
    # Python handles signals between bytecodes: let it run now and then.
    wake = QTimer(app)
    wake.timeout.connect(lambda: None)
    wake.start(500)


def _start_watchdog(app: QApplication) -> None:
    """For --exit-after-startup: fail instead of hanging if nothing is ever painted."""

    def give_up() -> None:
        log.error("the home screen was not painted within %d s", STARTUP_WATCHDOG_MS // 1000)
        app.exit(2)

    QTimer.singleShot(STARTUP_WATCHDOG_MS, give_up)
