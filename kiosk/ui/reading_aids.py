"""The visitor's reading aids: a larger text size and high contrast over the site's theme."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.palette import HIGH_CONTRAST, Palette
from kiosk.ui.style.theme import TEXT_STEPS, set_active_palette


class ReadingAids(QObject):
    """What the visitor chose with the top bar's text-size and contrast buttons.

    Kept across navigation and language switches, cleared by ``reset()`` for the next
    visitor. Makes its palette the active one; the window restyles on ``changed``.
    """

    changed = Signal()

    def __init__(self, site_palette: Palette, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._site_palette = site_palette
        self._text_step = 0
        self._high_contrast = False
        set_active_palette(self.palette())

    def text_step(self) -> int:
        """0 (normal) to ``len(TEXT_STEPS) - 1`` (largest)."""
        return self._text_step

    def text_scale(self) -> float:
        return TEXT_STEPS[self._text_step]

    def is_high_contrast(self) -> bool:
        return self._high_contrast

    def palette(self) -> Palette:
        """The colours in use: the site's theme, or the high-contrast one."""
        return HIGH_CONTRAST if self._high_contrast else self._site_palette

    @Slot(int)
    def set_text_step(self, step: int) -> None:
        self._text_step = max(0, min(len(TEXT_STEPS) - 1, step))
        self.changed.emit()

    @Slot(bool)
    def set_high_contrast(self, on: bool) -> None:
        self._high_contrast = on
        set_active_palette(self.palette())
        self.changed.emit()

    def set_site_palette(self, palette: Palette) -> None:
        """The site's theme after a content reload; high contrast stays if it was on."""
        self._site_palette = palette
        set_active_palette(self.palette())
        self.changed.emit()

    def reset(self) -> None:
        """Normal text size and the site's theme, for the next visitor."""
        self._text_step = 0
        self._high_contrast = False
        set_active_palette(self.palette())
        self.changed.emit()
