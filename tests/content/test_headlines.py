"""Headline figures for the home screen, read from the key-figures page of the content."""

from __future__ import annotations

from pathlib import Path

from kiosk.content.headlines import headlines
from kiosk.content.loader import load_content
from tests.conftest import CONTENT


def test_the_home_figures_are_the_goals_the_key_figures_page_lists_first() -> None:
    library = load_content(CONTENT).library
    french = headlines(library, "fr")
    assert [(h.prefix, h.value, h.unit) for h in french] == [
        ("", 500_000, "emplois"),
        ("+", 9, "points"),
    ]
    assert "de 14\u00a0% à 23\u00a0% en 2020" in french[1].caption
    assert headlines(library, "fr", count=3)[2].value == 20
    # The seed's figures, in every language, each with its own words.
    for lang in ("ar", "en"):
        assert [h.value for h in headlines(library, lang)] == [500_000, 9]
    assert headlines(library, "ar")[0].unit == "منصب شغل"
    assert headlines(library, "en")[0].unit == "jobs"


def test_figures_follow_the_page_not_the_code(content_dir: Path) -> None:
    page = content_dir / "fr" / "chiffres-cles.md"
    text = page.read_text(encoding="utf-8")
    assert "value = 500000\n" in text
    page.write_text(text.replace("value = 500000\n", "value = 400000\n", 1), encoding="utf-8")
    library = load_content(content_dir).library
    figure = headlines(library, "fr")[0]
    assert (figure.value, figure.unit) == (400_000, "emplois")


def test_no_key_figures_page_means_no_figures(content_dir: Path) -> None:
    for lang in ("fr", "ar", "en"):
        page = content_dir / lang / "chiffres-cles.md"
        page.write_text(
            page.read_text(encoding="utf-8").replace('graphic = "key-figures"\n', ""),
            encoding="utf-8",
        )
    library = load_content(content_dir).library
    assert headlines(library, "fr") == ()
