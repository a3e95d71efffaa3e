"""The Downloads list: one large row per document (first page, title, language named in
its own script, pages, size)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.documents.store import DocumentStore
from kiosk.i18n import fill, isolate
from kiosk.ui.documents.thumbnails import ThumbnailCache
from kiosk.ui.style import icons
from kiosk.ui.style.document_style import documents_style
from kiosk.ui.style.fonts import set_label_text
from kiosk.ui.style.theme import Metrics, active_palette

SITE_ROW = ""  # the row of the organisation's web site carries no document id
# The first page's picture: its height in design px (at 1080), width from the page.
THUMBNAIL_HEIGHT = 130
A4_RATIO = 210 / 297
# Documents side by side on pages at least this wide (design px): the list then takes
# one row of the height, not one per document.
COLUMNS_FROM_WIDTH = 1200
MAX_COLUMNS = 3


class RowPicture(QWidget):
    """A row's picture: the document's first page in a frame, or the site row's icon.

    Painted, not a label: a picture arriving from the worker thread changes no size,
    so the page never shifts under a finger when it comes.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DocumentThumbnail")
        self._pixmap = QPixmap()
        self._framed = False
        self._metrics = Metrics(1.0)

    def set_pixmap(self, pixmap: QPixmap, framed: bool) -> None:
        self._pixmap = pixmap
        self._framed = framed
        self.update()

    def set_metrics(self, metrics: Metrics) -> None:
        self._metrics = metrics

    def pixmap(self) -> QPixmap:
        return self._pixmap

    def border(self) -> int:
        return max(1, self._metrics.px(3)) if self._framed else 0

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = active_palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if self._framed:
            border = self.border()
            radius = self._metrics.px(6)
            frame = QRectF(self.rect()).adjusted(border / 2, border / 2, -border / 2, -border / 2)
            painter.setPen(QPen(QColor(palette.line), border))
            painter.setBrush(QColor(palette.ground))
            painter.drawRoundedRect(frame, radius, radius)
        if not self._pixmap.isNull():
            size = self._pixmap.deviceIndependentSize()
            left = (self.width() - size.width()) / 2
            top = (self.height() - size.height()) / 2
            painter.drawPixmap(QPointF(left, top), self._pixmap)
        painter.end()


class DocumentRow(QPushButton):
    """A tappable row: icon, title, and a line of details. Knows its document id."""

    def __init__(self, doc_id: str, icon_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.doc_id = doc_id
        self.icon_name = icon_name
        self.setObjectName("DocumentRow")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        # A document's first page (drawn when ready), or the icon of the site row.
        self.icon_label = RowPicture(self)
        self.has_thumbnail = False
        self.title_label = QLabel(self)
        self.title_label.setObjectName("DocumentTitle")
        # The document's language, named in its own script: what tells the versions apart.
        self.language_label = QLabel(self)
        self.language_label.setObjectName("DocumentLanguage")
        self.details_label = QLabel(self)
        self.details_label.setObjectName("DocumentDetails")
        texts = QVBoxLayout()
        texts.setSpacing(4)
        for label in (self.icon_label, self.title_label, self.language_label, self.details_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        for label in (self.language_label, self.title_label, self.details_label):
            label.setWordWrap(True)
            texts.addWidget(label)
        self.language_label.hide()
        layout = QHBoxLayout(self)
        self._layout = layout
        layout.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addLayout(texts, 1)

    def thumbnail_size(self, metrics: Metrics) -> QSize:
        height = metrics.px(THUMBNAIL_HEIGHT)
        return QSize(round(height * A4_RATIO), height)

    def name_from_labels(self) -> str:
        """Its accessible name: title, language and details as shown, without marks."""
        marks = str.maketrans("", "", "\u200e\u200f\u2068\u2069")
        labels = [self.title_label, self.details_label]
        if self.language_label.isVisibleTo(self):
            labels.insert(1, self.language_label)
        name = ", ".join(label.accessibleName() for label in labels).translate(marks)
        self.setAccessibleName(name)
        return name

    def apply_metrics(self, metrics: Metrics) -> None:
        self.icon_label.set_metrics(metrics)
        if self.doc_id == SITE_ROW:
            side = metrics.px(52)
            self.icon_label.set_pixmap(
                icons.icon(self.icon_name, active_palette().brand).pixmap(
                    QSize(side, side), self.devicePixelRatioF()
                ),
                framed=False,
            )
            self.icon_label.setFixedSize(side, side)
        else:
            # The place of the page's picture is kept (framed) while it is being drawn.
            self.icon_label.setFixedSize(self.thumbnail_size(metrics))
            if not self.has_thumbnail:
                self.icon_label.set_pixmap(QPixmap(), framed=True)
        pad = metrics.px(18)
        self._layout.setContentsMargins(pad, metrics.px(12), pad, metrics.px(12))
        self._layout.setSpacing(metrics.px(18))

    def set_thumbnail(self, image: QImage) -> None:
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(self.devicePixelRatioF())
        self.icon_label.set_pixmap(pixmap, framed=True)
        self.has_thumbnail = True

    def sizeHint(self) -> QSize:
        return self._layout.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self._layout.minimumSize()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout.totalHeightForWidth(width)


class DownloadsList(QWidget):
    """Every document of the manifest, and the organisation's web site when it has one."""

    document_requested = Signal(str)
    web_link_requested = Signal(str, str)

    def __init__(self, store: DocumentStore, site_url: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DownloadsList")
        self._store = store
        self._site_url = site_url
        self._lang = store.default_language
        self._metrics = Metrics(1.0)
        self.rows: list[DocumentRow] = []
        self.thumbnails = ThumbnailCache(self)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self._layout = layout
        self._columns = 0
        self._width = 0
        for document in store.documents:
            self._add_row(DocumentRow(document.id, "mdi6.file-document-outline", self))
        if site_url:
            self._add_row(DocumentRow(SITE_ROW, "mdi6.qrcode", self))
        self.apply_metrics(self._metrics)

    def _add_row(self, row: DocumentRow) -> None:
        row.clicked.connect(lambda _=False, r=row: self._open(r))
        self.rows.append(row)
        self._layout.addWidget(row, len(self.rows) - 1, 0)

    def arrange(self, width: int) -> None:
        """The rows side by side when ``width`` (the list's, known by the page before it
        is laid out) is wide, else one under the other."""
        self._width = width
        self._arrange()

    def _arrange(self) -> None:
        wide = self._width >= self._metrics.px(COLUMNS_FROM_WIDTH)
        columns = min(MAX_COLUMNS, len(self.rows)) if wide else 1
        if columns == self._columns or not self.rows:
            return
        self._columns = columns
        for row in self.rows:
            self._layout.removeWidget(row)
        for index, row in enumerate(self.rows):
            self._layout.addWidget(row, index // columns, index % columns)

    def row(self, doc_id: str) -> DocumentRow:
        return next(row for row in self.rows if row.doc_id == doc_id)

    def fill(self, lang: str) -> None:
        """Titles, languages, page counts and sizes of every document in ``lang``."""
        self._lang = lang
        for row in self.rows:
            if row.doc_id == SITE_ROW:
                set_label_text(row.title_label, self.tr("Web site of the CRI"))
                set_label_text(row.details_label, self._site_url)
                continue
            document = self._store.document(row.doc_id)
            if document is None:
                continue
            set_label_text(row.title_label, document.title(lang, self._store.default_language))
            # Led by a mark of the interface's direction: العربية stays at the row's start.
            name = self._store.language_name(document.language)
            set_label_text(row.language_label, self._direction_mark() + isolate(name))
            row.language_label.setProperty("language", document.language)
            row.language_label.show()
        # Page counts and sizes come from the files; a brochure whose content changed is
        # typeset here (about 0.1 s; `make` and build-docs typeset them beforehand).
        self.thumbnails.cancel()
        for row in self.rows:
            if row.doc_id != SITE_ROW:
                self._fill_details(row)
                self._ask_thumbnail(row)
            row.name_from_labels()

    def _ask_thumbnail(self, row: DocumentRow) -> None:
        """The first page's picture, from the cache or drawn on the worker thread."""
        info = self._store.info(row.doc_id)
        if info.problem is not None or info.path is None:
            return
        frame = 2 * max(1, self._metrics.px(3))  # the picture sits inside its border
        size = (row.thumbnail_size(self._metrics) - QSize(frame, frame)) * row.devicePixelRatioF()
        self.thumbnails.request(info.path, size, row.set_thumbnail)

    def _fill_details(self, row: DocumentRow) -> None:
        document = self._store.document(row.doc_id)
        if document is None:
            return
        info = self._store.info(row.doc_id)
        parts = []
        if info.problem is not None:
            parts.append(self.tr("cannot be shown at the moment"))
        else:
            parts.append(self.tr("%n pages", "", info.pages))
            parts.append(self._size_text(info.size))
        text = " · ".join(isolate(part) for part in parts)
        set_label_text(row.details_label, self._direction_mark() + text)

    def _direction_mark(self) -> str:
        """A mark fixing the line's direction to the interface's: the first word may be
        a language name in another script (العربية in the French list)."""
        return "\u200f" if self.layoutDirection() == Qt.LayoutDirection.RightToLeft else "\u200e"

    def apply_metrics(self, metrics: Metrics) -> None:
        self._metrics = metrics
        self.setStyleSheet(documents_style(metrics))
        self._layout.setSpacing(metrics.px(12))
        self._columns = 0
        self._arrange()
        for row in self.rows:
            row.apply_metrics(metrics)

    def _open(self, row: DocumentRow) -> None:
        if row.doc_id == SITE_ROW:
            self.web_link_requested.emit(self._site_url, self.tr("Web site of the CRI"))
        else:
            self.document_requested.emit(row.doc_id)

    def _size_text(self, size: int) -> str:
        """A file size in kB below a megabyte, else in whole MB, with Western digits."""
        if size < 1_000_000:
            return fill(self.tr("%1 kB"), max(1, round(size / 1000)))
        return fill(self.tr("%1 MB"), round(size / 1_000_000))
