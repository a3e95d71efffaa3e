"""The content model: languages, the site description and pages. Plain data, no Qt."""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_ICON = "mdi6.file-document-outline"


class Direction(enum.Enum):
    """Writing direction a language declares in the site file."""

    LTR = "ltr"
    RTL = "rtl"


@dataclass(frozen=True)
class Language:
    """A content language: its code (``fr``), its own name (``Français``) and direction."""

    code: str
    name: str
    direction: Direction = Direction.LTR

    @property
    def is_rtl(self) -> bool:
        return self.direction is Direction.RTL


@dataclass(frozen=True)
class Theme:
    """The site's look, from the ``[theme]`` table: colour overrides, logo text, fonts."""

    # palette colour name (kiosk.palette.Palette field) -> "#rrggbb"
    colours: dict[str, str] = field(default_factory=dict)
    logo_text: str = "CRI"
    # a PNG or SVG file of the content folder shown instead of logo_text, checked to exist
    logo: Path | None = None
    latin_font: str = ""
    arabic_font: str = ""


@dataclass(frozen=True)
class Site:
    """What the site file says: languages, default language, home order, organisation texts."""

    languages: tuple[Language, ...]
    default_language: str
    home: tuple[str, ...]
    # field ("name", "short_name", "tagline") -> language code -> text
    organisation: dict[str, dict[str, str]] = field(default_factory=dict)
    path: Path = Path("site.toml")
    # The CRI's public web site, shown as a QR code; empty when the content gives none.
    url: str = ""
    theme: Theme = field(default_factory=Theme)

    def language(self, code: str) -> Language | None:
        return next((lang for lang in self.languages if lang.code == code), None)

    @property
    def language_codes(self) -> tuple[str, ...]:
        return tuple(lang.code for lang in self.languages)

    def organisation_text(self, key: str, lang: str) -> str:
        """An organisation text in ``lang``, else in the default language, else empty."""
        texts = self.organisation.get(key, {})
        return texts.get(lang) or texts.get(self.default_language, "")


@dataclass(frozen=True)
class KeyFigure:
    """One key figure from a page's ``[[figures]]`` table: a number and what it counts."""

    id: str
    value: int
    unit: str
    caption: str
    # written before the number, e.g. "+" for a rise
    prefix: str = ""
    # a share (percent) that grows from ``from_percent`` to ``to_percent``, drawn as a bar
    from_percent: int | None = None
    to_percent: int | None = None
    # True for the plan's goals (shown in the plan's diagram)
    goal: bool = False
    # 1-based line of its ``[[figures]]`` header, for error messages
    line: int = 1


@dataclass(frozen=True)
class Place:
    """One place on the map from a page's ``[[places]]`` table: a zone's town (WGS84)."""

    page: str
    name: str
    latitude: float
    longitude: float
    # 1-based line of its ``[[places]]`` header, for error messages
    line: int = 1


@dataclass(frozen=True)
class Page:
    """One Markdown page in one language, with its front matter."""

    id: str
    lang: str
    title: str
    body: str
    path: Path
    summary: str = ""
    icon: str = DEFAULT_ICON
    order: int = 0
    parent: str | None = None
    # True for the page that lists every document (front matter: downloads = true)
    downloads: bool = False
    # a picture drawn with the text (front_matter.GRAPHICS), or None
    graphic: str | None = None
    # 1-based line of the file where the Markdown body starts, for error messages
    body_line: int = 1
    # key figures and map places the page's picture draws ([[figures]], [[places]])
    figures: tuple[KeyFigure, ...] = ()
    places: tuple[Place, ...] = ()
    # ids of figures and places written but refused for a mistake (already reported)
    left_out: tuple[str, ...] = ()
