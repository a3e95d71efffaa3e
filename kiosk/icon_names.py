"""Which qtawesome icon names exist, read from qtawesome's font files without Qt or qtawesome.

``cri-kiosk check`` validates the icons pages name with this, without loading QtGui;
kiosk.ui.style.icons draws them from the same fonts and character maps.
"""

from __future__ import annotations

import fnmatch
import json
import logging
import os
from functools import cache
from pathlib import Path

from kiosk.paths import qtawesome_dir

log = logging.getLogger("kiosk.icons")

# qtawesome's icon families (the prefixes of its README, "Supported Fonts"), each with the
# name its package data gives the family's files: <stem>-<version>.ttf for the font and
# <stem>-charmap-<version>.json for the character map. Importing qtawesome to ask it would
# cost the start-up its qtpy layer (kiosk.ui.style.icons). tests/ui/style/test_icons.py
# compares this with the fonts qtawesome loads itself, so an upgrade that adds or renames a
# family fails there; pyproject.toml pins the qtawesome releases that test has passed with.
FAMILIES = {
    "fa5": "fontawesome5-regular-webfont",
    "fa5s": "fontawesome5-solid-webfont",
    "fa5b": "fontawesome5-brands-webfont",
    "fa6": "fontawesome6-regular-webfont",
    "fa6s": "fontawesome6-solid-webfont",
    "fa6b": "fontawesome6-brands-webfont",
    "ei": "elusiveicons-webfont",
    "mdi": "materialdesignicons5-webfont",
    "mdi6": "materialdesignicons6-webfont",
    "ph": "phosphor",
    "ri": "remixicon",
    "msc": "codicon",
}


@cache
def icon_fonts() -> dict[str, tuple[Path, Path]]:
    """qtawesome's icon families: prefix -> (font file, character map file)."""
    package = qtawesome_dir()
    if package is None:
        log.error("qtawesome is not installed: no icons")
        return {}
    folder = package / "fonts"
    # One listing of the folder: a glob per family took 20 ms of the start-up.
    try:
        names = sorted(os.listdir(folder))
    except OSError:
        names = []
    fonts = {}
    for prefix, stem in FAMILIES.items():
        ttf = _one(folder, names, f"{stem}-[0-9]*.ttf")
        codes = _one(folder, names, f"{stem}-charmap-[0-9]*.json")
        if ttf is None or codes is None:
            log.error("qtawesome's %s icons (%s) are missing from %s", prefix, stem, folder)
            continue
        fonts[prefix] = (ttf, codes)
    return fonts


def _one(folder: Path, names: list[str], pattern: str) -> Path | None:
    """The one file of ``folder`` (listed in ``names``) matching ``pattern``, else None."""
    found = fnmatch.filter(names, pattern)
    return folder / found[0] if len(found) == 1 else None


@cache
def charmap(prefix: str) -> dict[str, str]:
    """Icon name -> hexadecimal code point, for one family; empty when it is unknown."""
    files = icon_fonts().get(prefix)
    if files is None:
        return {}
    try:
        codes = json.loads(files[1].read_text(encoding="utf-8"))
        if not isinstance(codes, dict):
            raise ValueError("not a JSON object")
        return codes
    except (OSError, ValueError) as error:
        log.error("cannot read the icon map %s: %s", files[1], error)
        return {}


def icon_exists(name: str) -> bool:
    """True when ``name`` (``prefix.icon``) is a qtawesome icon."""
    prefix, _, icon_name = name.partition(".")
    return icon_name in charmap(prefix)
