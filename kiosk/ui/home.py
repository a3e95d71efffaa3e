"""The home screen: organisation header and one tile per section, grouped by parent."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from kiosk.content.library import ContentLibrary
from kiosk.ui.theme import Metrics
from kiosk.ui.tile import Tile
from kiosk.ui.touch import enable_kinetic_scrolling


def columns_for(width: int, metrics: Metrics) -> int:
    """How many tiles fit side by side at a readable size."""
    return max(1, min(4, width // metrics.px(420)))


def pack_groups(groups: list[list[str]], columns: int) -> list[list[str]]:
    """Rows of tiles: a group (a section and its sub-sections) starts a new row
    unless it fits in what is left of the current one."""
    rows: list[list[str]] = []
    row: list[str] = []
    for group in groups:
        if row and len(row) + len(group) > columns:
            rows.append(row)
            row = []
        for page_id in group:
            row.append(page_id)
            if len(row) == columns:
                rows.append(row)
                row = []
    if row:
        rows.append(row)
    return rows


class HomeScreen(QWidget):
    """Tiles leading to every section. Tiles are built once and re-filled per language."""

    section_requested = Signal(str)
    painted = Signal()

    def __init__(self, library: ContentLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HomeScreen")
        self._library = library
        self._metrics = Metrics(1.0)
        self._columns = 0
        self._groups = [[top, *library.children(top)] for top in library.top_level()]

        self.hero_title = QLabel(self)
        self.hero_title.setObjectName("HeroTitle")
        self.hero_subtitle = QLabel(self)
        self.hero_subtitle.setObjectName("HeroSubtitle")
        self.hint = QLabel(self)
        self.hint.setObjectName("HomeHint")
        for label in (self.hero_title, self.hero_subtitle, self.hint):
            label.setWordWrap(True)

        self.tiles: dict[str, Tile] = {}
        for group in self._groups:
            top, *children = group
            for page_id in group:
                kind = "parent" if page_id == top and children else "page"
                tile = Tile(page_id, kind, parent=self)
                tile.clicked.connect(lambda _=False, pid=page_id: self.section_requested.emit(pid))
                self.tiles[page_id] = tile

        self._grid_host = QWidget(self)
        self._grid_host.setObjectName("HomeScreen")
        self._grid = QGridLayout(self._grid_host)
        self._grid.setContentsMargins(0, 0, 0, 0)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(self.scroll_area)
        body.setObjectName("HomeScreen")
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.hero_title)
        body_layout.addWidget(self.hero_subtitle)
        body_layout.addWidget(self.hint)
        body_layout.addWidget(self._grid_host, 1)
        self._body_layout = body_layout
        self.scroll_area.setWidget(body)
        enable_kinetic_scrolling(self.scroll_area)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)
        self.retranslate_ui()

    def fill(self, lang: str) -> None:
        """Show organisation texts and tile texts in ``lang``."""
        site = self._library.site
        self.hero_title.setText(site.organisation_text("name", lang))
        tagline = site.organisation_text("tagline", lang)
        self.hero_subtitle.setText(tagline)
        self.hero_subtitle.setVisible(bool(tagline))
        for page_id, tile in self.tiles.items():
            view = self._library.view(page_id, lang)
            if view is not None:
                page = view.page
                tile.set_texts(page.title, page.summary, page.icon)

    def apply_metrics(self, metrics: Metrics) -> None:
        self._metrics = metrics
        self._body_layout.setContentsMargins(
            metrics.margin, metrics.px(24), metrics.margin, metrics.margin
        )
        self._body_layout.setSpacing(metrics.px(10))
        self._grid.setSpacing(metrics.spacing)
        for tile in self.tiles.values():
            tile.apply_metrics(metrics)
        self._columns = 0
        self._relayout()

    def scroll_to_top(self) -> None:
        self.scroll_area.verticalScrollBar().setValue(0)

    def retranslate_ui(self) -> None:
        self.hint.setText(self.tr("Touch a tile to explore a section."))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.painted.emit()

    def _relayout(self) -> None:
        width = self.width() - 2 * self._metrics.margin
        columns = columns_for(width, self._metrics)
        if columns == self._columns:
            return
        self._columns = columns
        while self._grid.count():
            self._grid.takeAt(0)
        for column in range(4):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        for row_index, row in enumerate(pack_groups(self._groups, columns)):
            for column, page_id in enumerate(row):
                self._grid.addWidget(self.tiles[page_id], row_index, column)
