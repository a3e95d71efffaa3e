"""Reading the ``[[figures]]`` and ``[[places]]`` tables of a page's front matter.

The pictures draw these values (the key figures, the places on the MedEst map), so a
mistake is reported with its line and the entry is left out; the page is still shown.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from kiosk.content.model import KeyFigure, Place
from kiosk.content.toml_source import array_tables, key_line, type_name

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Longest prefix written before a number: a sign ("+") or a short symbol.
MAX_PREFIX_CHARS = 3

# key -> (accepted types, required, description for messages)
Spec = dict[str, tuple[tuple[type, ...], bool, str]]
FIGURE_FIELDS: Spec = {
    "id": ((str,), True, "text: the figure's identifier, the same in every language"),
    "value": ((int,), True, "whole number: the figure, digits only (500000)"),
    "unit": ((str,), True, "text: what is counted, written after the number"),
    "caption": ((str,), True, "text: one line saying what the figure means"),
    "prefix": ((str,), False, "text: written before the number, such as '+'"),
    "from_percent": ((int,), False, "whole number: the share before, in percent (0 to 100)"),
    "to_percent": ((int,), False, "whole number: the share aimed at, in percent (0 to 100)"),
    "goal": ((bool,), False, "true or false: one of the plan's goals"),
}
PLACE_FIELDS: Spec = {
    "page": ((str,), True, "text: the id of the page the place opens"),
    "name": ((str,), True, "text: the town's name shown on the map"),
    "latitude": ((float, int), True, "number: degrees north (WGS84), -90 to 90"),
    "longitude": ((float, int), True, "number: degrees east (WGS84, west negative), -180 to 180"),
}
TABLES = ("figures", "places")

Report = Callable[[int, str], None]


def read_figures(
    data: Any, header: str, first_line: int, report: Report
) -> tuple[tuple[KeyFigure, ...], tuple[str, ...]]:
    """The usable entries of ``figures`` (a list of tables), and the ids of those left out.

    Every entry left out is reported; its id (when it has one) is kept so that the
    translations are not also blamed for having it.
    """
    figures: list[KeyFigure] = []
    seen: set[str] = set()
    left_out: list[str] = []
    for raw, line, table in _entries(data, header, "figures", first_line, report):
        values = _typed(raw, FIGURE_FIELDS, table, line, "figure", report)
        if values is None or not _figure_ok(values, seen, _line_of(table, line), report):
            if isinstance(raw.get("id"), str):
                left_out.append(raw["id"])
            continue
        seen.add(values["id"])
        figures.append(
            KeyFigure(
                id=values["id"],
                value=values["value"],
                unit=values["unit"].strip(),
                caption=values["caption"].strip(),
                prefix=values.get("prefix", ""),
                from_percent=values.get("from_percent"),
                to_percent=values.get("to_percent"),
                goal=values.get("goal", False),
                line=line,
            )
        )
    return tuple(figures), tuple(left_out)


def _figure_ok(
    values: dict[str, Any], seen: set[str], at: Callable[[str], int], report: Report
) -> bool:
    """The figure's values make sense: a good unique id, no negative value, rising shares."""
    name = values["id"]
    if not ID_PATTERN.match(name):
        report(
            at("id"),
            f"figure id '{name}' must be lower-case letters, digits and '-' (for example 'jobs')",
        )
        return False
    if name in seen:
        report(at("id"), f"figure id '{name}' is used twice on this page")
        return False
    if values["value"] < 0:
        report(at("value"), f"figure '{name}': value must be 0 or more")
        return False
    if len(values.get("prefix", "")) > MAX_PREFIX_CHARS:
        report(
            at("prefix"),
            f"figure '{name}': prefix is at most {MAX_PREFIX_CHARS} characters, such as '+'",
        )
        return False
    return _shares_ok(values, at, report)


def read_places(
    data: Any, header: str, first_line: int, report: Report
) -> tuple[tuple[Place, ...], tuple[str, ...]]:
    """The usable entries of ``places`` (a list of tables), and the pages of those left out."""
    places: list[Place] = []
    seen: set[str] = set()
    left_out: list[str] = []
    for raw, line, table in _entries(data, header, "places", first_line, report):
        values = _typed(raw, PLACE_FIELDS, table, line, "place", report)
        if values is None:
            if isinstance(raw.get("page"), str):
                left_out.append(raw["page"])
            continue
        at = _line_of(table, line)
        usable = True
        for key, limit in (("latitude", 90.0), ("longitude", 180.0)):
            if not -limit <= values[key] <= limit:
                report(
                    at(key),
                    f"place '{values['page']}': {key} {values[key]} is out of "
                    f"range: write degrees from {-limit:g} to {limit:g} (WGS84)",
                )
                usable = False
        if values["page"] in seen:
            report(at("page"), f"place for page '{values['page']}' is written twice")
            usable = False
        if not usable:
            left_out.append(values["page"])
            continue
        seen.add(values["page"])
        places.append(
            Place(
                page=values["page"],
                name=values["name"].strip(),
                latitude=float(values["latitude"]),
                longitude=float(values["longitude"]),
                line=line,
            )
        )
    return tuple(places), tuple(left_out)


def _entries(
    data: Any, header: str, name: str, first_line: int, report: Report
) -> list[tuple[dict[str, Any], int, str]]:
    """Each table of the array ``name`` with the line of its header and its own text."""
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        report(
            key_line(header, name, first_line),
            f"'{name}' must be a list of tables, each starting with a line [[{name}]], "
            f"not {type_name(data)}",
        )
        return []
    tables = array_tables(header, name)
    entries = []
    for index, values in enumerate(data):
        # A table written inline ({...}) has no header of its own: use the key's line.
        text, line = tables[index] if index < len(tables) else ("", key_line(header, name))
        entries.append((values, first_line - 1 + line, text))
    return entries


def _line_of(table: str, line: int) -> Callable[[str], int]:
    def at(key: str) -> int:
        return key_line(table, key, line)

    return at


def _typed(
    values: dict[str, Any], spec: Spec, table: str, line: int, what: str, report: Report
) -> dict[str, Any] | None:
    """The entry's values when every key is known, of its type and present; else None."""
    at = _line_of(table, line)
    usable = True
    for key, value in values.items():
        if key not in spec:
            report(at(key), f"unknown {what} key '{key}': allowed keys are {', '.join(spec)}")
            usable = False
            continue
        kinds, _required, description = spec[key]
        if type(value) not in kinds:
            report(at(key), f"{what} '{key}' must be {description}, not {type_name(value)}")
            usable = False
        elif isinstance(value, str) and not value.strip():
            report(at(key), f"{what} '{key}' is empty: write {description}")
            usable = False
    for key, (_kinds, required, description) in spec.items():
        if required and key not in values:
            report(line, f"this {what} has no '{key}': add {key} = ... ({description})")
            usable = False
    return values if usable else None


def _shares_ok(values: dict[str, Any], at: Callable[[str], int], report: Report) -> bool:
    """from_percent and to_percent: both or neither, 0 to 100, rising."""
    start, end = values.get("from_percent"), values.get("to_percent")
    if start is None and end is None:
        return True
    name = values["id"]
    if start is None or end is None:
        missing = "from_percent" if start is None else "to_percent"
        present = "to_percent" if start is None else "from_percent"
        report(at(present), f"figure '{name}': {present} needs {missing} too (both or neither)")
        return False
    for key, share in (("from_percent", start), ("to_percent", end)):
        if not 0 <= share <= 100:
            report(at(key), f"figure '{name}': {key} {share} is out of range: 0 to 100")
            return False
    if start >= end:
        report(
            at("to_percent"),
            f"figure '{name}': to_percent ({end}) must be more than from_percent ({start})",
        )
        return False
    return True
