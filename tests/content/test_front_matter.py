"""Front matter: the TOML header between '+++' lines, every mistake with its file line."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.content import Severity
from kiosk.content.front_matter import ParsedPage, parse_page
from kiosk.content.model import DEFAULT_ICON

from .conftest import describe, page_text

PATH = Path("fr/exemple.md")


def parse(text: str) -> ParsedPage:
    return parse_page(text, PATH, "fr")


def only_error(parsed: ParsedPage) -> tuple[int, str]:
    """(line, message) of the single problem, which must be an error."""
    assert len(parsed.problems) == 1, describe(parsed.problems)
    problem = parsed.problems[0]
    assert problem.path == PATH
    assert problem.severity is Severity.ERROR
    return problem.line, problem.message


# --------------------------------------------------------------------------- good pages


def test_good_page_is_parsed_with_every_field() -> None:
    text = (
        "+++\n"  # 1
        'id = "technopole-oujda"\n'  # 2
        'title = "  Technopole d\'Oujda  "\n'  # 3
        'summary = "Un des trois espaces."\n'  # 4
        'icon = "mdi6.factory"\n'  # 5
        "order = 2\n"  # 6
        'parent = "pole-medest"\n'  # 7
        "+++\n"  # 8
        "\n"  # 9
        "Le **texte** de la page.\n"  # 10
    )
    parsed = parse(text)

    assert parsed.problems == ()
    page = parsed.page
    assert page is not None
    assert page.id == "technopole-oujda"
    assert page.lang == "fr"
    assert page.title == "Technopole d'Oujda"
    assert page.summary == "Un des trois espaces."
    assert page.icon == "mdi6.factory"
    assert page.order == 2
    assert page.parent == "pole-medest"
    assert page.path == PATH
    # The body starts right after the closing '+++' (line 8), on line 9.
    assert page.body_line == 9
    assert page.body.split("\n")[0] == ""
    assert page.body.split("\n")[1] == "Le **texte** de la page."


def test_optional_fields_take_their_defaults() -> None:
    parsed = parse(page_text({"id": "simple", "title": "Simple"}, body="Texte.\n"))

    assert parsed.problems == ()
    page = parsed.page
    assert page is not None
    assert (page.summary, page.icon, page.order, page.parent) == ("", DEFAULT_ICON, 0, None)
    assert page.body_line == 5
    assert page.body.startswith("Texte.")


def test_windows_line_endings_are_accepted() -> None:
    text = '+++\r\nid = "crlf"\r\ntitle = "CRLF"\r\n+++\r\nBody\r\n'
    parsed = parse(text)

    assert parsed.problems == ()
    assert parsed.page is not None
    assert parsed.page.body_line == 5


def test_line_separator_inside_a_title_does_not_break_the_front_matter() -> None:
    # U+2028 (LINE SEPARATOR) often comes with text pasted from a web page or a word
    # processor. TOML allows it inside a string, and editors do not count it as a new
    # line, so the page is valid and must load.
    parsed = parse(page_text('id = "collage"\ntitle = "Texte\u2028collé"'))

    assert parsed.problems == (), describe(parsed.problems)
    assert parsed.page is not None
    assert parsed.page.title == "Texte\u2028collé"


# --------------------------------------------------------------------------- fences


def test_missing_opening_fence() -> None:
    parsed = parse('id = "x"\ntitle = "X"\n+++\nBody\n')

    line, message = only_error(parsed)
    assert parsed.page is None
    assert line == 1
    assert "must start with a line '+++'" in message


def test_front_matter_never_closed() -> None:
    parsed = parse('+++\nid = "x"\ntitle = "X"\n\nBody without a closing fence.\n')

    line, message = only_error(parsed)
    assert parsed.page is None
    assert line == 1
    assert "never closed" in message
    assert "add a '+++' line" in message


@pytest.mark.parametrize("text", ["", "   ", "\n\n", " \t\n  \n"], ids=repr)
def test_empty_or_blank_file(text: str) -> None:
    parsed = parse(text)

    line, message = only_error(parsed)
    assert parsed.page is None
    assert line == 1
    assert "the file is empty" in message
    assert "'+++'" in message


# --------------------------------------------------------------------------- invalid TOML


def test_invalid_toml_reports_the_line_in_the_whole_file() -> None:
    text = (
        "+++\n"  # 1
        'id = "x"\n'  # 2
        'title = "X"\n'  # 3
        "summary = texte sans guillemets\n"  # 4
        "order = 1\n"  # 5
        "+++\n"
        "Body\n"
    )
    parsed = parse(text)

    line, message = only_error(parsed)
    assert parsed.page is None
    assert line == 4
    assert "not valid TOML" in message


@pytest.mark.parametrize(
    "last_line",
    ["order =", 'summary = "guillemet jamais fermé'],
    ids=["missing value", "unterminated string"],
)
def test_invalid_toml_on_the_last_front_matter_line(last_line: str) -> None:
    # The mistake is on line 4, the last line before the closing '+++'.
    text = f'+++\nid = "x"\ntitle = "X"\n{last_line}\n+++\nBody\n'
    parsed = parse(text)

    line, message = only_error(parsed)
    assert "not valid TOML" in message
    assert line == 4


@pytest.mark.parametrize(
    ("last_line", "hint"),
    [
        ("summary = texte sans guillemets", "text values need double quotes"),
        ('summary = "jamais fermé', "close the text with a double quote on the same line"),
        ('title = "Encore"', "each key may be written only once"),
    ],
    ids=["no quotes", "unterminated string", "key twice"],
)
def test_invalid_toml_comes_with_a_plain_hint(last_line: str, hint: str) -> None:
    parsed = parse(f'+++\nid = "x"\ntitle = "X"\n{last_line}\n+++\nBody\n')

    _line, message = only_error(parsed)
    assert message.startswith("front matter is not valid TOML: ")
    assert hint in message


# --------------------------------------------------------------------------- keys and types


def test_unknown_key() -> None:
    parsed = parse(page_text('id = "x"\ntitle = "X"\ncolour = "rouge"'))

    line, message = only_error(parsed)
    assert line == 4
    assert "unknown front matter key 'colour'" in message
    assert "allowed keys are id, title, summary, icon, order, parent, downloads, graphic" in message
    # An unknown key is reported, but the page itself is still usable.
    assert parsed.page is not None


def test_unknown_key_after_a_blank_line() -> None:
    text = page_text('id = "x"\ntitle = "X"\n\ncolour = "rouge"')  # colour on line 5

    line, message = only_error(parse(text))
    assert "unknown front matter key 'colour'" in message
    assert line == 5


def test_unknown_table_is_reported_at_its_header() -> None:
    text = page_text('id = "x"\ntitle = "X"\n[seo]\nkeywords = "usine"')  # [seo] on line 4

    line, message = only_error(parse(text))
    assert "unknown front matter key 'seo'" in message
    assert line == 4


def test_wrong_type_for_order() -> None:
    parsed = parse(page_text('id = "x"\ntitle = "X"\norder = "two"'))

    line, message = only_error(parsed)
    assert line == 4
    assert "'order' must be whole number" in message
    assert "not text" in message


def test_wrong_type_for_a_required_key_refuses_the_page() -> None:
    parsed = parse(page_text('id = "x"\ntitle = 42'))

    line, message = only_error(parsed)
    assert parsed.page is None
    assert line == 3
    assert "'title' must be text" in message
    assert "not whole number" in message


@pytest.mark.parametrize("key", ["id", "title"])
def test_missing_required_key(key: str) -> None:
    fields = {"id": "x", "title": "X", "summary": "Résumé"}
    del fields[key]
    parsed = parse(page_text(fields))

    line, message = only_error(parsed)
    assert parsed.page is None
    assert line == 1
    assert f"front matter has no '{key}'" in message
    assert f"add {key} = " in message


@pytest.mark.parametrize(
    "bad_id", ["Pole-MedEst", "pole_medest", "pole medest", "-pole", "pole-", "pôle", "a--b"]
)
def test_bad_id_pattern(bad_id: str) -> None:
    parsed = parse(page_text({"title": "X", "id": bad_id}))  # id on line 3

    line, message = only_error(parsed)
    assert parsed.page is None
    assert line == 3
    assert f"id '{bad_id}' must be lower-case letters, digits and '-'" in message
    assert "for example 'pole-medest'" in message


@pytest.mark.parametrize("title", ["", "   "], ids=["empty", "spaces"])
def test_empty_title(title: str) -> None:
    parsed = parse(page_text({"id": "x", "title": title}))

    line, message = only_error(parsed)
    assert parsed.page is None
    assert line == 3
    assert "the title is empty: write a title" in message


def test_empty_title_after_a_blank_line() -> None:
    parsed = parse(page_text('id = "x"\n\ntitle = ""'))  # title on line 4

    line, message = only_error(parsed)
    assert "the title is empty" in message
    assert line == 4


def test_every_mistake_of_a_page_is_reported_at_once() -> None:
    text = page_text(
        'id = "Mauvais_Id"\n'  # 2
        "title = 3\n"  # 3
        "order = 1.5\n"  # 4
        'couleur = "bleu"'  # 5
    )
    parsed = parse(text)

    assert parsed.page is None
    found = sorted((problem.line, problem.message.split(":")[0]) for problem in parsed.problems)
    assert found == [
        (
            2,
            "id 'Mauvais_Id' must be lower-case letters, digits and '-' "
            "(for example 'pole-medest')",
        ),
        (3, "'title' must be text"),
        (4, "'order' must be whole number"),
        (5, "unknown front matter key 'couleur'"),
    ], describe(parsed.problems)


# --------------------------------------------------------------------------- graphic


@pytest.mark.parametrize("graphic", ["key-figures", "zones-map", "plan-diagram"])
def test_known_graphic_is_kept(graphic: str) -> None:
    parsed = parse(page_text(f'id = "x"\ntitle = "X"\ngraphic = "{graphic}"'))

    assert parsed.problems == ()
    assert parsed.page is not None
    assert parsed.page.graphic == graphic


def test_page_without_graphic_has_none() -> None:
    parsed = parse(page_text('id = "x"\ntitle = "X"'))

    assert parsed.page is not None
    assert parsed.page.graphic is None


def test_unknown_graphic_is_reported_at_its_line_and_dropped() -> None:
    parsed = parse(page_text('id = "x"\ntitle = "X"\n\ngraphic = "pie-chart"'))  # line 5

    line, message = only_error(parsed)
    assert line == 5
    assert "unknown graphic 'pie-chart'" in message
    assert "key-figures, zones-map, plan-diagram" in message
    # The page is still shown, without a picture.
    assert parsed.page is not None
    assert parsed.page.graphic is None


def test_graphic_must_be_text() -> None:
    parsed = parse(page_text('id = "x"\ntitle = "X"\ngraphic = 3'))

    line, message = only_error(parsed)
    assert line == 4
    assert "'graphic' must be text" in message


# --------------------------------------------------------------------------- fast reading

# Header lines the fast path reads itself, or hands to tomllib: each must give what tomllib
# gives (or the same error), whichever path takes it.
HEADER_LINES = [
    'title = "Pôle MedEst"',
    '  title\t=\t"tab\tinside"  ',
    'title = ""',
    "title = 'literal'",
    'title = "esc\\"aped"',
    'title = "a\\u00e9b"',
    'title = "bad\\q"',
    'title = "unclosed',
    'title = "bell\x07"',
    'title = "del\x7f"',
    "title = Pôle",
    'title = "x" # comment',
    "# a comment",
    "",
    "   ",
    "order = 0",
    "order = -3",
    "order = +12",
    "order = 1_000",
    "order = 007",
    "order = 1__0",
    "order = 3.5",
    "order = 0x1f",
    "downloads = true",
    "downloads = false",
    "downloads = True",
    '"id" = "quoted-key"',
    'a.b = "dotted"',
    "order = 2026-11-26",
    "order =",
]


@pytest.mark.parametrize("line", HEADER_LINES)
def test_fast_header_reading_agrees_with_tomllib(line: str) -> None:
    import tomllib

    from kiosk.content.front_matter import _simple_header

    lines = ['id = "exemple"', line]
    fast = _simple_header(lines)
    try:
        expected: object = tomllib.loads("\n".join(lines))
    except tomllib.TOMLDecodeError:
        expected = "error"
    # The fast path either declines (tomllib decides) or finds exactly tomllib's values.
    assert fast is None or fast == expected
    if expected == "error":
        assert fast is None


def test_fast_header_reading_leaves_duplicate_keys_to_tomllib() -> None:
    line, message = only_error(parse(page_text('id = "exemple"\ntitle = "A"\ntitle = "B"')))
    assert line == 4
    assert "each key may be written only once" in message


def test_fast_header_reading_takes_every_shipped_header() -> None:
    """The shipped pages' headers are all plain: none needs tomllib at start-up."""
    import tomllib

    from kiosk.content.front_matter import _simple_header

    from .conftest import SHIPPED_CONTENT

    for path in sorted(SHIPPED_CONTENT.glob("*/*.md")):
        lines = path.read_text(encoding="utf-8").split("\n")
        header = lines[1 : lines.index("+++", 1)]
        assert _simple_header(header) == tomllib.loads("\n".join(header)), path
