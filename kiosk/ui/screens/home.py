"""The home screen: the organisation's masthead, headline figures, the pillars and the rest.

From the top: the logo (or text mark) with the organisation's name and tagline; a large
invitation to touch; the key-figures tile with the content's first headline figures;
each section that has sub-sections as a pillar (a hero card over its children's tiles),
side by side on a landscape screen and one above the other on a portrait one; the other
sections (Downloads) as tiles. Tiles are built once and re-filled per language.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.headlines import headlines, key_figures_page
from kiosk.content.library import ContentLibrary
from kiosk.ui.follows_language import FollowsLanguage
from kiosk.ui.input.touch import enable_kinetic_scrolling
from kiosk.ui.screens.figures_tile import FiguresTile
from kiosk.ui.screens.logo_mark import LogoMark
from kiosk.ui.screens.pillar import PillarGroup
from kiosk.ui.screens.tile import Tile
from kiosk.ui.style import icons
from kiosk.ui.style.fonts import set_label_text
from kiosk.ui.style.theme import Metrics, active_palette

# A tile narrower than this (at 1080p) wraps its title into too many lines.
MIN_TILE_WIDTH = 240
# The narrowest column of words beside a headline number, at 1080p and normal text.
WORDS_MIN_WIDTH = 380


def columns_for(width: int, metrics: Metrics, most: int = 4) -> int:
    """How many tiles fit side by side at a readable size."""
    return max(1, min(most, width // metrics.px(MIN_TILE_WIDTH)))


def is_portrait(width: int, height: int) -> bool:
    return height > width


class HomeScreen(FollowsLanguage, QWidget):
    """Tiles leading to every section, grouped under the pillars they belong to."""

    section_requested = Signal(str)
    painted = Signal()

    def __init__(self, library: ContentLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("HomeScreen")
        self._library = library
        self._metrics = Metrics(1.0)
        self._portrait: bool | None = None
        # The language asked for, and the one the texts are in (filled on demand).
        self._lang = library.default_language
        self._filled_lang = ""
        self._tagline = ""

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QScrollArea.Shape.NoFrame)
        body = QWidget(self.scroll_area)
        body.setObjectName("HomeScreen")
        self._body = body

        self.logo = LogoMark(body)
        self.hero_title = QLabel(body)
        self.hero_title.setObjectName("HeroTitle")
        self.hero_subtitle = QLabel(body)
        self.hero_subtitle.setObjectName("HeroSubtitle")
        self.hint = QLabel(body)
        self.hint.setObjectName("HomeInvitation")
        self.hint_icon = QLabel(body)
        for label in (self.hero_title, self.hero_subtitle, self.hint):
            label.setWordWrap(True)

        # Fonts arrive with the style sheet's polish, after fill(): refit once they do.
        self._refit_timer = QTimer(self)
        self._refit_timer.setSingleShot(True)
        self._refit_timer.setInterval(0)
        self._refit_timer.timeout.connect(self._fit_tile_heights)
        self._refit_pending = False

        self.tiles: dict[str, Tile] = {}
        self.pillars: list[PillarGroup] = []
        self.figures_tile: FiguresTile | None = None
        self._singles: list[Tile] = []
        figures_page = key_figures_page(library, library.default_language)
        for top in library.top_level():
            children = library.children(top)
            if children:
                hero = self._add_tile(Tile(top, "parent"))
                kids = [self._add_tile(Tile(c, "page", compact=True)) for c in children]
                self.pillars.append(PillarGroup(hero, kids, body))
            elif figures_page is not None and top == figures_page.id:
                self.figures_tile = FiguresTile(top, body)
                self._add_tile(self.figures_tile)
            else:
                tile = Tile(top, "page", compact=True, parent=body)
                self._singles.append(self._add_tile(tile))

        masthead = QHBoxLayout()
        masthead.addWidget(self.logo, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.setSpacing(0)
        titles.addWidget(self.hero_title)
        titles.addWidget(self.hero_subtitle)
        masthead.addLayout(titles, 1)
        self._masthead = masthead
        # The invitation, beside the other sections' tiles at the bottom.
        self._invitation_box = QWidget(body)
        invitation = QHBoxLayout(self._invitation_box)
        invitation.setContentsMargins(0, 0, 0, 0)
        invitation.addWidget(self.hint_icon, 0, Qt.AlignmentFlag.AlignVCenter)
        invitation.addWidget(self.hint, 1)
        self._invitation = invitation
        # The figures, then the pillars: columns side by side on a landscape screen,
        # one above the other on a portrait one.
        self._columns_row = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        if self.figures_tile is not None:
            self._columns_row.addWidget(self.figures_tile, 1)
        for pillar in self.pillars:
            self._columns_row.addWidget(pillar, 1)
        self._singles_grid = QGridLayout()
        self._bottom_row = QHBoxLayout()
        self._bottom_row.addWidget(self._invitation_box, 2)
        self._bottom_row.addLayout(self._singles_grid, 1)

        body_layout = QVBoxLayout(body)
        body_layout.addLayout(masthead)
        body_layout.addLayout(self._columns_row, 1)
        body_layout.addLayout(self._bottom_row)
        self._body_layout = body_layout
        self.scroll_area.setWidget(body)
        enable_kinetic_scrolling(self.scroll_area)
        self.scroll_area.viewport().installEventFilter(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)
        self.retranslate_ui()

    def _add_tile(self, tile: Tile) -> Tile:
        page_id = tile.page_id
        tile.clicked.connect(lambda _=False, pid=page_id: self.section_requested.emit(pid))
        tile.fonts_changed.connect(self._refit_timer.start)
        self.tiles[page_id] = tile
        return tile

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
        self.logo.set_logo(site.theme.logo_text, site.theme.logo)
        set_label_text(self.hero_title, site.organisation_text("name", lang))
        self._tagline = site.organisation_text("tagline", lang)
        set_label_text(self.hero_subtitle, self._tagline)
        self._show_tagline()
        for page_id, tile in self.tiles.items():
            view = self._library.view(page_id, lang)
            if view is not None:
                page = view.page
                tile.set_texts(page.title, page.summary, page.icon)
        if self.figures_tile is not None:
            self.figures_tile.set_headlines(headlines(self._library, lang))
        self._fit_tile_heights()

    def _show_tagline(self) -> None:
        # The tagline names the two pillars; on a landscape screen they stand right
        # under it, and its line is worth more to the pillars (the height is short).
        self.hero_subtitle.setVisible(bool(self._tagline) and bool(self._portrait))

    def apply_metrics(self, metrics: Metrics) -> None:
        self._metrics = metrics
        self._body_layout.setContentsMargins(
            metrics.margin, metrics.px(14), metrics.margin, metrics.px(14)
        )
        self._body_layout.setSpacing(metrics.px(12))
        self._masthead.setSpacing(metrics.px(24))
        self._invitation.setSpacing(metrics.px(18))
        self._columns_row.setSpacing(metrics.spacing)
        self._singles_grid.setSpacing(metrics.spacing)
        self._bottom_row.setSpacing(metrics.spacing)
        self.logo.set_mark_height(metrics.px(96))
        side = metrics.px(52)
        self.hint_icon.setPixmap(
            icons.icon("fa5s.hand-pointer", active_palette().accent).pixmap(
                QSize(side, side), self.devicePixelRatioF()
            )
        )
        self.hint_icon.setFixedSize(side, side)
        for tile in self.tiles.values():
            tile.apply_metrics(metrics)
        for pillar in self.pillars:
            pillar.apply_metrics(metrics)
        self._portrait = None
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
        """Arrange the pillars for the screen's orientation and the tiles for its width."""
        metrics = self._metrics
        width = self.width() - 2 * metrics.margin
        portrait = is_portrait(self.width(), self.height())
        if portrait != self._portrait:
            self._portrait = portrait
            self._columns_row.setDirection(
                QBoxLayout.Direction.TopToBottom if portrait else QBoxLayout.Direction.LeftToRight
            )
            self._show_tagline()
        self._arrange()
        # removeWidget deletes the layout's item; takeAt would leave it to the caller,
        # and PySide never frees it (about 100 bytes a tile on every restyle).
        for tile in self._singles:
            self._singles_grid.removeWidget(tile)
        singles_width = width // 3
        columns = max(1, min(len(self._singles), columns_for(singles_width, metrics)))
        for column in range(4):
            self._singles_grid.setColumnStretch(column, 1 if column < columns else 0)
        for index, tile in enumerate(self._singles):
            self._singles_grid.addWidget(tile, index // columns, index % columns)
        self._refit_timer.start()

    def _arrange(self) -> None:
        """Children in a row under a full-width pillar (as many as their longest words
        allow), in a list in a column; numbers beside their words on a full-width tile
        wide enough for both, else above them."""
        metrics = self._metrics
        width = self.width() - 2 * metrics.margin
        for pillar in self.pillars:
            most = columns_for(width, metrics, most=3)
            pillar.set_columns(pillar.columns_fitting(width, most) if self._portrait else 1)
        tile = self.figures_tile
        if tile is None:
            return
        tile.ensurePolished()
        for block in tile.blocks:
            block.number.ensurePolished()
        room = self.width() - 2 * metrics.margin - metrics.px(2 * 20 + 28)
        words = metrics.font(WORDS_MIN_WIDTH)
        tile.set_side_by_side(bool(self._portrait) and tile.number_width() + words <= room, metrics)

    def _fit_tile_heights(self) -> None:
        """Give every tile the height its wrapped text needs at its width.

        Layouts size rows from minimum sizes, which ignore word wrapping; without this
        a three-line title would be cut or run into the tile below. Hidden (a language
        switch on a section page changes the tiles' fonts), the home screen does it
        when it is next shown.
        """
        self._refit_pending = not self.isVisible()
        if self._refit_pending:
            return
        self._arrange()
        for _ in range(2):  # a first fit may change the widths the layout hands out
            layout = self._body.layout()
            if layout is not None:
                layout.activate()
            changed = False
            for tile in self.tiles.values():
                if tile.width() <= 0:
                    continue
                height = max(self._metrics.touch, tile.heightForWidth(tile.width()))
                if tile.minimumHeight() != height:
                    tile.setMinimumHeight(height)
                    changed = True
            if not changed:
                break
