"""The content library: every page in every language, structure, fallbacks and order."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from kiosk.content.documents import DocumentCatalog
from kiosk.content.model import KeyFigure, Language, Page, Place, Site

log = logging.getLogger("kiosk.content")
T = TypeVar("T")


@dataclass(frozen=True)
class PageView:
    """A page as a visitor in ``lang`` sees it: the page itself, or its fallback."""

    page: Page
    lang: str

    @property
    def is_fallback(self) -> bool:
        """True when the page is shown in another language than the visitor's."""
        return self.page.lang != self.lang


class ContentLibrary:
    """All loaded pages. The default language is the source of truth for structure."""

    def __init__(
        self,
        site: Site,
        pages: dict[str, dict[str, Page]],
        documents: DocumentCatalog | None = None,
    ) -> None:
        self.site = site
        self._pages = pages
        self.documents = documents if documents is not None else DocumentCatalog()
        structure = dict(pages.get(site.default_language, {}))
        for lang in site.language_codes:
            for page_id, page in pages.get(lang, {}).items():
                structure.setdefault(page_id, page)
        self._structure = structure
        # parent id -> its children in order, built once: the home screen, every section
        # page and the presentation order ask for them, and a large tree has hundreds.
        kids: dict[str, list[Page]] = {}
        for page in structure.values():
            if page.parent is not None and page.parent != page.id:
                kids.setdefault(page.parent, []).append(page)
        self._children = {
            parent: tuple(p.id for p in sorted(found, key=lambda p: (p.order, p.id)))
            for parent, found in kids.items()
        }
        self._order = self._presentation_order()
        self._html: dict[tuple[str, str], str] = {}

    # languages -----------------------------------------------------------------
    @property
    def languages(self) -> tuple[Language, ...]:
        return self.site.languages

    @property
    def default_language(self) -> str:
        return self.site.default_language

    def language(self, code: str) -> Language:
        found = self.site.language(code)
        return found if found is not None else self.site.languages[0]

    # pages ----------------------------------------------------------------------
    def has_page(self, page_id: str) -> bool:
        return page_id in self._structure

    def view(self, page_id: str, lang: str) -> PageView | None:
        """The page in ``lang``, else in the default language, else in any language."""
        for source in (lang, self.default_language, *self.site.language_codes):
            page = self._pages.get(source, {}).get(page_id)
            if page is not None:
                return PageView(page, lang)
        return None

    def html(self, page: Page) -> str:
        """The page's body as safe HTML, rendered once and kept."""
        key = (page.id, page.lang)
        rendered = self._html.get(key)
        if rendered is None:
            # Python-Markdown is loaded with the first page shown, not at start-up.
            from kiosk.content.markdown_render import render_markdown

            result = render_markdown(
                page, self.has_page, self.documents.has, self.documents.is_awaited
            )
            # The technician finds in the log why a page shows as plain text or without
            # a link (check says the same before publishing).
            for problem in result.problems:
                if problem.is_error:
                    log.error("%s", problem)
            rendered = result.html
            self._html[key] = rendered
        return rendered

    def pages_in(self, lang: str) -> dict[str, Page]:
        """Pages actually written in ``lang`` (no fallbacks)."""
        return dict(self._pages.get(lang, {}))

    @property
    def page_ids(self) -> tuple[str, ...]:
        """Every page id, in presentation order: home order, each followed by its children."""
        return self._order

    # pictures' data ---------------------------------------------------------------
    def key_figures(self, lang: str) -> tuple[KeyFigure, ...]:
        """The key figures in ``lang`` (with fallback), from the first page that has any."""
        return self._first_with(lang, lambda page: page.figures)

    def places(self, lang: str) -> tuple[Place, ...]:
        """The map's places in ``lang`` (with fallback), from the first page that has any."""
        return self._first_with(lang, lambda page: page.places)

    def _first_with(self, lang: str, read: Callable[[Page], tuple[T, ...]]) -> tuple[T, ...]:
        # Pages are tried in presentation order, so the page a visitor finds first wins.
        for page_id in (*self._order, *self._structure):
            if read(self._structure[page_id]):
                view = self.view(page_id, lang)
                found = read(view.page) if view is not None else ()
                return found or read(self._structure[page_id])
        return ()

    # structure ------------------------------------------------------------------
    def parent(self, page_id: str) -> str | None:
        page = self._structure.get(page_id)
        if page is None or page.parent not in self._structure:
            return None
        return page.parent

    def children(self, page_id: str) -> tuple[str, ...]:
        return self._children.get(page_id, ())

    def top_level(self) -> tuple[str, ...]:
        """The home screen's sections, in the site file's order."""
        return tuple(
            page_id
            for page_id in self.site.home
            if page_id in self._structure and self.parent(page_id) is None
        )

    def siblings(self, page_id: str) -> tuple[str, ...]:
        """Pages sharing this page's parent (the home sections for top-level pages)."""
        parent = self.parent(page_id)
        group = self.top_level() if parent is None else self.children(parent)
        return group if page_id in group else ()

    def _presentation_order(self) -> tuple[str, ...]:
        # A dict keeps insertion order and answers "already visited?" at once.
        order: dict[str, None] = {}

        def visit(page_id: str) -> None:
            if page_id in order:
                return
            order[page_id] = None
            for child in self.children(page_id):
                visit(child)

        for page_id in self.top_level():
            visit(page_id)
        return tuple(order)
