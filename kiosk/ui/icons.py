"""Icons from qtawesome by name, with a safe fallback for unknown names."""

from __future__ import annotations

import json
import logging
from functools import cache
from importlib.util import find_spec
from pathlib import Path

import qtawesome
from PySide6.QtGui import QColor, QIcon

from kiosk.content.model import DEFAULT_ICON

log = logging.getLogger("kiosk.icons")


@cache
def _charmaps() -> dict[str, frozenset[str]]:
    spec = find_spec("qtawesome")
    if spec is None or not spec.submodule_search_locations:
        return {}
    fonts = Path(next(iter(spec.submodule_search_locations))) / "fonts"
    maps: dict[str, frozenset[str]] = {}
    for prefix, _ttf, charmap in qtawesome._BUNDLED_FONTS:
        try:
            names = json.loads((fonts / charmap).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        maps[prefix] = frozenset(names)
    return maps


def icon_exists(name: str) -> bool:
    """True when ``name`` (``prefix.icon``) is a qtawesome icon."""
    prefix, _, icon = name.partition(".")
    return icon in _charmaps().get(prefix, frozenset())


def icon(name: str, color: str) -> QIcon:
    """The named icon drawn in ``color``; the default document icon if the name is unknown."""
    if not icon_exists(name):
        log.warning("unknown icon %r, using %r", name, DEFAULT_ICON)
        name = DEFAULT_ICON
    return qtawesome.icon(name, color=QColor(color))
