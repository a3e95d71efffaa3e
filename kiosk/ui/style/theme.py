"""Colours, type scale and the application style sheet, sized for reading at 1-2 m."""

from __future__ import annotations

from dataclasses import dataclass, replace
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
    # Graphics: the map's sea and land, and the second series of a chart.
    sea: str = "#d4e4f1"
    land: str = "#f5f1e6"
    chart: str = "#7a93ab"


PALETTE = Palette()

# Black on white with black outlines: for visitors who need the strongest contrast.
HIGH_CONTRAST = Palette(
    ink="#000000",
    muted_ink="#1a1a1a",
    ground="#ffffff",
    surface="#ffffff",
    brand="#002340",
    brand_dark="#000000",
    brand_ink="#ffffff",
    accent="#b00020",
    accent_soft="#fff2a8",
    pressed="#ffe066",
    line="#000000",
    sea="#9fc3e6",
    land="#ffffff",
    chart="#3d3d3d",
)

# Text colour on background colour, for every pair the style sheet and the graphics
# draw text with; large means at least 24 px regular or 18.7 px bold (WCAG "large").
TEXT_PAIRS: tuple[tuple[str, str, bool], ...] = (
    ("ink", "ground", False),
    ("ink", "surface", False),
    ("ink", "accent_soft", False),
    ("ink", "land", False),
    ("ink", "sea", False),
    ("muted_ink", "ground", False),
    ("muted_ink", "surface", False),
    ("brand", "ground", False),
    ("brand", "surface", False),
    ("brand", "pressed", False),
    ("brand", "accent_soft", False),
    ("brand_dark", "surface", False),
    ("brand_ink", "brand", False),
    ("brand_ink", "brand_dark", False),
)


# Shapes that carry meaning (bars, pins, the coast, outlines of tappable parts) against
# what they are drawn on: WCAG 2.1 "non-text contrast" asks 3:1.
GRAPHIC_PAIRS: tuple[tuple[str, str], ...] = (
    ("chart", "surface"),
    ("brand", "surface"),
    ("accent", "land"),
    ("accent", "surface"),
    ("brand", "sea"),
    ("brand", "land"),
)


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2 contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    light, dark = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def contrast_problems(palette: Palette) -> list[str]:
    """Every text/background pair of ``palette`` below WCAG AA, in words."""
    problems = []
    for text, background, large in TEXT_PAIRS:
        needed = 3.0 if large else 4.5
        ratio = contrast_ratio(getattr(palette, text), getattr(palette, background))
        if ratio < needed:
            problems.append(
                f"{text} on {background}: contrast {ratio:.2f}:1, WCAG AA needs {needed}:1"
            )
    for shape, background in GRAPHIC_PAIRS:
        ratio = contrast_ratio(getattr(palette, shape), getattr(palette, background))
        if ratio < 3.0:
            problems.append(
                f"{shape} shapes on {background}: contrast {ratio:.2f}:1, WCAG AA needs 3:1"
            )
    return problems


def palette_with(colours: dict[str, str], base: Palette = PALETTE) -> Palette:
    """``base`` with the colours a site file sets (names are Palette fields)."""
    known = {name: value for name, value in colours.items() if name in base.__dataclass_fields__}
    return replace(base, **known)


_active = PALETTE


def active_palette() -> Palette:
    """The palette the window shows now (standard or high contrast)."""
    return _active


def set_active_palette(palette: Palette) -> None:
    global _active
    _active = palette


# Text-size steps a visitor can choose in the top bar: share of the normal type size.
TEXT_STEPS = (1.0, 1.2, 1.4)


@dataclass(frozen=True)
class Metrics:
    """Pixel sizes for one window size: fonts and touch targets scale together.

    ``text_scale`` is the visitor's text-size step: it enlarges type only, so the
    layout grows around the words while margins and touch targets stay as they are.
    """

    scale: float
    text_scale: float = 1.0

    def px(self, size: float) -> int:
        return max(1, round(size * self.scale))

    def font(self, size: float) -> int:
        """A font's pixel size: the window's scale times the visitor's text step."""
        return max(1, round(size * self.scale * self.text_scale))

    @property
    def body(self) -> int:
        return self.font(30)

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


def metrics_for(width: int, height: int, text_scale: float = 1.0) -> Metrics:
    """Type and touch sizes for a window, from its shorter side (portrait or landscape)."""
    short_side = min(width, height)
    scale = min(2.0, max(0.62, short_side / REFERENCE_SHORT_SIDE))
    # Quantise so that resizing by a few pixels does not restyle everything.
    return Metrics(round(scale * 20) / 20, text_scale)


@cache
def _template() -> str:
    """The style sheet template, read once: the window restyles on size and theme changes."""
    return data_path("resources/style/kiosk.qss").read_text(encoding="utf-8")


def style_sheet(
    metrics: Metrics, families: list[str] | None = None, palette: Palette | None = None
) -> str:
    """The application style sheet: the template file filled with sizes and colours.

    ``families`` puts the font families in the sheet, for a screen that never changes
    script (the error screen). The main window leaves them out and sets them on its
    widgets' fonts instead (fonts.set_script_families): a sheet that changed with the
    script would re-polish every widget on each language switch.
    """
    palette = palette or active_palette()
    template = _template()
    if families:
        quoted = ", ".join(f'"{family}"' for family in families)
        template = f"QWidget {{ font-family: {quoted}; }}\n" + template
    values = {name: getattr(palette, name) for name in palette.__dataclass_fields__}
    sizes = {
        "title_size": metrics.font(40),
        "bar_title_size": metrics.font(32),
        "button_size": metrics.font(27),
        "tile_title_size": metrics.font(28),
        "tile_summary_size": metrics.font(21),
        "chip_size": metrics.font(24),
        "hero_size": metrics.font(40),
        "hero_sub_size": metrics.font(24),
        "note_size": metrics.font(22),
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


def document_css(metrics: Metrics, rtl: bool = False, palette: Palette | None = None) -> str:
    """Style for rendered Markdown (QTextDocument's CSS subset).

    Font sizes are not set here: QTextDocument ignores CSS sizes on headings, so the
    body size is the document's default font and headings scale from it. Arabic
    line heights are a share of its taller font spacing (see fonts.py).
    """
    palette = palette or active_palette()
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
