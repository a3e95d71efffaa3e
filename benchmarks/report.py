"""The benchmark table, as text for people and as JSON for tools."""

from __future__ import annotations

import json
import platform
import sys
from collections.abc import Sequence
from datetime import UTC, datetime

from benchmarks.measure import Figure


def machine() -> dict[str, object]:
    """Where the figures were taken."""
    import os

    from PySide6 import __version__ as pyside_version

    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d"),
        "python": platform.python_version(),
        "pyside6": pyside_version,
        "cpus": os.cpu_count(),
        "platform": platform.platform(terse=True),
    }


def _value(figure: Figure) -> str:
    if figure.unit in ("ms", "MB", "s", "MB/s"):
        return f"{figure.value:,.1f} {figure.unit}"
    if figure.unit == "x":
        return f"{figure.value:.2f}x"
    return f"{figure.value:,.0f} {figure.unit}".rstrip()


def table(figures: Sequence[Figure]) -> str:
    """A Markdown table: group, figure, value, target, and whether it is met."""
    lines = ["| Benchmark | Figure | Value | Target | Met |", "|---|---|---|---|---|"]
    for figure in figures:
        met = "" if figure.ok is None else ("yes" if figure.ok else "**no**")
        lines.append(
            f"| {figure.group} | {figure.name} | {_value(figure)} | {figure.target} | {met} |"
        )
    return "\n".join(lines)


def write(figures: Sequence[Figure], as_json: bool) -> None:
    """Print the table; with ``as_json`` print JSON on stdout and the table on stderr."""
    text = table(figures)
    if as_json:
        print(text, file=sys.stderr)
        document = {"machine": machine(), "figures": [f.as_dict() for f in figures]}
        print(json.dumps(document, indent=2, ensure_ascii=False))
    else:
        print(text)
