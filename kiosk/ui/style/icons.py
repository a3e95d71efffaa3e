"""Icons by qtawesome name (``mdi6.factory``), drawn from qtawesome's bundled icon fonts.

The icons are qtawesome's: its font files and character maps, named the way qtawesome
names them, painted the way its default "text" painter does. The kiosk does not import
the qtawesome module itself: that import pulls in qtpy, whose ``from PySide6.QtX import *``
wrappers build every Qt class and cost about 0.2 s of a 0.5 s start-up; qtawesome also
hashes all its fonts and parses all ten character maps on the first icon. Here a font is
registered and its map read only when an icon of that family is first asked for.
"""

from __future__ import annotations

import ast
import json
import logging
import re
from functools import cache
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QIcon,
    QIconEngine,
    QImage,
    QPainter,
    QPalette,
    QPixmap,
)

from kiosk.content.model import DEFAULT_ICON
from kiosk.paths import qtawesome_dir

log = logging.getLogger("kiosk.icons")

# The tuple literal in qtawesome/__init__.py, from its first line to its closing one.
_DECLARATION = re.compile(r"^_BUNDLED_FONTS = (\(.*?^\))", re.DOTALL | re.MULTILINE)
# Sizes (and colours) of one icon kept drawn; a few in practice (button, text size steps).
MAX_SIZES_KEPT = 16
# qtawesome draws a glyph at 7/8 of the icon's height, leaving room for the font's bearing.
GLYPH_SCALE = 0.875


@cache
def _bundled_fonts() -> dict[str, tuple[Path, Path]]:
    """qtawesome's icon families: prefix -> (font file, character map file).

    Read from the ``_BUNDLED_FONTS`` literal of qtawesome's ``__init__.py`` without running
    the module (see the module docstring); only that literal is parsed.
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
    return {prefix: (folder / ttf, folder / charmap) for prefix, ttf, charmap in fonts}


@cache
def _charmap(prefix: str) -> dict[str, str]:
    """Icon name -> hexadecimal code point, for one family; empty when it is unknown."""
    files = _bundled_fonts().get(prefix)
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


@cache
def _font_family(prefix: str) -> str:
    """The family name of a prefix's font, registered with Qt on first use."""
    font_id = QFontDatabase.addApplicationFont(str(_bundled_fonts()[prefix][0]))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.error("cannot load the icon font %s", _bundled_fonts()[prefix][0])
        return ""
    return families[0]


def icon_exists(name: str) -> bool:
    """True when ``name`` (``prefix.icon``) is a qtawesome icon."""
    prefix, _, icon_name = name.partition(".")
    return icon_name in _charmap(prefix)


class GlyphIconEngine(QIconEngine):
    """Draws one icon-font character in one colour, at any size and pixel ratio.

    Buttons ask for their icon's pixmap at every paint: each size is drawn once and kept
    (as a QImage, which needs no running application when it is finally freed).
    """

    def __init__(self, family: str, character: str, color: QColor) -> None:
        super().__init__()
        self._family = family
        self._character = character
        self._color = QColor(color)
        self._drawn: dict[tuple[int, int, int, int], QImage] = {}

    def _color_for(self, mode: QIcon.Mode) -> QColor:
        if mode == QIcon.Mode.Disabled:
            # As qtawesome: the application's colour for disabled text.
            return QGuiApplication.palette().color(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        return self._color

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        color = self._color_for(mode)
        font = QFont(self._family)
        font.setPixelSize(max(1, round(GLYPH_SCALE * rect.height())))
        painter.save()
        painter.setFont(font)
        painter.setPen(color)
        painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._character)
        painter.restore()

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        key = (size.width(), size.height(), self._color_for(mode).rgba(), state.value)
        image = self._drawn.get(key)
        if image is None:
            if len(self._drawn) >= MAX_SIZES_KEPT:
                self._drawn.clear()
            image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            self.paint(painter, QRect(QPoint(0, 0), size), mode, state)
            painter.end()
            self._drawn[key] = image
        return QPixmap.fromImage(image)

    def clone(self) -> QIconEngine:
        return GlyphIconEngine(self._family, self._character, self._color)


@cache
def _icon(name: str, color: str) -> QIcon:
    prefix, _, icon_name = name.partition(".")
    character = chr(int(_charmap(prefix)[icon_name], 16))
    return QIcon(GlyphIconEngine(_font_family(prefix), character, QColor(color)))


def icon(name: str, color: str) -> QIcon:
    """The named icon drawn in ``color``; the default document icon if the name is unknown."""
    if not icon_exists(name):
        log.warning("unknown icon %r, using %r", name, DEFAULT_ICON)
        name = DEFAULT_ICON
    return QIcon(_icon(name, QColor(color).name(QColor.NameFormat.HexArgb)))
