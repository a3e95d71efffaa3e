"""A section page: header band, related sections, the rendered Markdown, previous/next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt, QUrl, Signal
from PySide6.QtGui import QFont, QResizeEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.documents import document_id_from_url
from kiosk.content.library import ContentLibrary, PageView
from kiosk.content.links import section_id_from_url, web_address_from_url
from kiosk.font_families import font_for
from kiosk.i18n import fill
from kiosk.ui.follows_language import FollowsLanguage
from kiosk.ui.input.touch import SwipeDetector, enable_kinetic_scrolling
from kiosk.ui.screens.kept_pages import KeptPages
from kiosk.ui.screens.text_fragments import fragments
from kiosk.ui.screens.text_images import ImageFitter
from kiosk.ui.screens.tile import Tile
from kiosk.ui.style import icons
from kiosk.ui.style.fonts import set_label_text
from kiosk.ui.style.theme import Metrics, active_palette, document_css

if TYPE_CHECKING:
    from kiosk.content.model import Page
    from kiosk.ui.screens.downloads import DownloadsList
    from kiosk.ui.screens.graphics.base import Graphic

# Widest share of the header the parent link may take beside the title.
PARENT_LINK_MAX_SHARE = 0.4
# Related sections side by side on wide pages (the content has three per group).
RELATED_COLUMNS = 3
# Landscape pages show their picture beside the text when this much wider than tall.
GRAPHIC_BESIDE_RATIO = 1.15
# Portrait pages give their picture at most this share of the page's height.
GRAPHIC_MAX_SHARE = 0.5


class SectionPage(FollowsLanguage, QWidget):
    """Shows one section in one language. Built once, re-filled for every visit."""

    section_requested = Signal(str)
    # A tapped link to a document (its id) or to a web address (address, link text).
    document_requested = Signal(str)
    web_link_requested = Signal(str, str)

    def __init__(self, library: ContentLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SectionPage")
        self._library = library
        self._metrics = Metrics(1.0)
        self._page_id = ""
        self._lang = library.default_language
        self._graphic_page = ""

        self.header = QFrame(self)
        self.header.setObjectName("SectionHeader")
        self.icon_label = QLabel(self.header)
        self.title_label = QLabel(self.header)
        self.title_label.setObjectName("SectionTitle")
        self.title_label.setWordWrap(True)
        self.parent_button = QPushButton(self.header)
        self.parent_button.setObjectName("ParentLink")
        self.parent_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.parent_button.clicked.connect(self._open_parent)
        header_layout = QGridLayout(self.header)
        self._header_layout = header_layout
        header_layout.addWidget(self.icon_label, 0, 0, Qt.AlignmentFlag.AlignVCenter)
        header_layout.addWidget(self.title_label, 0, 1)
        header_layout.setColumnStretch(1, 1)
        self._parent_on_own_row: bool | None = None

        self.fallback_note = QLabel(self)
        self.fallback_note.setObjectName("FallbackNote")
        self.fallback_note.setWordWrap(True)
        self.fallback_note.hide()

        self.related_host = QWidget(self)
        self._related_layout = QGridLayout(self.related_host)
        self._related_layout.setContentsMargins(0, 0, 0, 0)
        self.related_tiles: list[Tile] = []
        self._related_count = 0
        self._related_columns = 0

        self.text = QTextBrowser(self)
        self.text.setObjectName("SectionText")
        self.text.setOpenLinks(False)
        self.text.setOpenExternalLinks(False)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.text.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.text.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.text.anchorClicked.connect(self._open_link)
        self.text.document().setUndoRedoEnabled(False)
        # Rendered texts kept for return visits and switches back to a language: parsing
        # and aligning a page's HTML is most of the cost of opening it. Bounded in bytes.
        self._documents = KeptPages()
        enable_kinetic_scrolling(self.text)
        self._images = ImageFitter(self.text)

        self.previous_button = QPushButton(self)
        self.next_button = QPushButton(self)
        for button in (self.previous_button, self.next_button):
            button.setObjectName("NavButton")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))
        nav = QHBoxLayout()
        nav.addWidget(self.previous_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)

        # A page's picture (front matter ``graphic``), beside or above its text.
        self.graphics: dict[str, Graphic] = {}
        self.graphic: Graphic | None = None
        self._content = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._content.addWidget(self.text, 1)

        self._body = QVBoxLayout()
        self._body.addWidget(self.fallback_note)
        self._body.addWidget(self.related_host)
        self.downloads: DownloadsList | None = None
        self._body.addLayout(self._content, 1)
        self._body.addLayout(nav)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.header)
        layout.addLayout(self._body, 1)

        swipes = SwipeDetector([self, self.text.viewport(), self.header], self._is_rtl, self)
        swipes.swiped.connect(self.step)
        self.swipes = swipes  # the window lets the page follow the finger
        self.retranslate_ui()

    # public ---------------------------------------------------------------------
    @property
    def page_id(self) -> str:
        return self._page_id

    def show_section(self, page_id: str, lang: str) -> None:
        """Fill the page with ``page_id`` in ``lang`` and scroll to its top."""
        view = self._library.view(page_id, lang)
        if view is None:
            return
        changed = page_id != self._page_id
        self._page_id = page_id
        self._lang = lang
        self._fill(view)
        if changed:
            self.text.verticalScrollBar().setValue(0)

    def set_downloads(self, downloads: DownloadsList) -> None:
        """The Downloads list, shown above the text of pages that say downloads = true."""
        self.downloads = downloads
        # Above the text (and its picture), under the related sections.
        self._body.insertWidget(self._body.indexOf(self.related_host) + 1, downloads)
        downloads.hide()

    def reset(self) -> None:
        """Forget the last visitor's place: the next visit starts at the top."""
        self._page_id = ""
        self.text.verticalScrollBar().setValue(0)

    def step(self, delta: int) -> None:
        """Open the previous (-1) or next (+1) sibling section, if there is one."""
        target = self._sibling(delta)
        if target:
            self.section_requested.emit(target)

    def apply_metrics(self, metrics: Metrics) -> None:
        self._metrics = metrics
        pad = metrics.margin
        self._header_layout.setContentsMargins(pad, metrics.px(18), pad, metrics.px(18))
        self._header_layout.setHorizontalSpacing(metrics.px(20))
        self._header_layout.setVerticalSpacing(metrics.px(12))
        self._body.setContentsMargins(pad, metrics.px(18), pad, metrics.px(18))
        self._body.setSpacing(metrics.px(16))
        self._related_layout.setSpacing(metrics.px(12))
        self._content.setSpacing(metrics.px(20))
        for graphic in self.graphics.values():
            graphic.apply_metrics(metrics)
        for tile in self.related_tiles:
            tile.apply_metrics(metrics)
        self._refresh_icons()
        if self._page_id:
            self.show_section(self._page_id, self._lang)

    def retranslate_ui(self) -> None:
        self.previous_button.setText(self.tr("Previous"))
        self.next_button.setText(self.tr("Next"))
        self.previous_button.setAccessibleName(self.tr("Previous section"))
        self.next_button.setAccessibleName(self.tr("Next section"))
        self.text.setAccessibleName(self.tr("Section text"))
        parent = self._library.parent(self._page_id) if self._page_id else None
        if parent is not None:
            view = self._library.view(parent, self._lang)
            title = view.page.title if view is not None else parent
            self.parent_button.setText(title)
            self.parent_button.setAccessibleName(fill(self.tr("Part of: %1"), title))
        self._place_parent_button()

    def direction_changed(self) -> None:
        self._refresh_icons()

    # filling ---------------------------------------------------------------------
    def _fill(self, view: PageView) -> None:
        page = view.page
        set_label_text(self.title_label, page.title, tight_lines=False)
        self._set_icon(page.icon)
        parent = self._library.parent(page.id)
        self.parent_button.setVisible(parent is not None)
        self._fill_fallback_note(view)
        self._fill_graphic(page.graphic, page.id, view.page.lang)
        self._fill_related(page.id)
        self._fill_downloads(view)
        self._fill_text(view)
        self.previous_button.setEnabled(bool(self._sibling(-1)))
        self.next_button.setEnabled(bool(self._sibling(1)))
        self.retranslate_ui()

    def _fill_fallback_note(self, view: PageView) -> None:
        if not view.is_fallback:
            self.fallback_note.hide()
            return
        shown_in = self._library.language(view.page.lang).name
        note = self.tr("This page is not yet available in your language. Shown in: %1.")
        set_label_text(self.fallback_note, fill(note, shown_in))
        self.fallback_note.show()

    def _fill_downloads(self, view: PageView) -> None:
        if self.downloads is None:
            return
        if view.page.downloads:
            self.downloads.fill(self._lang)
        self.downloads.setVisible(view.page.downloads)

    def _fill_graphic(self, name: str | None, page_id: str, lang: str) -> None:
        """Show the page's picture, built on first use and kept for later visits."""
        graphic = None
        if name is not None:
            graphic = self.graphics.get(name)
            if graphic is None:
                # The drawings are loaded with the first page that has one.
                from kiosk.ui.screens.graphics.registry import create_graphic

                graphic = create_graphic(name, self._library, self)
                graphic.apply_metrics(self._metrics)
                graphic.section_requested.connect(self.section_requested)
                self.graphics[name] = graphic
                self._content.insertWidget(0, graphic, 1)
            # Lay out at the page's language, then count up again on a new page.
            graphic.fill(page_id, self._lang)
            if graphic is not self.graphic or page_id != self._graphic_page:
                graphic.start_motion()
        for other in self.graphics.values():
            other.setVisible(other is graphic)
        self.graphic = graphic
        self._graphic_page = page_id if graphic is not None else ""
        self._place_graphic()

    def _place_graphic(self) -> None:
        """Beside the text on landscape pages, above it (capped) on portrait ones."""
        graphic = self.graphic
        if graphic is None:
            return
        beside = self.width() > GRAPHIC_BESIDE_RATIO * self.height()
        if beside:
            self._content.setDirection(QBoxLayout.Direction.LeftToRight)
            self._content.setStretchFactor(graphic, 1)
            graphic.setMinimumHeight(0)
            graphic.setMaximumHeight(16777215)
        else:
            self._content.setDirection(QBoxLayout.Direction.TopToBottom)
            self._content.setStretchFactor(graphic, 0)
            width = self.width() - 2 * self._metrics.margin
            height = min(graphic.needed_height(width), round(GRAPHIC_MAX_SHARE * self.height()))
            graphic.setFixedHeight(max(self._metrics.touch, height))

    def _fill_related(self, page_id: str) -> None:
        """Sub-sections of a parent page, or the sibling sections of a sub-page."""
        parent = self._library.parent(page_id)
        related = (
            self._library.children(page_id) if parent is None else self._library.children(parent)
        )
        while len(self.related_tiles) < len(related):
            tile = Tile("", compact=True, parent=self.related_host)
            tile.setCheckable(True)
            tile.apply_metrics(self._metrics)
            tile.clicked.connect(lambda _=False, t=tile: self._open_related(t))
            self.related_tiles.append(tile)
        self._related_count = len(related)
        for index, tile in enumerate(self.related_tiles):
            if index >= len(related):
                tile.hide()
                continue
            tile.page_id = related[index]
            view = self._library.view(tile.page_id, self._lang)
            if view is not None:
                tile.set_texts(view.page.title, "", view.page.icon)
            tile.setChecked(tile.page_id == page_id)
            tile.show()
        # A page's picture leads to its sub-sections itself (blocks, pins).
        self.related_host.setVisible(bool(related) and self.graphic is None)
        self._related_columns = 0
        self._layout_related()

    def _layout_related(self) -> None:
        """Related tiles side by side when the page is wide enough, else stacked."""
        columns = RELATED_COLUMNS if self.width() >= self._metrics.px(1000) else 1
        if columns == self._related_columns:
            return
        self._related_columns = columns
        # removeWidget deletes the layout's item (takeAt leaves it, never freed).
        for tile in self.related_tiles:
            self._related_layout.removeWidget(tile)
        for index, tile in enumerate(self.related_tiles[: self._related_count]):
            self._related_layout.addWidget(tile, index // columns, index % columns)

    def _fill_text(self, view: PageView) -> None:
        """Show the page's rendered text: kept from an earlier visit, else rendered now."""
        page = view.page
        key = (page.id, page.lang, self._metrics, active_palette())
        document = self._documents.get(key)
        if document is not None:
            if self.text.document() is not document:
                self.text.setDocument(document)
                # The window may have been resized since (within the same type scale).
                self._images.fit()
            # The browser gives its own font to its document when the script changes.
            font = self._text_font(page)
            if document.defaultFont() != font:
                document.setDefaultFont(font)
            return
        document = QTextDocument(self)
        document.setUndoRedoEnabled(False)
        document.setDocumentMargin(self._metrics.px(28))
        self.text.setDocument(document)
        self._render_text(page, document)
        self._documents.keep(key, document)

    def _render_text(self, page: Page, document: QTextDocument) -> None:
        html = self._library.html(page)
        rtl = self._library.language(page.lang).is_rtl
        document.setDefaultStyleSheet(document_css(self._metrics, rtl))
        document.setDefaultFont(self._text_font(page))
        direction = "rtl" if rtl else "ltr"
        self.text.setHtml(f'<html><body dir="{direction}">{html}</body></html>')
        # The HTML importer aligns every block left; Arabic reads from the right.
        alignment = Qt.AlignmentFlag.AlignAbsolute | (
            Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft
        )
        # One edit block: the layout is redone once at its end, not after every block
        # (seconds on a page of thousands of paragraphs).
        cursor = QTextCursor(document)
        cursor.beginEditBlock()
        block = document.begin()
        while block.isValid():
            block_format = block.blockFormat()
            block_format.setAlignment(alignment)
            cursor.setPosition(block.position())
            cursor.setBlockFormat(block_format)
            block = block.next()
        cursor.endEditBlock()
        self._images.fit()

    def _text_font(self, page: Page) -> QFont:
        """The body font of ``page``'s text: its own script's family, the body size."""
        font = font_for(self._library.language(page.lang).is_rtl, self.font())
        font.setPixelSize(self._metrics.body)
        return font

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._place_parent_button()
        self._layout_related()
        self._place_graphic()

    def _place_parent_button(self) -> None:
        """The way up beside the title on wide screens, under it on narrow ones,
        so that neither the title nor the parent's name is squeezed."""
        own_row = self.parent_button.sizeHint().width() > PARENT_LINK_MAX_SHARE * self.width()
        if own_row == self._parent_on_own_row:
            return
        self._parent_on_own_row = own_row
        self._header_layout.removeWidget(self.parent_button)
        if own_row:
            self._header_layout.addWidget(
                self.parent_button, 1, 0, 1, 2, Qt.AlignmentFlag.AlignLeading
            )
        else:
            self._header_layout.addWidget(self.parent_button, 0, 2, Qt.AlignmentFlag.AlignVCenter)

    # navigation ------------------------------------------------------------------
    def _sibling(self, delta: int) -> str:
        siblings = self._library.siblings(self._page_id) if self._page_id else ()
        if self._page_id not in siblings:
            return ""
        index = siblings.index(self._page_id) + delta
        return siblings[index] if 0 <= index < len(siblings) else ""

    def _open_link(self, url: QUrl) -> None:
        href = url.toString()
        page_id = section_id_from_url(href)
        if page_id is not None and self._library.has_page(page_id):
            self.section_requested.emit(page_id)
            return
        doc_id = document_id_from_url(href)
        if doc_id is not None and self._library.documents.has(doc_id):
            self.document_requested.emit(doc_id)
            return
        address = web_address_from_url(href)
        if address is not None:
            self.web_link_requested.emit(address, self._anchor_text(href) or address)

    def _anchor_text(self, href: str) -> str:
        """The words of the link to ``href`` as the visitor read them."""
        words: list[str] = []
        for fragment in fragments(self.text.document()):
            if fragment.charFormat().anchorHref() == href:
                words.append(fragment.text())
            elif words:
                break
        return "".join(words).strip()

    def _open_related(self, tile: Tile) -> None:
        tile.setChecked(tile.page_id == self._page_id)
        if tile.page_id != self._page_id:
            self.section_requested.emit(tile.page_id)

    def _open_parent(self) -> None:
        parent = self._library.parent(self._page_id)
        if parent is not None:
            self.section_requested.emit(parent)

    def _is_rtl(self) -> bool:
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    # icons -------------------------------------------------------------------------
    def _set_icon(self, name: str) -> None:
        side = self._metrics.px(64)
        pixmap = icons.icon(name, active_palette().brand).pixmap(
            QSize(side, side), self.devicePixelRatioF()
        )
        self.icon_label.setPixmap(pixmap)
        self.icon_label.setFixedSize(side, side)

    def _refresh_icons(self) -> None:
        rtl = self._is_rtl()
        previous_icon = "mdi6.chevron-right" if rtl else "mdi6.chevron-left"
        next_icon = "mdi6.chevron-left" if rtl else "mdi6.chevron-right"
        side = self._metrics.px(40)
        self.previous_button.setIcon(icons.icon(previous_icon, active_palette().brand))
        self.next_button.setIcon(icons.icon(next_icon, active_palette().brand))
        # The "next" arrow goes after its word: mirror that one button's own layout.
        self.next_button.setLayoutDirection(
            Qt.LayoutDirection.LeftToRight if rtl else Qt.LayoutDirection.RightToLeft
        )
        up = "mdi6.arrow-up-left" if not rtl else "mdi6.arrow-up-right"
        self.parent_button.setIcon(icons.icon(up, active_palette().brand))
        for button in (self.previous_button, self.next_button, self.parent_button):
            button.setIconSize(QSize(side, side))
