"""The French authoring guide in content/: never shown as a page, and its examples hold."""

from __future__ import annotations

import re
from pathlib import Path

from kiosk.content import load_content, validate_library
from kiosk.content.front_matter import FIELDS
from kiosk.content.images import MAX_IMAGE_BYTES, MAX_IMAGE_SIDE
from kiosk.content.markdown_limits import (
    MAX_BLOCKS,
    MAX_EMPHASIS_RUN,
    MAX_LINES,
    MAX_MARKS,
    MAX_NESTING,
    MAX_OPEN_BRACKETS,
    MAX_PARAGRAPH,
)
from kiosk.content.validate import MAX_SUMMARY_CHARS, MAX_TITLE_CHARS
from kiosk.icon_names import icon_exists

REPO = Path(__file__).resolve().parent.parent
GUIDE = REPO / "content" / "README.md"


def test_the_guide_is_not_content() -> None:
    result = load_content(REPO / "content")

    assert all(problem.path != GUIDE for problem in result.problems)
    assert all(
        page.path != GUIDE
        for code in result.library.site.language_codes
        for page in result.library.pages_in(code).values()
    )
    assert validate_library(result.library, icon_exists) == []


def test_every_icon_named_in_the_guide_exists() -> None:
    names = re.findall(r"`((?:mdi6|fa5s|fa5|ph)\.[a-z0-9-]+)`", GUIDE.read_text(encoding="utf-8"))

    assert len(names) >= 8
    assert [name for name in names if not icon_exists(name)] == []


def test_the_guide_states_the_real_limits_and_keys() -> None:
    guide = GUIDE.read_text(encoding="utf-8")

    assert f"{MAX_TITLE_CHARS} caractères au plus" in guide
    assert f"{MAX_SUMMARY_CHARS} caractères au plus" in guide
    assert f"{MAX_IMAGE_BYTES // 1_000_000} Mo au plus" in guide
    assert f"{MAX_IMAGE_SIDE} pixels au plus" in guide
    assert f"{MAX_NESTING} niveaux" in guide
    assert f"{MAX_OPEN_BRACKETS} crochets" in guide
    assert f"{MAX_EMPHASIS_RUN} `*`" in guide
    for limit in (MAX_PARAGRAPH, MAX_BLOCKS, MAX_LINES, MAX_MARKS):
        assert f"{limit:,}".replace(",", " ") in guide
    for key in FIELDS:
        assert f"| `{key}` |" in guide
