"""Themes: WCAG AA contrast of every palette, the site's theme, high contrast, text size."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractButton
from pytestqt.qtbot import QtBot

from kiosk.content.site_file import THEME_COLOURS, read_site
from kiosk.palette import (
    GRAPHIC_PAIRS,
    HIGH_CONTRAST,
    PALETTE,
    TEXT_PAIRS,
    Palette,
    contrast_problems,
    contrast_ratio,
    palette_with,
)
from kiosk.ui.style.theme import TEXT_STEPS
from tests.conftest import CONTENT
from tests.ui.conftest import WindowFactory
from tests.ui.visitor import tap, tap_home_tile

SITE_PALETTE = palette_with(read_site(CONTENT)[0].theme.colours)
THEMES = {"standard": PALETTE, "high-contrast": HIGH_CONTRAST, "site": SITE_PALETTE}


def test_contrast_ratio_follows_wcag() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)
    # WCAG's own example: #777777 on white is just under 4.5:1.
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("name", list(THEMES))
def test_every_theme_meets_wcag_aa(name: str) -> None:
    palette = THEMES[name]
    for text, background, large in TEXT_PAIRS:
        ratio = contrast_ratio(getattr(palette, text), getattr(palette, background))
        assert ratio >= (3.0 if large else 4.5), f"{name}: {text} on {background} {ratio:.2f}"
    for shape, background in GRAPHIC_PAIRS:
        ratio = contrast_ratio(getattr(palette, shape), getattr(palette, background))
        assert ratio >= 3.0, f"{name}: {shape} on {background} {ratio:.2f}"
    assert contrast_problems(palette) == []


def test_a_poor_colour_is_reported() -> None:
    pale = palette_with({"muted_ink": "#aaaaaa"})
    assert any(p.startswith("muted_ink on surface") for p in contrast_problems(pale))


def test_site_colour_names_are_the_palette_fields() -> None:
    assert set(THEME_COLOURS) == {f.name for f in dataclasses.fields(Palette)}


def test_every_text_colour_of_the_style_sheet_is_checked() -> None:
    """The pairs cover every colour the style sheet uses for text."""
    used = {text for text, _bg, _large in TEXT_PAIRS}
    assert {"ink", "muted_ink", "brand", "brand_ink", "brand_dark"} <= used


def bar_colour(window: object) -> QColor:
    bar = window.top_bar  # type: ignore[attr-defined]
    return bar.grab().toImage().pixelColor(2, 2)


def test_high_contrast_switch_restyles_and_survives_navigation(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    assert bar_colour(window).name() == SITE_PALETTE.brand
    tap(qtbot, window.top_bar.contrast_button)
    assert window.reading_aids.is_high_contrast()
    assert bar_colour(window).name() == HIGH_CONTRAST.brand
    assert window.top_bar.contrast_button.accessibleName() == "Contraste élevé : activé"
    tap_home_tile(qtbot, window, "pole-medest")
    assert window.reading_aids.is_high_contrast()
    tap(qtbot, window.top_bar.contrast_button)
    assert bar_colour(window).name() == SITE_PALETTE.brand


def test_text_size_steps_grow_the_text_and_survive_navigation(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    tap_home_tile(qtbot, window, "bloc-ecosystemes")
    body = window.section.text.document().defaultFont().pixelSize()
    title = window.section.title_label.font().pixelSize()
    sizes = [body]
    for step in range(1, len(TEXT_STEPS)):
        tap(qtbot, window.top_bar.text_size_button)
        assert window.reading_aids.text_step() == step
        sizes.append(window.section.text.document().defaultFont().pixelSize())
    assert sizes == sorted(sizes) and sizes[-1] >= round(body * 1.35)
    assert window.section.title_label.font().pixelSize() > title
    tap(qtbot, window.section.next_button)
    assert window.reading_aids.text_step() == len(TEXT_STEPS) - 1
    assert window.section.text.document().defaultFont().pixelSize() == sizes[-1]
    # A further tap comes back to normal.
    tap(qtbot, window.top_bar.text_size_button)
    assert window.reading_aids.text_step() == 0


def test_visitor_reset_restores_normal_text_and_theme(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    tap(qtbot, window.top_bar.text_size_button)
    tap(qtbot, window.top_bar.contrast_button)
    window.reading_aids.reset()
    assert window.reading_aids.text_step() == 0
    assert not window.reading_aids.is_high_contrast()
    assert not window.top_bar.contrast_button.isChecked()
    assert bar_colour(window).name() == SITE_PALETTE.brand


def test_a_bad_site_colour_keeps_the_kiosk_running(
    make_window: WindowFactory, content_copy: object, caplog: pytest.LogCaptureFixture
) -> None:
    site = content_copy / "site.toml"  # type: ignore[operator]
    text = site.read_text(encoding="utf-8").replace('ground = "#eef2f6"', 'ground = "#777777"')
    site.write_text(text, encoding="utf-8")
    window = make_window(content=content_copy)
    assert window.isVisible()
    assert any("ink on ground" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_every_control_has_an_accessible_name_in_the_language(
    make_window: WindowFactory, qtbot: QtBot, lang: str
) -> None:
    window = make_window(lang=lang)
    expected_home = {"fr": "Accueil", "ar": "الرئيسية", "en": "Home"}[lang]
    assert window.top_bar.home_button.accessibleName() == expected_home
    for screen in ("", "plan-acceleration-industrielle", "pole-medest", "chiffres-cles"):
        if screen:
            tap_home_tile(qtbot, window, screen)
        buttons = [b for b in window.findChildren(QAbstractButton) if b.isVisible()]
        assert buttons
        for button in buttons:
            assert button.accessibleName().strip(), f"{button!r} has no accessible name"
    graphic = window.section.graphic
    assert graphic is not None and graphic.accessibleName()


def test_accessible_names_follow_a_live_language_switch(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window(lang="fr")
    tap_home_tile(qtbot, window, "pole-medest")
    tap(qtbot, window.top_bar.language_buttons["ar"])
    assert window.top_bar.back_button.accessibleName() == "رجوع"
    assert window.top_bar.contrast_button.accessibleName() == "التباين العالي: غير مفعّل"
    graphic = window.section.graphic
    assert graphic is not None
    assert graphic.accessibleName() == "موقع الفضاءات الاقتصادية"


def test_the_next_visitor_gets_normal_text_and_colours(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window()
    tap(qtbot, window.top_bar.text_size_button)
    tap(qtbot, window.top_bar.contrast_button)
    window.reset_for_next_visitor("fr")
    assert window.reading_aids.text_step() == 0
    assert not window.reading_aids.is_high_contrast()


def test_an_unknown_theme_font_falls_back_to_the_bundled_one(
    make_window: WindowFactory, content_copy: object, caplog: pytest.LogCaptureFixture
) -> None:
    site = content_copy / "site.toml"  # type: ignore[operator]
    text = site.read_text(encoding="utf-8").replace(
        'latin_font = "Noto Sans"', 'latin_font = "Comic Sans MS"'
    )
    site.write_text(text, encoding="utf-8")
    window = make_window(content=content_copy)
    assert window.isVisible()
    assert any("Comic Sans MS" in r.getMessage() for r in caplog.records)
    assert window.home.hero_title.fontInfo().family() == "Noto Sans"
