"""The content library: presentation order, structure and language fallbacks."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content import ContentLibrary, load_content

from .conftest import SHIPPED_CONTENT

PLAN_BLOCKS = ("bloc-ecosystemes", "bloc-competitivite-pme", "bloc-investissements-etrangers")
MEDEST_ZONES = ("technopole-oujda", "agropole-berkane", "parc-industriel-selouane")
HOME = ("plan-acceleration-industrielle", "pole-medest", "chiffres-cles", "telechargements")


@pytest.fixture(scope="module")
def library() -> ContentLibrary:
    return load_content(SHIPPED_CONTENT).library


def test_presentation_order_is_home_order_with_children_after_parents(
    library: ContentLibrary,
) -> None:
    assert library.page_ids == (
        "plan-acceleration-industrielle",
        *PLAN_BLOCKS,
        "pole-medest",
        *MEDEST_ZONES,
        "chiffres-cles",
        "telechargements",
    )


def test_top_level_follows_the_site_file(library: ContentLibrary) -> None:
    assert library.top_level() == HOME


def test_children_are_sorted_by_order(library: ContentLibrary) -> None:
    assert library.children("plan-acceleration-industrielle") == PLAN_BLOCKS
    assert library.children("pole-medest") == MEDEST_ZONES
    assert library.children("chiffres-cles") == ()
    assert library.children("agropole-berkane") == ()


def test_parent(library: ContentLibrary) -> None:
    assert library.parent("agropole-berkane") == "pole-medest"
    assert library.parent("bloc-ecosystemes") == "plan-acceleration-industrielle"
    assert library.parent("pole-medest") is None
    assert library.parent("no-such-page") is None


def test_siblings(library: ContentLibrary) -> None:
    assert library.siblings("agropole-berkane") == MEDEST_ZONES
    assert library.siblings("bloc-competitivite-pme") == PLAN_BLOCKS
    assert library.siblings("chiffres-cles") == HOME
    assert library.siblings("no-such-page") == ()


def test_has_page(library: ContentLibrary) -> None:
    assert library.has_page("pole-medest")
    assert not library.has_page("pole")


def test_languages(library: ContentLibrary) -> None:
    assert [language.code for language in library.languages] == ["fr", "ar", "en"]
    assert library.default_language == "fr"
    assert library.language("ar").is_rtl
    assert not library.language("en").is_rtl
    # An unknown code gives the first language rather than failing.
    assert library.language("xx").code == "fr"


def test_view_in_each_language(library: ContentLibrary) -> None:
    for lang in ("fr", "ar", "en"):
        view = library.view("pole-medest", lang)
        assert view is not None
        assert view.lang == lang
        assert view.page.lang == lang
        assert not view.is_fallback
        assert view.page.path == SHIPPED_CONTENT / lang / "pole-medest.md"
    assert library.view("no-such-page", "fr") is None


def test_pages_in_is_a_copy(library: ContentLibrary) -> None:
    pages = library.pages_in("fr")
    pages.clear()
    assert len(library.pages_in("fr")) == 10
    assert library.pages_in("de") == {}


def test_missing_translation_falls_back_to_french(content_dir: Path) -> None:
    (content_dir / "ar" / "pole-medest.md").unlink()
    library = load_content(content_dir).library

    view = library.view("pole-medest", "ar")
    assert view is not None
    assert view.page.lang == "fr"
    assert view.page.path == content_dir / "fr" / "pole-medest.md"
    assert view.lang == "ar"
    assert view.is_fallback
    # Other Arabic pages are still Arabic, and the structure is unchanged.
    other = library.view("agropole-berkane", "ar")
    assert other is not None
    assert not other.is_fallback
    assert library.children("pole-medest") == MEDEST_ZONES


def test_page_only_in_a_translation_is_still_shown(content_dir: Path) -> None:
    (content_dir / "fr" / "telechargements.md").unlink()
    library = load_content(content_dir).library

    assert library.has_page("telechargements")
    view = library.view("telechargements", "fr")
    assert view is not None
    assert view.page.lang == "ar"  # the first language that has it, in site order
    assert view.is_fallback
    assert library.page_ids[-1] == "telechargements"


def test_structure_comes_from_the_default_language(
    content_dir: Path,
) -> None:
    english = content_dir / "en" / "agropole-berkane.md"
    english.write_text(
        english.read_text(encoding="utf-8").replace(
            'parent = "pole-medest"', 'parent = "plan-acceleration-industrielle"'
        ),
        encoding="utf-8",
    )
    library = load_content(content_dir).library

    assert library.parent("agropole-berkane") == "pole-medest"
    assert library.children("plan-acceleration-industrielle") == PLAN_BLOCKS


def test_page_with_unknown_parent_is_left_out_of_the_order(content_dir: Path) -> None:
    page = content_dir / "fr" / "agropole-berkane.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace('"pole-medest"', '"pole-medst"'),
        encoding="utf-8",
    )
    library = load_content(content_dir).library

    assert library.parent("agropole-berkane") is None
    assert "agropole-berkane" not in library.page_ids
    assert library.children("pole-medest") == ("technopole-oujda", "parc-industriel-selouane")


def test_parent_loop_does_not_hang(content_dir: Path) -> None:
    page = content_dir / "fr" / "pole-medest.md"
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "order = 2\n", 'order = 2\nparent = "agropole-berkane"\n'
        ),
        encoding="utf-8",
    )
    library = load_content(content_dir).library

    assert library.page_ids == (
        "plan-acceleration-industrielle",
        *PLAN_BLOCKS,
        "chiffres-cles",
        "telechargements",
    )
