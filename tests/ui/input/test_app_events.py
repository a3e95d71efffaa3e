"""The shared application event filter: each watcher gets its own event types only."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from kiosk.ui.input import app_events


class Recorder(QObject):
    """Notes the events it is shown; swallows them when asked to."""

    def __init__(self, swallow: bool = False) -> None:
        super().__init__(QCoreApplication.instance())
        self.swallow = swallow
        self.seen: list[QEvent.Type] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        self.seen.append(event.type())
        return self.swallow


def clicked_button(qtbot: QtBot) -> tuple[QPushButton, list[bool]]:
    button = QPushButton("Tap")
    qtbot.addWidget(button)
    button.show()
    qtbot.waitExposed(button)
    clicks: list[bool] = []
    button.clicked.connect(lambda: clicks.append(True))
    return button, clicks


def test_watchers_see_only_their_event_types(app: QApplication, qtbot: QtBot) -> None:
    button, clicks = clicked_button(qtbot)
    mouse, keys = Recorder(), Recorder()
    app_events.watch(mouse, (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease))
    app_events.watch(keys, (QEvent.Type.KeyPress,))
    try:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert clicks == [True]
        assert QEvent.Type.MouseButtonPress in mouse.seen
        assert set(mouse.seen) <= {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease}
        assert keys.seen == []
    finally:
        app_events.unwatch(mouse)
        app_events.unwatch(keys)
    assert not app_events.is_watching(mouse)


def test_the_newest_watcher_can_swallow_an_event(app: QApplication, qtbot: QtBot) -> None:
    button, clicks = clicked_button(qtbot)
    older, newer = Recorder(), Recorder(swallow=True)
    app_events.watch(older, (QEvent.Type.MouseButtonRelease,))
    app_events.watch(newer, (QEvent.Type.MouseButtonRelease,))
    try:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        assert clicks == [], "the release never reached the button"
        assert newer.seen and older.seen == []
    finally:
        app_events.unwatch(older)
        app_events.unwatch(newer)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert clicks == [True]


def test_a_destroyed_watcher_is_forgotten(app: QApplication, qtbot: QtBot) -> None:
    button, clicks = clicked_button(qtbot)
    watcher = Recorder()
    app_events.watch(watcher, (QEvent.Type.MouseButtonPress,))
    assert app_events.is_watching(watcher)
    watcher.deleteLater()
    qtbot.waitUntil(lambda: not app_events.is_watching(watcher), timeout=1000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert clicks == [True]
