"""``cri-kiosk check`` reports document problems with their file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.cli import main
from tests.pdf_samples import password_pdf, sound_pdf


def check(content: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    code = main(["check", "--content", str(content)])
    return code, capsys.readouterr().out.splitlines()


def line_of(path: Path, text: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    found = [number for number, line in enumerate(lines, start=1) if text in line]
    assert len(found) == 1, found
    return found[0]


def add_study(content: Path, file: str = "documents/etude.pdf") -> Path:
    manifest = content / "documents.toml"
    with manifest.open("a", encoding="utf-8") as stream:
        stream.write(
            f'\n[[documents]]\nid = "etude"\nlanguage = "fr"\nfile = "{file}"\n'
            '[documents.title]\nfr = "Étude"\nar = "دراسة"\nen = "Study"\n'
        )
    return manifest


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (None, "documents/etude.pdf is missing"),
        (b"", "documents/etude.pdf is empty (0 bytes)"),
        (b"<html>not a pdf</html>", "documents/etude.pdf is not a PDF file"),
        (sound_pdf(4)[:-200], "documents/etude.pdf is truncated"),
        (password_pdf(), "documents/etude.pdf is protected by a password"),
    ],
    ids=["missing", "empty", "not-pdf", "truncated", "password"],
)
def test_a_bad_document_is_an_error_at_its_file_line(
    content_copy: Path, capsys: pytest.CaptureFixture[str], data: bytes | None, words: str
) -> None:
    if data is not None:
        (content_copy / "documents").mkdir()
        (content_copy / "documents" / "etude.pdf").write_bytes(data)
    manifest = add_study(content_copy)

    code, lines = check(content_copy, capsys)

    assert code == 1
    line = line_of(manifest, 'file = "documents/etude.pdf"')
    expected = f"{manifest}:{line}: error: document 'etude': {words}"
    assert [line for line in lines if line.startswith(expected)], lines


def test_a_sound_document_passes(content_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (content_copy / "documents").mkdir()
    (content_copy / "documents" / "etude.pdf").write_bytes(sound_pdf(2))
    add_study(content_copy)

    code, lines = check(content_copy, capsys)

    assert (code, lines) == (0, [])


def test_a_link_to_an_unknown_document_is_an_error(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    page = content_copy / "en" / "pole-medest.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("(doc:brochure-en)", "(doc:the-study)"), encoding="utf-8")

    code, lines = check(content_copy, capsys)

    assert code == 1
    assert lines == [
        f"{page}:{line_of(page, 'doc:the-study')}: error: unknown document 'the-study' in "
        "link 'doc:the-study': use the id of a document listed in documents.toml "
        "(or announced there in awaited = [...])"
    ]
