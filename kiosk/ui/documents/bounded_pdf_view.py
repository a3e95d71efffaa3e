"""QPdfView with its pages drawn from a cache bounded in bytes, rendered at the size shown."""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, QSize, QSizeF, Qt, Slot
from PySide6.QtGui import QGuiApplication, QImage, QPainter, QPaintEvent, QPalette
from PySide6.QtPdf import QPdfDocument, QPdfDocumentRenderOptions, QPdfPageRenderer
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QWidget

from kiosk.bounded_cache import BytesBoundedCache

# What rendered pages may hold. QPdfView keeps its last 21 pages whatever their size:
# about 20 MB each at 1920 pixels wide, 82 MB at 3840, and 16 times that zoomed in 4x.
# This keeps three pages at 1920 pixels (the one or two on screen and the last one
# left); the pages on screen are always kept, even when they alone take more.
PAGE_IMAGES_BUDGET = 64 * 1024 * 1024
# A page zoomed in is rendered whole up to this many bytes (about a 4000-pixel square);
# beyond, it is rendered whole at this size (shown while the detail comes) and the part
# on screen, plus a margin, at the size shown.
WHOLE_PAGE_BYTES = 64 * 1024 * 1024
BYTES_PER_PIXEL = 4  # QImage.Format_ARGB32, as QPdfDocument renders
# Renderings asked for at once. A flick passes many pages: each asked for as it goes
# by would render (20 MB each, in worker threads) long after it went, all of them
# held in memory at once. Asked for one or two at a time, only pages on screen when a
# worker is free are rendered.
MAX_IN_FLIGHT = 2
# The detail rendered around the part of a zoomed page on screen: this share of the
# viewport on each side, so that a short drag needs no new rendering.
DETAIL_MARGIN = 0.5

PageKey = tuple[int, int, int, int, int, int, int]  # page, width, height, clip x y w h


def _round(value: float) -> int:
    """Qt's qRound for the positive sizes here (Python's round() rounds half to even)."""
    return int(value + 0.5)


class BoundedPdfView(QPdfView):
    """QPdfView's scrolling, zoom modes and page navigation, with its own page images.

    QPdfView's paintEvent (and with it its fixed cache of 21 page images) is replaced:
    the pages on screen are requested from a QPdfPageRenderer on worker threads at the
    size they are shown, kept in a BytesBoundedCache, and drawn; a page not rendered yet
    shows the last image of it at another size (during a pinch), else white.
    Only the multi-page mode, fit-to-width and custom zoom are laid out (the viewer's).
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self._renderer = QPdfPageRenderer(self)
        self._renderer.setRenderMode(QPdfPageRenderer.RenderMode.MultiThreaded)
        self._renderer.pageRendered.connect(self._on_page_rendered)
        self._images: BytesBoundedCache[PageKey, QImage] = BytesBoundedCache(PAGE_IMAGES_BUDGET)
        self._latest: dict[int, PageKey] = {}  # page -> key of its last whole image
        self._requests: dict[int, tuple[int, PageKey]] = {}  # request id -> generation, key
        self._pending: set[PageKey] = set()
        self._generation = 0
        self._layout_key: tuple[object, ...] | None = None
        self._rects: list[QRect] = []
        self._watched: QPdfDocument | None = None

    def setDocument(self, document: QPdfDocument) -> None:
        if self._watched is not None:
            self._watched.statusChanged.disconnect(self._forget)
            self._watched.pageCountChanged.disconnect(self._forget)
        super().setDocument(document)
        self._renderer.setDocument(document)
        self._watched = document
        document.statusChanged.connect(self._forget)
        document.pageCountChanged.connect(self._forget)
        self._forget()

    # what is kept -------------------------------------------------------------------
    def cached_bytes(self) -> int:
        """Bytes of page images kept now."""
        return self._images.total

    @Slot()
    def _forget(self) -> None:
        """Another document (or none): its pages' images go, late renderings are ignored."""
        self._generation += 1
        self._images.clear()
        self._latest.clear()
        self._requests.clear()
        self._pending.clear()
        self._layout_key = None
        self.viewport().update()

    # layout, as QPdfView computes it ------------------------------------------------
    def page_rects(self) -> list[QRect]:
        """Each page's rectangle in document coordinates (multi-page layout)."""
        document = self.document()
        count = document.pageCount() if document is not None else 0
        margins = self.documentMargins()
        width = self.viewport().width()
        key = (
            self._generation,
            count,
            self.zoomMode(),
            self.zoomFactor(),
            width,
            margins.left(),
            margins.top(),
            margins.right(),
            self.pageSpacing(),
        )
        if key == self._layout_key:
            return self._rects
        assert document is not None or count == 0
        screen = QGuiApplication.primaryScreen()
        resolution = (screen.logicalDotsPerInch() if screen is not None else 72.0) / 72.0
        fit = self.zoomMode() == QPdfView.ZoomMode.FitToWidth
        sizes: list[QSize] = []
        for page in range(count):
            points = document.pagePointSize(page)
            if fit:
                size = QSizeF(points * resolution).toSize()
                factor = (width - margins.left() - margins.right()) / max(1, size.width())
                size = QSize(_round(size.width() * factor), _round(size.height() * factor))
            else:
                size = QSizeF(points * resolution * self.zoomFactor()).toSize()
            sizes.append(size)
        total_width = max((size.width() for size in sizes), default=0)
        total_width += margins.left() + margins.right()
        rects = []
        y = margins.top()
        for size in sizes:
            x = (max(total_width, width) - size.width()) // 2
            rects.append(QRect(x, y, size.width(), size.height()))
            y += size.height() + self.pageSpacing()
        self._layout_key = key
        self._rects = rects
        return rects

    # painting -----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        viewport = self.viewport()
        painter = QPainter(viewport)
        painter.fillRect(event.rect(), self.palette().brush(QPalette.ColorRole.Dark))
        shown = QRect(
            self.horizontalScrollBar().value(),
            self.verticalScrollBar().value(),
            viewport.width(),
            viewport.height(),
        )
        painter.translate(-shown.x(), -shown.y())
        ratio = self.devicePixelRatioF()
        visible = [
            (page, rect) for page, rect in enumerate(self.page_rects()) if rect.intersects(shown)
        ]
        needed = 0
        for page, rect in visible:
            painter.fillRect(rect, Qt.GlobalColor.white)
            full = QSize(_round(rect.width() * ratio), _round(rect.height() * ratio))
            whole = self._whole_size(full)
            key: PageKey = (page, whole.width(), whole.height(), 0, 0, 0, 0)
            needed += whole.width() * whole.height() * BYTES_PER_PIXEL
            image = self._images.get(key)
            if image is None:
                self._request(key, whole, None)
                latest = self._latest.get(page)
                image = self._images.get(latest) if latest is not None else None
            if image is not None:
                painter.drawImage(QRectF(rect), image)
            if whole != full:
                needed += self._paint_detail(painter, page, rect, full, shown, ratio)
        # The pages on screen always fit, whatever the budget.
        self._images.budget = max(PAGE_IMAGES_BUDGET, needed + needed // 2)
        painter.end()

    def _whole_size(self, full: QSize) -> QSize:
        """The size a whole page is rendered at: as shown, or less when zoomed far in."""
        pixels = full.width() * full.height()
        limit = WHOLE_PAGE_BYTES // BYTES_PER_PIXEL
        if pixels <= limit:
            return full
        scale = (limit / pixels) ** 0.5
        return QSize(max(1, int(full.width() * scale)), max(1, int(full.height() * scale)))

    def _paint_detail(
        self, painter: QPainter, page: int, rect: QRect, full: QSize, shown: QRect, ratio: float
    ) -> int:
        """The part of a zoomed page on screen at the size shown; returns its bytes."""
        on_page = shown.intersected(rect).translated(-rect.x(), -rect.y())
        latest = self._latest_detail(page, full)
        if latest is not None:
            _, _, _, x, y, w, h = latest
            covered = QRect(_round(x / ratio), _round(y / ratio), int(w / ratio), int(h / ratio))
            if covered.contains(on_page):
                image = self._images.get(latest)
                if image is not None:
                    self._draw_detail(painter, QRectF(covered.translated(rect.topLeft())), image)
                    return w * h * BYTES_PER_PIXEL
        margin_x = _round(shown.width() * DETAIL_MARGIN)
        margin_y = _round(shown.height() * DETAIL_MARGIN)
        wanted = on_page.adjusted(-margin_x, -margin_y, margin_x, margin_y).intersected(
            QRect(0, 0, rect.width(), rect.height())
        )
        clip = QRect(
            _round(wanted.x() * ratio),
            _round(wanted.y() * ratio),
            _round(wanted.width() * ratio),
            _round(wanted.height() * ratio),
        )
        key: PageKey = (page, full.width(), full.height(), clip.x(), clip.y(), clip.width(),
                        clip.height())  # fmt: skip
        image = self._images.get(key)
        if image is not None:
            self._draw_detail(painter, QRectF(wanted.translated(rect.topLeft())), image)
        else:
            self._request(key, full, clip)
            if latest is not None:
                # The previous detail, where it still covers the screen, while this comes.
                old = self._images.get(latest)
                if old is not None:
                    _, _, _, x, y, w, h = latest
                    area = QRectF(x / ratio, y / ratio, w / ratio, h / ratio)
                    self._draw_detail(painter, area.translated(rect.topLeft()), old)
        return clip.width() * clip.height() * BYTES_PER_PIXEL

    @staticmethod
    def _draw_detail(painter: QPainter, target: QRectF, image: QImage) -> None:
        # Rendered pages are transparent where the PDF draws nothing: the blurred whole
        # page underneath would show through.
        painter.fillRect(target, Qt.GlobalColor.white)
        painter.drawImage(target, image)

    def _latest_detail(self, page: int, full: QSize) -> PageKey | None:
        for key in reversed(self._images.keys()):
            if key[0] == page and key[1:3] == (full.width(), full.height()) and key[5]:
                return key
        return None

    # rendering ------------------------------------------------------------------------
    def _request(self, key: PageKey, size: QSize, clip: QRect | None) -> None:
        if key in self._pending or len(self._pending) >= MAX_IN_FLIGHT:
            return  # asked again at the next paint, if still on screen
        options = QPdfDocumentRenderOptions()
        if clip is not None:
            options.setScaledSize(size)
            options.setScaledClipRect(clip)
            size = clip.size()
        self._pending.add(key)
        request = self._renderer.requestPage(key[0], size, options)
        self._requests[request] = (self._generation, key)

    @Slot(int, QSize, QImage, QPdfDocumentRenderOptions, int)
    def _on_page_rendered(
        self,
        page: int,
        _size: QSize,
        image: QImage,
        _options: QPdfDocumentRenderOptions,
        request: int,
    ) -> None:
        generation, key = self._requests.pop(request, (-1, None))
        if key is None or generation != self._generation:
            return  # another document's, or one closed since
        self._pending.discard(key)
        if image.isNull():
            return
        self._images.put(key, image, image.sizeInBytes())
        if not key[5]:
            self._latest[page] = key
        self.viewport().update()
