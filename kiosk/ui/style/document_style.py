"""The style sheet of the document viewer, QR overlay and Downloads list, per window size."""

from __future__ import annotations

from functools import cache

from kiosk.paths import data_path
from kiosk.ui.style.theme import Metrics, active_palette, font_sizes


@cache
def _template() -> str:
    return data_path("resources/style/documents.qss").read_text(encoding="utf-8")


def documents_style(metrics: Metrics) -> str:
    """``documents.qss`` filled with the palette and the sizes for ``metrics``."""
    palette = active_palette()
    values = {name: getattr(palette, name) for name in palette.__dataclass_fields__}
    sizes = {
        # The screen's scale without the visitor's text step, as before the shared
        # scale: the Downloads rows do not refit their height to a text step yet.
        **font_sizes(Metrics(metrics.scale)),
        "radius": metrics.px(18),
        "small_radius": metrics.px(12),
        "pad": metrics.px(16),
        "touch": metrics.touch,
        "border": max(1, metrics.px(3)),
        "pad_half": metrics.px(8),
        "zoom_width": metrics.px(110),
    }
    values.update({key: str(value) for key, value in sizes.items()})
    text = _template()
    for key, value in values.items():
        text = text.replace("{" + key + "}", value)
    return text
