"""Icons: qtawesome's glyphs, pixel for pixel, without importing qtawesome at start-up."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QIcon, QImage
from pytestqt.qtbot import QtBot

from kiosk.content.model import DEFAULT_ICON
from kiosk.icon_names import FAMILIES, charmap, icon_exists, icon_fonts
from kiosk.ui.style import icons

NAMES = ["mdi6.home", "mdi6.factory", "mdi6.chevron-left", "fa5s.hand-pointer", "fa6s.industry"]


def image(icon: QIcon, size: int, mode: QIcon.Mode = QIcon.Mode.Normal) -> QImage:
    return icon.pixmap(QSize(size, size), 2.0, mode).toImage()


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("mode", [QIcon.Mode.Normal, QIcon.Mode.Disabled])
def test_icons_match_qtawesome_pixel_for_pixel(qtbot: QtBot, name: str, mode: QIcon.Mode) -> None:
    import qtawesome

    for size in (24, 61):
        ours = image(icons.icon(name, "#0b3c5d"), size, mode)
        theirs = image(qtawesome.icon(name, color=QColor("#0b3c5d")), size, mode)
        assert ours.size() == theirs.size() == QSize(2 * size, 2 * size)
        assert ours == theirs, f"{name} at {size} px differs from qtawesome's"


def test_an_icon_is_drawn_in_its_colour(qtbot: QtBot) -> None:
    drawn = image(icons.icon("mdi6.home", "#c8102e"), 48)
    colours = {
        drawn.pixelColor(x, y).name()
        for x in range(drawn.width())
        for y in range(drawn.height())
        if drawn.pixelColor(x, y).alpha() == 255
    }
    assert colours == {"#c8102e"}


def test_unknown_names_fall_back_to_the_document_icon(qtbot: QtBot) -> None:
    assert icon_exists("mdi6.factory")
    assert not icon_exists("mdi6.no-such-icon")
    assert not icon_exists("nosuchfamily.factory")
    assert not icon_exists("factory")
    fallback = image(icons.icon(DEFAULT_ICON, "#000000"), 32)
    for name in ("mdi6.no-such-icon", "nosuchfamily.factory", "", "."):
        assert image(icons.icon(name, "#000000"), 32) == fallback


def test_the_families_are_the_fonts_qtawesome_loads(qtbot: QtBot) -> None:
    import qtawesome

    _folder, bundled = qtawesome.get_fonts_info()
    assert {font.name for font, _codes in icon_fonts().values()} == set(bundled)
    assert set(icon_fonts()) == set(FAMILIES)
    for prefix in FAMILIES:
        name, code = next(iter(charmap(prefix).items()))
        assert qtawesome.charmap(f"{prefix}.{name}") == chr(int(code, 16)), prefix
