"""Key figures, zones map and plan diagram: what a visitor sees and what their taps open."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from kiosk.content.front_matter import GRAPHICS
from kiosk.ui.screens.graphics.key_figures import KeyFigures
from kiosk.ui.screens.graphics.numbers import format_integer, format_percent, western_digits
from kiosk.ui.screens.graphics.plan_diagram import PlanDiagram
from kiosk.ui.screens.graphics.registry import GRAPHIC_CLASSES
from kiosk.ui.screens.graphics.zones_map import ZonesMap, project
from kiosk.ui.style.theme import active_palette
from kiosk.ui.transitions import set_motion_enabled
from tests.conftest import CONTENT
from tests.ui.conftest import WindowFactory
from tests.ui.visitor import tap, tap_home_tile

LANGS = ["fr", "ar", "en"]


def parts(graphic: object) -> dict[str, QAbstractButton]:
    assert isinstance(graphic, (ZonesMap, PlanDiagram))
    return {
        b.page_id: b  # type: ignore[attr-defined]
        for b in graphic.findChildren(QAbstractButton)
        if b.isVisible()
    }


def test_every_graphic_name_has_a_widget() -> None:
    assert set(GRAPHIC_CLASSES) == set(GRAPHICS)


@pytest.mark.parametrize("lang", LANGS)
def test_key_figures_show_the_seed_numbers_in_western_digits(
    make_window: WindowFactory, qtbot: QtBot, lang: str
) -> None:
    window = make_window(lang=lang)
    tap_home_tile(qtbot, window, "chiffres-cles")
    graphic = window.section.graphic
    assert isinstance(graphic, KeyFigures)
    assert graphic.isVisible()
    graphic._progress.finish()
    shown = [graphic.shown_number(f) for f in graphic.figures]
    digits = [re.sub(r"\D", "", text) for text in shown]
    assert digits == ["500000", "9", "20", "10", "20"]
    assert all(not re.search("[\u0660-\u0669\u06f0-\u06f9]", text) for text in shown)
    assert "+" in shown[1]
    captions = " ".join(f.caption for f in graphic.figures)
    assert "14" in captions and "23" in captions and "2020" in captions
    if lang == "fr":
        assert shown[0] == "500\u00a0000"
        assert graphic.figures[2].unit == "milliards de dirhams"
    if lang == "en":
        assert shown[0] == "500,000"
    if lang == "ar":
        assert graphic.figures[2].unit == "مليار درهم"


def test_key_figures_match_the_key_figures_page() -> None:
    """Every number drawn is also written in the French key-figures page's text."""
    page = (CONTENT / "fr" / "chiffres-cles.md").read_text(encoding="utf-8")
    body = page.split("+++")[2].replace("\u00a0", " ").replace("\u202f", " ")
    for fragment in (
        "500 000 emplois",
        "+9 points",
        "de 14 % à 23 % en 2020",
        "20 milliards de dirhams",
        "10 mesures clefs",
        "3 blocs",
        "20 prospects stratégiques",
    ):
        assert fragment in body


@pytest.mark.parametrize("lang", LANGS)
def test_share_bar_grows_from_its_start_to_its_goal(
    make_window: WindowFactory, qtbot: QtBot, lang: str
) -> None:
    """The share of GDP is drawn as a bar: 14 % at once, the rise to 23 % growing in red."""
    window = make_window(lang=lang)
    tap_home_tile(qtbot, window, "chiffres-cles")
    graphic = window.section.graphic
    assert isinstance(graphic, KeyFigures)
    graphic._progress.finish()
    gdp = next(f for f in graphic.figures if f.to_percent is not None)
    image = graphic.grab().toImage()
    accent = QColor(active_palette().accent)
    chart = QColor(active_palette().chart)
    colours = {
        image.pixelColor(x, y).rgb()
        for x in range(image.width())
        for y in range(0, image.height(), 3)
    }
    assert accent.rgb() in colours and chart.rgb() in colours
    assert (gdp.from_percent, gdp.to_percent) == (14, 23)


def test_count_up_runs_without_blocking_taps(make_window: WindowFactory, qtbot: QtBot) -> None:
    set_motion_enabled(True)
    try:
        window = make_window(lang="fr")
        tap_home_tile(qtbot, window, "chiffres-cles")
        graphic = window.section.graphic
        assert isinstance(graphic, KeyFigures)
        assert graphic.counting(), "the figures count up when the page opens"
        # A tap in the middle of the count-up is handled at once.
        tap(qtbot, window.section.next_button)
        assert window.current_screen() == "telechargements"
        tap(qtbot, window.top_bar.back_button)
        qtbot.waitUntil(lambda: not graphic.counting(), timeout=3000)
        assert re.sub(r"\D", "", graphic.shown_number(graphic.figures[0])) == "500000"
    finally:
        set_motion_enabled(False)


@pytest.mark.parametrize("lang", LANGS)
def test_map_pins_open_their_zone(make_window: WindowFactory, qtbot: QtBot, lang: str) -> None:
    window = make_window(lang=lang)
    places = window._library.places(lang)
    assert len(places) == 3
    for place in places:
        tap_home_tile(qtbot, window, "pole-medest")
        graphic = window.section.graphic
        assert isinstance(graphic, ZonesMap)
        pins = parts(graphic)
        assert set(pins) == {p.page for p in places}
        pin = pins[place.page]
        title = window._library.view(place.page, lang).page.title
        assert pin.text() == title and pin.accessibleName() == title
        assert place.name in pin.accessibleDescription()
        assert graphic.rect().contains(pin.geometry())
        tap(qtbot, pin)
        assert window.current_screen() == place.page


def test_map_says_what_it_is_and_keeps_geography(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window(lang="fr")
    tap_home_tile(qtbot, window, "pole-medest")
    graphic = window.section.graphic
    assert isinstance(graphic, ZonesMap)
    # Drawn from real data, the map needs no apology in its caption.
    assert "schématique" not in graphic.caption and "approximati" not in graphic.caption
    frame = graphic.map_frame()
    places = {p.page: p for p in window._library.places("fr")}
    selouane, berkane, oujda = (
        project(places[page].longitude, places[page].latitude, frame)
        for page in ("parc-industriel-selouane", "agropole-berkane", "technopole-oujda")
    )
    # West to east, and Oujda the southernmost: the real relative positions.
    assert selouane.x() < berkane.x() < oujda.x()
    assert selouane.y() < berkane.y() < oujda.y()
    # The map is a picture: Arabic does not mirror it.
    tap(qtbot, window.top_bar.language_buttons["ar"])
    pins = {pid: pin.geometry().center().x() for pid, pin in parts(graphic).items()}
    assert pins["parc-industriel-selouane"] < pins["agropole-berkane"] < pins["technopole-oujda"]


@pytest.mark.parametrize("lang", LANGS)
def test_plan_blocks_open_their_page(make_window: WindowFactory, qtbot: QtBot, lang: str) -> None:
    window = make_window(lang=lang)
    blocks = window._library.children("plan-acceleration-industrielle")
    assert len(blocks) == 3
    for block in blocks:
        tap_home_tile(qtbot, window, "plan-acceleration-industrielle")
        graphic = window.section.graphic
        assert isinstance(graphic, PlanDiagram)
        assert not window.section.related_host.isVisible(), "the diagram replaces the strip"
        boxes = parts(graphic)
        assert list(boxes) == list(blocks)
        view = window._library.view(block, lang)
        assert boxes[block].accessibleName() == view.page.title
        tap(qtbot, boxes[block])
        assert window.current_screen() == block
    assert "500" in " ".join(graphic.goals)
    # The goals are the content's goal figures; the heading names no year.
    assert [f.id for f in graphic.goal_figures] == ["jobs", "gdp"]
    assert "2020" not in graphic.goals_title


@pytest.mark.parametrize("lang", LANGS)
def test_plan_pillars_stand_under_the_goals(
    make_window: WindowFactory, qtbot: QtBot, lang: str
) -> None:
    window = make_window(lang=lang)
    tap_home_tile(qtbot, window, "plan-acceleration-industrielle")
    graphic = window.section.graphic
    assert isinstance(graphic, PlanDiagram)
    boxes = list(parts(graphic).values())
    assert len(boxes) == 3
    goals_bottom = graphic._goal_rect.bottom()
    assert all(box.geometry().top() >= goals_bottom for box in boxes)
    if graphic.width() >= graphic.metrics.px(780):
        # Side by side, as three pillars, in reading order.
        tops = {box.geometry().top() for box in boxes}
        assert len(tops) == 1
        xs = [box.geometry().center().x() for box in boxes]
        assert xs == sorted(xs, reverse=lang == "ar")


def test_pages_without_graphic_show_none(make_window: WindowFactory, qtbot: QtBot) -> None:
    window = make_window()
    tap_home_tile(qtbot, window, "chiffres-cles")
    assert window.section.graphic is not None
    tap_home_tile(qtbot, window, "telechargements")
    assert window.section.graphic is None
    assert not any(g.isVisible() for g in window.section.graphics.values())


@pytest.mark.parametrize(
    ("code", "jobs", "share"),
    [
        ("fr", "500\u00a0000", "14\u00a0%"),
        ("en", "500,000", "14%"),
        ("ar", "\u2066500\u00a0000\u2069", "\u206614%\u2069"),
    ],
)
def test_numbers_follow_the_language_with_western_digits(code: str, jobs: str, share: str) -> None:
    locale = QLocale(code)
    assert format_integer(500_000, locale) == jobs
    assert format_percent(14, locale) == share
    assert western_digits("\u0665\u0660\u0660\u066c\u0660\u0660\u0660") == "500\u00a0000"
