"""The headline figures the home screen shows, read from the key-figures page of the content.

One place reads them, so the home screen never holds a figure. The page is the one
whose picture is the key figures (front matter ``graphic = "key-figures"``). Its
figures come from its front matter ``[[figures]]`` table when the content model has
one; until then from its Markdown list, where each figure is written as
``- **500 000 jobs**: what it means`` (the number first, in bold).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from kiosk.content.library import ContentLibrary
from kiosk.content.model import Page

KEY_FIGURES_GRAPHIC = "key-figures"
# The page lists the plan's goals first (500 000 jobs, +9 points of GDP): the home
# screen shows those two, large enough to read from three metres.
HEADLINE_COUNT = 2

# "- **+9 points** : caption" / "- **10 mesures clefs**، caption": an optional sign, a
# whole number grouped by spaces (never a decimal or a range such as 2014-2020), the
# unit, then a colon or comma and the caption.
_ITEM = re.compile(
    r"^\s*[-*+]\s+\*\*(?P<prefix>[+]?)(?P<number>\d{1,3}(?:[ \u00a0\u202f,]\d{3})*|\d+)"
    r"\s+(?P<unit>[^*\d][^*]*?)\s*\*\*\s*[:،,]?\s*(?P<caption>.*)$"
)
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


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
    figures = getattr(page, "figures", ())  # the front matter table, once the model has it
    if figures:
        return tuple(
            Headline(figure.value, figure.prefix, figure.unit, figure.caption)
            for figure in figures[:count]
        )
    return tuple(_from_markdown(page.body))[:count]


def _from_markdown(body: str) -> list[Headline]:
    found = []
    for line in body.splitlines():
        match = _ITEM.match(line)
        if match is None:
            continue
        caption = _LINK.sub("", match["caption"]).replace("**", "").strip()
        caption = caption.rstrip(".").strip()
        value = int(re.sub(r"\D", "", match["number"]))
        found.append(Headline(value, match["prefix"], match["unit"].strip(), caption))
    return found
