"""Reading TOML text while keeping line numbers, so every error can name its line."""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from typing import Any

_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")
_TOML_POSITION = re.compile(r"\s*\(at (line \d+, column \d+|end of document)\)")
# A table header line: [name], [a.b] or [[name]], maybe followed by a comment. The lines of
# a multi-line array that start with '[' usually end with ',', so they do not match.
_HEADER = re.compile(r"^[ \t]*\[\[?[^\[\]\n]*\]\]?[ \t]*(?:#.*)?$", re.MULTILINE)


@dataclass(frozen=True)
class TomlSyntaxError(Exception):
    """TOML that does not parse; ``line`` is relative to the TOML text (1-based)."""

    line: int
    reason: str


def parse_toml(text: str) -> dict[str, Any]:
    """Parse TOML text, raising TomlSyntaxError with the line of the mistake."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        message = str(error)
        match = _TOML_LINE.search(message)
        line = int(match.group(1)) if match else last_line(text)
        reason = _TOML_POSITION.sub("", message)
        raise TomlSyntaxError(line, reason) from None


def last_line(text: str) -> int:
    """The last line that holds something: where a mistake "at end of document" was made.

    Trailing blank lines are skipped because the author's unfinished value is above them.
    """
    return max(1, text.rstrip().count("\n") + 1)


@functools.lru_cache(maxsize=256)
def _key_pattern(key: str) -> re.Pattern[str]:
    # `[ \t]` rather than `\s`: `\s` also matches newlines and would start the match on
    # the blank line before the key. The key may be set (`key =`), start a dotted key
    # (`key.sub =`) or name a table (`[key]`, `[key.sub]`, `[[key]]`).
    quoted = rf"[\"']?{re.escape(key)}[\"']?"
    return re.compile(rf"^[ \t]*(?:\[\[?[ \t]*)?{quoted}[ \t]*[=.\]]", re.MULTILINE)


def key_line(text: str, key: str, first_line: int = 1) -> int:
    """Line (offset by ``first_line``) where ``key`` is set or its table starts.

    Without the key, ``first_line``.
    """
    match = _key_pattern(key).search(text)
    if match is None:
        return first_line
    return first_line + text.count("\n", 0, match.start())


def from_key(text: str, key: str, first_line: int = 1) -> tuple[str, int]:
    """The text from the line where ``key`` is written on, and that line's number.

    Searching in it finds a value of that key rather than the same text written earlier
    for another key. Without the key, the whole text and ``first_line``.
    """
    match = _key_pattern(key).search(text)
    if match is None:
        return text, first_line
    return text[match.start() :], first_line + text.count("\n", 0, match.start())


def array_tables(text: str, name: str) -> list[tuple[str, int]]:
    """Each ``[[name]]`` table as (its text, the line of its header), in file order.

    A table runs from its header to the next header, so a key found in it belongs to
    that entry and not to another one declaring the same value.
    """
    header = re.compile(rf"^[ \t]*\[\[[ \t]*[\"']?{re.escape(name)}[\"']?[ \t]*\]\]", re.MULTILINE)
    tables = []
    for match in header.finditer(text):
        following = _HEADER.search(text, match.end())
        end = following.start() if following is not None else len(text)
        tables.append((text[match.start() : end], 1 + text.count("\n", 0, match.start())))
    return tables


def value_line(text: str, value: str, first_line: int = 1, occurrence: int = 1) -> int:
    """Line (offset by ``first_line``) of the ``occurrence``-th quoted string ``value``.

    With fewer occurrences, the line of the last one; without any, ``first_line``.
    """
    pattern = re.compile(rf"([\"']){re.escape(value)}\1")
    index = -1
    for count, match in enumerate(pattern.finditer(text), start=1):
        index = match.start()
        if count == occurrence:
            break
    if index < 0:
        return first_line
    return first_line + text.count("\n", 0, index)


def type_name(value: object) -> str:
    """A content author's word for a TOML value's type."""
    names = {str: "text", int: "whole number", float: "number", bool: "true/false"}
    for kind, name in names.items():
        if type(value) is kind:
            return name
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "table"
    return type(value).__name__
