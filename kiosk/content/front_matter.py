"""Splitting a Markdown page into its TOML front matter (between ``+++`` lines) and body."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.content.infographics import TABLES, read_figures, read_places
from kiosk.content.model import DEFAULT_ICON, Page
from kiosk.content.problems import Problem, Severity
from kiosk.content.toml_source import TomlSyntaxError, key_line, parse_toml, type_name

FENCE = "+++"
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Pictures a page may show above (or beside) its text; drawn by kiosk/ui/screens/graphics/.
GRAPHICS = ("key-figures", "zones-map", "plan-diagram")

# key -> (accepted Python type, required, description for messages)
FIELDS: dict[str, tuple[type, bool, str]] = {
    "id": (str, True, "text: the page's identifier, lower-case words joined by '-'"),
    "title": (str, True, "text: the page title"),
    "summary": (str, False, "text: one line shown on the home tile"),
    "icon": (str, False, "text: a qtawesome icon name such as 'mdi6.factory'"),
    "order": (int, False, "whole number: position among its sibling pages"),
    "parent": (str, False, "text: the id of the parent page"),
    "downloads": (bool, False, "true or false: list every document under the text"),
    "graphic": (str, False, "text: a picture shown with the text: " + ", ".join(GRAPHICS)),
}


@dataclass(frozen=True)
class ParsedPage:
    """A page read from a file, or None with the problems explaining why it was refused."""

    page: Page | None
    problems: tuple[Problem, ...]


def parse_page(text: str, path: Path, lang: str) -> ParsedPage:
    """Parse one page's text. Never raises: every mistake becomes a Problem with its line."""
    problems: list[Problem] = []

    def report(line: int, message: str, severity: Severity = Severity.ERROR) -> None:
        problems.append(Problem(path, line, severity, message))

    if not text.strip():
        report(1, "the file is empty: write front matter between '+++' lines, then the text")
        return ParsedPage(None, tuple(problems))
    # Only real line breaks count: str.splitlines() would also split on U+2028 and
    # other separators that TOML allows inside strings and editors do not number.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines[0].strip() != FENCE:
        report(1, "the file must start with a line '+++' opening the front matter (id, title...)")
        return ParsedPage(None, tuple(problems))
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() == FENCE), None)
    if closing is None:
        report(1, "the front matter opened by '+++' on line 1 is never closed: add a '+++' line")
        return ParsedPage(None, tuple(problems))

    header = "\n".join(lines[1:closing])
    try:
        data = _simple_header(lines[1:closing])
        if data is None:
            data = parse_toml(header)
    except TomlSyntaxError as error:
        report(
            1 + error.line,
            f"front matter is not valid TOML: {error.reason} ({_toml_hint(error.reason)})",
        )
        return ParsedPage(None, tuple(problems))

    tables = {name: data.pop(name) for name in TABLES if name in data}
    values = _check_fields(data, header, report)
    if values is None:
        return ParsedPage(None, tuple(problems))
    # The header's first line is line 2 of the file.
    figures, bad_figures = read_figures(tables.get("figures", []), header, 2, report)
    places, bad_places = read_places(tables.get("places", []), header, 2, report)
    body_line = closing + 2
    body = "\n".join(lines[closing + 1 :])
    page = Page(
        id=values["id"],
        lang=lang,
        title=values["title"].strip(),
        summary=values.get("summary", "").strip(),
        icon=values.get("icon", DEFAULT_ICON).strip() or DEFAULT_ICON,
        order=values.get("order", 0),
        parent=values.get("parent") or None,
        downloads=values.get("downloads", False),
        graphic=values.get("graphic") or None,
        body=body,
        path=path,
        body_line=body_line,
        figures=figures,
        places=places,
        left_out=(*bad_figures, *bad_places),
    )
    return ParsedPage(page, tuple(problems))


# One `key = value` line whose value is a plain quoted text, a decimal whole number, a
# decimal number with a fraction or true/false: what nearly every page header holds.
# Such lines mean the same to tomllib.
_SIMPLE_LINE = re.compile(
    r'[ \t]*([A-Za-z0-9_-]+)[ \t]*=[ \t]*(?:"([^"\\\x00-\x08\x0a-\x1f\x7f]*)"'
    r"|(true|false)|([+-]?(?:0|[1-9](?:_?[0-9])*))|([+-]?(?:0|[1-9][0-9]*)\.[0-9]+))[ \t]*"
)
# The header of a table in an array of tables: [[figures]].
_ARRAY_TABLE = re.compile(r"[ \t]*\[\[[ \t]*([A-Za-z0-9_-]+)[ \t]*\]\][ \t]*")


def _simple_header(lines: list[str]) -> dict[str, Any] | None:
    """The header's values when every line is simple (or blank), else None.

    Reading a whole content tree at start-up, tomllib is most of the time spent; headers
    with anything else (comments, escapes, dates, mistakes) still go through it, so its
    answers and its error messages are unchanged.
    """
    data: dict[str, Any] = {}
    table = data
    for line in lines:
        match = _SIMPLE_LINE.fullmatch(line)
        if match is None:
            array = _ARRAY_TABLE.fullmatch(line)
            if array is not None:
                entries = data.setdefault(array.group(1), [])
                if not isinstance(entries, list) or (table is not data and not table):
                    return None
                table = {}
                entries.append(table)
                continue
            if line.strip(" \t"):
                return None
            continue
        key, text, flag, number, fraction = match.groups()
        if key in table:
            return None
        if text is not None:
            table[key] = text
        elif flag is not None:
            table[key] = flag == "true"
        elif number is not None:
            table[key] = int(number)
        else:
            table[key] = float(fraction)
    return data


def _toml_hint(reason: str) -> str:
    """A plain-words fix for a TOML mistake: tomllib's reasons speak of parsers, not pages."""
    if "twice" in reason or "overwrite" in reason or "Duplicate" in reason:
        return "each key may be written only once"
    if "Unterminated string" in reason or "Illegal character" in reason:
        return 'close the text with a double quote on the same line: title = "Mon titre"'
    # Most mistakes in a page header are text written without quotes.
    return 'text values need double quotes, numbers do not: title = "Mon titre", order = 2'


def _check_fields(data: dict[str, Any], header: str, report: Any) -> dict[str, Any] | None:
    """Validate front-matter keys and types; return the usable values or None."""
    values: dict[str, Any] = {}
    usable = True
    for key, value in data.items():
        # Lines are looked up only for a problem: most headers have none.
        if key not in FIELDS:
            allowed = ", ".join((*FIELDS, *TABLES))
            report(
                key_line(header, key, first_line=2),
                f"unknown front matter key '{key}': allowed keys are {allowed}",
            )
            continue
        kind, required, description = FIELDS[key]
        if type(value) is not kind:
            report(
                key_line(header, key, first_line=2),
                f"'{key}' must be {description}, not {type_name(value)}",
            )
            usable = usable and not required
            continue
        values[key] = value
    for key, (_kind, required, description) in FIELDS.items():
        if required and key not in data:
            report(1, f"front matter has no '{key}': add {key} = ... ({description})")
            usable = False
    if "id" in values and not ID_PATTERN.match(values["id"]):
        report(
            key_line(header, "id", first_line=2),
            f"id '{values['id']}' must be lower-case letters, digits and '-' "
            "(for example 'pole-medest')",
        )
        usable = False
    if "graphic" in values and values["graphic"] not in GRAPHICS:
        # A page with an unknown picture is still worth showing, without the picture.
        report(
            key_line(header, "graphic", first_line=2),
            f"unknown graphic '{values.pop('graphic')}': allowed are {', '.join(GRAPHICS)}",
        )
    if "title" in values and not values["title"].strip():
        report(key_line(header, "title", first_line=2), "the title is empty: write a title")
        usable = False
    return values if usable else None
