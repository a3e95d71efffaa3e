"""Markdown that Python-Markdown takes minutes over is found first, named by file and line,
and shown as plain text at once."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.content import load_content, render_markdown, validate_library
from kiosk.content.markdown_limits import (
    MAX_BLOCKS,
    MAX_LINES,
    MAX_MARKS,
    MAX_NESTING,
    MAX_OPEN_BRACKETS,
    find_excess,
)
from kiosk.content.model import Page
from kiosk.content.problems import Severity

from .conftest import SHIPPED_CONTENT

# A guard against minutes-long freezes, not a speed target: CPU seconds of this process,
# so that other work on a busy machine does not count.
BOUND_SECONDS = 2.0
PAGE = "agropole-berkane.md"
INTRO = "Un paragraphe normal.\n\n- une liste ;\n- courte.\n\n"
INTRO_BLOCKS = 3
INTRO_LINES = INTRO.count("\n")


@dataclass(frozen=True)
class Construct:
    """A pathological body, the line (from its first line) the error names, and a word
    the message must contain."""

    body: str
    line: int
    says: str


def _nested_lists(depth: int, indent: str) -> str:
    return "".join(indent * level + "- item\n" for level in range(depth))


CONSTRUCTS = {
    # The open bug: ~20 000 '[' made Markdown take about 70 s.
    "nested brackets": Construct("[" * 20_000 + "x" + "]" * 20_000, 0, "'[' open at once"),
    # One paragraph: the 17th line opens the 17th '['.
    "unclosed brackets": Construct(
        ("[lien " + "mot " * 30 + "\n") * 40, MAX_OPEN_BRACKETS, "'[' open at once"
    ),
    "nested links": Construct("[" * 5_000 + "x" + "](pole-medest.md)" * 5_000, 0, "'['"),
    "nested images": Construct("![" * 20_000 + "x" + "](a.png)" * 20_000, 0, "'['"),
    "nested quotes": Construct(">" * 200_000 + " x", 0, "nested more than"),
    "spaced nested quotes": Construct("> " * 100_000 + "x", 0, "nested more than"),
    "lists nested by spaces": Construct(_nested_lists(300, "    "), MAX_NESTING, "nested"),
    "lists nested by tabs": Construct(_nested_lists(900, "\t"), MAX_NESTING, "nested"),
    "chained list markers": Construct("- " * 100_000 + "x", 0, "nested more than"),
    "chained numbered items": Construct("1. " * 80_000 + "x", 0, "nested more than"),
    "quotes in lists": Construct(_nested_lists(1, "") + "> - " * 50_000, 1, "nested"),
    "run of stars": Construct("*" * 200_000 + "x" + "*" * 200_000, 0, "run of"),
    "run of underscores": Construct("_" * 200_000 + "x" + "_" * 200_000, 0, "run of"),
    "nested emphasis": Construct("*_" * 100_000 + "x" + "_*" * 100_000, 0, "run of"),
    "emphasis in one paragraph": Construct("*a* " * 100_000, 0, "paragraph of"),
    "code spans in one paragraph": Construct("`a` " * 100_000, 0, "paragraph of"),
    "escapes in one paragraph": Construct("\\* " * 150_000, 0, "paragraph of"),
    "links in one paragraph": Construct("[a](pole-medest.md) " * 20_000, 0, "paragraph of"),
    "inline HTML": Construct("<span>a " * 50_000, 0, "paragraph of"),
    # The introduction's three lines count too; a table row counts each of its cells.
    "line breaks": Construct("a  \n" * 100_000, MAX_BLOCKS - INTRO_BLOCKS, "lines of text"),
    "tiny paragraphs": Construct("x\n\n" * 150_000, 2 * (MAX_BLOCKS - INTRO_BLOCKS), "lines"),
    # Python-Markdown pops each block off the front of a list: quadratic in blank lines.
    "blank lines": Construct("x" + "\n" * 400_000, MAX_LINES - INTRO_LINES, "blank lines"),
    "long table": Construct(
        "|a|b|\n|-|-|\n" + "|x|y|\n" * 80_000, 2 + (MAX_BLOCKS - INTRO_BLOCKS - 4) // 2, "table"
    ),
    # Two marks per *a*, 180 per paragraph.
    "emphasis everywhere": Construct(
        ("*a* " * 90 + "\n\n") * 80, 2 * (MAX_MARKS // 180), "formatting marks"
    ),
}


def _page(body: str, body_line: int = 10) -> Page:
    return Page(id="x", lang="fr", title="X", body=body, path=Path("fr/x.md"), body_line=body_line)


@pytest.mark.parametrize("name", CONSTRUCTS)
def test_each_construct_is_refused_fast_with_its_line(name: str) -> None:
    construct = CONSTRUCTS[name]
    body = INTRO + construct.body
    assert len(body.encode("utf-8")) < 512_000, "keep under the page size limit"
    started = time.process_time()
    rendered = render_markdown(_page(body), lambda _id: True, lambda _id: True)
    elapsed = time.process_time() - started
    assert elapsed < BOUND_SECONDS, f"{name}: {elapsed:.1f} s"
    errors = [p for p in rendered.problems if p.is_error]
    assert len(errors) == 1, errors
    error = errors[0]
    assert error.path == Path("fr/x.md")
    assert error.line == 10 + INTRO.count("\n") + construct.line, error
    assert "shown without formatting" in error.message
    assert construct.says in error.message, error.message
    # Plain text, escaped: nothing the page wrote becomes markup or a link.
    assert "<a " not in rendered.html and "<span>" not in rendered.html
    assert rendered.html.startswith("<p>Un paragraphe normal.</p>")


@pytest.mark.parametrize(
    "body",
    [
        # Just inside each limit: rendered with formatting.
        "".join("    " * level + "- item\n" for level in range(MAX_NESTING)),
        "> " * (MAX_NESTING - 1) + "citation",
        "[" * 16 + "x" + "]" * 16,
        "Nom : " + "_" * 100,
        "***texte en gras et italique***",
        "\n".join(f"- [Page {n}](pole-medest.md) **gras** *italique*" for n in range(1000)),
    ],
)
def test_real_pages_near_the_limits_keep_their_formatting(body: str) -> None:
    assert find_excess(body) is None
    rendered = render_markdown(_page(body), lambda _id: True)
    assert not [p for p in rendered.problems if p.is_error]


def test_no_shipped_page_comes_near_a_limit() -> None:
    for path in sorted(SHIPPED_CONTENT.glob("*/*.md")):
        body = path.read_text(encoding="utf-8")
        assert find_excess(body) is None, path
        # Ten copies of a page are still far inside the limits.
        assert find_excess("\n\n".join([body] * 10)) is None, path


def test_the_largest_page_within_the_limits_renders_in_bounded_time() -> None:
    """Quotes and lists eight levels deep on every one of the 5 000 lines: the slowest
    construct the limits let through."""
    body = ("> - " * 4 + "mot " * 20 + "\n") * (MAX_BLOCKS - 1)
    assert find_excess(body) is None
    started = time.process_time()
    render_markdown(_page(body), lambda _id: True)
    assert time.process_time() - started < BOUND_SECONDS


def _break_page(content: Path, construct: str) -> tuple[Path, int]:
    """Append a pathological construct to a shipped page; its file line."""
    path = content / "fr" / PAGE
    text = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path.write_text(text + CONSTRUCTS[construct].body, encoding="utf-8")
    return path, text.count("\n") + 1 + CONSTRUCTS[construct].line


def test_validation_names_the_file_and_line(
    content_copy: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path, line = _break_page(content_copy, "nested brackets")
    library = load_content(content_copy).library
    started = time.process_time()
    problems = validate_library(library)
    assert time.process_time() - started < BOUND_SECONDS
    errors = [p for p in problems if p.severity is Severity.ERROR]
    assert [(p.path, p.line) for p in errors] == [(path, line)]
    # The page is still there, shown as text, and the running kiosk logs why.
    view = library.view("agropole-berkane", "fr")
    assert view is not None
    with caplog.at_level(logging.ERROR, logger="kiosk.content"):
        assert "[[[[" in library.html(view.page)
    assert [r.getMessage() for r in caplog.records] == [str(errors[0])]


def test_check_reports_it_like_every_other_error(
    content_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, line = _break_page(content_copy, "lists nested by tabs")
    assert main(["check", "--content", str(content_copy)]) == 1
    out = capsys.readouterr().out
    assert f"{path}:{line}: error: the text is shown without formatting: quotes and lists" in out


@pytest.mark.parametrize("name", ["run of stars", "tiny paragraphs"])
def test_only_the_beginning_of_a_refused_page_is_shown(name: str) -> None:
    """Laying out 400 kB of plain text would freeze the screen in its turn."""
    from kiosk.content.markdown_render import MAX_PLAIN_CHARS, MAX_PLAIN_PARAGRAPHS

    rendered = render_markdown(_page(CONSTRUCTS[name].body), lambda _id: True)
    assert len(rendered.html) < 2 * MAX_PLAIN_CHARS
    assert rendered.html.count("<p>") <= MAX_PLAIN_PARAGRAPHS
    assert rendered.html.endswith(" …</p>")


@pytest.mark.parametrize(
    "body",
    [
        # Runs of spaces where a pattern might backtrack over them again and again.
        "|x\n" + " " * 200_000 + "|" + " " * 200_000 + "x",
        ("<" + " " * 9_000 + "\n\n") * 50,
        ("< " + " " * 4_000 + "/" + " " * 4_000 + "\n\n") * 60,
        ("<a " * 90 + "\n\n" + "mot " * 2_000 + "\n\n") * 50,
        ("x" + " " * 9_000 + "y\n\n") * 50,
        ("&" + "a" * 9_000 + " \n\n") * 50,
        # Thousands of broken links, each reported with its line.
        ("[a](nulle-part.md) " + "mot " * 20 + "\n\n") * 2_400,
    ],
    ids=["table rule", "tag spaces", "tag slash", "unclosed tags", "breaks", "entity", "links"],
)
def test_any_text_under_the_size_limit_is_handled_in_bounded_time(body: str) -> None:
    assert len(body.encode("utf-8")) < 512_000
    started = time.process_time()
    render_markdown(_page(body), lambda _id: False)
    assert time.process_time() - started < BOUND_SECONDS
