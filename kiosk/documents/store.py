"""Where each document's PDF is: a file in the content folder, or a cached brochure."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QStandardPaths

from kiosk.content.documents import Document, DocumentKind, FileProblem, FileProblemKind
from kiosk.content.library import ContentLibrary
from kiosk.paths import translations_dir

if TYPE_CHECKING:
    from PySide6.QtPdf import QPdfDocument

log = logging.getLogger("kiosk.documents")

CONTEXT = "Brochure"  # the translation context of the brochure's cover and footer

BROCHURE_FOLDER = "brochures"


def default_cache_dir() -> Path:
    """The per-user cache folder for generated brochures (never in the content folder)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.CacheLocation)
    return Path(base or Path.home() / ".cache" / "cri-kiosk") / BROCHURE_FOLDER


@dataclass(frozen=True)
class DocumentInfo:
    """What the Downloads list shows about a document, or why it cannot be opened."""

    path: Path | None
    pages: int = 0
    size: int = 0
    problem: FileProblem | None = None


class DocumentStore(QObject):
    """Finds, generates (brochures) and probes documents; remembers what it learnt."""

    def __init__(
        self,
        library: ContentLibrary,
        cache_dir: Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._cache_dir = cache_dir
        self._info: dict[str, DocumentInfo] = {}
        # One QtPdf document, made on first use, reused to count the pages of each file.
        self._probe_document: QPdfDocument | None = None

    @property
    def cache_dir(self) -> Path:
        return self._cache_dir if self._cache_dir is not None else default_cache_dir()

    @property
    def default_language(self) -> str:
        return self._library.default_language

    def language_name(self, code: str) -> str:
        """A language's name in that language (Français, العربية, English)."""
        return self._library.language(code).name

    @property
    def documents(self) -> tuple[Document, ...]:
        return self._library.documents.documents

    def document(self, doc_id: str) -> Document | None:
        return self._library.documents.get(doc_id)

    def info(self, doc_id: str) -> DocumentInfo:
        """The document's file, page count and size; generates a brochure on first use."""
        known = self._info.get(doc_id)
        if known is not None and (known.path is None or known.path.exists()):
            return known
        document = self.document(doc_id)
        if document is None:
            return DocumentInfo(None, problem=FileProblem(FileProblemKind.MISSING, "unknown id"))
        info = self._probe(document)
        if info.problem is not None:
            log.warning(
                "document %s (%s) cannot be shown: %s",
                doc_id,
                info.path or document.file,
                info.problem.message,
            )
        self._info[doc_id] = info
        return info

    def _probe(self, document: Document) -> DocumentInfo:
        catalog = self._library.documents
        if document.kind is DocumentKind.BROCHURE:
            try:
                path = self.brochure(document.language)
            except OSError as error:
                problem = FileProblem(
                    FileProblemKind.MISSING, f"the brochure cannot be written: {error}"
                )
                return DocumentInfo(None, problem=problem)
        else:
            path = catalog.file_path(document) or Path(document.file)
            known = catalog.file_problems.get(document.id)
            if known is not None:
                return DocumentInfo(path, problem=known)
        return self.probe(path)

    def probe(self, path: Path) -> DocumentInfo:
        """Page count and size of the PDF at ``path``, or why it cannot be opened."""
        if self._probe_document is None:
            # QtPdf is imported on first use: start-up does not need it.
            from PySide6.QtPdf import QPdfDocument

            self._probe_document = QPdfDocument(self)
        return probe_pdf(path, self._probe_document)

    def brochure(self, lang: str) -> Path:
        """The brochure of ``lang``, typeset again only when the content changed."""
        # The typesetter is loaded on first use: start-up does not need it.
        from kiosk.documents.brochure import brochure_source, translated_texts, write_brochure

        texts = translated_texts(translations_dir() / f"kiosk_{lang}.ts", CONTEXT)
        source = brochure_source(self._library, lang, lambda text: texts.get(text) or text)
        folder = self.cache_dir
        path = folder / f"brochure-{lang}-{source.digest()}.pdf"
        if path.is_file() and path.stat().st_size > 0:
            return path
        pages = write_brochure(source, path)
        log.info("typeset the %s brochure: %s (%d pages)", lang, path, pages)
        for old in folder.glob(f"brochure-{lang}-*.pdf"):
            if old != path:
                old.unlink(missing_ok=True)
        return path

    def build_all(self) -> list[tuple[str, Path]]:
        """Every brochure of the manifest, typeset if needed (``cri-kiosk build-docs``)."""
        built = []
        for document in self.documents:
            if document.kind is DocumentKind.BROCHURE:
                built.append((document.id, self.brochure(document.language)))
        return built


def probe_pdf(path: Path, document: QPdfDocument) -> DocumentInfo:
    """Open ``path`` in ``document`` to count its pages (then close it again); a damaged
    file gives a problem."""
    from PySide6.QtPdf import QPdfDocument

    try:
        size = path.stat().st_size
    except OSError:
        return DocumentInfo(path, problem=FileProblem(FileProblemKind.MISSING, "is missing"))
    try:
        error = document.load(str(path))
        if error != QPdfDocument.Error.None_:
            return DocumentInfo(path, size=size, problem=load_problem(error))
        return DocumentInfo(path, pages=document.pageCount(), size=size)
    finally:
        document.close()


def load_problem(error: QPdfDocument.Error) -> FileProblem:
    """A QtPdf load error as a file problem."""
    from PySide6.QtPdf import QPdfDocument

    kinds = {
        QPdfDocument.Error.FileNotFound: (FileProblemKind.MISSING, "is missing"),
        QPdfDocument.Error.IncorrectPassword: (
            FileProblemKind.PASSWORD,
            "is protected by a password",
        ),
        QPdfDocument.Error.UnsupportedSecurityScheme: (
            FileProblemKind.PASSWORD,
            "uses an unsupported protection",
        ),
    }
    kind, message = kinds.get(
        error, (FileProblemKind.DAMAGED, f"cannot be opened as a PDF ({error.name})")
    )
    return FileProblem(kind, message)
