"""A widget mixin: re-read every string on a language switch, re-mirror on a direction one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    _Widget = QWidget
else:
    _Widget = object


class FollowsLanguage(_Widget):
    """Put first among the bases: ``class TopBar(FollowsLanguage, QFrame)``.

    The language service only swaps translators and sets the layout direction; Qt then
    sends ``LanguageChange`` and ``LayoutDirectionChange`` to every widget, and this
    mixin turns them into ``retranslate_ui()`` and ``direction_changed()``.
    """

    def retranslate_ui(self) -> None:
        """Set every visible and accessible string again from ``self.tr``."""
        raise NotImplementedError

    def direction_changed(self) -> None:
        """The layout direction flipped: redraw what a style sheet does not mirror."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.LayoutDirectionChange:
            self.direction_changed()
        super().changeEvent(event)
