"""The interface draws with the bundled fonts, Arabic with an Arabic family."""

from __future__ import annotations

from collections import Counter

from PySide6.QtGui import QFontDatabase, QFontInfo
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.font_families import ARABIC_FAMILY, LATIN_FAMILY
from kiosk.ui.window import MainWindow
from tests.ui.conftest import WindowFactory
from tests.ui.visitor import tap, tap_home_tile, tap_language


def shown_fonts(window: MainWindow) -> Counter[tuple[str, str, tuple[str, ...], int, int]]:
    """Every widget's font as a visitor gets it: families, pixel size and weight."""
    fonts: Counter[tuple[str, str, tuple[str, ...], int, int]] = Counter()
    for widget in window.findChildren(QWidget):
        font = widget.font()
        key = (type(widget).__name__, widget.objectName(), tuple(font.families()))
        fonts[(*key, font.pixelSize(), font.weight().value)] += 1
    return fonts


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
    window.reading_aids.set_text_step(2)
    tap_home_tile(qtbot, window, "plan-acceleration-industrielle")
    title = window.section.title_label
    assert title.height() >= title.fontMetrics().lineSpacing()


def test_fonts_after_live_switches_are_those_of_a_fresh_start(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    """Switching script changes every widget's families, keeping the sheet's sizes,
    also through a later text size change (which restyles the window)."""
    switched = make_window(lang="fr")
    for code in ("ar", "en", "fr", "ar"):
        tap_language(qtbot, switched, code)
    tap_home_tile(qtbot, switched, "pole-medest")
    tap(qtbot, switched.top_bar.text_size_button)
    after_switches = shown_fonts(switched)
    switched.close()

    fresh = make_window(lang="ar")
    tap_home_tile(qtbot, fresh, "pole-medest")
    tap(qtbot, fresh.top_bar.text_size_button)
    assert after_switches == shown_fonts(fresh)
    arabic = [key for key in after_switches if key[1] == "SectionTitle"]
    assert arabic and all(key[2][0] == ARABIC_FAMILY for key in arabic)
