"""The rendered section texts kept for return visits, bounded by their size in bytes."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QPixmap, QTextDocument

from kiosk.bounded_cache import BytesBoundedCache
from kiosk.palette import Palette
from kiosk.ui.screens.text_fragments import fragments
from kiosk.ui.style.theme import Metrics

# What the kept texts may spend, pictures included. A shipped page costs 80 to 200 kB
# laid out (benchmarks: glibc's in-use bytes around one rendering), so this keeps about
# 60 of them (every page in every language of the shipped content), and a few pages
# of large pictures.
KEPT_PAGES_BUDGET = 12 * 1024 * 1024
# A laid-out QTextDocument: a fixed part (its layout, formats, frames) and a part per
# character (the text in UTF-16, its fragments and glyph runs). Fitted to glibc's
# in-use bytes around rendering each shipped page in fr, ar and en at 1920x1080.
DOCUMENT_BYTES = 40_000
BYTES_PER_CHARACTER = 120

PageKey = tuple[str, str, Metrics, Palette]  # page, language, sizes, colours


def document_bytes(document: QTextDocument) -> int:
    """An estimate of the memory ``document`` holds: its laid-out text and its pictures."""
    size = DOCUMENT_BYTES + BYTES_PER_CHARACTER * document.characterCount()
    seen: set[str] = set()
    for fragment in fragments(document):
        image_format = fragment.charFormat()
        if not image_format.isImageFormat():
            continue
        name = image_format.toImageFormat().name()
        if name in seen:
            continue
        seen.add(name)
        resource = document.resource(QTextDocument.ResourceType.ImageResource, QUrl(name))
        if isinstance(resource, (QImage, QPixmap)):
            size += resource.width() * resource.height() * resource.depth() // 8
    return size


class KeptPages:
    """Rendered texts by page, language, sizes and colours, least recently used first."""

    def __init__(self, budget: int = KEPT_PAGES_BUDGET) -> None:
        # Dropped documents go at once (the section page, their parent, stays).
        self._cache: BytesBoundedCache[PageKey, QTextDocument] = BytesBoundedCache(
            budget, lambda document: document.deleteLater()
        )
        self._oversized: QTextDocument | None = None

    def get(self, key: PageKey) -> QTextDocument | None:
        """The text kept for ``key`` (now the most recently used), or None."""
        return self._cache.get(key)

    def keep(self, key: PageKey, document: QTextDocument) -> None:
        """Keep the text just rendered and shown, dropping the least recently used.

        A text larger than the whole budget is not kept: it goes when the next one comes.
        """
        if self._oversized is not None:
            self._oversized.deleteLater()
            self._oversized = None
        if not self._cache.put(key, document, document_bytes(document)):
            self._oversized = document

    @property
    def total_bytes(self) -> int:
        """The estimated bytes of the kept texts (at most the budget)."""
        return self._cache.total

    def __len__(self) -> int:
        return len(self._cache)
