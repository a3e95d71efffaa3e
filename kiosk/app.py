"""Builds the QApplication and wires content, language service and window together."""

from __future__ import annotations

import logging
import sys
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QRect, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from kiosk import __version__
from kiosk.content import ContentError, ContentLibrary, load_content
from kiosk.i18n import LanguageService
from kiosk.paths import translations_dir
from kiosk.ui.error_screen import ErrorScreen
from kiosk.ui.fonts import font_for, register_fonts
from kiosk.ui.window import MainWindow

log = logging.getLogger("kiosk.app")

WINDOWED_SIZE = (1366, 768)
STARTUP_WATCHDOG_MS = 30_000


@dataclass(frozen=True)
class RunOptions:
    """How to run the kiosk, as given on the command line."""

    content_dir: Path
    lang: str | None = None
    fullscreen: bool = False
    exit_after_startup: bool = False
    # Presentation (windowed) mode only: reload the content when a file changes.
    hot_reload: bool = False


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


def build_window(app: QApplication, library: ContentLibrary, lang: str | None) -> MainWindow:
    """The main window showing ``library`` in ``lang`` (the default language if unknown)."""
    language = LanguageService(app, library.languages, translations_dir())
    start = lang if lang in library.site.language_codes else library.default_language
    if lang is not None and lang != start:
        log.warning(
            "unknown language %r: available are %s; starting in %s",
            lang,
            ", ".join(library.site.language_codes),
            start,
        )
    language.set_language(start)
    window = MainWindow(library, language)
    # The window owns the service: closing it removes its translators too.
    language.setParent(window)
    return window


def enable_hot_reload(window: MainWindow, content_dir: Path) -> None:
    """Reload the content shown in ``window`` whenever a file in ``content_dir`` changes."""
    from kiosk.ui.content_reload import ContentReloader

    ContentReloader(window, content_dir)


def run(options: RunOptions) -> int:
    """Run the kiosk until it is closed; return the process exit code."""
    app = create_application()
    library = load_library(options.content_dir)
    window: QWidget
    if library is None:
        window = ErrorScreen()
    else:
        main_window = build_window(app, library, options.lang)
        if options.exit_after_startup:
            main_window.first_painted.connect(lambda: QTimer.singleShot(0, app.quit))
        if options.hot_reload and not options.fullscreen:
            enable_hot_reload(main_window, options.content_dir)
        window = main_window
    if options.exit_after_startup:
        if library is None:
            QTimer.singleShot(0, app.quit)
        _start_watchdog(app)
    _show(window, options.fullscreen)
    code = app.exec()
    return code if library is not None or not options.exit_after_startup else 1


def _show(window: QWidget, fullscreen: bool) -> None:
    if fullscreen:
        show_fullscreen(window)
        return
    screen = window.screen().availableGeometry()
    width = min(WINDOWED_SIZE[0], screen.width())
    height = min(WINDOWED_SIZE[1], screen.height())
    window.resize(width, height)
    window.move(screen.center() - window.rect().center())
    window.show()


def show_fullscreen(window: QWidget) -> None:
    """Cover the window's screen, with or without a window manager.

    showFullScreen() only asks the window manager; a bare X session or a kiosk
    compositor may have none, so the window also takes the screen's geometry
    itself, and follows it when the screen changes resolution.
    """
    screen = window.screen()
    window.setGeometry(screen.geometry())
    window.showFullScreen()

    def follow(geometry: QRect) -> None:
        if window.isFullScreen():
            window.setGeometry(geometry)

    screen.geometryChanged.connect(follow)


def _start_watchdog(app: QApplication) -> None:
    """For --exit-after-startup: fail instead of hanging if nothing is ever painted."""

    def give_up() -> None:
        log.error("the home screen was not painted within %d s", STARTUP_WATCHDOG_MS // 1000)
        app.exit(2)

    QTimer.singleShot(STARTUP_WATCHDOG_MS, give_up)
