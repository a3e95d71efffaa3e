"""Start the kiosk in-process as `cri-kiosk run` does, with a given config."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import KioskRun, RunOptions
from kiosk.config import Config, LoadedConfig
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
