"""The home screen: hierarchy, headline figures, the invitation and the logo, at every size."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content.headlines import headlines
from kiosk.ui.navigator import HOME
from kiosk.ui.style.theme import TYPE, metrics_for
from kiosk.ui.window import MainWindow
from tests.ui.conftest import WindowFactory
from tests.ui.visitor import tap

SIZES = [(1920, 1080), (1080, 1920), (1366, 768)]
LANGUAGES = ["fr", "ar", "en"]


def rect_in(window: QWidget, widget: QWidget) -> QRect:
    return QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())


def settle(app: QApplication) -> None:
    for _ in range(3):
        app.processEvents()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_home_shows_everything_without_scrolling(
    make_window: WindowFactory, app: QApplication, size: tuple[int, int]
) -> None:
    window = make_window(size=size)
    for lang in LANGUAGES:
        window.language.set_language(lang)
        settle(app)
        area = window.home.scroll_area
        assert not area.verticalScrollBar().isVisible(), f"{lang}: the home screen scrolls"
        view = rect_in(window, area.viewport())
        for page_id, tile in window.home.tiles.items():
            assert view.contains(rect_in(window, tile)), f"{lang}: {page_id} is off screen"
        tiles = list(window.home.tiles.values())
        for index, tile in enumerate(tiles):
            for other in tiles[index + 1 :]:
                overlap = rect_in(window, tile).intersected(rect_in(window, other))
                assert overlap.isEmpty(), f"{lang}: {tile.page_id} runs into {other.page_id}"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_each_pillar_frames_its_children(
    make_window: WindowFactory, app: QApplication, size: tuple[int, int]
) -> None:
    window = make_window(size=size)
    settle(app)
    pillars = window.home.pillars
    assert [p.hero.page_id for p in pillars] == ["plan-acceleration-industrielle", "pole-medest"]
    for pillar in pillars:
        frame = rect_in(window, pillar)
        hero = rect_in(window, pillar.hero)
        library = window.library
        assert [t.page_id for t in pillar.children_tiles] == list(
            library.children(pillar.hero.page_id)
        )
        for child in pillar.children_tiles:
            assert frame.contains(rect_in(window, child)), child.page_id
            assert rect_in(window, child).top() > hero.bottom(), "children sit under their card"
    first, second = (rect_in(window, p) for p in pillars)
    if size[1] > size[0]:
        assert second.top() > first.bottom(), "portrait: one pillar above the other"
    else:
        assert first.top() == second.top() and first.right() < second.left(), "side by side"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_headline_figures_come_from_the_content_in_headline_type(
    make_window: WindowFactory, qtbot: QtBot, app: QApplication, lang: str
) -> None:
    window = make_window(lang=lang)
    settle(app)
    tile = window.home.figures_tile
    assert tile is not None
    expected = headlines(window.library, lang)
    assert len(expected) == 2
    shown = [block for block in tile.blocks if block.isVisible()]
    assert len(shown) == len(expected)
    figure_px = metrics_for(window.width(), window.height()).font(TYPE.figure)
    assert figure_px >= 120
    for block, figure in zip(shown, expected, strict=True):
        digits = "".join(c for c in block.number.text() if c.isdigit())
        assert int(digits) == figure.value
        assert block.number.text().startswith(figure.prefix)
        assert block.unit.accessibleName() == figure.unit
        assert block.caption.accessibleName() == figure.caption
        assert block.number.fontInfo().pixelSize() >= figure_px
    tap(qtbot, tile)
    assert window.current_screen() == "chiffres-cles"


def test_the_invitation_is_large_and_in_the_visitors_language(
    make_window: WindowFactory, app: QApplication
) -> None:
    window = make_window(lang="ar")
    settle(app)
    invitation = window.home.hint
    assert invitation.isVisible()
    assert invitation.accessibleName() == "المس إحدى البطاقات لاستكشاف القسم."
    assert invitation.fontInfo().pixelSize() >= metrics_for(1920, 1080).font(TYPE.title)


def test_a_logo_file_replaces_the_text_mark(
    make_window: WindowFactory, app: QApplication, content_copy: Path
) -> None:
    (content_copy / "images").mkdir(exist_ok=True)
    (content_copy / "images" / "logo.svg").write_text(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 200 100">'
        '<rect width="200" height="100" fill="#c8102e"/></svg>',
        encoding="utf-8",
    )
    site = content_copy / "site.toml"
    text = site.read_text(encoding="utf-8")
    site.write_text(
        text.replace('logo_text = "CRI"', 'logo_text = "CRI"\nlogo = "images/logo.svg"')
    )
    window = make_window(content=content_copy)
    settle(app)
    mark = window.home.logo
    assert mark.shows_image() and mark.text() == ""
    image = mark.grab().toImage()
    centre = image.pixelColor(image.width() // 2, image.height() // 2)
    assert centre.name() == "#c8102e", "the logo itself is drawn"
    assert mark.pixmap().height() == mark.pixmap().width() // 2, "its proportions are kept"
    assert mark.accessibleName() == "CRI"


def test_without_a_logo_file_the_text_mark_shows(window: MainWindow, app: QApplication) -> None:
    settle(app)
    assert window.current_screen() == HOME
    assert not window.home.logo.shows_image()
    assert window.home.logo.text() == "CRI"
