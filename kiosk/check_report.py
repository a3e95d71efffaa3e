"""``cri-kiosk check``: every content problem and the translation coverage, as text or JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO

from kiosk.content import (
    ContentError,
    LanguageCoverage,
    Problem,
    load_content,
    translation_coverage,
    validate_library,
)
from kiosk.geography import medest_map
from kiosk.icon_names import icon_exists


def run_check(content_dir: Path, output_format: str = "text") -> int:
    """Check the content in ``content_dir``; print the report; 1 on any error, else 0."""
    try:
        result = load_content(content_dir)
    except ContentError as error:
        _report([error.problem], [], 0, output_format)
        return 1
    library = result.library
    problems = sorted(
        {*result.problems, *validate_library(library, icon_exists, medest_map().frame)},
        key=lambda p: (str(p.path), p.line, p.message),
    )
    pages = sum(len(library.pages_in(code)) for code in library.site.language_codes)
    _report(problems, translation_coverage(library), pages, output_format)
    return 1 if any(problem.is_error for problem in problems) else 0


def _report(
    problems: list[Problem], coverage: list[LanguageCoverage], pages: int, output_format: str
) -> None:
    if output_format == "json":
        json.dump(as_json(problems, coverage, pages), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    for problem in problems:
        print(problem)
    if coverage:
        print_coverage(coverage, sys.stderr)
    errors = sum(problem.is_error for problem in problems)
    print(
        f"checked {pages} pages in {len(coverage)} languages: "
        f"{errors} error(s), {len(problems) - errors} warning(s)",
        file=sys.stderr,
    )


def print_coverage(coverage: list[LanguageCoverage], stream: TextIO) -> None:
    """The translation coverage table: one row per language, missing pages named."""
    print("translation coverage:", file=stream)
    width = max(len(row.code) for row in coverage)
    for row in coverage:
        missing = f"  missing: {', '.join(row.missing)}" if row.missing else ""
        print(
            f"  {row.code:<{width}}  {row.translated}/{row.total}  {row.percent:>3} %{missing}",
            file=stream,
        )


def as_json(problems: list[Problem], coverage: list[LanguageCoverage], pages: int) -> Any:
    """The report as plain data: what ``--format json`` prints."""
    errors = sum(problem.is_error for problem in problems)
    return {
        "problems": [
            {
                "path": str(problem.path),
                "line": problem.line,
                "severity": problem.severity.value,
                "message": problem.message,
            }
            for problem in problems
        ],
        "coverage": [
            {
                "language": row.code,
                "name": row.name,
                "translated": row.translated,
                "total": row.total,
                "percent": row.percent,
                "missing": list(row.missing),
            }
            for row in coverage
        ],
        "summary": {
            "pages": pages,
            "languages": len(coverage),
            "errors": errors,
            "warnings": len(problems) - errors,
        },
    }
