"""A rendered page's text walked fragment by fragment: its links and its pictures."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QPoint
from PySide6.QtGui import QTextCursor, QTextDocument, QTextFragment
from PySide6.QtWidgets import QTextBrowser


def fragments(document: QTextDocument) -> Iterator[QTextFragment]:
    """Every run of text (or picture) of one format in ``document``, in reading order."""
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.isValid():
                yield fragment
            iterator += 1
        block = block.next()


def links(document: QTextDocument) -> Iterator[tuple[str, QTextFragment]]:
    """Each fragment of a link with the link's href; a link may span several fragments."""
    for fragment in fragments(document):
        href = fragment.charFormat().anchorHref()
        if href:
            yield href, fragment


def scroll_to_link(browser: QTextBrowser, href: str) -> QPoint | None:
    """Scroll the first link to ``href`` into view; the middle of it in viewport coordinates.

    Moves the text cursor without selecting anything (the page text is not selectable).
    ``None`` when the page has no such link.
    """
    for target, fragment in links(browser.document()):
        if target == href:
            cursor = QTextCursor(browser.document())
            cursor.setPosition(fragment.position() + fragment.length() // 2)
            browser.setTextCursor(cursor)
            browser.ensureCursorVisible()
            return browser.cursorRect(cursor).center()
    return None
