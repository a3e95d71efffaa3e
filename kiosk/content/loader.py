"""Loading a content folder into a ContentLibrary, collecting every problem on the way."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from kiosk.content.documents import read_documents
from kiosk.content.front_matter import parse_page
from kiosk.content.library import ContentLibrary
from kiosk.content.model import Page
from kiosk.content.problems import ContentError, Problem, Severity
from kiosk.content.site_file import SITE_FILE, read_site
from kiosk.content.toml_source import key_line, value_line

PAGE_SUFFIX = ".md"
# A page is read from 1-2 m in under a minute; a file this big is a mistake (a pasted
# export, a binary renamed .md) and would freeze the screen while being laid out.
MAX_PAGE_BYTES = 512_000


@dataclass(frozen=True)
class LoadResult:
    """A usable library and the problems found while loading it."""

    library: ContentLibrary
    problems: tuple[Problem, ...]


def load_content(content_dir: Path) -> LoadResult:
    """Load every language folder; raise ContentError only when nothing can be shown."""
    if not content_dir.is_dir():
        where = f"--content must point at the folder that holds {SITE_FILE}"
        message = (
            f"{content_dir} is a file, not the content folder ({where})"
            if content_dir.exists()
            else f"the content folder does not exist: {content_dir} ({where})"
        )
        raise ContentError(Problem(content_dir, 1, Severity.ERROR, message))
    site, problems = read_site(content_dir)
    default_folder = content_dir / site.default_language
    if not default_folder.is_dir():
        raise ContentError(
            Problem(
                default_folder,
                1,
                Severity.ERROR,
                f"the default language '{site.default_language}' has no folder "
                f"{default_folder}: create it and put the {site.default_language} pages in it",
            )
        )
    pages: dict[str, dict[str, Page]] = {}
    site_text = site.path.read_text(encoding="utf-8-sig")
    for lang in site.language_codes:
        folder = content_dir / lang
        if not folder.is_dir():
            problems.append(
                Problem(
                    site.path,
                    value_line(site_text, lang),
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
                default_folder,
                1,
                Severity.ERROR,
                f"the default language '{site.default_language}' has no usable page",
            )
        )
    documents, document_problems = read_documents(content_dir, site.language_codes)
    problems.extend(document_problems)
    return LoadResult(ContentLibrary(site, pages, documents), tuple(problems))


@dataclass(frozen=True)
class _Candidate:
    """A page that parsed, with its file text (to find the line of its id)."""

    page: Page
    text: str


def _load_language(folder: Path, lang: str, problems: list[Problem]) -> dict[str, Page]:
    found: dict[str, list[_Candidate]] = {}
    for path in sorted(folder.glob(f"*{PAGE_SUFFIX}")):
        text = _read_text(path, problems)
        if text is None:
            continue
        parsed = parse_page(text, path, lang)
        problems.extend(parsed.problems)
        if parsed.page is not None:
            found.setdefault(parsed.page.id, []).append(_Candidate(parsed.page, text))
    pages: dict[str, Page] = {}
    for page_id, candidates in found.items():
        kept = _keep_one(candidates, problems)
        if page_id != kept.page.path.stem:
            problems.append(
                Problem(
                    kept.page.path,
                    key_line(kept.text, "id"),
                    Severity.WARNING,
                    f"id '{page_id}' differs from the file name: name the file {page_id}.md "
                    "so every language uses the same file names",
                )
            )
        pages[page_id] = kept.page
    return pages


def _keep_one(candidates: list[_Candidate], problems: list[Problem]) -> _Candidate:
    """The page kept among files declaring the same id; the others are refused.

    The file named after the id wins whatever the sorted order, so an old copy kept next
    to a page (``pole-medest-ancien.md``) never replaces it; otherwise the first file.
    """
    kept = next((c for c in candidates if c.page.path.stem == c.page.id), candidates[0])
    for other in candidates:
        if other is not kept:
            problems.append(
                Problem(
                    other.page.path,
                    key_line(other.text, "id"),
                    Severity.ERROR,
                    f"duplicate id '{other.page.id}': already used by "
                    f"{kept.page.path.name}; give each page its own id",
                )
            )
    return kept


def _read_text(path: Path, problems: list[Problem]) -> str | None:
    try:
        size = path.stat().st_size
        if size > MAX_PAGE_BYTES:
            problems.append(
                Problem(
                    path,
                    1,
                    Severity.ERROR,
                    f"the file is too large for a kiosk page ({size // 1000} kB, at most "
                    f"{MAX_PAGE_BYTES // 1000} kB): split it into several pages",
                )
            )
            return None
        data = path.read_bytes()
    except OSError as error:
        problems.append(Problem(path, 1, Severity.ERROR, f"cannot read file: {error.strerror}"))
        return None
    # The byte order mark some Windows editors write is skipped by hand rather than with
    # "utf-8-sig": that codec's error positions do not count the mark's 3 bytes, so the
    # line and the byte named in the message would be wrong.
    skipped = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[skipped:].decode("utf-8")
    except UnicodeDecodeError as error:
        bad = skipped + error.start
        problems.append(
            Problem(
                path,
                data.count(b"\n", 0, bad) + 1,
                Severity.ERROR,
                f"the file is not UTF-8 text (byte 0x{data[bad]:02x}): "
                "save it again as UTF-8 in your editor",
            )
        )
        return None
