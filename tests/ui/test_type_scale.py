"""The type scale: no visible text anywhere is smaller than the theme allows.

Every screen (home, every section, Downloads, the document viewer, "Still there?",
attract, PIN pad, admin panel) in every language, at 1920x1080, 1080x1920 and 1366x768.
Sizes are the glyphs' real pixel sizes as laid out (text_walk.py), so a size written in
HTML or a widget's own style sheet is caught too; pictures' painted texts are checked
from the fonts they set on their painter.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QFontInfo, QPainter
from PySide6.QtWidgets import QApplication

from kiosk.ui.screens.graphics.base import Graphic
from kiosk.ui.style.theme import TYPE, Metrics, TypeScale, metrics_for

from .conftest import WindowFactory
from .text_walk import every_screen, text_runs, visible_text_widgets

SIZES = [(1920, 1080), (1080, 1920), (1366, 768)]


def test_the_scale_meets_the_reading_distance_at_1080p() -> None:
    at_1080p = metrics_for(1920, 1080)
    assert at_1080p == metrics_for(1080, 1920), "a portrait totem reads like the landscape"
    assert at_1080p.body >= 28
    assert at_1080p.min_text >= 24
    assert at_1080p.font(TYPE.figure) >= 120
    sizes = [getattr(TYPE, name) for name in TypeScale.__dataclass_fields__]
    assert min(sizes) == TYPE.minimum


def test_the_scale_follows_the_shorter_side() -> None:
    laptop = metrics_for(1366, 768)
    assert laptop.min_text == round(TYPE.minimum * 0.7)
    assert metrics_for(1366, 768, text_scale=1.4).min_text > laptop.min_text


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_visible_text_is_below_the_scale(
    make_window: WindowFactory,
    app: QApplication,
    size: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    window = make_window(size=size)
    painted: list[float] = []
    set_font = QPainter.setFont

    def recording_set_font(painter: QPainter, font: QFont) -> None:
        painted.append(QFontInfo(font).pixelSize() if font.pixelSize() < 0 else font.pixelSize())
        set_font(painter, font)

    floor = metrics_for(*size).min_text
    problems: dict[str, str] = {}
    checked = 0
    for screen in every_screen(window, app):
        for widget in visible_text_widgets(window):
            for run in text_runs(widget):
                checked += 1
                if run.pixel_size < floor - 0.01:
                    key = f"{type(widget).__name__}#{widget.objectName()} {run.text[:30]!r}"
                    problems.setdefault(key, f"{screen}: {key} {run.pixel_size:g} px")
        for graphic in window.findChildren(Graphic):
            if not graphic.isVisible():
                continue
            painted.clear()
            with monkeypatch.context() as patch:
                patch.setattr(QPainter, "setFont", recording_set_font)
                graphic.grab()
            checked += len(painted)
            if painted and min(painted) < floor:
                key = f"{type(graphic).__name__} painted text"
                problems.setdefault(key, f"{screen}: {key} {min(painted):g} px")
    assert checked > 1000, "the walk measured too little text to mean anything"
    assert not problems, f"smaller than {floor} px:\n" + "\n".join(problems.values())


def test_metrics_floor_is_what_the_walk_compares() -> None:
    assert Metrics(1.0).min_text == TYPE.minimum
