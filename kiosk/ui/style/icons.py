"""Icons by qtawesome name (``mdi6.factory``), drawn from qtawesome's bundled icon fonts.

The icons are qtawesome's: its font files and character maps, named the way qtawesome
names them, painted the way its default "text" painter does. The kiosk does not import
the qtawesome module itself: that import pulls in qtpy, whose ``from PySide6.QtX import *``
wrappers build every Qt class and cost about 0.2 s of a 0.5 s start-up; qtawesome also
hashes all its fonts and parses all ten character maps on the first icon. Here a font is
registered and its map read only when an icon of that family is first asked for.
"""

from __future__ import annotations

import logging
from functools import cache

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
from kiosk.icon_names import charmap, icon_exists, icon_fonts

log = logging.getLogger("kiosk.icons")

# Sizes (and colours) of one icon kept drawn; a few in practice (button, text size steps).
MAX_SIZES_KEPT = 16
# qtawesome draws a glyph at 7/8 of the icon's height, leaving room for the font's bearing.
GLYPH_SCALE = 0.875


@cache
def _font_family(prefix: str) -> str:
    """The family name of a prefix's font, registered with Qt on first use."""
    font_id = QFontDatabase.addApplicationFont(str(icon_fonts()[prefix][0]))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.error("cannot load the icon font %s", icon_fonts()[prefix][0])
        return ""
    return families[0]


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
    character = chr(int(charmap(prefix)[icon_name], 16))
    return QIcon(GlyphIconEngine(_font_family(prefix), character, QColor(color)))


def icon(name: str, color: str) -> QIcon:
    """The named icon drawn in ``color``; the default document icon if the name is unknown."""
    if not icon_exists(name):
        log.warning("unknown icon %r, using %r", name, DEFAULT_ICON)
        name = DEFAULT_ICON
    return QIcon(_icon(name, QColor(color).name(QColor.NameFormat.HexArgb)))
