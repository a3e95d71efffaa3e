"""The documents manifest: entries, mistakes at their line, and unusable PDF files."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content import Severity, load_content
from kiosk.content.documents import (
    MANIFEST,
    MAX_DOCUMENT_BYTES,
    DocumentKind,
    FileProblemKind,
    pdf_file_problem,
)
from tests.pdf_samples import password_pdf, sound_pdf, truncated_pdf

from .conftest import describe, line_containing, the_problem

STUDY_ENTRY = """
[[documents]]
id = "etude"
language = "fr"
file = "documents/etude.pdf"
url = "https://example.org/etude.pdf"
[documents.title]
fr = "Étude"
ar = "دراسة"
en = "Study"
"""


def add_entry(content_dir: Path, entry: str = STUDY_ENTRY) -> Path:
    manifest = content_dir / MANIFEST
    with manifest.open("a", encoding="utf-8") as stream:
        stream.write(entry)
    return manifest


def write_pdf(content_dir: Path, data: bytes, name: str = "etude.pdf") -> Path:
    path = content_dir / "documents" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def test_shipped_manifest_lists_one_brochure_per_language() -> None:
    result = load_content(Path(__file__).resolve().parents[2] / "content")
    catalog = result.library.documents
    assert not [p for p in result.problems if p.path.name == MANIFEST], describe(result.problems)
    assert catalog.ids == ("brochure-fr", "brochure-ar", "brochure-en")
    for document in catalog.documents:
        assert document.kind is DocumentKind.BROCHURE
        assert document.id == f"brochure-{document.language}"
        assert set(document.titles) == {"fr", "ar", "en"}
        assert document.url == "", "the seed gives no address: none may be invented"


def test_no_manifest_means_no_documents(content_dir: Path) -> None:
    (content_dir / MANIFEST).unlink()
    for page in content_dir.glob("*/pole-medest.md"):
        text = page.read_text(encoding="utf-8")
        page.write_text(text.replace("(doc:brochure-", "(pole-medest.md#"), encoding="utf-8")
    result = load_content(content_dir)
    assert result.library.documents.documents == ()


def test_a_pdf_in_the_content_folder_is_listed(content_dir: Path) -> None:
    write_pdf(content_dir, sound_pdf())
    add_entry(content_dir)

    result = load_content(content_dir)

    assert not [p for p in result.problems if p.path.name == MANIFEST], describe(result.problems)
    document = result.library.documents.get("etude")
    assert document is not None
    assert document.kind is DocumentKind.FILE
    assert document.title("ar", "fr") == "دراسة"
    assert document.url == "https://example.org/etude.pdf"
    assert result.library.documents.file_path(document) == content_dir / "documents" / "etude.pdf"


@pytest.mark.parametrize(
    ("data", "kind", "words"),
    [
        (None, FileProblemKind.MISSING, "is missing"),
        (b"", FileProblemKind.EMPTY, "is empty (0 bytes)"),
        (b"PK\x03\x04 a zip renamed .pdf", FileProblemKind.NOT_PDF, "is not a PDF file"),
        (truncated_pdf(), FileProblemKind.DAMAGED, "is truncated"),
        (password_pdf(), FileProblemKind.PASSWORD, "protected by a password"),
    ],
    ids=["missing", "empty", "not-pdf", "truncated", "password"],
)
def test_a_bad_file_is_reported_at_its_file_line(
    content_dir: Path, data: bytes | None, kind: FileProblemKind, words: str
) -> None:
    if data is not None:
        write_pdf(content_dir, data)
    manifest = add_entry(content_dir)

    result = load_content(content_dir)

    problem = the_problem(result.problems, manifest, Severity.ERROR, "document 'etude'", words)
    assert problem.line == line_containing(manifest, 'file = "documents/etude.pdf"')
    assert "documents/etude.pdf" in problem.message
    assert result.library.documents.file_problems["etude"].kind is kind
    assert result.library.documents.has("etude"), "listed, so the visitor gets a calm message"


def test_an_absurdly_large_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "huge.pdf"
    with path.open("wb") as stream:
        stream.write(b"%PDF-1.4\n")
        stream.truncate(MAX_DOCUMENT_BYTES + 1)  # sparse: no disk space used

    problem = pdf_file_problem(path)

    assert problem is not None
    assert problem.kind is FileProblemKind.TOO_LARGE
    assert "too large" in problem.message


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ('file = "../secret.pdf"', "must be inside the content folder"),
        ('file = "/etc/passwd.pdf"', "must be inside the content folder"),
        ('file = "documents/etude.docx"', "must be a PDF"),
        ('kind = "video"', 'kind must be "brochure"'),
        ('language = "es"', "needs language"),
        ('url = "ftp://example.org/etude.pdf"', "url must be a public web address"),
        ('url = "javascript:alert(1)"', "url must be a public web address"),
        ('colour = "blue"', "unknown document key 'colour'"),
    ],
)
def test_manifest_mistakes_name_their_line(content_dir: Path, line: str, words: str) -> None:
    write_pdf(content_dir, sound_pdf())
    key = line.split(" =")[0]
    entry = "\n".join(
        row for row in STUDY_ENTRY.split("\n") if not row.startswith(f"{key} =")
    ).replace('id = "etude"', f'id = "etude"\n{line}')
    manifest = add_entry(content_dir, entry)

    result = load_content(content_dir)

    problem = the_problem(result.problems, manifest, Severity.ERROR, words)
    assert problem.line == line_containing(manifest, line)


def test_duplicate_id_and_missing_title(content_dir: Path) -> None:
    manifest = add_entry(
        content_dir,
        '\n[[documents]]\nid = "brochure-fr"\nlanguage = "fr"\nkind = "brochure"\n'
        '[documents.title]\nfr = "Encore"\n'
        '\n[[documents]]\nid = "sans-titre"\nlanguage = "fr"\nkind = "brochure"\n',
    )

    result = load_content(content_dir)

    duplicate = the_problem(result.problems, manifest, Severity.ERROR, "duplicate document id")
    lines = manifest.read_text(encoding="utf-8").split("\n")
    second = [n for n, line in enumerate(lines, start=1) if line == 'id = "brochure-fr"'][1]
    assert duplicate.line == second, "the repeated entry is the one refused"
    the_problem(result.problems, manifest, Severity.ERROR, "'sans-titre' needs a title")
    assert result.library.documents.ids == ("brochure-fr", "brochure-ar", "brochure-en")


def test_invalid_toml_is_reported_with_its_line(content_dir: Path) -> None:
    manifest = add_entry(content_dir, "\n[[documents]]\nid = brochure\n")

    result = load_content(content_dir)

    problem = the_problem(result.problems, manifest, Severity.ERROR, "not valid TOML")
    assert problem.line == line_containing(manifest, "id = brochure")
    assert result.library.documents.documents == ()


def test_site_url_must_be_a_public_address(content_dir: Path) -> None:
    site = content_dir / "site.toml"
    text = site.read_text(encoding="utf-8")
    site.write_text(text.replace('url = ""', 'url = "mailto:cri@example.org"'), encoding="utf-8")

    result = load_content(content_dir)

    problem = the_problem(result.problems, site, Severity.ERROR, "url must be")
    assert problem.line == line_containing(site, "mailto:")
    assert result.library.site.url == ""


def test_shipped_site_has_no_invented_address() -> None:
    result = load_content(Path(__file__).resolve().parents[2] / "content")
    assert result.library.site.url == ""
