"""Pictures in rendered pages scaled to the width of their text column, never wider."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QTextCursor, QTextDocument, QTextFormat, QTextImageFormat
from PySide6.QtWidgets import QTextBrowser

from kiosk.ui.screens.text_fragments import fragments

# The size the page's HTML asked for, kept so a picture can grow back on a wider screen.
_WANTED_WIDTH = QTextFormat.Property.UserProperty + 1
_WANTED_HEIGHT = QTextFormat.Property.UserProperty + 2
_REFIT_EVENTS = (QEvent.Type.Resize, QEvent.Type.Show)


def fit_images(document: QTextDocument, available: float) -> None:
    """Scale every picture of ``document`` wider than ``available`` pixels down to it."""
    # Changing formats splits fragments: collect first, then change.
    images = [
        (fragment.position(), fragment.charFormat().toImageFormat())
        for fragment in fragments(document)
        if fragment.charFormat().isImageFormat()
    ]
    for position, image in images:
        _fit(document, position, image, max(1.0, available))


def _fit(document: QTextDocument, position: int, image: QTextImageFormat, available: float) -> None:
    if image.property(_WANTED_WIDTH) is None:
        if image.width() <= 0 or image.height() <= 0:
            return  # size unknown (an SVG without one): Qt lays it out itself
        image.setProperty(_WANTED_WIDTH, image.width())
        image.setProperty(_WANTED_HEIGHT, image.height())
    wanted_width = float(image.property(_WANTED_WIDTH))
    wanted_height = float(image.property(_WANTED_HEIGHT))
    width = min(wanted_width, available)
    height = wanted_height * width / wanted_width
    image.setWidth(width)
    image.setHeight(height)
    cursor = QTextCursor(document)
    cursor.setPosition(position)
    cursor.setPosition(position + 1, QTextCursor.MoveMode.KeepAnchor)
    cursor.setCharFormat(image)


class ImageFitter(QObject):
    """Keeps the pictures of a text browser within its width, on every fill and resize."""

    def __init__(self, browser: QTextBrowser) -> None:
        super().__init__(browser)
        self._browser = browser
        browser.viewport().installEventFilter(self)

    def fit(self) -> None:
        """Call after filling the browser."""
        document = self._browser.document()
        fit_images(document, self._browser.viewport().width() - 2 * document.documentMargin())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # A page filled while hidden gets its final width only when shown.
        if event.type() in _REFIT_EVENTS and watched is self._browser.viewport():
            self.fit()
        return False
