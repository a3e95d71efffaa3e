"""The attract loop: the content's figures one by one, the map, every language invited."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.ui.kiosk_mode.attract_screen import (
    ARRIVE_MS,
    MIN_NUMBER_PX,
    SLIDE_MS,
    AttractScreen,
)
from kiosk.ui.kiosk_mode.tile_motif import motif_tile
from kiosk.ui.screens.graphics.key_figures import shown_number
from kiosk.ui.style.theme import active_palette
from kiosk.ui.window import MainWindow
from tests.conftest import CONTENT
from tests.ui.conftest import WindowFactory

SIZES = [(1920, 1080), (1080, 1920), (1366, 768)]


def open_attract(window: MainWindow) -> AttractScreen:
    attract = AttractScreen(
        window,
        window.language.languages,
        window.language.translate_in,
        window.organisation_text,
        lambda: window.library,
    )
    attract.open_overlay()
    return attract


def frame(attract: AttractScreen, ms: int) -> QImage:
    attract.set_time(ms)
    return attract.grab().toImage()


def test_slides_are_the_contents_figures_then_the_map(make_window: WindowFactory) -> None:
    window = make_window(lang="ar")
    attract = open_attract(window)
    library = window.library
    figures = library.key_figures("fr")
    assert [slide.figure for slide in attract.slides[:-1]] == list(figures)
    assert [f.id for f in figures] == ["jobs", "gdp", "fund", "measures", "prospects"]
    # Each figure's words in every language, from the content of that language.
    jobs = attract.slides[0]
    assert [line.text for line in jobs.lines] == [
        f"{library.key_figures(code)[0].unit} — {library.key_figures(code)[0].caption}"
        for code in ("fr", "ar", "en")
    ]
    assert [line.rtl for line in jobs.lines] == [False, True, False]
    # The last slide is the map with the three zones, named in French and Arabic.
    the_map = attract.slides[-1]
    assert the_map.figure is None
    assert [place.page for place, _name in the_map.places] == [
        "technopole-oujda",
        "agropole-berkane",
        "parc-industriel-selouane",
    ]
    assert the_map.places[0][1] == "Oujda · وجدة"


def test_figures_arrive_one_by_one_and_count_up(make_window: WindowFactory) -> None:
    window = make_window()
    attract = open_attract(window)
    count = len(attract.slides)
    assert [attract.slide_at(i * SLIDE_MS + SLIDE_MS // 2) for i in range(count + 1)] == [
        *range(count),
        0,
    ]
    # In motion: a figure arriving is not the same picture as the figure arrived.
    arriving, arrived = frame(attract, ARRIVE_MS // 3), frame(attract, SLIDE_MS // 2)
    assert arriving != arrived
    assert frame(attract, SLIDE_MS // 2) == arrived, "a moment always looks the same"
    # The share of GDP grows: its bar is longer late in its slide than early.
    gdp = next(i for i, s in enumerate(attract.slides) if s.figure and s.figure.to_percent)
    accent = QColor(active_palette().accent).rgb()

    def accent_pixels(image: QImage) -> int:
        y0, y1 = image.height() // 5, image.height() * 4 // 5
        return sum(
            image.pixel(x, y) == accent
            for x in range(0, image.width(), 4)
            for y in range(y0, y1, 4)
        )

    early = accent_pixels(frame(attract, gdp * SLIDE_MS + ARRIVE_MS + 200))
    late = accent_pixels(frame(attract, gdp * SLIDE_MS + SLIDE_MS // 2 + 500))
    assert late > early


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_headline_figures_are_large_and_every_slide_fits(
    make_window: WindowFactory, size: tuple[int, int]
) -> None:
    window = make_window(size=size)
    attract = open_attract(window)
    assert attract.size() == window.size()
    assert attract.number_px() >= MIN_NUMBER_PX
    if min(size) >= 1080:
        # Read from three metres: well above the 120 px the type scale asks at 1080p.
        assert attract.number_px() >= 180
    _header, stage, _footer = attract._bands()
    for slide in attract.slides:
        assert attract._figure_height(slide) <= stage.height()
    assert stage.contains(attract._map_rect) or stage.adjusted(0, 0, 0, 1).contains(
        attract._map_rect
    )


def test_every_language_is_invited_at_once(make_window: WindowFactory) -> None:
    window = make_window(lang="en")
    attract = open_attract(window)
    assert attract.invitations() == {
        "fr": "Touchez l\u2019écran pour commencer",
        "ar": "المس الشاشة للبدء",
        "en": "Touch the screen to start",
    }
    # The same three at every moment of the loop.
    for ms in (0, SLIDE_MS * 3, SLIDE_MS * 5 + 100):
        attract.set_time(ms)
        assert [line.text for line in attract._invitations] == list(attract.invitations().values())


def test_the_loop_shows_whatever_the_content_says(
    make_window: WindowFactory, tmp_path: Path
) -> None:
    """No figure lives in code: change the content, the loop changes."""
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    for lang in ("fr", "ar", "en"):
        page = content / lang / "chiffres-cles.md"
        page.write_text(
            page.read_text(encoding="utf-8").replace("value = 500000", "value = 400000"),
            encoding="utf-8",
        )
    window = make_window(content=content)
    attract = open_attract(window)
    first = attract.slides[0].figure
    assert first is not None and first.value == 400000
    assert shown_number(first) == "400\u00a0000"


def test_the_motif_is_drawn_in_the_theme_colours(qtbot: QtBot) -> None:
    palette = active_palette()
    tile = motif_tile(120, palette.brand_dark, "#334455", palette.brand, palette.accent)
    image = tile.toImage()
    colours = {image.pixel(x, y) for x in range(image.width()) for y in range(image.height())}
    assert QColor(palette.brand_dark).rgb() in colours
    assert QColor(palette.brand).rgb() in colours
    assert QColor(palette.accent).rgb() in colours


def test_frames_repaint_only_what_changes_and_leave_nothing_stale(
    make_window: WindowFactory,
) -> None:
    """Between two steps of the motif only the panel (and the pulse) is painted again,
    and what the screen shows after a run of such frames is the frame itself."""
    window = make_window()
    attract = open_attract(window)
    QApplication.processEvents()
    step = 1000 / 60
    partial = 0
    t = 0.0
    last_partial = False
    # Up to a frame in the arrival of the second figure (where everything moves) that
    # follows a frame painted only in part.
    while t < SLIDE_MS + ARRIVE_MS / 2 or not last_partial:
        region = attract.dirty_region(round(t))
        last_partial = region.boundingRect() != attract.rect()
        if last_partial:
            partial += 1
            assert region.contains(attract._panel.toAlignedRect())
        attract.play_frame(round(t))
        t += step
    assert partial > (t / step) / 2, "most frames repaint only the panel"
    shown = window.screen().grabWindow(window.winId()).toImage()
    attract.set_time(round(t - step))
    fresh = attract.grab().toImage().convertToFormat(shown.format())
    samples = [(x, y) for x in range(0, fresh.width(), 7) for y in range(0, fresh.height(), 7)]
    stale = [p for p in samples if shown.pixel(*p) != fresh.pixel(*p)]
    # Text edges may differ by a shade between the two ways of drawing; stale content
    # (a slide left behind, a motif out of step) would differ by thousands of samples.
    assert len(stale) < len(samples) / 1000, stale[:10]
