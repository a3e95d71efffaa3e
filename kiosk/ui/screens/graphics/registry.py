"""Which widget draws which front-matter ``graphic`` name."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.content.library import ContentLibrary
from kiosk.ui.screens.graphics.base import Graphic
from kiosk.ui.screens.graphics.key_figures import KeyFigures
from kiosk.ui.screens.graphics.plan_diagram import PlanDiagram
from kiosk.ui.screens.graphics.zones_map import ZonesMap

GRAPHIC_CLASSES: dict[str, type[Graphic]] = {
    "key-figures": KeyFigures,
    "zones-map": ZonesMap,
    "plan-diagram": PlanDiagram,
}


def create_graphic(name: str, library: ContentLibrary, parent: QWidget) -> Graphic:
    """The picture widget for a front-matter ``graphic`` name (one of GRAPHICS)."""
    return GRAPHIC_CLASSES[name](library, parent)
