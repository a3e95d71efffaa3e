"""``cri-kiosk export-html``: every page in every language, links that resolve, directions."""

from __future__ import annotations

import shutil
import struct
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content import load_content
from kiosk.export_html import export_site

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"


class _Page(HTMLParser):
    """What an exported page holds: its <html> attributes, links, and elements by tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root: dict[str, str | None] = {}
        self.targets: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.root = values
        self.tags.append((tag, values))
        for name in ("href", "src"):
            if values.get(name):
                self.targets.append(str(values[name]))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(path: Path) -> _Page:
    page = _Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    export_site(CONTENT, out)
    return out


def test_every_page_in_every_language(site: Path) -> None:
    library = load_content(CONTENT).library

    for language in library.languages:
        folder = site / language.code
        names = {path.name for path in folder.glob("*.html")}
        assert names == {"index.html", *(f"{page_id}.html" for page_id in library.page_ids)}
    assert (site / "index.html").is_file()


def test_direction_and_language_are_declared(site: Path) -> None:
    for lang, direction in (("fr", "ltr"), ("ar", "rtl"), ("en", "ltr")):
        for path in (site / lang).glob("*.html"):
            root = parse(path).root
            assert root == {"lang": lang, "dir": direction}, path


def test_every_link_resolves(site: Path) -> None:
    checked = 0
    for path in site.rglob("*.html"):
        for target in parse(path).targets:
            if target.startswith("#"):
                continue
            assert ":" not in target, f"{path}: absolute link {target}"
            assert (path.parent / target.partition("#")[0]).resolve().is_file(), (
                f"{path}: {target} does not exist"
            )
            checked += 1
    assert checked > 400


def test_the_kiosk_pipeline_renders_the_text(site: Path) -> None:
    library = load_content(CONTENT).library
    page = library.pages_in("fr")["chiffres-cles"]
    kiosk_html = library.html(page)
    exported = (site / "fr" / "chiffres-cles.html").read_text(encoding="utf-8")

    assert "kiosk:section" not in exported
    # Same HTML as the kiosk shows, with section links made relative.
    expected = kiosk_html
    for page_id in library.page_ids:
        expected = expected.replace(f'href="kiosk:section/{page_id}"', f'href="{page_id}.html"')
    assert expected in exported


def test_fonts_are_bundled_and_used(site: Path) -> None:
    css = (site / "assets" / "style.css").read_text(encoding="utf-8")

    for font in ("NotoSans-Regular.ttf", "NotoSansArabic-Regular.ttf"):
        assert f'url("fonts/{font}")' in css
        assert (site / "assets" / "fonts" / font).is_file()
    assert (site / "assets" / "fonts" / "OFL.txt").is_file()
    assert "{" + "brand}" not in css


def test_language_switcher_keeps_the_page(site: Path) -> None:
    page = parse(site / "en" / "pole-medest.html")

    switch = [attrs for tag, attrs in page.tags if tag == "a" and attrs.get("hreflang")]
    assert [(a["href"], a["lang"]) for a in switch] == [
        ("../fr/pole-medest.html", "fr"),
        ("../ar/pole-medest.html", "ar"),
        ("../en/pole-medest.html", "en"),
    ]
    assert [a.get("aria-current") for a in switch] == [None, None, "true"]


def test_home_lists_the_tiles(site: Path) -> None:
    library = load_content(CONTENT).library
    page = parse(site / "ar" / "index.html")
    text = "".join(page.text)

    for page_id in library.page_ids:
        view = library.view(page_id, "ar")
        assert view is not None
        assert view.page.title in text
        assert view.page.summary in text


def test_missing_translation_falls_back_with_a_note(tmp_path: Path) -> None:
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "en" / "pole-medest.md").unlink()
    (content / "images").mkdir()
    (content / "images" / "carte.png").write_bytes(
        b"\x89PNG\r\n\x1a\n" + struct.pack(">I4sII", 13, b"IHDR", 40, 30) + bytes(9)
    )
    with (content / "fr" / "pole-medest.md").open("a", encoding="utf-8") as stream:
        stream.write("\n![Carte de la région](../images/carte.png)\n")
    out = tmp_path / "site"

    export_site(content, out)

    page = parse(out / "en" / "pole-medest.html")
    assert "Shown in: Français" in "".join(page.text)
    articles = [attrs for tag, attrs in page.tags if tag == "article"]
    assert articles[0]["lang"] == "fr" and articles[0]["dir"] == "ltr"
    images = [attrs for tag, attrs in page.tags if tag == "img"]
    assert images[0]["src"] == "../images/carte.png"
    assert images[0]["alt"] == "Carte de la région"
    assert (out / "images" / "carte.png").is_file()


def test_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["export-html", "--out", str(tmp_path / "site")])

    assert code == 0
    assert capsys.readouterr().err == f"wrote 34 pages to {tmp_path / 'site'}\n"

    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    assert main(["export-html", "--out", str(blocker)]) == 1
    assert "is a file: --out must be a folder" in capsys.readouterr().err

    assert main(["export-html", "--content", str(tmp_path / "none"), "--out", str(tmp_path)]) == 1
    assert "the content folder does not exist" in capsys.readouterr().err


def test_pages_are_accessible(site: Path) -> None:
    for path in site.rglob("*.html"):
        page = parse(path)
        tags = [tag for tag, _attrs in page.tags]
        assert tags.count("h1") == 1, path
        assert tags.count("main") == 1, path
        assert "script" not in tags, path
        assert all(attrs.get("alt") is not None for tag, attrs in page.tags if tag == "img")
        if path.parent != site:
            skip = [
                attrs for tag, attrs in page.tags if tag == "a" and attrs.get("class") == "skip"
            ]
            assert skip and skip[0]["href"] == "#main", path
            assert ("main", {"id": "main"}) in page.tags, path
