"""One application-wide event filter shared by everything that watches all input.

Qt calls an event filter on the application for every event to every object: paints,
layouts, font and language changes, thousands per language switch. From Python each
call wraps the event and its receiver, so the kiosk-mode watchers (idle, lock-down,
admin corner) with a filter each multiplied that cost on every screen change. Watchers
register here with the event types they need; the application gets one filter, and a
watcher's ``eventFilter`` is only called for its own types.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QEvent, QMetaObject, QObject, Qt


class _ApplicationEvents(QObject):
    """The single filter on the application. Watchers are called newest first, as Qt
    calls the filters installed on an object, and a destroyed watcher is dropped."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self._app = app
        self._watchers: list[tuple[QObject, frozenset[QEvent.Type]]] = []
        self._by_type: dict[QEvent.Type, tuple[QObject, ...]] = {}
        self._on_destroyed: dict[int, QMetaObject.Connection] = {}

    def add(self, watcher: QObject, types: Iterable[QEvent.Type]) -> None:
        key = id(watcher)
        if key not in self._on_destroyed:
            # By id: a destroyed object's wrapper may no longer be the registered one.
            self._on_destroyed[key] = watcher.destroyed.connect(lambda: self._drop(key))
        self._watchers = [(known, kinds) for known, kinds in self._watchers if id(known) != key]
        self._watchers.insert(0, (watcher, frozenset(types)))
        self._index()

    def remove(self, watcher: QObject) -> None:
        connection = self._on_destroyed.get(id(watcher))
        if connection is not None:
            QObject.disconnect(connection)
            self._drop(id(watcher))

    def watches(self, watcher: QObject) -> bool:
        return id(watcher) in self._on_destroyed

    def _drop(self, key: int) -> None:
        self._on_destroyed.pop(key, None)
        self._watchers = [(known, kinds) for known, kinds in self._watchers if id(known) != key]
        self._index()

    def _index(self) -> None:
        by_type: dict[QEvent.Type, list[QObject]] = {}
        for watcher, kinds in self._watchers:
            for kind in kinds:
                by_type.setdefault(kind, []).append(watcher)
        self._by_type = {kind: tuple(watchers) for kind, watchers in by_type.items()}
        if self._watchers:
            self._app.installEventFilter(self)
        else:
            self._app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        watchers = self._by_type.get(event.type())
        if watchers:
            for watcher in watchers:
                if watcher.eventFilter(watched, event):
                    return True
        return False


def _hub() -> _ApplicationEvents | None:
    app = QCoreApplication.instance()
    if app is None:
        return None
    hub = app.findChild(_ApplicationEvents, "", Qt.FindChildOption.FindDirectChildrenOnly)
    return hub if isinstance(hub, _ApplicationEvents) else _ApplicationEvents(app)


def watch(watcher: QObject, types: Iterable[QEvent.Type]) -> None:
    """Call ``watcher.eventFilter`` for every event of ``types`` to any object."""
    hub = _hub()
    if hub is not None:
        hub.add(watcher, types)


def unwatch(watcher: QObject) -> None:
    """Stop calling ``watcher`` (nothing happens if it was not watching)."""
    hub = _hub()
    if hub is not None:
        hub.remove(watcher)


def is_watching(watcher: QObject) -> bool:
    hub = _hub()
    return hub is not None and hub.watches(watcher)
