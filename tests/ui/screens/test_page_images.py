"""Pictures in pages: shown in the section text, never wider than its column."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor, QImage, QTextDocument
from pytestqt.qtbot import QtBot

from kiosk.ui.screens.text_fragments import fragments
from tests.ui.conftest import WindowFactory
from tests.ui.visitor import tap_home_tile


def image_widths(document: QTextDocument) -> list[float]:
    return [
        fragment.charFormat().toImageFormat().width()
        for fragment in fragments(document)
        if fragment.charFormat().isImageFormat()
    ]


def test_wide_picture_fits_the_column_and_follows_resizes(
    make_window: WindowFactory, content_copy: Path, qtbot: QtBot
) -> None:
    (content_copy / "images").mkdir()
    picture = QImage(2400, 1000, QImage.Format.Format_RGB32)
    picture.fill(QColor("#4a90c2"))
    assert picture.save(str(content_copy / "images" / "carte.png"))
    page = content_copy / "fr" / "bloc-ecosystemes.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "\n## ", "\n![Carte de la région](../images/carte.png)\n\n## ", 1
        ),
        encoding="utf-8",
    )
    window = make_window(content_copy, size=(1366, 768))
    # A page without a picture of its own: the text takes the whole width.
    tap_home_tile(qtbot, window, "bloc-ecosystemes")
    text = window.section.text

    def column() -> float:
        return text.viewport().width() - 2 * text.document().documentMargin()

    assert len(image_widths(text.document())) == 1
    qtbot.waitUntil(lambda: image_widths(text.document())[0] == column())
    assert column() < 1600

    window.resize(1920, 1080)
    qtbot.waitUntil(lambda: image_widths(text.document())[0] == 1600)
    window.resize(1080, 1920)
    qtbot.waitUntil(lambda: image_widths(text.document())[0] < 1080)
