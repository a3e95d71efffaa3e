"""Where the visitor is and how they got there: current section and back history."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

HOME = ""  # the home screen's place in the history


class Navigator(QObject):
    """The visitor's position. ``current_changed`` carries a page id, or HOME."""

    current_changed = Signal(str)

    def __init__(self, is_page: Callable[[str], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._is_page = is_page
        self._current = HOME
        self._history: list[str] = []

    @property
    def current(self) -> str:
        return self._current

    def can_go_back(self) -> bool:
        return bool(self._history)

    @Slot(str)
    def go(self, page_id: str) -> None:
        """Open a section (or HOME); unknown ids are ignored, never fatal."""
        if page_id == self._current:
            return
        if page_id != HOME and not self._is_page(page_id):
            return
        self._history.append(self._current)
        self._set(page_id)

    @Slot()
    def back(self) -> None:
        if self._history:
            self._set(self._history.pop())

    @Slot()
    def home(self) -> None:
        self._history.clear()
        self._set(HOME)

    def _set(self, page_id: str) -> None:
        self._current = page_id
        self.current_changed.emit(page_id)
