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
