"""Cross-page checks: structure, reachability, translations, links and icons."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.library import ContentLibrary
from kiosk.content.markdown_render import render_markdown
from kiosk.content.model import Page
from kiosk.content.problems import Problem, Severity
from kiosk.content.toml_source import from_key, key_line, value_line
from kiosk.content.validate_pictures import MapFrame, check_pictures_data

# Longest texts a home tile shows whole: at four tiles per row on a 1920 screen a title
# wraps after about 20 characters and a tile has room for three lines; the summary
# has room for about four lines of its smaller type. Longer texts make tiles uneven.
MAX_TITLE_CHARS = 60
MAX_SUMMARY_CHARS = 120


@dataclass(frozen=True)
class LanguageCoverage:
    """How many of the source language's pages exist in one language, and which do not."""

    code: str
    name: str
    translated: int
    total: int
    missing: tuple[str, ...]

    @property
    def percent(self) -> int:
        return 100 if not self.total else round(100 * self.translated / self.total)


def translation_coverage(library: ContentLibrary) -> list[LanguageCoverage]:
    """Per language, the default language's pages written in it (the source is 100 %)."""
    source = sorted(library.pages_in(library.default_language))
    rows = []
    for language in library.languages:
        present = library.pages_in(language.code)
        missing = tuple(page_id for page_id in source if page_id not in present)
        rows.append(
            LanguageCoverage(
                language.code,
                language.name,
                len(source) - len(missing),
                len(source),
                missing,
            )
        )
    return rows


def validate_library(
    library: ContentLibrary,
    icon_exists: Callable[[str], bool] | None = None,
    map_frame: MapFrame | None = None,
) -> list[Problem]:
    """Every problem that needs the whole library to be seen, in file order.

    ``map_frame`` (west, south, east, north in degrees) is the area the map draws: a
    place outside it would be drawn off the map.
    """
    problems: list[Problem] = []
    problems += _check_home(library)
    default = library.default_language
    for lang in library.site.language_codes:
        for page in library.pages_in(lang).values():
            problems += _check_parent(library, page)
            problems += _check_tile_text(page)
            problems += _check_against_source(library, page)
            problems += check_pictures_data(library, page, map_frame)
            if icon_exists is not None and not icon_exists(page.icon):
                problems.append(
                    _at_key(
                        page,
                        "icon",
                        Severity.ERROR,
                        f"unknown icon '{page.icon}': use a qtawesome name such as "
                        "'mdi6.factory' (see the authoring guide)",
                    )
                )
            problems += render_markdown(
                page, library.has_page, library.documents.has, library.documents.is_awaited
            ).problems
    reachable = set(library.page_ids)
    for page in library.pages_in(default).values():
        if page.id not in reachable:
            problems.append(
                _at_key(
                    page,
                    "id",
                    Severity.WARNING,
                    f"page '{page.id}' cannot be reached from the home screen: add it to "
                    "home in site.toml or give it a parent",
                )
            )
    problems += _check_coverage(library)
    return sorted(problems, key=lambda p: (str(p.path), p.line))


def _check_home(library: ContentLibrary) -> list[Problem]:
    site = library.site
    # From the home key on: the same id may be written earlier for something else.
    text, first = from_key(_read(site.path), "home")
    problems = []
    for page_id in site.home:
        if not library.has_page(page_id):
            problems.append(
                Problem(
                    site.path,
                    value_line(text, page_id, first),
                    Severity.ERROR,
                    f"home lists '{page_id}' but no page has that id",
                )
            )
        elif library.parent(page_id) is not None:
            problems.append(
                Problem(
                    site.path,
                    value_line(text, page_id, first),
                    Severity.WARNING,
                    f"home lists '{page_id}', which is a sub-page of "
                    f"'{library.parent(page_id)}': it is shown under its parent instead",
                )
            )
    return problems


def _check_parent(library: ContentLibrary, page: Page) -> list[Problem]:
    if page.parent is None:
        return []
    if page.parent == page.id:
        return [_at_key(page, "parent", Severity.ERROR, "a page cannot be its own parent")]
    if not library.has_page(page.parent):
        return [
            _at_key(
                page,
                "parent",
                Severity.ERROR,
                f"unknown parent '{page.parent}': no page has that id",
            )
        ]
    if _in_a_loop(library, page):
        return [_at_key(page, "parent", Severity.ERROR, f"parent '{page.parent}' forms a loop")]
    return []


def _in_a_loop(library: ContentLibrary, page: Page) -> bool:
    """True when following parents from ``page`` leads back to it.

    A page whose ancestors reach a loop it is not part of is not blamed: it is only
    unreachable, which the reachability check reports.
    """
    seen: set[str] = set()
    current: str | None = page.parent
    while current is not None and current not in seen:
        if current == page.id:
            return True
        seen.add(current)
        view = library.view(current, library.default_language)
        current = view.page.parent if view is not None else None
    return False


def _check_tile_text(page: Page) -> list[Problem]:
    """Titles and summaries longer than a home tile can show."""
    problems = []
    for key, text, limit in (
        ("title", page.title, MAX_TITLE_CHARS),
        ("summary", page.summary, MAX_SUMMARY_CHARS),
    ):
        if len(text) > limit:
            problems.append(
                _at_key(
                    page,
                    key,
                    Severity.WARNING,
                    f"the {key} is too long for its tile ({len(text)} characters, at most "
                    f"{limit}): shorten it and say the rest in the page text",
                )
            )
    return problems


def _check_against_source(library: ContentLibrary, page: Page) -> list[Problem]:
    """A translation must keep the source page's place in the structure."""
    default = library.default_language
    if page.lang == default:
        return []
    source = library.pages_in(default).get(page.id)
    if source is None:
        return [
            _at_key(
                page,
                "id",
                Severity.WARNING,
                f"no {default} page has id '{page.id}': translations need a source page",
            )
        ]
    problems = []
    for key in ("parent", "order", "icon"):
        if getattr(page, key) != getattr(source, key):
            problems.append(
                _at_key(
                    page,
                    key,
                    Severity.WARNING,
                    f"{key} differs from {default}/{source.path.name} "
                    f"({getattr(source, key)!r}); the {default} value is used",
                )
            )
    return problems


def _check_coverage(library: ContentLibrary) -> list[Problem]:
    default = library.default_language
    problems = []
    for page in library.pages_in(default).values():
        for lang in library.site.language_codes:
            if lang != default and page.id not in library.pages_in(lang):
                problems.append(
                    Problem(
                        page.path,
                        1,
                        Severity.WARNING,
                        f"no {lang} translation ({lang}/{page.path.name}): "
                        f"visitors reading {lang} see this {default} page",
                    )
                )
    return problems


def _at_key(page: Page, key: str, severity: Severity, message: str) -> Problem:
    return Problem(page.path, key_line(_read(page.path), key), severity, message)


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return ""
