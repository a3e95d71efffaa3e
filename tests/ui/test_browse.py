"""A visitor browses every section by taps, in every language, and finds their way back."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.content import ContentLibrary
from kiosk.palette import HIGH_CONTRAST
from kiosk.ui.navigator import HOME
from kiosk.ui.screens.text_fragments import links
from kiosk.ui.window import MainWindow
from tests.ui.conftest import WindowFactory
from tests.ui.visitor import (
    home_tile,
    link_position,
    related_tile,
    shown_title,
    tap,
    tap_home_tile,
    tap_language,
)

LANGUAGES = ("fr", "ar", "en")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_section_opens_from_its_home_tile(
    make_window: WindowFactory, qtbot: QtBot, library: ContentLibrary, lang: str
) -> None:
    window = make_window(lang=lang)
    assert library.page_ids, "the shipped content has sections"
    for page_id in library.page_ids:
        tap(qtbot, window.top_bar.home_button)
        assert window.current_screen() == HOME
        tap_home_tile(qtbot, window, page_id)
        assert window.current_screen() == page_id
        expected = library.view(page_id, lang)
        assert expected is not None and expected.page.lang == lang
        assert shown_title(window) == expected.page.title
        assert window.section.text.toPlainText().strip(), f"{page_id} shows no text"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sub_sections_reachable_from_parent_and_from_each_other(
    make_window: WindowFactory, qtbot: QtBot, library: ContentLibrary, lang: str
) -> None:
    window = make_window(lang=lang)
    parents = [p for p in library.top_level() if library.children(p)]
    assert set(parents) == {"plan-acceleration-industrielle", "pole-medest"}
    for parent in parents:
        children = library.children(parent)
        assert len(children) == 3
        tap(qtbot, window.top_bar.home_button)
        tap_home_tile(qtbot, window, parent)
        for child in children:
            tap(qtbot, related_tile(window, child))
            assert window.current_screen() == child
            for sibling in children:
                assert related_tile(window, sibling).isChecked() == (sibling == child)
        tap(qtbot, window.section.parent_button)
        assert window.current_screen() == parent


def test_back_retraces_the_visit_and_home_resets_it(window: MainWindow, qtbot: QtBot) -> None:
    assert not window.top_bar.back_button.isEnabled(), "nothing to go back to on home"
    tap_home_tile(qtbot, window, "plan-acceleration-industrielle")
    tap(qtbot, related_tile(window, "bloc-competitivite-pme"))
    tap(qtbot, window.section.next_button)
    assert window.current_screen() == "bloc-investissements-etrangers"
    tap(qtbot, window.top_bar.back_button)
    assert window.current_screen() == "bloc-competitivite-pme"
    tap(qtbot, window.top_bar.back_button)
    assert window.current_screen() == "plan-acceleration-industrielle"
    tap(qtbot, window.top_bar.home_button)
    assert window.current_screen() == HOME
    assert window.stack.currentWidget() is window.home
    assert not window.top_bar.back_button.isEnabled()


def test_previous_and_next_walk_siblings_and_stop_at_the_ends(
    window: MainWindow, qtbot: QtBot
) -> None:
    tap_home_tile(qtbot, window, "technopole-oujda")
    assert not window.section.previous_button.isEnabled()
    tap(qtbot, window.section.next_button)
    assert window.current_screen() == "agropole-berkane"
    tap(qtbot, window.section.next_button)
    assert window.current_screen() == "parc-industriel-selouane"
    assert not window.section.next_button.isEnabled()
    tap(qtbot, window.section.previous_button)
    assert window.current_screen() == "agropole-berkane"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_links_between_sections_work_by_tap(
    make_window: WindowFactory, qtbot: QtBot, lang: str
) -> None:
    window = make_window(lang=lang)
    tap_home_tile(qtbot, window, "pole-medest")
    viewport = window.section.text.viewport()
    tap(qtbot, viewport, link_position(window.section.text, "agropole-berkane"))
    assert window.current_screen() == "agropole-berkane"


def test_language_switch_is_live_and_keeps_the_section(
    window: MainWindow, qtbot: QtBot, library: ContentLibrary
) -> None:
    tap_home_tile(qtbot, window, "bloc-competitivite-pme")
    assert window.top_bar.back_button.text() == "Retour"
    for lang, back in (("ar", "رجوع"), ("en", "Back"), ("fr", "Retour")):
        tap_language(qtbot, window, lang)
        view = library.view("bloc-competitivite-pme", lang)
        assert view is not None
        assert window.current_screen() == "bloc-competitivite-pme"
        assert shown_title(window) == view.page.title
        # One title on the screen: the page's header, not the top bar as well.
        assert not window.top_bar.title_label.isVisible()
        assert window.top_bar.title_label.accessibleName() == view.page.title
        assert window.top_bar.back_button.text() == back
        assert window.top_bar.language_buttons[lang].isChecked()
    # History survives the switches: Back returns to home, not to another language.
    tap(qtbot, window.top_bar.back_button)
    assert window.current_screen() == HOME


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_home_shows_the_language_chosen_on_a_section_page(
    window: MainWindow, qtbot: QtBot, library: ContentLibrary, lang: str
) -> None:
    """The home screen, hidden during the switch, is in the new language when shown."""
    tap_home_tile(qtbot, window, "bloc-competitivite-pme")
    tap_language(qtbot, window, lang)
    tap(qtbot, window.top_bar.home_button)
    assert window.current_screen() == HOME
    for page_id, tile in window.home.tiles.items():
        view = library.view(page_id, lang)
        assert view is not None
        assert tile.isVisible() and tile.title() == view.page.title
        # Fitted to the new language's wrapped text, which the hidden screen put off.
        assert tile.height() >= tile.heightForWidth(tile.width()), page_id
    assert window.home.hero_title.accessibleName() == library.site.organisation_text("name", lang)


def test_language_buttons_name_each_language_in_itself(window: MainWindow) -> None:
    names = {code: button.text() for code, button in window.top_bar.language_buttons.items()}
    assert names == {"fr": "Français", "ar": "العربية", "en": "English"}


def test_arabic_mirrors_the_whole_layout(window: MainWindow, qtbot: QtBot) -> None:
    home_button = window.top_bar.home_button
    assert home_button.x() < window.width() // 2
    first = home_tile(window, "plan-acceleration-industrielle")
    second = home_tile(window, "pole-medest")

    def x_of(tile: QWidget) -> int:
        return tile.mapTo(window, QPoint(0, 0)).x()

    assert x_of(first) < x_of(second), "the pillars read from the left"

    tap_language(qtbot, window, "ar")
    assert window.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert home_button.x() > window.width() // 2, "Home sits on the right in Arabic"
    assert x_of(first) > x_of(second), "the pillars read from the right in Arabic"
    tap(qtbot, first)
    assert window.section.text.document().begin().blockFormat().layoutDirection() == (
        Qt.LayoutDirection.RightToLeft
    )
    tap_language(qtbot, window, "fr")
    assert window.layoutDirection() == Qt.LayoutDirection.LeftToRight


def test_a_missing_translation_falls_back_to_french_with_a_note(
    make_window: WindowFactory, qtbot: QtBot, content_copy, library: ContentLibrary
) -> None:
    (content_copy / "ar" / "pole-medest.md").unlink()
    window = make_window(content=content_copy, lang="ar")
    tap_home_tile(qtbot, window, "pole-medest")
    french = library.view("pole-medest", "fr")
    assert french is not None
    assert shown_title(window) == french.page.title
    note = window.section.fallback_note
    assert note.isVisible()
    assert "Français" in note.accessibleName()
    assert "غير متوفرة" in note.accessibleName(), "the note speaks the visitor's language"
    assert window.section.text.document().begin().blockFormat().layoutDirection() == (
        Qt.LayoutDirection.LeftToRight
    ), "French text keeps its own direction inside the Arabic interface"
    tap_language(qtbot, window, "en")
    assert not note.isVisible()


def test_raw_html_and_unsafe_links_never_become_active(
    make_window: WindowFactory, qtbot: QtBot, content_copy
) -> None:
    page = content_copy / "fr" / "telechargements.md"
    page.write_text(
        page.read_text(encoding="utf-8")
        + "\n\n<script>alert(1)</script> [site](https://example.org) [x](javascript:alert(1))\n",
        encoding="utf-8",
    )
    window = make_window(content=content_copy)
    tap_home_tile(qtbot, window, "telechargements")
    document = window.section.text.document()
    assert "<script>alert(1)</script>" in document.toPlainText()
    hrefs = {href for href, _fragment in links(document)}
    # The web address only ever shows its QR code (tests/ui/documents/test_documents.py).
    assert hrefs == {"kiosk:section/pole-medest", "kiosk:web/https%3A%2F%2Fexample.org"}, hrefs
    assert window.current_screen() == "telechargements"


def test_a_missing_language_folder_still_starts_and_falls_back(
    make_window: WindowFactory, qtbot: QtBot, content_copy, library: ContentLibrary
) -> None:
    shutil.rmtree(content_copy / "en")
    window = make_window(content=content_copy, lang="en")
    assert window.top_bar.back_button.text() == "Back", "the interface is still English"
    for page_id in library.page_ids:
        tap_home_tile(qtbot, window, page_id)
        assert window.section.fallback_note.isVisible()
        assert shown_title(window) == library.view(page_id, "fr").page.title  # type: ignore[union-attr]


def test_related_sections_sit_side_by_side_on_a_wide_screen(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window(size=(1920, 1080))
    tap_home_tile(qtbot, window, "bloc-competitivite-pme")
    tiles = [
        related_tile(window, p) for p in ("bloc-ecosystemes", "bloc-investissements-etrangers")
    ]
    qtbot.wait(20)
    assert tiles[0].y() == tiles[1].y()
    assert all(tile.width() < window.width() // 2 for tile in tiles)
    window.resize(480, 900)
    qtbot.waitUntil(lambda: tiles[0].y() < tiles[1].y())  # stacked on a narrow window


def test_a_page_seen_before_comes_back_as_it_should_look_now(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    """Pages are rendered once and kept: a return visit, a switch back to a language and
    a change of text size or contrast all show the text as a first visit would."""
    window = make_window(lang="fr")
    text = window.section.text
    tap_home_tile(qtbot, window, "pole-medest")
    french = text.toPlainText()
    body = text.document().defaultFont().pixelSize()
    tap_language(qtbot, window, "ar")
    arabic = text.toPlainText()
    assert arabic != french
    assert text.document().begin().blockFormat().alignment() & Qt.AlignmentFlag.AlignRight
    tap(qtbot, window.section.next_button)
    tap(qtbot, window.section.previous_button)
    assert text.toPlainText() == arabic
    tap_language(qtbot, window, "fr")
    assert text.toPlainText() == french
    assert text.document().begin().blockFormat().alignment() & Qt.AlignmentFlag.AlignLeft
    tap(qtbot, window.top_bar.text_size_button)
    assert text.document().defaultFont().pixelSize() > body
    tap(qtbot, window.top_bar.contrast_button)
    assert HIGH_CONTRAST.ink in text.document().defaultStyleSheet()
    tap(qtbot, window.top_bar.text_size_button)
    tap(qtbot, window.top_bar.text_size_button)
    tap(qtbot, window.top_bar.contrast_button)
    assert text.document().defaultFont().pixelSize() == body
    assert HIGH_CONTRAST.ink not in text.document().defaultStyleSheet()
    assert text.toPlainText() == french


@pytest.mark.parametrize(
    ("lang", "side"), [("ar", Qt.AlignmentFlag.AlignRight), ("fr", Qt.AlignmentFlag.AlignLeft)]
)
def test_every_paragraph_lines_up_on_the_reading_side(
    make_window: WindowFactory, qtbot: QtBot, lang: str, side: Qt.AlignmentFlag
) -> None:
    window = make_window(lang=lang)
    tap_home_tile(qtbot, window, "pole-medest")
    block = window.section.text.document().begin()
    blocks = 0
    while block.isValid():
        alignment = block.blockFormat().alignment()
        assert alignment & side and alignment & Qt.AlignmentFlag.AlignAbsolute, block.text()
        blocks += 1
        block = block.next()
    assert blocks > 5
