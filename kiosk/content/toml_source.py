"""Reading TOML text while keeping line numbers, so every error can name its line."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Any

_TOML_LINE = re.compile(r"\(at line (\d+), column \d+\)")
_TOML_POSITION = re.compile(r"\s*\(at (line \d+, column \d+|end of document)\)")


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
        line = int(match.group(1)) if match else max(1, text.count("\n"))
        reason = _TOML_POSITION.sub("", message)
        raise TomlSyntaxError(line, reason) from None


def key_line(text: str, key: str, first_line: int = 1) -> int:
    """Line (offset by ``first_line``) where ``key = ...`` is written, else ``first_line``."""
    pattern = re.compile(rf"^\s*[\"']?{re.escape(key)}[\"']?\s*=", re.MULTILINE)
    match = pattern.search(text)
    if match is None:
        return first_line
    return first_line + text.count("\n", 0, match.start())


def value_line(text: str, value: str, first_line: int = 1) -> int:
    """Line (offset by ``first_line``) where a quoted string ``value`` appears."""
    for quote in ('"', "'"):
        index = text.find(f"{quote}{value}{quote}")
        if index >= 0:
            return first_line + text.count("\n", 0, index)
    return first_line


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
