"""Loading a content folder into a ContentLibrary, collecting every problem on the way."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kiosk.content.front_matter import parse_page
from kiosk.content.library import ContentLibrary
from kiosk.content.model import Page
from kiosk.content.problems import ContentError, Problem, Severity
from kiosk.content.site_file import read_site
from kiosk.content.toml_source import key_line, value_line

PAGE_SUFFIX = ".md"


@dataclass(frozen=True)
class LoadResult:
    """A usable library and the problems found while loading it."""

    library: ContentLibrary
    problems: tuple[Problem, ...]


def load_content(content_dir: Path) -> LoadResult:
    """Load every language folder; raise ContentError only when nothing can be shown."""
    if not content_dir.is_dir():
        raise ContentError(
            Problem(content_dir, 1, Severity.ERROR, "the content folder does not exist")
        )
    site, problems = read_site(content_dir)
    pages: dict[str, dict[str, Page]] = {}
    for lang in site.language_codes:
        folder = content_dir / lang
        if not folder.is_dir():
            problems.append(
                Problem(
                    site.path,
                    value_line(site.path.read_text(encoding="utf-8-sig"), lang),
                    Severity.ERROR,
                    f"language '{lang}' has no folder {folder}: create it with the same "
                    f"file names as {site.default_language}/ (pages fall back to "
                    f"{site.default_language} meanwhile)",
                )
            )
            continue
        pages[lang] = _load_language(folder, lang, problems)

    if not pages.get(site.default_language):
        raise ContentError(
            Problem(
                content_dir / site.default_language,
                1,
                Severity.ERROR,
                f"the default language '{site.default_language}' has no usable page",
            )
        )
    return LoadResult(ContentLibrary(site, pages), tuple(problems))


def _load_language(folder: Path, lang: str, problems: list[Problem]) -> dict[str, Page]:
    pages: dict[str, Page] = {}
    for path in sorted(folder.glob(f"*{PAGE_SUFFIX}")):
        text = _read_text(path, problems)
        if text is None:
            continue
        parsed = parse_page(text, path, lang)
        problems.extend(parsed.problems)
        page = parsed.page
        if page is None:
            continue
        if page.id in pages:
            first = pages[page.id].path
            problems.append(
                Problem(
                    path,
                    key_line(text, "id"),
                    Severity.ERROR,
                    f"duplicate id '{page.id}': already used by {first.name}; "
                    "give each page its own id",
                )
            )
            continue
        if page.id != path.stem:
            problems.append(
                Problem(
                    path,
                    key_line(text, "id"),
                    Severity.WARNING,
                    f"id '{page.id}' differs from the file name: name the file {page.id}.md "
                    "so every language uses the same file names",
                )
            )
        pages[page.id] = page
    return pages


def _read_text(path: Path, problems: list[Problem]) -> str | None:
    try:
        data = path.read_bytes()
    except OSError as error:
        problems.append(Problem(path, 1, Severity.ERROR, f"cannot read file: {error.strerror}"))
        return None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        problems.append(
            Problem(
                path,
                line,
                Severity.ERROR,
                f"the file is not UTF-8 text (byte 0x{data[error.start]:02x}): "
                "save it again as UTF-8 in your editor",
            )
        )
        return None
