"""``cri-kiosk build-docs``: one brochure per language, fonts embedded, rebuilt on change."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtPdf import QPdfDocument
from PySide6.QtWidgets import QApplication

from kiosk.cli import main

NOTICE = {
    "fr": "Ce n\u2019est pas l\u2019étude elle-même.",
    "ar": "وهو ليس الدراسة نفسها.",
    "en": "It is not the study itself.",
}
# A phrase of each language's strategy page, as written in content/<lang>/.
BODY = {
    "fr": "Plan d\u2019accélération industrielle",
    "ar": "مخطط تسريع التنمية الصناعية",
    "en": "Industrial Acceleration Plan",
}
OUTPUT = re.compile(r"^(brochure-\w+): (.+\.pdf) \((\d+) pages, \d+ kB\)$")


def build(out: Path, capsys: pytest.CaptureFixture[str], content: Path | None = None) -> dict:
    argv = ["build-docs", "--out", str(out)]
    if content is not None:
        argv += ["--content", str(content)]
    assert main(argv) == 0
    built = {}
    for line in capsys.readouterr().out.splitlines():
        match = OUTPUT.match(line)
        assert match, line
        built[match.group(1)] = (Path(match.group(2)), int(match.group(3)))
    return built


def text_of(path: Path, page: int) -> str:
    document = QPdfDocument(QApplication.instance())
    assert document.load(str(path)) == QPdfDocument.Error.None_
    text = document.getAllText(page).text()
    document.close()
    return text


def test_one_brochure_per_language_with_its_cover_notice(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    built = build(tmp_path, capsys)

    assert set(built) == {"brochure-fr", "brochure-ar", "brochure-en"}
    for doc_id, (path, pages) in built.items():
        lang = doc_id.split("-")[1]
        assert path.parent == tmp_path and path.name.startswith(f"brochure-{lang}-")
        assert 4 <= pages <= 20
        cover = " ".join(text_of(path, 0).split())
        assert NOTICE[lang] in cover, "the cover says it is not the study"
        assert BODY[lang] in text_of(path, 1)
        data = path.read_bytes()
        assert b"/FontFile2" in data, "fonts are embedded"
        assert b"/URI" not in data and b"/Link" not in data, "no link in a brochure"
    arabic = built["brochure-ar"][0].read_bytes()
    assert b"NotoSansArabic" in arabic


def test_brochures_are_typeset_again_only_when_the_content_changes(
    qapp: QApplication, tmp_path: Path, content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    first = build(out, capsys, content_copy)
    stamp = first["brochure-en"][0].stat().st_mtime_ns

    again = build(out, capsys, content_copy)
    assert again["brochure-en"][0] == first["brochure-en"][0]
    assert again["brochure-en"][0].stat().st_mtime_ns == stamp, "unchanged content: kept"

    page = content_copy / "en" / "chiffres-cles.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    changed = build(out, capsys, content_copy)

    assert changed["brochure-en"][0] != first["brochure-en"][0]
    assert changed["brochure-fr"][0] == first["brochure-fr"][0], "other languages kept"
    assert sorted(p.name for p in out.glob("brochure-en-*.pdf")) == [changed["brochure-en"][0].name]
    assert "One more line." in " ".join(
        text_of(changed["brochure-en"][0], page).replace("\r\n", " ")
        for page in range(changed["brochure-en"][1])
    )


def test_the_downloads_page_is_not_in_the_brochure(
    qapp: QApplication, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, pages = build(tmp_path, capsys)["brochure-fr"]
    text = " ".join(text_of(path, page) for page in range(pages))
    assert "Touchez un document de la liste" not in text
    assert "Parc Industriel de Selouane" in text, "the three zones are in"
    assert "20 milliards de dirhams" in text, "the key figures are in"
    for navigation in ("Retour au P", "Voir le plan", "Les autres blocs du plan"):
        assert navigation not in text, "kiosk navigation stays off paper"
