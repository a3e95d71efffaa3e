"""Shared test set-up: offscreen Qt, shipped content, and a leak check on top-level widgets."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

# Before any Qt import: tests draw offscreen unless a test starts its own X server.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# No developer's own kiosk config, logs or statistics leak into (or out of) the tests;
# subprocesses inherit these too.
os.environ["CRI_KIOSK_TEST_HOME"] = tempfile.mkdtemp(prefix="cri-kiosk-tests-")
os.environ["XDG_CONFIG_HOME"] = os.path.join(os.environ["CRI_KIOSK_TEST_HOME"], "config")
os.environ["XDG_STATE_HOME"] = os.path.join(os.environ["CRI_KIOSK_TEST_HOME"], "state")
os.environ["XDG_DATA_HOME"] = os.path.join(os.environ["CRI_KIOSK_TEST_HOME"], "data")
os.environ["XDG_CACHE_HOME"] = os.path.join(os.environ["CRI_KIOSK_TEST_HOME"], "cache")

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"


@pytest.fixture(scope="session", autouse=True)
def brochure_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """Brochures typeset by tests go to a temporary cache, never the user's own."""
    cache = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(cache))
        yield cache


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A writable copy of the shipped content, for tests that break it on purpose."""
    target = tmp_path / "content"
    shutil.copytree(CONTENT, target)
    return target


@pytest.fixture(autouse=True)
def no_leftover_windows() -> Iterator[None]:
    """Fail a test that leaves top-level widgets behind (as napari does)."""
    yield
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return
    app.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    leftovers = [w for w in QApplication.topLevelWidgets() if w.objectName() != "qt_tooltip"]
    app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    for widget in leftovers:
        widget.close()
        widget.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not leftovers, f"test left top-level widgets behind: {leftovers}"
