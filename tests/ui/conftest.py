"""Fixtures that build the real kiosk window from content, as `cri-kiosk run` does."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import build_window, create_application, load_library
from kiosk.content import ContentLibrary
from kiosk.ui.transitions import set_motion_enabled
from kiosk.ui.window import MainWindow
from tests.conftest import CONTENT

WindowFactory = Callable[..., MainWindow]


@pytest.fixture(autouse=True)
def no_motion() -> Iterator[None]:
    """Screens show their final state at once; a test that checks motion turns it on."""
    set_motion_enabled(False)
    yield
    set_motion_enabled(False)


@pytest.fixture
def app(qapp: QApplication) -> QApplication:
    return create_application()


@pytest.fixture
def library() -> ContentLibrary:
    loaded = load_library(CONTENT)
    assert loaded is not None
    return loaded


@pytest.fixture
def make_window(app: QApplication, qtbot: QtBot) -> WindowFactory:
    """Build, show and register a main window; ``content`` defaults to the shipped one."""

    def make(
        content: Path = CONTENT, lang: str | None = None, size: tuple[int, int] = (1920, 1080)
    ) -> MainWindow:
        library = load_library(content)
        assert library is not None, f"content in {content} is unusable"
        window = build_window(app, library, lang)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        qtbot.waitExposed(window)
        return window

    return make


@pytest.fixture
def window(make_window: WindowFactory) -> MainWindow:
    return make_window()
