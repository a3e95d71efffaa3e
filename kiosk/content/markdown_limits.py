"""Limits that keep Markdown rendering fast: constructs Python-Markdown takes minutes over.

Python-Markdown recurses once per level of nested quotes and lists, scans the rest of the
paragraph from every unclosed '[', backtracks over long runs of '*' and '_', and re-reads a
paragraph once per link, emphasis or escape in it. A broken (or malicious) page of a few
hundred kilobytes would freeze the screen for minutes. This fast scan finds such a page
before Markdown sees it; the page is then shown without formatting. No real page comes
near these limits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import islice

# Levels of quotes and lists, counted together: "> - > 1. text" is four levels.
MAX_NESTING = 8
# '[' opened and not yet closed at one place of a paragraph.
MAX_OPEN_BRACKETS = 16
# Characters between every '[' and its ']' (or the paragraph's end), added up: Markdown
# reads them once per '['. A hundred links with long texts come to a few thousand.
MAX_BRACKET_SPAN = 200_000
# Lines with text, and table cells: Markdown builds an element for each.
MAX_BLOCKS = 5_000
# Lines, blank ones too: Markdown's time grows with the square of the blank-line count.
MAX_LINES = 10_000
# One run of '*' and '_' characters (emphasis marks, or a line drawn with them).
MAX_EMPHASIS_RUN = 100
# Characters of one paragraph, list item or table row.
MAX_PARAGRAPH = 10_000
# Formatting marks in a page: links, emphasis, code, escapes, line breaks, entities.
MAX_MARKS = 5_000

TAB_WIDTH = 4
_LEVEL = re.compile(r"[ \t]*(?:>|[-*+](?=[ \t])|\d{1,9}[.)](?=[ \t]))")
_STARTS_ITEM = re.compile(r"[ \t>]*(?:[-*+][ \t]|\d{1,9}[.)][ \t]|#)")
# Tried only where a run starts, so a page of short runs is read once.
_EMPHASIS_RUN = re.compile(rf"(?<![*_])[*_]{{{MAX_EMPHASIS_RUN + 1},}}")
_BRACKET = re.compile(r"\\.|[\[\]]")
# Every pattern here is linear on any text: no two repeats that can share characters.
_MARK = re.compile(r"\\.|\*+|_+|`+|\[|<|&#?[A-Za-z0-9]+;|  \n")


@dataclass(frozen=True)
class Excess:
    """Where a page goes past a limit (index in the body), and what to change."""

    index: int
    message: str


def find_excess(body: str) -> Excess | None:
    """The first construct of ``body`` past a limit, else None. Linear in the body's size."""
    run = _EMPHASIS_RUN.search(body)
    if run is not None:
        return Excess(
            run.start(),
            f"a run of {len(run.group())} '*' and '_' characters (at most "
            f"{MAX_EMPHASIS_RUN}): write bold as **text** and italics as *text*, "
            "and draw a line with ---",
        )
    scan = _Scan(body)
    offset = 0
    unit_start = 0
    in_table = False
    lines = body.split("\n")
    for number, line in enumerate(lines):
        if number == MAX_LINES:
            return Excess(
                offset,
                f"more than {MAX_LINES} lines in one page, blank lines included: "
                "split it into several pages",
            )
        if _nesting(line) > MAX_NESTING:
            return Excess(
                offset,
                f"quotes and lists nested more than {MAX_NESTING} levels deep: "
                "remove '>' signs or indent sub-lists less",
            )
        blank = not line.strip()
        table_starts = "|" in line and number + 1 < len(lines) and _is_table_rule(lines[number + 1])
        in_table = (in_table or table_starts) and "|" in line and not blank
        if not blank:
            scan.blocks += max(1, line.count("|") - 1) if in_table else 1
            if scan.blocks > MAX_BLOCKS:
                return Excess(
                    offset,
                    f"more than {MAX_BLOCKS} lines of text and table cells in one page: "
                    "split it into several pages",
                )
        if blank or in_table or _STARTS_ITEM.match(line):
            # A new paragraph, list item, heading or table row: check the one before.
            excess = scan.paragraph(unit_start, offset)
            if excess is not None:
                return excess
            unit_start = offset + len(line) + 1 if blank else offset
        offset += len(line) + 1
    excess = scan.paragraph(unit_start, len(body))
    if excess is not None:
        return excess
    marks = next(islice(_MARK.finditer(body), MAX_MARKS, None), None)
    if marks is not None:
        return Excess(
            marks.start(),
            f"more than {MAX_MARKS} links, emphasis and other formatting marks in one "
            "page: split it into several pages",
        )
    return None


def _is_table_rule(line: str) -> bool:
    """The line under a table's header: '|', '-', ':' and spaces (|---|:--:|)."""
    return "|" in line and "-" in line and not line.strip(" \t|:-")


def _nesting(line: str) -> int:
    """Levels of quotes and lists a line opens: its markers, and its indentation."""
    match = _LEVEL.match(line)
    if match is None:
        return 0
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    levels = indent.expandtabs(TAB_WIDTH).count(" ") // TAB_WIDTH
    while match is not None and levels <= MAX_NESTING:
        levels += 1
        match = _LEVEL.match(line, match.end())
    return levels


class _Scan:
    """What the page has used so far of the limits counted over all its paragraphs."""

    def __init__(self, body: str) -> None:
        self.body = body
        self.blocks = 0
        self.bracket_span = 0

    def paragraph(self, start: int, end: int) -> Excess | None:
        """Limits of one paragraph (list item, table row...) from ``start`` to ``end``."""
        excess = self._brackets(start, end)
        if excess is None and end - start > MAX_PARAGRAPH:
            excess = Excess(
                start,
                f"a paragraph of {end - start} characters (at most {MAX_PARAGRAPH}): "
                "split it with blank lines",
            )
        return excess

    def _brackets(self, start: int, end: int) -> Excess | None:
        if "[" not in self.body[start:end]:
            return None
        opened: list[int] = []
        for bracket in _BRACKET.finditer(self.body, start, end):
            mark = bracket.group()
            if mark == "[":
                opened.append(bracket.start())
                if len(opened) > MAX_OPEN_BRACKETS:
                    return Excess(
                        bracket.start(),
                        f"more than {MAX_OPEN_BRACKETS} '[' open at once in one paragraph: "
                        + _CLOSE_BRACKETS,
                    )
            elif mark == "]" and opened:
                self.bracket_span += bracket.start() - opened.pop()
        self.bracket_span += sum(end - index for index in opened)
        if self.bracket_span > MAX_BRACKET_SPAN:
            return Excess(
                opened[0] if opened else start,
                "too much text inside '[' ']' in this page (link texts, or '[' never "
                "closed): " + _CLOSE_BRACKETS,
            )
        return None


_CLOSE_BRACKETS = "close each link's text with ']', or write \\[ for a bracket that starts no link"
