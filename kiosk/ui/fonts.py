"""Registering the bundled fonts and choosing families per script; no system fonts."""

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


def font_for(is_rtl: bool, base: QFont | None = None) -> QFont:
    """The UI font for a language: Arabic first for right-to-left, Latin first otherwise.

    Both families are listed so that mixed text (an Arabic name in the French UI)
    is still drawn with a bundled font.
    """
    font = QFont(base) if base is not None else QFont()
    families = [ARABIC_FAMILY, LATIN_FAMILY] if is_rtl else [LATIN_FAMILY, ARABIC_FAMILY]
    font.setFamilies(families)
    font.setStyleStrategy(QFont.StyleStrategy.PreferAntialias)
    return font
