"""Registering the bundled fonts and choosing families per script; no system fonts.

Below the widgets: the window, the language service and the printed brochures all draw
text in these families.
"""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase

from kiosk.paths import fonts_dir

log = logging.getLogger("kiosk.fonts")

LATIN_FAMILY = "Noto Sans"
ARABIC_FAMILY = "Noto Sans Arabic"


def register_fonts() -> list[str]:
    """Add every bundled font to Qt's database; return the families that loaded."""
    families: list[str] = []
    for path in sorted(fonts_dir().glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.error("could not load bundled font %s", path)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))


_families = {"latin": LATIN_FAMILY, "arabic": ARABIC_FAMILY}


def configure_families(latin: str, arabic: str) -> None:
    """Use the site theme's families when they are bundled; keep Noto otherwise."""
    loaded = set(QFontDatabase.families())
    for script, family in (("latin", latin), ("arabic", arabic)):
        if not family:
            continue
        if family in loaded:
            _families[script] = family
        else:
            log.warning(
                "theme font %r is not among the bundled fonts (resources/fonts): using %r",
                family,
                _families[script],
            )


def families_for(is_rtl: bool) -> list[str]:
    """Font families for a language: its own script's family first."""
    latin, arabic = _families["latin"], _families["arabic"]
    return [arabic, latin] if is_rtl else [latin, arabic]


def font_for(is_rtl: bool, base: QFont | None = None) -> QFont:
    """The UI font for a language: Arabic first for right-to-left, Latin first otherwise.

    Both families are listed so that mixed text (an Arabic name in the French UI)
    is still drawn with a bundled font.
    """
    font = QFont(base) if base is not None else QFont()
    font.setFamilies(families_for(is_rtl))
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font
