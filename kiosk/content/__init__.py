"""Content model: site file, Markdown pages with front matter, validation. Never imports Qt."""

from kiosk.content.library import ContentLibrary, PageView
from kiosk.content.loader import LoadResult, load_content
from kiosk.content.markdown_render import (
    RenderedPage,
    render_markdown,
    section_id_from_url,
    section_url,
)
from kiosk.content.model import Direction, Language, Page, Site
from kiosk.content.problems import ContentError, Problem, Severity
from kiosk.content.validate import LanguageCoverage, translation_coverage, validate_library

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
