"""Pictures of documents' first pages for the Downloads list: drawn once with QtPdf on a
worker thread, kept."""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QSize, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QImage, QPainter

log = logging.getLogger("kiosk.documents")

# Thumbnails kept in memory: a few documents at a couple of sizes.
KEPT = 24

Receiver = Callable[[QImage], None]
Key = tuple[str, int, int, int]


def draw_first_page(path: Path, size: QSize) -> QImage | None:
    """The first page of the PDF at ``path`` fitted in ``size``, on white paper."""
    # QtPdf is loaded with the first picture, not with the home screen.
    from PySide6.QtPdf import QPdfDocument

    document = QPdfDocument()
    try:
        if document.load(str(path)) != QPdfDocument.Error.None_ or document.pageCount() < 1:
            log.warning("no thumbnail for %s: it cannot be opened", path)
            return None
        fitted = document.pagePointSize(0).toSize().scaled(size, Qt.AspectRatioMode.KeepAspectRatio)
        rendered = document.render(0, fitted)
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


class _Done(QObject):
    """Carries a finished picture from the worker thread to the UI thread."""

    finished = Signal(object, object)  # key, QImage or None


class _Draw(QRunnable):
    def __init__(self, key: Key, path: Path, size: QSize, done: _Done) -> None:
        super().__init__()
        self._key = key
        self._path = path
        self._size = QSize(size)
        self._done = done

    def run(self) -> None:
        image = draw_first_page(self._path, self._size)
        self._done.finished.emit(self._key, image)


class ThumbnailCache(QObject):
    """First pages as images, keyed by file, its change time and the size asked for.

    ``request`` answers at once from the cache; otherwise the page is drawn on a worker
    thread and handed to the receiver on the UI thread when ready, so neither the page
    showing the list nor a tap on it waits for QtPdf.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._images: OrderedDict[Key, QImage] = OrderedDict()
        self._waiting: dict[Key, list[Receiver]] = {}
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._done = _Done(self)
        self._done.finished.connect(self._on_finished, Qt.ConnectionType.QueuedConnection)
        self.drawn = 0  # pages drawn since start (the cache's misses)

    def request(self, path: Path, size: QSize, receiver: Receiver) -> None:
        """Give ``receiver`` the first page of ``path`` fitted in ``size``, now or soon."""
        key = self._key(path, size)
        image = self._images.get(key)
        if image is not None:
            self._images.move_to_end(key)
            receiver(image)
            return
        waiting = self._waiting.get(key)
        if waiting is not None:
            waiting.append(receiver)
            return
        self._waiting[key] = [receiver]
        self._pool.start(_Draw(key, path, size, self._done))

    def pending(self) -> int:
        """Pictures asked for and not drawn yet."""
        return len(self._waiting)

    def cancel(self) -> None:
        """Forget who waits (the list was filled again); pictures drawn are still kept."""
        for receivers in self._waiting.values():
            receivers.clear()

    def wait(self, milliseconds: int) -> bool:
        """Wait for the worker to finish its pictures (tests, the tour, shutdown)."""
        return self._pool.waitForDone(milliseconds)

    @staticmethod
    def _key(path: Path, size: QSize) -> Key:
        try:
            changed = path.stat().st_mtime_ns
        except OSError:
            changed = -1
        return (str(path), changed, size.width(), size.height())

    @Slot(object, object)
    def _on_finished(self, key: Key, image: QImage | None) -> None:
        receivers = self._waiting.pop(key, [])
        if image is None:
            return
        self.drawn += 1
        self._images[key] = image
        while len(self._images) > KEPT:
            self._images.popitem(last=False)
        for receiver in receivers:
            receiver(image)
