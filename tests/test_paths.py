"""Bundled data is found through one helper that never reaches outside the bundle."""

from __future__ import annotations

import pytest

from kiosk.paths import data_path, fonts_dir


@pytest.mark.parametrize(
    "bad", ["/etc/passwd", "../README.md", "resources/../../x", "", "kiosk/app.py"]
)
def test_data_path_refuses_anything_outside_the_bundle(bad: str) -> None:
    with pytest.raises(ValueError):
        data_path(bad)


def test_fonts_ship_with_their_licence() -> None:
    fonts = sorted(p.name for p in fonts_dir().glob("*.ttf"))
    assert any(name.startswith("NotoSans-") for name in fonts)
    assert any(name.startswith("NotoSansArabic-") for name in fonts)
    assert "SIL OPEN FONT LICENSE" in (fonts_dir() / "OFL.txt").read_text(encoding="utf-8")
