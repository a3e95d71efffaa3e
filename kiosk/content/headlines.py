"""The headline figures the home screen shows, read from the key-figures page of the content.

One place reads them, so the home screen never holds a figure. The page is the one
whose picture is the key figures (front matter ``graphic = "key-figures"``); its
figures are its front matter ``[[figures]]`` table, checked by ``cri-kiosk check``.
"""

from __future__ import annotations

from dataclasses import dataclass

from kiosk.content.library import ContentLibrary
from kiosk.content.model import Page

KEY_FIGURES_GRAPHIC = "key-figures"
# The page lists the plan's goals first (500 000 jobs, +9 points of GDP): the home
# screen shows those two, large enough to read from three metres.
HEADLINE_COUNT = 2


@dataclass(frozen=True)
class Headline:
    """A figure as the home screen shows it: the number, its unit and what it means."""

    value: int
    prefix: str
    unit: str
    caption: str


def key_figures_page(library: ContentLibrary, lang: str) -> Page | None:
    """The page of the key figures in ``lang`` (or its fallback), if the content has one."""
    for page_id in library.page_ids:
        view = library.view(page_id, lang)
        if view is not None and view.page.graphic == KEY_FIGURES_GRAPHIC:
            return view.page
    return None


def headlines(
    library: ContentLibrary, lang: str, count: int = HEADLINE_COUNT
) -> tuple[Headline, ...]:
    """The first ``count`` figures of the key-figures page in ``lang``, in its order."""
    page = key_figures_page(library, lang)
    if page is None:
        return ()
    return tuple(
        Headline(figure.value, figure.prefix, figure.unit, figure.caption)
        for figure in page.figures[:count]
    )
