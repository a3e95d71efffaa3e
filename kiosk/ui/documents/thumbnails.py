"""Pictures of documents' first pages for the Downloads list: drawn once with QtPdf, kept."""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QImage, QPainter

log = logging.getLogger("kiosk.documents")

# Thumbnails kept in memory: a few documents at a couple of sizes.
KEPT = 24

Receiver = Callable[[QImage], None]


class ThumbnailCache(QObject):
    """First pages as images, keyed by file, its change time and the size asked for.

    ``request`` answers at once from the cache; otherwise the page is drawn on a later
    turn of the event loop, one document per turn, so a page showing the list (or a
    tap on it) never waits for QtPdf.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._images: OrderedDict[tuple[str, int, int, int], QImage] = OrderedDict()
        self._queue: list[tuple[Path, QSize, Receiver]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._draw_next)
        self.drawn = 0  # pages drawn since start (the cache's misses)

    def request(self, path: Path, size: QSize, receiver: Receiver) -> None:
        """Give ``receiver`` the first page of ``path`` fitted in ``size``, now or soon."""
        image = self._images.get(self._key(path, size))
        if image is not None:
            self._images.move_to_end(self._key(path, size))
            receiver(image)
            return
        self._queue.append((path, QSize(size), receiver))
        self._timer.start()

    def cancel(self) -> None:
        """Forget the waiting requests (the list was filled again)."""
        self._queue.clear()

    @staticmethod
    def _key(path: Path, size: QSize) -> tuple[str, int, int, int]:
        try:
            changed = path.stat().st_mtime_ns
        except OSError:
            changed = -1
        return (str(path), changed, size.width(), size.height())

    @Slot()
    def _draw_next(self) -> None:
        if not self._queue:
            return
        path, size, receiver = self._queue.pop(0)
        key = self._key(path, size)
        image = self._images.get(key)
        if image is None:
            image = self._draw(path, size)
            if image is not None:
                self._images[key] = image
                while len(self._images) > KEPT:
                    self._images.popitem(last=False)
        if image is not None:
            receiver(image)
        if self._queue:
            self._timer.start()

    def _draw(self, path: Path, size: QSize) -> QImage | None:
        # QtPdf is loaded with the first picture, not with the home screen.
        from PySide6.QtPdf import QPdfDocument

        document = QPdfDocument(self)
        try:
            if document.load(str(path)) != QPdfDocument.Error.None_ or document.pageCount() < 1:
                log.warning("no thumbnail for %s: it cannot be opened", path)
                return None
            page = document.pagePointSize(0)
            fitted = page.toSize().scaled(size, Qt.AspectRatioMode.KeepAspectRatio)
            rendered = document.render(0, fitted)
            self.drawn += 1
            if rendered.isNull():
                return None
            # PDF pages are drawn without their paper: put them on white.
            paper = QImage(rendered.size(), QImage.Format.Format_RGB32)
            paper.fill(Qt.GlobalColor.white)
            painter = QPainter(paper)
            painter.drawImage(0, 0, rendered)
            painter.end()
            return paper
        finally:
            document.close()
            document.deleteLater()
