"""The active palette, type scale and the application style sheet, sized for reading at 1-2 m."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from kiosk.palette import PALETTE, Palette
from kiosk.paths import data_path

REFERENCE_SHORT_SIDE = 1080  # a 1920x1080 landscape or 1080x1920 portrait screen


@dataclass(frozen=True)
class TypeScale:
    """Font sizes in pixels "at 1080p", for reading at arm's length and beyond.

    "At 1080p" means a window whose *shorter* side is 1080 logical pixels: a
    1920x1080 landscape screen and the same panel turned into a 1080x1920 portrait
    totem read at the same distance, so both get these sizes exactly (scale 1.0).
    Other windows scale with their shorter side (``metrics_for``): a 1366x768 laptop
    gets 0.7 of them, a 4K screen at device-pixel-ratio 2 is 1920x1080 logical pixels
    and gets them at twice the device pixels. The visitor's text-size step enlarges
    them further. Nothing the kiosk shows is smaller than ``minimum``.
    """

    minimum: int = 24  # any text: captions, labels on pictures, the countdown, details
    secondary: int = 26  # tile summaries, notes, document details, hints
    button: int = 28  # top bar, navigation and prompt buttons
    body: int = 30  # running text of a section page
    tile_title: int = 30
    chip: int = 24  # titles of compact (related-section and home) tiles
    bar_title: int = 34
    lead: int = 32  # the sentence under a screen's title (taglines, prompt text)
    card: int = 38  # titles of the home screen's pillar cards
    title: int = 44  # page titles
    hero: int = 52  # the home screen's and the prompts' largest words
    figure: int = 120  # headline figures (500 000 jobs, +9 points...)


TYPE = TypeScale()


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
        return self.font(TYPE.body)

    @property
    def min_text(self) -> int:
        """The smallest font pixel size allowed on screen at this scale and text step."""
        return self.font(TYPE.minimum)

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


def font_sizes(metrics: Metrics) -> dict[str, int]:
    """The type scale's sizes as the style sheets name them, in pixels for ``metrics``."""
    return {
        "title_size": metrics.font(TYPE.title),
        "card_title_size": metrics.font(TYPE.card),
        "bar_title_size": metrics.font(TYPE.bar_title),
        "button_size": metrics.font(TYPE.button),
        "tile_title_size": metrics.font(TYPE.tile_title),
        "tile_summary_size": metrics.font(TYPE.secondary),
        "chip_size": metrics.font(TYPE.chip),
        "hero_size": metrics.font(TYPE.hero),
        "hero_sub_size": metrics.font(TYPE.lead),
        "note_size": metrics.font(TYPE.secondary),
        "caption_size": metrics.font(TYPE.minimum),
        "figure_size": metrics.font(TYPE.figure),
    }


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
        **font_sizes(metrics),
        "radius": metrics.px(18),
        "small_radius": metrics.px(12),
        "pad": metrics.px(16),
        "touch": metrics.touch,
        "border": max(1, metrics.px(3)),
        "figure_rule": max(2, metrics.px(8)),
        "card_width": metrics.px(520),
        "touch_half": metrics.touch // 2,
        "pad_wide": metrics.px(28),
        # Wide enough for a fingertip, narrow enough to leave the text its width.
        "scroll_width": metrics.px(44),
        "scroll_radius": metrics.px(22),
        "scroll_inset": metrics.px(8),
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
