"""Which qtawesome icon names exist, read from qtawesome's files without Qt or qtawesome.

``cri-kiosk check`` validates the icons pages name with this, without loading QtGui;
kiosk.ui.style.icons draws them from the same fonts and character maps.
"""

from __future__ import annotations

import ast
import json
import logging
import re
from functools import cache
from pathlib import Path

from kiosk.paths import qtawesome_dir

log = logging.getLogger("kiosk.icons")

# The tuple literal in qtawesome/__init__.py, from its first line to its closing one.
_DECLARATION = re.compile(r"^_BUNDLED_FONTS = (\(.*?^\))", re.DOTALL | re.MULTILINE)


@cache
def icon_fonts() -> dict[str, tuple[Path, Path]]:
    """qtawesome's icon families: prefix -> (font file, character map file).

    Read from the ``_BUNDLED_FONTS`` literal of qtawesome's ``__init__.py`` without running
    the module (see kiosk.ui.style.icons); only that literal is parsed.
    """
    package = qtawesome_dir()
    if package is None:
        log.error("qtawesome is not installed: no icons")
        return {}
    try:
        source = (package / "__init__.py").read_text(encoding="utf-8")
        declared = _DECLARATION.search(source)
        if declared is None:
            raise ValueError("no _BUNDLED_FONTS = (...) in qtawesome/__init__.py")
        fonts = ast.literal_eval(declared.group(1))
    except (OSError, SyntaxError, ValueError) as error:
        log.error("cannot read qtawesome's list of icon fonts: %s", error)
        return {}
    folder = package / "fonts"
    return {prefix: (folder / ttf, folder / codes) for prefix, ttf, codes in fonts}


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
