"""Fixtures for the content-layer tests: a breakable copy of the shipped content, page writers.

Every test that needs to break the content works on a copy in ``tmp_path``; the shipped
``content/`` folder is never modified.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

import pytest

from kiosk.content import Problem, Severity

REPO = Path(__file__).resolve().parents[2]
SHIPPED_CONTENT = REPO / "content"

FrontMatter = Mapping[str, object] | str


def toml_value(value: object) -> str:
    """A Python value written as TOML (only what front matter needs)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace('"', '\\"')
        return f'"{escaped}"'
    raise TypeError(f"no TOML form for {value!r}")


def page_text(front: FrontMatter, body: str = "Some text.\n") -> str:
    """A page file: ``+++``, the front matter (a mapping, or raw TOML text), ``+++``, body."""
    if isinstance(front, str):
        header = front.rstrip("\n")
    else:
        header = "\n".join(f"{key} = {toml_value(value)}" for key, value in front.items())
    return f"+++\n{header}\n+++\n{body}"


def line_containing(path: Path, text: str) -> int:
    """The 1-based line of ``path`` holding ``text``; it must appear on exactly one line."""
    lines = path.read_bytes().decode("utf-8-sig", errors="replace").split("\n")
    found = [number for number, line in enumerate(lines, start=1) if text in line]
    assert len(found) == 1, f"{text!r} is on lines {found} of {path}, expected exactly one"
    return found[0]


def describe(problems: Iterable[Problem]) -> str:
    return "\n".join(f"  {problem}" for problem in problems) or "  (no problems)"


def the_problem(
    problems: Iterable[Problem], path: Path, severity: Severity, *fragments: str
) -> Problem:
    """The one problem in ``path`` with ``severity`` whose message holds every fragment."""
    problems = list(problems)
    found = [
        problem
        for problem in problems
        if problem.path == path
        and problem.severity is severity
        and all(fragment in problem.message for fragment in fragments)
    ]
    assert len(found) == 1, (
        f"expected one {severity.value} in {path} mentioning {fragments}, "
        f"found {len(found)}; all problems:\n{describe(problems)}"
    )
    return found[0]


@pytest.fixture
def content_dir(tmp_path: Path) -> Path:
    """A copy of the shipped content that a test may break."""
    target = tmp_path / "content"
    shutil.copytree(SHIPPED_CONTENT, target)
    return target


@pytest.fixture
def write_page(content_dir: Path) -> Callable[..., Path]:
    """Write ``content_dir/<lang>/<name>.md`` with the given front matter and body."""

    def write(lang: str, name: str, front: FrontMatter, body: str = "Some text.\n") -> Path:
        path = content_dir / lang / f"{name}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(page_text(front, body), encoding="utf-8")
        return path

    return write


@pytest.fixture
def edit_file() -> Callable[[Path, str, str], Path]:
    """Replace one exact piece of text in a file (the piece must be there exactly once)."""

    def edit(path: Path, old: str, new: str) -> Path:
        text = path.read_text(encoding="utf-8")
        assert text.count(old) == 1, f"{old!r} appears {text.count(old)} times in {path}"
        path.write_text(text.replace(old, new), encoding="utf-8")
        return path

    return edit
