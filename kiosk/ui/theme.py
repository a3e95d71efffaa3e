"""Colours, type scale and the application style sheet, sized for reading at 1-2 m."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kiosk.paths import data_path

REFERENCE_SHORT_SIDE = 1080  # a 1920x1080 landscape or 1080x1920 portrait screen


@dataclass(frozen=True)
class Palette:
    """The CRI Oriental palette: calm institutional blues on a light ground."""

    ink: str = "#15222e"
    muted_ink: str = "#44546a"
    ground: str = "#eef2f6"
    surface: str = "#ffffff"
    brand: str = "#0b3c5d"
    brand_dark: str = "#082b43"
    brand_ink: str = "#ffffff"
    accent: str = "#c8102e"
    accent_soft: str = "#d9e6f2"
    pressed: str = "#cfdbe8"
    line: str = "#c9d3de"


PALETTE = Palette()


@dataclass(frozen=True)
class Metrics:
    """Pixel sizes for one window size: fonts and touch targets scale together."""

    scale: float

    def px(self, size: float) -> int:
        return max(1, round(size * self.scale))

    @property
    def body(self) -> int:
        return self.px(30)

    @property
    def touch(self) -> int:
        """Smallest side of anything a visitor taps (well above 9 mm on kiosk screens)."""
        return self.px(84)

    @property
    def margin(self) -> int:
        return self.px(32)

    @property
    def spacing(self) -> int:
        return self.px(20)


def metrics_for(width: int, height: int) -> Metrics:
    """Type and touch sizes for a window, from its shorter side (portrait or landscape)."""
    short_side = min(width, height)
    scale = min(2.0, max(0.62, short_side / REFERENCE_SHORT_SIDE))
    # Quantise so that resizing by a few pixels does not restyle everything.
    return Metrics(round(scale * 20) / 20)


@cache
def _template() -> str:
    """The style sheet template, read once: restyling happens on language switches."""
    return data_path("resources/style/kiosk.qss").read_text(encoding="utf-8")


def style_sheet(
    metrics: Metrics, families: list[str] | None = None, palette: Palette = PALETTE
) -> str:
    """The application style sheet: the template file filled with sizes and colours.

    Widgets styled by a sheet keep the font families they were polished with, so
    the families are part of the sheet (and the sheet changes with the script).
    """
    template = _template()
    if families:
        quoted = ", ".join(f'"{family}"' for family in families)
        template = f"QWidget {{ font-family: {quoted}; }}\n" + template
    values = {name: getattr(palette, name) for name in palette.__dataclass_fields__}
    sizes = {
        "title_size": metrics.px(40),
        "bar_title_size": metrics.px(32),
        "button_size": metrics.px(27),
        "tile_title_size": metrics.px(28),
        "tile_summary_size": metrics.px(21),
        "chip_size": metrics.px(24),
        "hero_size": metrics.px(40),
        "hero_sub_size": metrics.px(24),
        "note_size": metrics.px(22),
        "radius": metrics.px(18),
        "small_radius": metrics.px(12),
        "pad": metrics.px(16),
        "touch": metrics.touch,
        "border": max(1, metrics.px(3)),
        "card_width": metrics.px(520),
    }
    values.update({key: str(value) for key, value in sizes.items()})
    for key, value in values.items():
        template = template.replace("{" + key + "}", value)
    return template


def document_css(metrics: Metrics, rtl: bool = False, palette: Palette = PALETTE) -> str:
    """Style for rendered Markdown (QTextDocument's CSS subset).

    Font sizes are not set here: QTextDocument ignores CSS sizes on headings, so the
    body size is the document's default font and headings scale from it. Arabic
    line heights are a share of its taller font spacing (see fonts.py).
    """
    line = 95 if rtl else 130
    return f"""
        body {{ color: {palette.ink}; }}
        p {{ margin-top: 0px; margin-bottom: {metrics.px(22)}px; line-height: {line}%; }}
        h2 {{ color: {palette.brand}; font-weight: 700;
              margin-top: {metrics.px(26)}px; margin-bottom: {metrics.px(14)}px; }}
        h3 {{ color: {palette.brand}; font-weight: 700;
              margin-top: {metrics.px(20)}px; margin-bottom: {metrics.px(10)}px; }}
        li {{ margin-bottom: {metrics.px(12)}px; line-height: {line}%; }}
        ul, ol {{ margin-bottom: {metrics.px(20)}px; }}
        a {{ color: {palette.brand}; font-weight: 700; text-decoration: underline; }}
        strong, b {{ color: {palette.brand_dark}; }}
        table {{ border-collapse: collapse; margin-bottom: {metrics.px(22)}px; }}
        th {{ background-color: {palette.accent_soft}; color: {palette.ink};
              padding: {metrics.px(12)}px; font-weight: 700; }}
        td {{ padding: {metrics.px(12)}px; border-bottom: 1px solid {palette.line}; }}
    """
