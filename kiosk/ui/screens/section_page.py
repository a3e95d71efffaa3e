"""A section page: a header of constant height, related sections, the rendered Markdown
with a cue where it goes on, previous/next."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent, QTextCursor, QTextDocument
from PySide6.QtWidgets import (
    QBoxLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
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
from kiosk.ui.screens.parent_link import ParentLink
from kiosk.ui.screens.section_text import SectionText
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
PARENT_LINK_MAX_SHARE = 0.34
# The title's type sizes (design px at 1080): one line at the largest that fits, else
# two lines, down to the body size; the band is two lines of BAND_SIZE high, the same
# on every page. The visitor's larger text steps may go down to FLOOR_SIZE unscaled.
TITLE_SIZE = 40
BAND_SIZE = 30
FLOOR_SIZE = 28
TITLE_LINES = 2
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

        # The page's one title (the top bar shows none on section pages), and the way up
        # to the parent section, in a band whose height is the same on every page.
        self.header = QFrame(self)
        self.header.setObjectName("SectionHeader")
        self.icon_label = QLabel(self.header)
        self.title_label = QLabel(self.header)
        self.title_label.setObjectName("SectionTitle")
        self.title_label.setWordWrap(True)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self._title_size = 0
        self.parent_button = ParentLink(self.header)
        self.parent_button.clicked.connect(self._open_parent)
        header_layout = QHBoxLayout(self.header)
        self._header_layout = header_layout
        header_layout.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignVCenter)
        header_layout.addWidget(self.title_label, 1, Qt.AlignmentFlag.AlignVCenter)
        header_layout.addWidget(self.parent_button, 0, Qt.AlignmentFlag.AlignVCenter)

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

        self.text = SectionText(self)
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

        # Previous, "more below" and Next float over the text's last lines (a fade says
        # the text goes on): the page spends no row of its height on them.
        self.previous_button = self.text.previous_button
        self.next_button = self.text.next_button
        self.more_button = self.text.more_button
        self.previous_button.clicked.connect(lambda: self.step(-1))
        self.next_button.clicked.connect(lambda: self.step(1))

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
        self._header_layout.setContentsMargins(pad, metrics.px(12), pad, metrics.px(12))
        self._header_layout.setSpacing(metrics.px(20))
        self._body.setContentsMargins(pad, metrics.px(14), pad, metrics.px(12))
        self._body.setSpacing(metrics.px(12))
        self._related_layout.setSpacing(metrics.px(12))
        self._content.setSpacing(metrics.px(20))
        for graphic in self.graphics.values():
            graphic.apply_metrics(metrics)
        for tile in self.related_tiles:
            tile.apply_metrics(metrics)
        self.parent_button.apply_metrics(metrics)
        self.text.apply_metrics(metrics)
        self._title_size = 0
        self._refresh_icons()
        if self._page_id:
            self.show_section(self._page_id, self._lang)

    def retranslate_ui(self) -> None:
        self.previous_button.setText(self.tr("Previous"))
        self.next_button.setText(self.tr("Next"))
        self.previous_button.setAccessibleName(self.tr("Previous section"))
        self.next_button.setAccessibleName(self.tr("Next section"))
        self.text.setAccessibleName(self.tr("Section text"))
        self.text.set_more_text(self.tr("More below"))
        parent = self._library.parent(self._page_id) if self._page_id else None
        if parent is not None:
            view = self._library.view(parent, self._lang)
            title = view.page.title if view is not None else parent
            self.parent_button.set_title(title, self._is_rtl())
            self.parent_button.setAccessibleName(fill(self.tr("Part of: %1"), title))
        self._fit_header()

    def direction_changed(self) -> None:
        self._refresh_icons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            # Another script: its line spacing sets the header's height.
            self._title_size = 0
            self._fit_header()
        super().changeEvent(event)

    # filling ---------------------------------------------------------------------
    def _fill(self, view: PageView) -> None:
        page = view.page
        set_label_text(self.title_label, page.title, tight_lines=False)
        self._title_size = 0
        self._set_icon(page.icon)
        parent = self._library.parent(page.id)
        self.parent_button.setVisible(parent is not None)
        self._fill_fallback_note(view)
        self._fill_graphic(page.graphic, page.id, view.page.lang)
        self._fill_related(page.id)
        self._fill_downloads(view)
        self._fill_text(view)
        self._place_graphic()  # its height in portrait depends on the text's
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
            # Columns chosen before the first layout: a late change would move the text.
            self.downloads.arrange(self.width() - 2 * self._metrics.margin)
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
            # A short text leaves the picture the rest of a tall screen, not a blank half.
            spare = self._content_height() - self._text_height() - self._content.spacing()
            height = max(height, min(spare, graphic.needed_height(width) * 2))
            graphic.setFixedHeight(max(self._metrics.touch, height))

    def _text_height(self) -> int:
        """The height of the page's whole text (with its bottom room), as laid out now:
        in portrait the text spans the page's width whatever the picture's height."""
        return round(self.text.document().size().height())

    def _content_height(self) -> int:
        """The height below the header left for the picture and the text."""
        margins = self._body.contentsMargins()
        used = self.header.height() + margins.top() + margins.bottom()
        if self.fallback_note.isVisibleTo(self):
            used += self.fallback_note.sizeHint().height() + self._body.spacing()
        return self.height() - used

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
        # Room after the last line for the buttons floating over the text's bottom (in
        # the edit block: a new frame format alone lays the whole text out again).
        # Tightened Arabic lines draw a little below their block: a margin more.
        frame = document.rootFrame().frameFormat()
        frame.setBottomMargin(self.text.band_height() + self._metrics.px(16))
        document.rootFrame().setFrameFormat(frame)
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
        self._title_size = 0
        self._fit_header()
        self._layout_related()
        self._place_graphic()
        if self.downloads is not None:
            self.downloads.arrange(self.width() - 2 * self._metrics.margin)

    # header -------------------------------------------------------------------------
    def header_height(self) -> int:
        """The header band's height: room for two lines of the title at its smallest
        size (in the current script), or one touch target, whichever is taller."""
        font = QFont(self.title_label.font())
        font.setPixelSize(self._metrics.font(BAND_SIZE))
        lines = QFontMetrics(font).lineSpacing() * TITLE_LINES
        margins = self._header_layout.contentsMargins()
        return max(self._metrics.touch, lines) + margins.top() + margins.bottom()

    def _fit_header(self) -> None:
        """Fix the band's height; give the parent link its share; fit the title in it."""
        height = self.header_height()
        self.header.setFixedHeight(height)
        margins = self._header_layout.contentsMargins()
        inner = height - margins.top() - margins.bottom()
        widest = max(self._metrics.touch, round(PARENT_LINK_MAX_SHARE * self.width()))
        self.parent_button.fit(widest, inner)
        self._fit_title(inner)

    def _fit_title(self, inner: int) -> None:
        """The largest title size whose text fits the band: one line, else two."""
        title = self.title_label.accessibleName()
        spacing = self._header_layout.spacing()
        width = self.header.width() - self._header_layout.contentsMargins().left()
        width -= self._header_layout.contentsMargins().right() + self.icon_label.width() + spacing
        if self.parent_button.isVisibleTo(self):
            width -= self.parent_button.maximumWidth() + spacing
        width = max(1, width)
        sizes = range(self._metrics.font(TITLE_SIZE), self._metrics.px(FLOOR_SIZE) - 1, -2)
        chosen = self._metrics.px(FLOOR_SIZE)
        for size in sizes:
            font = QFont(self.title_label.font())
            font.setPixelSize(size)
            box = QFontMetrics(font).boundingRect(
                0, 0, width, 100 * inner, int(Qt.TextFlag.TextWordWrap), title
            )
            if box.height() <= inner:
                chosen = size
                break
        if chosen != self._title_size:
            self._title_size = chosen
            # The label's own sheet wins over the window's for this one size.
            self.title_label.setStyleSheet(f"font-size: {chosen}px;")

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

    def link_text(self, href: str) -> str:
        """The words of the link to ``href`` in the text shown (speech mode says them)."""
        return self._anchor_text(href)

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
        if self.parent_button.title():
            self.parent_button.set_title(self.parent_button.title(), self._is_rtl())
        self.text.refresh_icons()
