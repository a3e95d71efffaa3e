"""Content model: site file, Markdown pages with front matter, validation. Never imports Qt.

The names below are loaded on first use (PEP 562), so that importing one small module of
the package (``kiosk.config`` reads TOML with ``kiosk.content.toml_source``) does not load
Python-Markdown and the validator at start-up.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kiosk.content.library import ContentLibrary, PageView
    from kiosk.content.links import section_id_from_url, section_url
    from kiosk.content.loader import LoadResult, load_content
    from kiosk.content.markdown_render import RenderedPage, render_markdown
    from kiosk.content.model import Direction, Language, Page, Site
    from kiosk.content.problems import ContentError, Problem, Severity
    from kiosk.content.validate import (
        LanguageCoverage,
        translation_coverage,
        validate_library,
    )

_HOMES = {
    "ContentLibrary": "library",
    "PageView": "library",
    "section_id_from_url": "links",
    "section_url": "links",
    "LoadResult": "loader",
    "load_content": "loader",
    "RenderedPage": "markdown_render",
    "render_markdown": "markdown_render",
    "Direction": "model",
    "Language": "model",
    "Page": "model",
    "Site": "model",
    "ContentError": "problems",
    "Problem": "problems",
    "Severity": "problems",
    "LanguageCoverage": "validate",
    "translation_coverage": "validate",
    "validate_library": "validate",
}

__all__ = [
    "ContentError",
    "ContentLibrary",
    "Direction",
    "Language",
    "LanguageCoverage",
    "LoadResult",
    "Page",
    "PageView",
    "Problem",
    "RenderedPage",
    "Severity",
    "Site",
    "load_content",
    "render_markdown",
    "section_id_from_url",
    "section_url",
    "translation_coverage",
    "validate_library",
]


def __getattr__(name: str) -> Any:
    module = _HOMES.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
