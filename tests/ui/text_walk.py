"""Opens every screen a visitor or technician can see and measures the text on it.

Screens: home, every section (Downloads among them), every document in the viewer,
and the kiosk-mode overlays ("Still there?", attract, PIN pad, admin panel), in every
language. For each visible label, button and text document the walk lays the text
out as Qt paints it and reads the real glyphs: their pixel size and their ink (the
outline of every glyph, Arabic dots and marks included), in the widget's coordinates.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from PySide6 import QtGui
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QGlyphRun, QTextDocument, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QStyle,
    QTextEdit,
    QWidget,
)

from kiosk.tour import kiosk_mode_screens
from kiosk.ui.navigator import HOME
from kiosk.ui.overlay import open_overlays
from kiosk.ui.screens.graphics.base import Graphic
from kiosk.ui.window import MainWindow


@dataclass(frozen=True)
class TextRun:
    """Glyphs of one font in one widget: their pixel size and where their ink falls."""

    widget: QWidget
    text: str
    pixel_size: float
    ink: QRectF  # in the widget's coordinates


def _settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()
        app.sendPostedEvents()


def every_screen(window: MainWindow, app: QApplication) -> Iterator[str]:
    """Open each screen in turn, in every language; yield a name for the one showing."""
    library = window._library
    extras = kiosk_mode_screens(window)
    # Building the kiosk mode sets the window's flags, which hides it: show it again.
    window.show()
    for lang in library.site.language_codes:
        window.language.set_language(lang)
        for screen in (HOME, *library.page_ids):
            window.navigator.home()
            if screen != HOME:
                window.navigator.go(screen)
            _settle(app)
            yield f"{lang} {screen or 'home'}"
        for doc_id in library.documents.ids:
            window.navigator.home()
            window.open_document(doc_id)
            _settle(app)
            yield f"{lang} document {doc_id}"
            window.viewer.close_overlay()
        for name, open_screen in extras:
            window.navigator.home()
            open_screen()
            _settle(app)
            yield f"{lang} {name}"
            for overlay in reversed(open_overlays(window)):
                overlay.close_overlay()
    window.navigator.home()
    _settle(app)


def _shown(widget: QWidget) -> bool:
    return widget.isVisible() and widget.width() > 0 and widget.height() > 0


def _in_picture(widget: QWidget) -> bool:
    """Parts of a picture paint their own text; their text() is only their name."""
    parent: QWidget | None = widget
    while parent is not None:
        if isinstance(parent, Graphic):
            return True
        parent = parent.parentWidget()
    return False


def visible_text_widgets(window: QWidget) -> Iterator[QWidget]:
    """Labels with text, buttons with text and text documents now shown in ``window``
    (pictures paint theirs: see test_type_scale.py)."""
    for widget in window.findChildren(QWidget):
        if not _shown(widget) or _in_picture(widget):
            continue
        if isinstance(widget, QLabel | QAbstractButton):
            if widget.text().strip():
                yield widget
        elif isinstance(widget, QTextEdit) and not widget.document().isEmpty():
            yield widget


def _glyph_ink(run: QGlyphRun, offset: QPointF) -> QRectF:
    raw = run.rawFont()
    ink = QRectF()
    for index, position in zip(run.glyphIndexes(), run.positions(), strict=True):
        box = raw.pathForGlyph(index).boundingRect()
        if not box.isEmpty():
            ink = ink.united(box.translated(position + offset))
    return ink


def _runs_of_layout(
    widget: QWidget, text: str, layout: QTextLayout, offset: QPointF
) -> list[TextRun]:
    runs = []
    # Line by line: a document's block layouts answer glyphRuns() empty for the whole.
    lines = (layout.lineAt(number) for number in range(layout.lineCount()))
    for run in (run for line in lines for run in line.glyphRuns()):
        ink = _glyph_ink(run, offset)
        if not ink.isEmpty():
            runs.append(TextRun(widget, text, run.rawFont().pixelSize(), ink))
    return runs


def _document_runs(
    widget: QWidget, text: str, document: QTextDocument, origin: QPointF
) -> list[TextRun]:
    runs: list[TextRun] = []
    layout = document.documentLayout()
    block = document.begin()
    while block.isValid():
        if block.isVisible() and block.layout() is not None:
            top = layout.blockBoundingRect(block).topLeft()
            runs += _runs_of_layout(widget, text, block.layout(), origin + top)
        block = block.next()
    return runs


def _label_rect(label: QLabel, direction: Qt.LayoutDirection) -> QRectF:
    """QLabelPrivate::documentRect: the contents rectangle less margin and indent."""
    rect = QRectF(label.contentsRect()).adjusted(
        label.margin(), label.margin(), -label.margin(), -label.margin()
    )
    indent = label.indent()
    if indent < 0 and label.frameWidth() > 0:
        indent = QFontMetricsF(label.font()).horizontalAdvance("x") / 2
    if indent > 0:
        align = QStyle.visualAlignment(direction, label.alignment())
        if align & Qt.AlignmentFlag.AlignLeft:
            rect.setLeft(rect.left() + indent)
        if align & Qt.AlignmentFlag.AlignRight:
            rect.setRight(rect.right() - indent)
    return rect


def _rich_label_runs(label: QLabel) -> list[TextRun]:
    """Rich text: QLabel lays it out in a QTextDocument as wide as its text rectangle."""
    rect = _label_rect(label, label.layoutDirection())
    document = QTextDocument()
    document.setDefaultFont(label.font())
    document.setDocumentMargin(0)
    option = QTextOption(label.alignment() & Qt.AlignmentFlag.AlignHorizontal_Mask)
    option.setTextDirection(label.layoutDirection())
    option.setWrapMode(
        QTextOption.WrapMode.WordWrap if label.wordWrap() else QTextOption.WrapMode.ManualWrap
    )
    document.setDefaultTextOption(option)
    document.setHtml(label.text())
    document.setTextWidth(rect.width() if label.wordWrap() else -1)
    height = document.documentLayout().documentSize().height()
    top = rect.top()
    if label.alignment() & Qt.AlignmentFlag.AlignVCenter:
        top += max(0.0, (rect.height() - height) / 2)
    elif label.alignment() & Qt.AlignmentFlag.AlignBottom:
        top += max(0.0, rect.height() - height)
    return _document_runs(label, document.toPlainText(), document, QPointF(rect.left(), top))


_ISOLATES_OPEN = "\u2066\u2067\u2068"


def text_direction(text: str) -> Qt.LayoutDirection:
    """The direction of ``text``'s first strong letter outside isolates, as QString's
    isRightToLeft() finds it: how a label aligns plain text."""
    depth = 0
    for char in text:
        if char in _ISOLATES_OPEN:
            depth += 1
        elif char == "\u2069":
            depth = max(0, depth - 1)
        elif depth == 0:
            kind = unicodedata.bidirectional(char)
            if kind == "L":
                return Qt.LayoutDirection.LeftToRight
            if kind in ("R", "AL"):
                return Qt.LayoutDirection.RightToLeft
    return Qt.LayoutDirection.LeftToRight


def _plain_runs(
    widget: QWidget,
    text: str,
    rect: QRectF,
    align: Qt.AlignmentFlag,
    wrap: bool,
    direction: Qt.LayoutDirection,
) -> list[TextRun]:
    """Plain text as QPainter::drawText(rect, flags, text) lays it out (qt_format_text)."""
    font = widget.font()
    metrics = QFontMetricsF(font)
    align = QStyle.visualAlignment(direction, align)
    layout = QTextLayout(text.replace("\n", "\u2028"), font)
    option = QTextOption()
    option.setTextDirection(widget.layoutDirection())
    option.setWrapMode(QTextOption.WrapMode.WordWrap if wrap else QTextOption.WrapMode.ManualWrap)
    layout.setTextOption(option)
    layout.beginLayout()
    height = -metrics.leading()
    lines = []
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(rect.width() if wrap else 1e6)
        height += metrics.leading()
        line.setPosition(QPointF(0, height))
        height += line.height()
        lines.append(line)
    layout.endLayout()
    for line in lines:
        x = 0.0
        if align & Qt.AlignmentFlag.AlignRight:
            x = rect.width() - line.naturalTextWidth()
        elif align & Qt.AlignmentFlag.AlignHCenter:
            x = (rect.width() - line.naturalTextWidth()) / 2
        line.setPosition(QPointF(x, line.position().y()))
    top = rect.top()
    if align & Qt.AlignmentFlag.AlignVCenter:
        top += (rect.height() - height) / 2
    elif align & Qt.AlignmentFlag.AlignBottom:
        top += rect.height() - height
    return _runs_of_layout(widget, text, layout, QPointF(rect.left(), top))


def text_runs(widget: QWidget) -> list[TextRun]:
    """The glyphs ``widget`` shows, laid out as Qt paints them."""
    if isinstance(widget, QLabel):
        if widget.textFormat() == Qt.TextFormat.RichText or (
            widget.textFormat() == Qt.TextFormat.AutoText
            and QtGui.Qt.mightBeRichText(widget.text())
        ):
            return _rich_label_runs(widget)
        text = widget.text()
        direction = text_direction(text)
        rect = _label_rect(widget, direction)
        return _plain_runs(widget, text, rect, widget.alignment(), widget.wordWrap(), direction)
    if isinstance(widget, QTextEdit):
        document = widget.document()
        origin = QPointF(-widget.horizontalScrollBar().value(), -widget.verticalScrollBar().value())
        origin += QPointF(widget.viewport().mapTo(widget, widget.viewport().rect().topLeft()))
        return _document_runs(widget, document.toPlainText()[:40], document, origin)
    if isinstance(widget, QAbstractButton):
        # Push buttons centre one line of text in their contents (style sheet padding
        # aside, which only moves the text when it is too wide to centre).
        rect = QRectF(widget.contentsRect())
        return _plain_runs(
            widget,
            widget.text(),
            rect,
            Qt.AlignmentFlag.AlignCenter,
            wrap=False,
            direction=widget.layoutDirection(),
        )
    return []
