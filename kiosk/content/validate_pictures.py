"""Cross-page checks of the pictures' data: figures and places agree in every language."""

from __future__ import annotations

from kiosk.content.library import ContentLibrary
from kiosk.content.model import KeyFigure, Page, Place
from kiosk.content.problems import Problem, Severity

# (west, south, east, north) in degrees: the area a map draws.
MapFrame = tuple[float, float, float, float]
# What must be the same in every language: the numbers, never the words.
FIGURE_NUMBERS = ("value", "prefix", "from_percent", "to_percent", "goal")
PLACE_NUMBERS = ("latitude", "longitude")


def check_pictures_data(
    library: ContentLibrary, page: Page, map_frame: MapFrame | None = None
) -> list[Problem]:
    """The page's figures and places against its source page and the map."""
    problems = [
        Problem(
            page.path,
            place.line,
            Severity.ERROR,
            f"place '{place.page}': no page has that id",
        )
        for place in page.places
        if not library.has_page(place.page)
    ]
    if map_frame is not None:
        problems += _outside_map(page, map_frame)
    default = library.default_language
    source = library.pages_in(default).get(page.id)
    if page.lang == default or source is None:
        return problems
    problems += _compare(page, source, "figure", page.figures, source.figures, FIGURE_NUMBERS)
    problems += _compare(page, source, "place", page.places, source.places, PLACE_NUMBERS)
    return problems


def _outside_map(page: Page, frame: MapFrame) -> list[Problem]:
    west, south, east, north = frame
    return [
        Problem(
            page.path,
            place.line,
            Severity.ERROR,
            f"place '{place.page}' ({place.latitude:g} N, {place.longitude:g} E) is outside "
            f"the map, which shows latitudes {south:g} to {north:g} and longitudes "
            f"{west:g} to {east:g}",
        )
        for place in page.places
        if not (south <= place.latitude <= north and west <= place.longitude <= east)
    ]


def _compare(
    page: Page,
    source: Page,
    what: str,
    entries: tuple[KeyFigure, ...] | tuple[Place, ...],
    originals: tuple[KeyFigure, ...] | tuple[Place, ...],
    numbers: tuple[str, ...],
) -> list[Problem]:
    """Entries missing, extra or with other numbers than the source language's."""
    origin = f"{source.lang}/{source.path.name}"
    mine = {_key(entry): entry for entry in entries}
    theirs = {_key(entry): entry for entry in originals}
    problems = []
    # An entry refused for a mistake has been reported already, on its own line.
    excused = {*page.left_out, *source.left_out}
    for key, original in theirs.items():
        entry = mine.get(key)
        if entry is None and key in excused:
            continue
        if entry is None:
            problems.append(
                Problem(
                    page.path,
                    1,
                    Severity.ERROR,
                    f"{what} '{key}' is in {origin} (line {original.line}) but not here: "
                    f"add a [[{what}s]] table for it",
                )
            )
            continue
        for name in numbers:
            mine_value, their_value = getattr(entry, name), getattr(original, name)
            if mine_value != their_value:
                problems.append(
                    Problem(
                        page.path,
                        entry.line,
                        Severity.ERROR,
                        f"{what} '{key}': {name} is {mine_value!r} here but {their_value!r} "
                        f"in {origin}: numbers must be the same in every language",
                    )
                )
    for key, entry in mine.items():
        if key not in theirs and key not in excused:
            problems.append(
                Problem(
                    page.path,
                    entry.line,
                    Severity.ERROR,
                    f"{what} '{key}' is not in {origin}: add it there too or remove it here",
                )
            )
    return problems


def _key(entry: KeyFigure | Place) -> str:
    return entry.id if isinstance(entry, KeyFigure) else entry.page
