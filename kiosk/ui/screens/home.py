"""The home screen: organisation header and one tile per section, grouped by parent."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.library import ContentLibrary
from kiosk.ui.follows_language import FollowsLanguage
from kiosk.ui.input.touch import enable_kinetic_scrolling
from kiosk.ui.screens.tile import Tile
from kiosk.ui.style.fonts import set_label_text
from kiosk.ui.style.theme import Metrics


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


class HomeScreen(FollowsLanguage, QWidget):
    """Tiles leading to every section. Tiles are built once and re-filled per language."""

    section_requested = Signal(str)
    painted = Signal()

    def __init__(self, library: ContentLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HomeScreen")
        self._library = library
        self._metrics = Metrics(1.0)
        self._columns = 0
        # The language asked for, and the one the texts are in (filled on demand).
        self._lang = library.default_language
        self._filled_lang = ""
        self._groups = [[top, *library.children(top)] for top in library.top_level()]

        # The site's logo text (site.toml [theme] logo_text) as a brand-coloured mark.
        self.logo = QLabel(self)
        self.logo.setObjectName("LogoMark")
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hero_title = QLabel(self)
        self.hero_title.setObjectName("HeroTitle")
        self.hero_subtitle = QLabel(self)
        self.hero_subtitle.setObjectName("HeroSubtitle")
        self.hint = QLabel(self)
        self.hint.setObjectName("HomeHint")
        for label in (self.hero_title, self.hero_subtitle, self.hint):
            label.setWordWrap(True)

        # Fonts arrive with the style sheet's polish, after fill(): refit once they do.
        self._refit_timer = QTimer(self)
        self._refit_timer.setSingleShot(True)
        self._refit_timer.setInterval(0)
        self._refit_timer.timeout.connect(self._fit_tile_heights)
        self._refit_pending = False
        self.tiles: dict[str, Tile] = {}
        for group in self._groups:
            top, *children = group
            for page_id in group:
                kind = "parent" if page_id == top and children else "page"
                tile = Tile(page_id, kind, parent=self)
                tile.clicked.connect(lambda _=False, pid=page_id: self.section_requested.emit(pid))
                tile.fonts_changed.connect(self._refit_timer.start)
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
        self._hero_row = QHBoxLayout()
        self._hero_row.addWidget(self.logo, 0, Qt.AlignmentFlag.AlignTop)
        self._hero_row.addWidget(self.hero_title, 1)
        body_layout.addLayout(self._hero_row)
        body_layout.addWidget(self.hero_subtitle)
        body_layout.addWidget(self.hint)
        body_layout.addWidget(self._grid_host, 1)
        self._body_layout = body_layout
        self.scroll_area.setWidget(body)
        enable_kinetic_scrolling(self.scroll_area)
        self.scroll_area.viewport().installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)
        self.retranslate_ui()

    def fill(self, lang: str) -> None:
        """Show organisation texts and tile texts in ``lang``: at once when on screen,
        else when next shown (a language switch on a section page leaves it alone)."""
        self._lang = lang
        if self.isVisible():
            self._fill_now()

    def showEvent(self, event: QShowEvent) -> None:
        if self._filled_lang != self._lang:
            self._fill_now()
        if self._refit_pending:
            self._fit_tile_heights()
        super().showEvent(event)

    def _fill_now(self) -> None:
        lang = self._filled_lang = self._lang
        site = self._library.site
        self.logo.setText(site.theme.logo_text)
        self.logo.setAccessibleName(site.theme.logo_text)
        set_label_text(self.hero_title, site.organisation_text("name", lang))
        tagline = site.organisation_text("tagline", lang)
        set_label_text(self.hero_subtitle, tagline)
        self.hero_subtitle.setVisible(bool(tagline))
        for page_id, tile in self.tiles.items():
            view = self._library.view(page_id, lang)
            if view is not None:
                page = view.page
                tile.set_texts(page.title, page.summary, page.icon)
        self._fit_tile_heights()

    def apply_metrics(self, metrics: Metrics) -> None:
        self._metrics = metrics
        self._body_layout.setContentsMargins(
            metrics.margin, metrics.px(24), metrics.margin, metrics.margin
        )
        self._body_layout.setSpacing(metrics.px(10))
        self._hero_row.setSpacing(metrics.px(20))
        self._grid.setSpacing(metrics.spacing)
        for tile in self.tiles.values():
            tile.apply_metrics(metrics)
        self._columns = 0
        self._relayout()

    def scroll_to_top(self) -> None:
        self.scroll_area.verticalScrollBar().setValue(0)

    def retranslate_ui(self) -> None:
        set_label_text(self.hint, self.tr("Touch a tile to explore a section."))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._relayout()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The scroll area's viewport covers the whole screen and always paints its
        # background; its paint event is the home screen's paint event.
        if event.type() == QEvent.Type.Paint and watched is self.scroll_area.viewport():
            self.painted.emit()
        return False

    def _relayout(self) -> None:
        width = self.width() - 2 * self._metrics.margin
        columns = columns_for(width, self._metrics)
        self._fit_tile_heights()
        if columns == self._columns:
            return
        self._columns = columns
        # removeWidget deletes the layout's item; takeAt would leave it to the caller,
        # and PySide never frees it (about 100 bytes a tile on every restyle).
        for tile in self.tiles.values():
            self._grid.removeWidget(tile)
        for column in range(4):
            self._grid.setColumnStretch(column, 1 if column < columns else 0)
        for row_index, row in enumerate(pack_groups(self._groups, columns)):
            for column, page_id in enumerate(row):
                self._grid.addWidget(self.tiles[page_id], row_index, column)

    def _fit_tile_heights(self) -> None:
        """Give every tile the height its wrapped text needs at the current column width.

        Grid layouts size rows from minimum sizes, which ignore word wrapping; without
        this a three-line title would be cut instead of the home screen scrolling.
        Hidden (a language switch on a section page changes the tiles' fonts), the
        home screen does it when it is next shown.
        """
        self._refit_pending = not self.isVisible()
        if self._refit_pending:
            return
        columns = columns_for(self.width() - 2 * self._metrics.margin, self._metrics)
        spacing = self._grid.spacing()
        usable = self.width() - 2 * self._metrics.margin - spacing * (columns - 1)
        scroll_bar = self.scroll_area.verticalScrollBar().sizeHint().width()
        column_width = max(1, (usable - scroll_bar) // columns)
        for tile in self.tiles.values():
            tile.setMinimumHeight(max(self._metrics.touch, tile.heightForWidth(column_width)))
