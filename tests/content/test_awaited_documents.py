"""A document the pages name but the kiosk does not hold yet: plain words until listed."""

from __future__ import annotations

from pathlib import Path

from kiosk.content import Severity, load_content, validate_library
from kiosk.content.documents import MANIFEST, document_url
from tests.pdf_samples import sound_pdf

from .conftest import SHIPPED_CONTENT, describe, line_containing, the_problem

STUDY = "synthese-etude-medest"
STUDY_ENTRY = f"""
[[documents]]
id = "{STUDY}"
language = "fr"
file = "documents/{STUDY}.pdf"
[documents.title]
fr = "Synthèse de l\u2019étude de MedEst"
ar = "خلاصة دراسة MedEst"
en = "Synthesis of the MedEst study"
"""
PAGES_NAMING_THE_STUDY = ("pole-medest", "telechargements")


def study_html(content_dir: Path, lang: str, page_id: str) -> str:
    result = load_content(content_dir)
    library = result.library
    view = library.view(page_id, lang)
    assert view is not None
    return library.html(view.page)


def test_shipped_pages_name_the_study_without_a_link_the_kiosk_cannot_follow() -> None:
    result = load_content(SHIPPED_CONTENT)
    problems = [*result.problems, *validate_library(result.library)]
    assert not [p for p in problems if p.is_error], describe(problems)
    assert result.library.documents.is_awaited(STUDY)
    for lang in ("fr", "ar", "en"):
        for page_id in PAGES_NAMING_THE_STUDY:
            html = study_html(SHIPPED_CONTENT, lang, page_id)
            assert "MedEst" in html
            assert document_url(STUDY) not in html, f"{lang}/{page_id} links to a missing PDF"
            # What it says is true: the CRI de l'Oriental offers the study.
            assert any(
                words in html
                for words in (
                    "disponible auprès du CRI de l\u2019Oriental",
                    "متاحة لدى المركز الجهوي للاستثمار لجهة الشرق",
                    "available from CRI Oriental",
                )
            ), f"{lang}/{page_id} does not say where the study is"


def test_listing_the_pdf_turns_the_words_into_a_link(content_dir: Path) -> None:
    pdf = content_dir / "documents" / f"{STUDY}.pdf"
    pdf.parent.mkdir(parents=True, exist_ok=True)
    pdf.write_bytes(sound_pdf())
    manifest = content_dir / MANIFEST
    text = manifest.read_text(encoding="utf-8").replace(f'awaited = ["{STUDY}"]\n', "")
    manifest.write_text(text + STUDY_ENTRY, encoding="utf-8")

    result = load_content(content_dir)
    problems = [*result.problems, *validate_library(result.library)]
    assert not [p for p in problems if p.is_error], describe(problems)
    assert result.library.documents.has(STUDY)
    for lang in ("fr", "ar", "en"):
        for page_id in PAGES_NAMING_THE_STUDY:
            html = study_html(content_dir, lang, page_id)
            assert f'href="{document_url(STUDY)}"' in html, f"{lang}/{page_id} has no link"


def test_a_listed_document_still_awaited_is_reported(content_dir: Path) -> None:
    pdf = content_dir / "documents" / f"{STUDY}.pdf"
    pdf.parent.mkdir(parents=True, exist_ok=True)
    pdf.write_bytes(sound_pdf())
    manifest = content_dir / MANIFEST
    manifest.write_text(manifest.read_text(encoding="utf-8") + STUDY_ENTRY, encoding="utf-8")
    result = load_content(content_dir)
    problem = the_problem(result.problems, manifest, Severity.WARNING, STUDY, "awaited")
    assert problem.line == line_containing(manifest, "awaited =")
    assert study_html(content_dir, "fr", "pole-medest").count(document_url(STUDY)) == 1


def test_a_link_to_a_document_neither_listed_nor_awaited_is_an_error(content_dir: Path) -> None:
    manifest = content_dir / MANIFEST
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(f'awaited = ["{STUDY}"]', "awaited = []"),
        encoding="utf-8",
    )
    result = load_content(content_dir)
    problems = validate_library(result.library)
    page = content_dir / "fr" / "pole-medest.md"
    problem = the_problem(problems, page, Severity.ERROR, f"unknown document '{STUDY}'")
    assert problem.line == line_containing(page, f"doc:{STUDY}")


def test_awaited_must_hold_document_ids(content_dir: Path) -> None:
    manifest = content_dir / MANIFEST
    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(
            f'awaited = ["{STUDY}"]', f'awaited = ["{STUDY}", "Étude MedEst"]'
        ),
        encoding="utf-8",
    )
    result = load_content(content_dir)
    problem = the_problem(result.problems, manifest, Severity.ERROR, "'Étude MedEst'", "not a")
    assert problem.line == line_containing(manifest, "awaited =")
    # The good id still counts.
    assert result.library.documents.is_awaited(STUDY)

    manifest.write_text(
        manifest.read_text(encoding="utf-8").replace(
            f'awaited = ["{STUDY}", "Étude MedEst"]', f'awaited = "{STUDY}"'
        ),
        encoding="utf-8",
    )
    result = load_content(content_dir)
    the_problem(result.problems, manifest, Severity.ERROR, "awaited must be a list")
