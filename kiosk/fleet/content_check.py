"""``cri-kiosk check`` on a release folder, as the update client and the publisher need it."""

from __future__ import annotations

from pathlib import Path

from kiosk.content import ContentError, load_content, validate_library
from kiosk.icon_names import icon_exists


def content_errors(folder: Path) -> list[str]:
    """The error lines (``path:line: error: ...``) of the content in ``folder``; [] if none.

    Warnings do not stop a release, errors do, exactly as for ``cri-kiosk check``.
    """
    try:
        result = load_content(folder)
    except ContentError as error:
        return [str(error.problem)]
    problems = {*result.problems, *validate_library(result.library, icon_exists)}
    ordered = sorted(problems, key=lambda p: (str(p.path), p.line, p.message))
    return [str(problem) for problem in ordered if problem.is_error]
