"""The interface draws with the bundled fonts, Arabic with an Arabic family."""

from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QFontInfo
from pytestqt.qtbot import QtBot

from kiosk.ui.fonts import ARABIC_FAMILY, LATIN_FAMILY
from kiosk.ui.window import MainWindow
from tests.ui.conftest import WindowFactory
from tests.ui.visitor import tap_home_tile, tap_language


def test_interface_uses_the_bundled_fonts(window: MainWindow, qtbot: QtBot) -> None:
    families = QFontDatabase.families()
    assert LATIN_FAMILY in families and ARABIC_FAMILY in families
    assert QFontInfo(window.top_bar.back_button.font()).family() == LATIN_FAMILY
    tap_language(qtbot, window, "ar")
    tap_home_tile(qtbot, window, "pole-medest")
    assert QFontInfo(window.section.title_label.font()).family() == ARABIC_FAMILY
    assert window.section.text.document().defaultFont().families()[0] == ARABIC_FAMILY


def test_arabic_section_titles_keep_room_for_their_descenders(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    """Tightened Arabic lines clip the last line's descenders: titles use the full line."""
    window = make_window(lang="ar")
    window.set_text_step(2)
    tap_home_tile(qtbot, window, "plan-acceleration-industrielle")
    title = window.section.title_label
    assert title.height() >= title.fontMetrics().lineSpacing()
