"""The documents manifest (``documents.toml``) and the checks a PDF file must pass. No Qt."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from kiosk.content.problems import Problem, Severity
from kiosk.content.toml_source import TomlSyntaxError, array_tables, key_line, parse_toml, type_name

MANIFEST = "documents.toml"
DOCUMENT_SCHEME = "doc"
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A kiosk shows reports and brochures, not archives: beyond this the file is a mistake
# (a video renamed .pdf, a scan at 1200 dpi) that would take minutes to open.
MAX_DOCUMENT_BYTES = 100_000_000
# A PDF ends with "%%EOF", possibly followed by a few bytes of line ends or padding.
_TAIL_BYTES = 2048
# The trailer (and an encryption dictionary's reference) sits at the end of the file.
_TRAILER_BYTES = 65_536
KNOWN_KEYS = ("id", "title", "language", "file", "kind", "url")
BROCHURE = "brochure"
# Top-level key: ids of documents the pages name but the kiosk does not hold yet.
AWAITED = "awaited"


class DocumentKind(enum.Enum):
    """Where a document comes from: a PDF in the content folder, or generated."""

    FILE = "file"
    BROCHURE = "brochure"


# Top-level key: ids of documents the pages name but the kiosk does not hold yet.
AWAITED = "awaited"


@dataclass(frozen=True)
class Document:
    """One entry of the manifest."""

    id: str
    titles: dict[str, str]
    language: str
    kind: DocumentKind
    # For FILE documents: the PDF, relative to the content folder ("documents/x.pdf").
    file: str = ""
    url: str = ""
    manifest: Path = Path(MANIFEST)
    line: int = 1

    def title(self, lang: str, default_language: str) -> str:
        """The title in ``lang``, else in the default language, else in any."""
        return (
            self.titles.get(lang)
            or self.titles.get(default_language)
            or next(iter(self.titles.values()), self.id)
        )


@dataclass(frozen=True)
class DocumentCatalog:
    """Every usable document, in manifest order."""

    documents: tuple[Document, ...] = ()
    content_dir: Path = Path(".")
    # Document id -> the problem that makes its file unusable (missing, not a PDF...).
    file_problems: dict[str, FileProblem] = field(default_factory=dict)
    # Documents the pages name but the kiosk does not hold yet (``awaited`` in the
    # manifest): a link to one reads as its plain words until the document is listed.
    awaited: tuple[str, ...] = ()

    def get(self, doc_id: str) -> Document | None:
        return next((doc for doc in self.documents if doc.id == doc_id), None)

    def has(self, doc_id: str) -> bool:
        return self.get(doc_id) is not None

    def is_awaited(self, doc_id: str) -> bool:
        """True for a document announced as awaited and not listed (yet)."""
        return doc_id in self.awaited and not self.has(doc_id)

    @property
    def ids(self) -> tuple[str, ...]:
        return tuple(doc.id for doc in self.documents)

    def file_path(self, document: Document) -> Path | None:
        """The PDF of a FILE document inside the content folder (None for brochures)."""
        if document.kind is not DocumentKind.FILE:
            return None
        return self.content_dir.joinpath(*PurePosixPath(document.file).parts)


def document_url(doc_id: str) -> str:
    """The link target the UI receives when a visitor taps a link to a document."""
    return f"kiosk:document/{doc_id}"


def document_id_from_url(url: str) -> str | None:
    """The document id of a ``kiosk:document/<id>`` link, else None."""
    prefix = "kiosk:document/"
    return url[len(prefix) :] if url.startswith(prefix) else None


def is_public_url(url: str) -> bool:
    """True for an http(s) address with a host: the only kind a QR code may carry."""
    parts = urlsplit(url)
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


class FileProblemKind(enum.Enum):
    """Why a PDF cannot be shown; the viewer words each one for the visitor."""

    MISSING = "missing"
    EMPTY = "empty"
    TOO_LARGE = "too-large"
    NOT_PDF = "not-pdf"
    DAMAGED = "damaged"
    PASSWORD = "password"


@dataclass(frozen=True)
class FileProblem:
    """A PDF that cannot be shown: the kind, and a message for the content author."""

    kind: FileProblemKind
    message: str


def pdf_file_problem(path: Path) -> FileProblem | None:
    """Why the file at ``path`` cannot be shown as a PDF, or None when it looks sound.

    Reads only the first and last bytes: a cheap check fit for start-up and ``check``.
    The viewer still opens the file with QtPdf, which catches damage in between.
    """
    kind = FileProblemKind
    try:
        if not path.exists():
            return FileProblem(kind.MISSING, "is missing: copy the PDF there or fix the path")
        if not path.is_file():
            return FileProblem(kind.MISSING, "is a folder, not a PDF file")
        size = path.stat().st_size
        if size == 0:
            return FileProblem(kind.EMPTY, "is empty (0 bytes): copy the whole file again")
        if size > MAX_DOCUMENT_BYTES:
            return FileProblem(
                kind.TOO_LARGE,
                f"is too large to show on the kiosk ({size // 1_000_000} MB, at most "
                f"{MAX_DOCUMENT_BYTES // 1_000_000} MB): save a lighter copy",
            )
        with path.open("rb") as stream:
            head = stream.read(1024)
            stream.seek(max(0, size - _TRAILER_BYTES))
            trailer = stream.read()
    except OSError as error:
        return FileProblem(kind.MISSING, f"cannot be read ({error.strerror})")
    if b"%PDF-" not in head:
        return FileProblem(kind.NOT_PDF, "is not a PDF file (it does not start with %PDF-)")
    if b"%%EOF" not in trailer[-_TAIL_BYTES:]:
        return FileProblem(
            kind.DAMAGED, "is truncated (it does not end with %%EOF): copy the whole file again"
        )
    if b"/Encrypt" in trailer:
        return FileProblem(
            kind.PASSWORD, "is protected by a password or encrypted: save an unprotected copy"
        )
    return None


def read_documents(
    content_dir: Path, languages: tuple[str, ...]
) -> tuple[DocumentCatalog, list[Problem]]:
    """Read ``documents.toml`` (optional) and check each document's file."""
    path = content_dir / MANIFEST
    problems: list[Problem] = []
    if not path.exists():
        return DocumentCatalog(content_dir=content_dir), problems

    def report(line: int, message: str, severity: Severity = Severity.ERROR) -> None:
        problems.append(Problem(path, line, severity, message))

    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as error:
        report(1, f"the documents file is not UTF-8 text ({error.reason})")
        return DocumentCatalog(content_dir=content_dir), problems
    except OSError as error:
        report(1, f"the documents file cannot be read ({error.strerror})")
        return DocumentCatalog(content_dir=content_dir), problems
    try:
        data = parse_toml(text)
    except TomlSyntaxError as error:
        report(error.line, f"the documents file is not valid TOML: {error.reason}")
        return DocumentCatalog(content_dir=content_dir), problems

    for key in data:
        if key not in ("documents", AWAITED):
            report(
                key_line(text, key),
                f"unknown key '{key}': list documents as [[documents]] and the ones the "
                f"kiosk does not hold yet as {AWAITED} = [...]",
            )
    raw = data.get("documents", [])
    if not isinstance(raw, list):
        report(key_line(text, "documents"), "documents must be [[documents]] tables")
        raw = []
    tables = array_tables(text, "documents")
    documents: list[Document] = []
    file_problems: dict[str, FileProblem] = {}
    for index, entry in enumerate(raw):
        table, first = tables[index] if index < len(tables) else (text, 1)
        document = _read_entry(entry, table, first, path, languages, documents, report)
        if document is None:
            continue
        documents.append(document)
        if document.kind is DocumentKind.FILE:
            file = content_dir.joinpath(*PurePosixPath(document.file).parts)
            problem = pdf_file_problem(file)
            if problem is not None:
                file_problems[document.id] = problem
                report(
                    key_line(table, "file", first),
                    f"document '{document.id}': {document.file} {problem.message}",
                )
    awaited = _read_awaited(data.get(AWAITED, []), key_line(text, AWAITED), documents, report)
    catalog = DocumentCatalog(tuple(documents), content_dir, file_problems, awaited)
    return catalog, problems


def _read_awaited(raw: Any, line: int, documents: list[Document], report: Any) -> tuple[str, ...]:
    """The ids of ``awaited = [...]``: documents named in the pages, not held yet."""
    if not isinstance(raw, list) or not all(isinstance(item, str) for item in raw):
        report(line, f'{AWAITED} must be a list of document ids, such as ["etude-medest"]')
        return ()
    awaited: list[str] = []
    for doc_id in raw:
        if not ID_PATTERN.match(doc_id):
            report(
                line,
                f"{AWAITED}: '{doc_id}' is not a document id (lower-case letters, digits and '-')",
            )
        elif any(document.id == doc_id for document in documents):
            # Listed now: its links are links. Saying so keeps the list honest.
            report(
                line,
                f"document '{doc_id}' is listed now: remove it from {AWAITED}",
                Severity.WARNING,
            )
        else:
            awaited.append(doc_id)
    return tuple(awaited)


def _read_entry(
    entry: Any,
    table: str,
    first: int,
    path: Path,
    languages: tuple[str, ...],
    earlier: list[Document],
    report: Any,
) -> Document | None:
    """One [[documents]] table, or None (reported) when it cannot be used."""
    if not isinstance(entry, dict):
        report(first, "each [[documents]] entry must be a table")
        return None

    def line(key: str) -> int:
        return key_line(table, key, first)

    for key in entry:
        if key not in KNOWN_KEYS:
            report(
                line(key), f"unknown document key '{key}': allowed keys are {', '.join(KNOWN_KEYS)}"
            )
    doc_id = entry.get("id")
    if not isinstance(doc_id, str) or not ID_PATTERN.match(doc_id):
        report(
            line("id"),
            "a document needs id = lower-case letters, digits and '-' (for example 'brochure-fr')",
        )
        return None
    if any(doc.id == doc_id for doc in earlier):
        report(line("id"), f"duplicate document id '{doc_id}': give each document its own id")
        return None
    titles = _read_titles(entry.get("title"), doc_id, line, languages, report)
    if titles is None:
        return None
    language = entry.get("language")
    if not isinstance(language, str) or language not in languages:
        report(
            line("language"),
            f"document '{doc_id}' needs language = the language it is written in "
            f"({', '.join(languages)})",
        )
        return None
    kind = _read_kind(entry, doc_id, line, report)
    if kind is None:
        return None
    file = ""
    if kind is DocumentKind.FILE:
        file = _read_file(entry.get("file"), doc_id, line("file"), report) or ""
        if not file:
            return None
    url = entry.get("url", "")
    if not isinstance(url, str) or (url and not is_public_url(url)):
        report(
            line("url"),
            f"document '{doc_id}': url must be a public web address starting with https:// "
            "(or leave it out: no QR code is shown then)",
        )
        url = ""
    return Document(doc_id, titles, language, kind, file, url.strip(), path, first)


def _read_titles(
    raw: Any, doc_id: str, line: Any, languages: tuple[str, ...], report: Any
) -> dict[str, str] | None:
    if not isinstance(raw, dict) or not raw:
        report(
            line("title"),
            f"document '{doc_id}' needs a title per language: [documents.title] with "
            f"{' = ..., '.join(languages)} = ...",
        )
        return None
    titles: dict[str, str] = {}
    for code, value in raw.items():
        if code not in languages:
            report(line(code), f"document '{doc_id}': title in unknown language '{code}'")
        elif not isinstance(value, str) or not value.strip():
            report(
                line(code),
                f"document '{doc_id}': the {code} title must be text, not {type_name(value)}",
            )
        else:
            titles[code] = value.strip()
    if not titles:
        return None
    for code in languages:
        if code not in titles:
            report(
                line("title"),
                f"document '{doc_id}' has no {code} title: visitors reading {code} see another one",
                Severity.WARNING,
            )
    return titles


def _read_kind(entry: dict[str, Any], doc_id: str, line: Any, report: Any) -> DocumentKind | None:
    kind = entry.get("kind")
    has_file = "file" in entry
    if kind is None:
        if not has_file:
            report(
                line("id"),
                f"document '{doc_id}' needs file = \"documents/name.pdf\" (a PDF in the content "
                f'folder) or kind = "{BROCHURE}"',
            )
            return None
        return DocumentKind.FILE
    if kind != BROCHURE:
        report(
            line("kind"),
            f"document '{doc_id}': kind must be \"{BROCHURE}\" (or leave it out and give file)",
        )
        return None
    if has_file:
        report(line("file"), f"document '{doc_id}': a brochure is generated; remove file")
        return None
    return DocumentKind.BROCHURE


def _read_file(raw: Any, doc_id: str, line: int, report: Any) -> str | None:
    if not isinstance(raw, str) or not raw.strip():
        report(
            line,
            f"document '{doc_id}': file must be the PDF's path, such as \"documents/etude.pdf\"",
        )
        return None
    relative = PurePosixPath(raw.strip().replace("\\", "/"))
    if relative.is_absolute() or ".." in relative.parts or re.match(r"^[A-Za-z]:", raw.strip()):
        report(
            line,
            f"document '{doc_id}': file '{raw}' must be inside the content folder, "
            "written relative to it (documents/etude.pdf)",
        )
        return None
    if relative.suffix.lower() != ".pdf":
        report(line, f"document '{doc_id}': file '{raw}' must be a PDF (ending in .pdf)")
        return None
    return str(relative)
