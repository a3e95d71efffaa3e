"""Start the kiosk in-process as `cri-kiosk run` does, with a given config, and tear it down."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import KioskRun, RunOptions
from kiosk.config import Config, LoadedConfig
from kiosk.log import on_uncaught_exception
from kiosk.ui.window import MainWindow
from tests.conftest import CONTENT


def start_run(app: QApplication, qtbot: QtBot, fullscreen: bool = False, **config: Any) -> KioskRun:
    """A running kiosk with ``config`` (Config fields); its window shown and exposed."""
    settings = Config(content_dir=CONTENT, **config)
    run = KioskRun(app, RunOptions(LoadedConfig(settings), fullscreen=fullscreen))
    assert run.start()
    assert isinstance(run.window, MainWindow)
    qtbot.waitExposed(run.window)
    return run


def end_run(run: KioskRun) -> None:
    """Stop everything the run started and close its window."""
    if run.mode is not None:
        run.mode.stop()
    if run.presenter is not None:
        run.presenter.stop()
    if run.loop is not None:
        run.loop.stop()
    window = run.window
    if isinstance(window, MainWindow):
        window.set_close_allowed(True)
    if window is not None:
        window.close()
        window.deleteLater()
    on_uncaught_exception(None)
    run.deleteLater()
