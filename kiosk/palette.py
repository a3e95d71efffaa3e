"""The CRI Oriental colours, a high-contrast variant and their WCAG contrast checks. No Qt.

Shared by the window's style sheets, the printed brochures and the HTML export.
"""

from __future__ import annotations

from dataclasses import dataclass, replace


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
    ("accent", "surface", True),  # the home screen's headline figures
    ("brand_ink", "brand", False),
    ("brand_ink", "brand_dark", False),
    # the key figures' numbers
    ("accent", "surface", False),
    ("brand_ink", "accent", False),  # the admin panel's Exit (danger) button
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
