"""A pillar of the home screen: a section's card with its sub-sections' tiles under it."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QGridLayout, QVBoxLayout, QWidget

from kiosk.ui.screens.tile import Tile
from kiosk.ui.style.theme import Metrics


class PillarGroup(QFrame):
    """One framed group: the pillar's hero card on top, its children side by side below,
    so that the grouping reads at a glance in any orientation."""

    def __init__(self, hero: Tile, children: list[Tile], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PillarGroup")
        self.hero = hero
        self.children_tiles = children
        hero.setParent(self)
        hero.set_hero(True)
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        for tile in children:
            tile.setParent(self)
        layout = QVBoxLayout(self)
        layout.addWidget(hero)
        layout.addLayout(self._grid, 1)
        self._layout = layout
        self._columns = 0

    def apply_metrics(self, metrics: Metrics) -> None:
        pad = metrics.px(10)
        self._layout.setContentsMargins(pad, pad, pad, pad)
        self._layout.setSpacing(pad)
        self._grid.setSpacing(pad)
        self._columns = 0

    def columns_fitting(self, width: int, most: int) -> int:
        """How many children fit side by side in ``width`` (their longest words decide)."""
        for tile in self.children_tiles:
            tile.ensurePolished()
        widths = sorted((t.minimumSizeHint().width() for t in self.children_tiles), reverse=True)
        margins = self._layout.contentsMargins()
        room = width - margins.left() - margins.right()
        for columns in range(min(most, len(widths)), 1, -1):
            if sum(widths[:columns]) + self._grid.spacing() * (columns - 1) <= room:
                return columns
        return 1

    def set_columns(self, columns: int) -> None:
        """Children in rows of ``columns`` (all in one row when they fit)."""
        columns = max(1, min(columns, len(self.children_tiles) or 1))
        if columns == self._columns:
            return
        self._columns = columns
        # removeWidget deletes the layout's item (takeAt leaves it, never freed).
        for tile in self.children_tiles:
            self._grid.removeWidget(tile)
        for column in range(max(columns, self._grid.columnCount())):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        for index, tile in enumerate(self.children_tiles):
            self._grid.addWidget(tile, index // columns, index % columns)
