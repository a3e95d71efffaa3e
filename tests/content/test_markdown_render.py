"""Markdown to safe HTML: raw HTML shown as text; links to pages, documents and web addresses."""

from __future__ import annotations

import re
import struct
import zlib
from html.parser import HTMLParser
from pathlib import Path

import pytest

from kiosk.content import (
    Page,
    RenderedPage,
    Severity,
    load_content,
    render_markdown,
    section_id_from_url,
    section_url,
)
from kiosk.content.documents import document_id_from_url, document_url
from kiosk.content.front_matter import parse_page
from kiosk.content.links import web_address_from_url, web_link_url

from .conftest import SHIPPED_CONTENT, describe, the_problem

PATH = Path("fr/exemple.md")
# The body of the test pages starts on line 10 of their file (after the front matter).
BODY_LINE = 10
EXISTING = {"exemple", "pole-medest", "chiffres-cles"}


def render(body: str) -> RenderedPage:
    page = Page(id="exemple", lang="fr", title="Exemple", body=body, path=PATH, body_line=BODY_LINE)
    return render_markdown(page, lambda page_id: page_id in EXISTING)


def file_line(body_line: int) -> int:
    """The file line of the body's line ``body_line`` (1-based)."""
    return BODY_LINE + body_line - 1


class _Elements(HTMLParser):
    """Collects the elements and attributes really present in HTML (not escaped text)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: set[str] = set()
        self.attributes: list[tuple[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes += attrs


def elements(html: str) -> _Elements:
    parser = _Elements()
    parser.feed(html)
    parser.close()
    return parser


def tags(html: str) -> set[str]:
    """Names of the HTML elements really present in ``html``."""
    return elements(html).tags


def assert_no_href_but_sections(html: str, allow_documents: bool = False) -> None:
    """Every attribute is an href to a section (or a document): no other link, no handler."""
    prefixes = ("kiosk:section/", "kiosk:document/") if allow_documents else ("kiosk:section/",)
    attributes = elements(html).attributes
    assert all(
        name == "href" and (value or "").startswith(prefixes) for name, value in attributes
    ), html


# --------------------------------------------------------------------------- raw HTML


@pytest.mark.parametrize(
    ("raw", "tag"),
    [
        ("<script>alert('x')</script>", "script"),
        ("<b>gras</b>", "b"),
        ('<div onclick="alert(1)">cliquez</div>', "div"),
        ("<img src=x onerror=alert(1)>", "img"),
        ('<a href="javascript:alert(1)">lien</a>', "a"),
    ],
    ids=["script", "b", "div onclick", "img onerror", "a javascript"],
)
def test_raw_html_is_escaped_and_reported(raw: str, tag: str) -> None:
    rendered = render(f"Introduction.\n\nTexte {raw} fin.\n")

    assert tag not in tags(rendered.html), rendered.html
    assert tags(rendered.html) == {"p"}, rendered.html
    assert "&lt;" in rendered.html
    assert_no_href_but_sections(rendered.html)
    opening = re.match(r"<[^>]*>", raw)
    assert opening is not None
    problem = the_problem(
        rendered.problems, PATH, Severity.WARNING, f"raw HTML '{opening.group(0)[:40]}'"
    )
    assert problem.line == file_line(3)
    assert "is shown as text, not rendered: use Markdown instead" in problem.message


def test_raw_html_block_is_escaped() -> None:
    rendered = render('Texte.\n\n<div onclick="alert(1)">\n<script>alert(1)</script>\n</div>\n')

    assert tags(rendered.html) == {"p"}, rendered.html
    lines = sorted(problem.line for problem in rendered.problems)
    assert lines == [file_line(3), file_line(4), file_line(4), file_line(5)], describe(
        rendered.problems
    )


def test_raw_html_repeated_on_a_later_line_is_reported_at_that_line() -> None:
    rendered = render("Un <b>premier</b> mot.\n\nUn <b>second</b> mot.\n")

    opening = sorted(
        problem.line for problem in rendered.problems if "raw HTML '<b>'" in problem.message
    )
    assert opening == [file_line(1), file_line(3)], describe(rendered.problems)


# --------------------------------------------------------------------------- page links


def test_link_to_an_existing_page_becomes_a_section_link() -> None:
    rendered = render('Voir le [Pôle MedEst](pole-medest.md "titre").\n')

    assert '<a href="kiosk:section/pole-medest">Pôle MedEst</a>' in rendered.html
    assert "title=" not in rendered.html
    assert rendered.linked_sections == ("pole-medest",)
    assert rendered.problems == ()


def test_linked_sections_are_listed_once_in_order() -> None:
    rendered = render(
        "[a](chiffres-cles.md) [b](../ar/pole-medest.md) [c](chiffres-cles.md#objectifs)\n"
    )

    assert rendered.linked_sections == ("chiffres-cles", "pole-medest")
    assert rendered.html.count('href="kiosk:section/chiffres-cles"') == 2
    assert rendered.problems == (), describe(rendered.problems)


def test_broken_page_link_keeps_its_text_without_a_link() -> None:
    rendered = render("Premier paragraphe.\n\nVoir la [page perdue](perdue.md) ici.\n")

    assert "<span>page perdue</span>" in rendered.html
    assert "href" not in rendered.html
    assert rendered.linked_sections == ()
    problem = the_problem(rendered.problems, PATH, Severity.ERROR, "broken link 'perdue.md'")
    assert problem.line == file_line(3)
    assert "link to an existing page file such as 'pole-medest.md'" in problem.message


def test_the_same_broken_link_twice_is_reported_at_each_line() -> None:
    rendered = render("[ici](perdue.md)\n\nEt encore [là](perdue.md).\n")

    lines = sorted(problem.line for problem in rendered.problems)
    assert lines == [file_line(1), file_line(3)], describe(rendered.problems)


# --------------------------------------------------------------------------- other links


@pytest.mark.parametrize(
    "url",
    ["https://www.orientinvest.ma", "http://example.com/page.md", "HTTPS://EXAMPLE.COM/a?b=1"],
)
def test_web_link_becomes_a_qr_code_link(url: str) -> None:
    rendered = render(f"Texte.\n\nVoir [le site]({url}).\n")

    hrefs = [value for name, value in elements(rendered.html).attributes if name == "href"]
    assert hrefs == [web_link_url(url)]
    assert web_address_from_url(hrefs[0]) == url
    assert ">le site</a>" in rendered.html
    assert rendered.problems == ()


def test_automatic_web_link_becomes_a_qr_code_link() -> None:
    # <https://...> is Markdown's own syntax for a link, not raw HTML.
    rendered = render("Site : <https://www.orientinvest.ma>\n")

    hrefs = [value for name, value in elements(rendered.html).attributes if name == "href"]
    assert hrefs == [web_link_url("https://www.orientinvest.ma")]
    assert rendered.problems == ()


def test_web_link_without_a_host_is_an_error() -> None:
    rendered = render("Texte.\n\n[le site](https:///chemin)\n")

    assert "href" not in rendered.html
    problem = the_problem(rendered.problems, PATH, Severity.ERROR, "has no host name")
    assert problem.line == file_line(3)


@pytest.mark.parametrize(
    "address", ["javascript:alert(1)", "file:///etc/passwd", "https://", "kiosk:section/x"]
)
def test_only_public_web_addresses_come_back_from_a_qr_link(address: str) -> None:
    assert web_address_from_url(web_link_url(address)) is None
    assert web_address_from_url(address) is None


def test_document_link_becomes_a_document_link() -> None:
    page = Page(
        id="exemple",
        lang="fr",
        title="Exemple",
        body="Texte.\n\nLire [la brochure](doc:brochure-fr).\n",
        path=PATH,
        body_line=BODY_LINE,
    )
    rendered = render_markdown(page, EXISTING.__contains__, {"brochure-fr"}.__contains__)

    hrefs = [value for name, value in elements(rendered.html).attributes if name == "href"]
    assert hrefs == [document_url("brochure-fr")]
    assert document_id_from_url(hrefs[0]) == "brochure-fr"
    assert rendered.linked_documents == ("brochure-fr",)
    assert rendered.problems == ()


def test_unknown_document_is_an_error_at_its_line() -> None:
    rendered = render("Texte.\n\nLire [la brochure](doc:etude-perdue).\n")

    assert "href" not in rendered.html
    assert "<span>la brochure</span>" in rendered.html
    problem = the_problem(
        rendered.problems, PATH, Severity.ERROR, "unknown document 'etude-perdue'"
    )
    assert problem.line == file_line(3)
    assert "documents.toml" in problem.message


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "file:///etc/passwd",
        "mailto:contact@orientinvest.ma",
        "data:text/html;base64,PHNjcmlwdD4=",
        "//evil.example/pole-medest.md",
    ],
)
def test_other_links_never_become_links(url: str) -> None:
    rendered = render(f"Texte.\n\n[cliquez]({url})\n")

    assert "href" not in rendered.html
    assert "<span>cliquez</span>" in rendered.html
    assert rendered.linked_sections == ()
    problem = the_problem(rendered.problems, PATH, Severity.ERROR, f"'{url}'")
    assert problem.line == file_line(3)


def test_javascript_link_is_an_unsafe_link_error() -> None:
    rendered = render("[cliquez](javascript:alert(1))\n")

    problem = the_problem(rendered.problems, PATH, Severity.ERROR, "unsafe link")
    assert "'javascript:alert(1)'" in problem.message
    assert "only links to other pages (page-id.md), documents" in problem.message


def test_file_link_is_an_unsafe_link_error() -> None:
    rendered = render("[le fichier](file:///etc/passwd)\n")

    problem = the_problem(rendered.problems, PATH, Severity.ERROR, "unsafe link")
    assert "'file:///etc/passwd'" in problem.message
    assert "only links to other pages (page-id.md), documents" in problem.message


def test_email_link_says_email_links_are_not_allowed() -> None:
    rendered = render("Texte.\n\n[écrivez-nous](mailto:contact@orientinvest.ma)\n")

    problem = the_problem(rendered.problems, PATH, Severity.ERROR, "email link")
    assert "'mailto:contact@orientinvest.ma'" in problem.message
    assert "email links are not allowed on the kiosk" in problem.message
    assert problem.line == file_line(3)


def test_reference_style_link_follows_the_same_rules() -> None:
    rendered = render("[cliquez][danger]\n\n[danger]: javascript:alert(1)\n")

    assert "href" not in rendered.html
    problem = the_problem(rendered.problems, PATH, Severity.ERROR, "unsafe link")
    assert problem.line == file_line(3)


def test_automatic_email_link_is_reported_readably() -> None:
    rendered = render("Écrivez à <contact@orientinvest.ma>.\n")

    assert "href" not in rendered.html
    assert [problem.severity for problem in rendered.problems] == [Severity.ERROR], describe(
        rendered.problems
    )
    message = rendered.problems[0].message
    assert "contact@orientinvest.ma" in message
    assert "amp#" not in message


# --------------------------------------------------------------------------- images, tables


def png_bytes(width: int, height: int) -> bytes:
    """A minimal valid PNG header of the given size (enough for the size check)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + header
    return (
        b"\x89PNG\r\n\x1a\n"
        + struct.pack(">I", len(header))
        + chunk
        + struct.pack(">I", zlib.crc32(chunk))
    )


def jpeg_bytes(width: int, height: int) -> bytes:
    """A JPEG start: SOI, an APP0 segment, then a baseline frame header (SOF0)."""
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\x00" + bytes(9)
    sof = b"\xff\xc0" + struct.pack(">HBHHB", 11, 8, height, width, 1) + bytes(3)
    return b"\xff\xd8" + app0 + sof


def render_in(content: Path, body: str) -> RenderedPage:
    """Render a page living in ``content/fr/exemple.md`` (images resolve from there)."""
    path = content / "fr" / "exemple.md"
    page = Page(id="exemple", lang="fr", title="Exemple", body=body, path=path, body_line=BODY_LINE)
    return render_markdown(page, lambda page_id: page_id in EXISTING)


@pytest.fixture
def images(tmp_path: Path) -> Path:
    (tmp_path / "fr").mkdir()
    (tmp_path / "images").mkdir()
    return tmp_path


def test_image_is_shown_from_the_content_folder(images: Path) -> None:
    (images / "images" / "carte.png").write_bytes(png_bytes(800, 600))

    rendered = render_in(images, "Texte.\n\n![Carte de la région](../images/carte.png)\n")

    assert rendered.problems == ()
    assert "img" in tags(rendered.html)
    assert (images / "images" / "carte.png").resolve().as_uri() in rendered.html
    assert 'alt="Carte de la région"' in rendered.html
    assert rendered.images == ((images / "images" / "carte.png").resolve(),)


def test_wide_image_is_drawn_scaled_down(images: Path) -> None:
    (images / "images" / "large.jpg").write_bytes(jpeg_bytes(3200, 1600))

    rendered = render_in(images, "![Vue](../images/large.jpg)\n")

    assert rendered.problems == ()
    assert 'width="1600"' in rendered.html
    assert 'height="800"' in rendered.html


def test_missing_image(images: Path) -> None:
    rendered = render_in(images, "Texte.\n\n![Le logo du CRI](../images/logo.png)\n")

    assert "img" not in tags(rendered.html)
    assert "Le logo du CRI" in rendered.html
    path = images / "fr" / "exemple.md"
    problem = the_problem(rendered.problems, path, Severity.ERROR, "image '../images/logo.png'")
    assert problem.line == file_line(3)
    assert "not found" in problem.message and "check the file name" in problem.message


def test_image_too_many_pixels(images: Path) -> None:
    (images / "images" / "huge.png").write_bytes(png_bytes(6000, 4000))

    rendered = render_in(images, "![Plan](../images/huge.png)\n")

    path = images / "fr" / "exemple.md"
    problem = the_problem(rendered.problems, path, Severity.ERROR, "too large for the kiosk")
    assert "6000x4000 pixels, at most 4096" in problem.message
    assert "img" not in tags(rendered.html)


def test_image_file_too_big(images: Path) -> None:
    (images / "images" / "lourd.png").write_bytes(png_bytes(100, 100) + bytes(2_100_000))

    rendered = render_in(images, "![Plan](../images/lourd.png)\n")

    path = images / "fr" / "exemple.md"
    problem = the_problem(rendered.problems, path, Severity.ERROR, "too large for the kiosk")
    assert "at most 2000 kB" in problem.message


def test_svg_size_from_its_view_box(images: Path) -> None:
    (images / "images" / "logo.svg").write_text(
        '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
        'viewBox="0 0 9000 100"></svg>\n',
        encoding="utf-8",
    )

    rendered = render_in(images, "![Logo](../images/logo.svg)\n")

    path = images / "fr" / "exemple.md"
    problem = the_problem(rendered.problems, path, Severity.ERROR, "too large for the kiosk")
    assert "9000x100 pixels" in problem.message


def test_image_that_is_not_a_picture(images: Path) -> None:
    (images / "images" / "notes.png").write_text("pas une image", encoding="utf-8")

    rendered = render_in(images, "![Notes](../images/notes.png)\n")

    path = images / "fr" / "exemple.md"
    problem = the_problem(rendered.problems, path, Severity.ERROR, "not a PNG, JPEG or SVG")
    assert "image '../images/notes.png'" in problem.message


@pytest.mark.parametrize(
    ("src", "fragment"),
    [
        ("https://example.org/logo.png", "never loads pictures from the web"),
        ("../../secret.png", "outside the content folder"),
        ("/etc/logo.png", "relative to the page"),
    ],
)
def test_image_outside_the_content(images: Path, src: str, fragment: str) -> None:
    rendered = render_in(images, f"![Logo]({src})\n")

    path = images / "fr" / "exemple.md"
    the_problem(rendered.problems, path, Severity.ERROR, fragment)
    assert "img" not in tags(rendered.html)


def test_image_without_description(images: Path) -> None:
    (images / "images" / "carte.png").write_bytes(png_bytes(10, 10))

    rendered = render_in(images, "![](../images/carte.png)\n")

    path = images / "fr" / "exemple.md"
    the_problem(rendered.problems, path, Severity.WARNING, "has no description")
    assert "img" in tags(rendered.html)


def test_tables_render() -> None:
    rendered = render(
        "| Espace | Ville |\n|---|---|\n| Technopole | Oujda |\n| Agropole | Berkane |\n"
    )

    assert {"table", "thead", "tbody", "tr", "th", "td"} <= tags(rendered.html)
    assert "<th>Espace</th>" in rendered.html
    assert "<td>Berkane</td>" in rendered.html
    assert rendered.problems == ()


def test_ordinary_markdown_renders() -> None:
    rendered = render("## Titre\n\n- **un**\n- *deux*\n\n1. premier\n2. second\n")

    assert {"h2", "ul", "ol", "li", "strong", "em"} <= tags(rendered.html)
    assert rendered.problems == ()


def test_line_numbers_after_a_pasted_line_separator() -> None:
    # U+2028 (LINE SEPARATOR, pasted from a web page) is not a new line for the
    # author's editor: the broken link below is on line 7 of the file.
    text = '+++\nid = "exemple"\ntitle = "Exemple"\n+++\nTexte\u2028collé.\n\n[x](perdue.md)\n'
    parsed = parse_page(text, PATH, "fr")
    assert parsed.page is not None

    rendered = render_markdown(parsed.page, lambda page_id: page_id in EXISTING)

    problem = the_problem(rendered.problems, PATH, Severity.ERROR, "broken link")
    assert problem.line == 7


# --------------------------------------------------------------------------- section urls


def test_section_urls_round_trip() -> None:
    assert section_url("pole-medest") == "kiosk:section/pole-medest"
    assert section_id_from_url(section_url("pole-medest")) == "pole-medest"
    assert section_id_from_url("https://example.com") is None
    assert section_id_from_url("kiosk:other/x") is None


def test_every_shipped_page_renders_cleanly() -> None:
    library = load_content(SHIPPED_CONTENT).library

    for lang in library.site.language_codes:
        for page in library.pages_in(lang).values():
            rendered = render_markdown(
                page, library.has_page, library.documents.has, library.documents.is_awaited
            )
            assert rendered.problems == (), describe(rendered.problems)
            assert_no_href_but_sections(rendered.html, allow_documents=True)
            assert all(library.documents.has(doc) for doc in rendered.linked_documents)
            assert all(library.has_page(section) for section in rendered.linked_sections)


def test_pathologically_nested_markdown_is_shown_as_text_with_an_error() -> None:
    from kiosk.content.markdown_render import render_markdown
    from kiosk.content.model import Page

    body = "<b>x</b> first\n\n" + "".join("    " * depth + "- deep\n" for depth in range(300))
    page = Page(id="x", lang="fr", title="X", body=body, path=Path("fr/x.md"), body_line=7)
    rendered = render_markdown(page, lambda _id: False)
    errors = [p for p in rendered.problems if p.is_error]
    # The first line nine levels deep (eight of indentation, one list marker).
    assert len(errors) == 1 and errors[0].line == 7 + 2 + 8
    assert "shown without formatting" in errors[0].message
    assert "nested more than 8 levels" in errors[0].message
    assert "deep" in rendered.html and "&lt;b&gt;x&lt;/b&gt;" in rendered.html
    assert "<b>" not in rendered.html


def test_markdown_that_fails_to_render_is_shown_as_text_with_an_error(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Whatever Python-Markdown trips over past the limits, the page is still shown."""
    import kiosk.content.markdown_render as markdown_render
    from kiosk.content.model import Page

    monkeypatch.setattr(markdown_render, "find_excess", lambda _body: None)
    body = "<b>x</b> first\n\n" + "".join("    " * depth + "- deep\n" for depth in range(300))
    page = Page(id="x", lang="fr", title="X", body=body, path=Path("fr/x.md"), body_line=7)
    rendered = markdown_render.render_markdown(page, lambda _id: False)
    errors = [p for p in rendered.problems if p.is_error]
    assert len(errors) == 1 and errors[0].line == 7
    assert "could not be laid out" in errors[0].message
    assert "deep" in rendered.html and "&lt;b&gt;x&lt;/b&gt;" in rendered.html
    assert "<b>" not in rendered.html
