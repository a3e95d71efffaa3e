"""A schematic location map of the Oriental's Mediterranean façade with the three zones.

Pins stand at the public coordinates of the three towns and open their pages. The
coastline is a coarse sketch from a handful of coastal points (Cap des Trois Fourches,
the Marchica lagoon shore, Cap de l'Eau, the Moulouya mouth, Saïdia); it says so on
the map, and nothing else (roads, ports, borders) is drawn.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QAbstractButton, QWidget

from kiosk.content.library import ContentLibrary
from kiosk.ui.screens.graphics.base import WRAP, Graphic
from kiosk.ui.style.fonts import uses_arabic_script

# Map frame in degrees (west longitudes are negative).
WEST, EAST = -3.25, -1.6
SOUTH, NORTH = 34.5, 35.5
MID_LATITUDE = math.radians(35.0)

# (longitude, latitude), west to east: the coast as a coarse, schematic line.
COAST = (
    (-3.25, 35.22),
    (-3.05, 35.30),
    (-2.97, 35.44),  # Cap des Trois Fourches
    (-2.93, 35.30),
    (-2.86, 35.21),
    (-2.75, 35.12),  # east end of the Marchica lagoon
    (-2.55, 35.12),
    (-2.42, 35.15),  # Cap de l'Eau
    (-2.33, 35.12),  # Moulouya mouth
    (-2.21, 35.10),  # Saïdia
    (-1.86, 35.10),
    (-1.60, 35.20),
)


@dataclass(frozen=True)
class Place:
    """A zone's page and where its town is (degrees)."""

    page_id: str
    latitude: float
    longitude: float


PLACES = (
    Place("parc-industriel-selouane", 35.07, -2.94),  # Selouane, by Nador (35.17 N, 2.93 W)
    Place("agropole-berkane", 34.92, -2.32),
    Place("technopole-oujda", 34.68, -1.91),
)


def project(longitude: float, latitude: float, frame: QRectF) -> QPointF:
    """Equirectangular projection at 35° N into ``frame``, keeping the map's proportions."""
    x = (longitude - WEST) * math.cos(MID_LATITUDE)
    y = NORTH - latitude
    span_x = (EAST - WEST) * math.cos(MID_LATITUDE)
    span_y = NORTH - SOUTH
    scale = min(frame.width() / span_x, frame.height() / span_y)
    left = frame.left() + (frame.width() - span_x * scale) / 2
    top = frame.top() + (frame.height() - span_y * scale) / 2
    return QPointF(left + x * scale, top + y * scale)


def map_aspect() -> float:
    """Width over height of the map frame."""
    return (EAST - WEST) * math.cos(MID_LATITUDE) / (NORTH - SOUTH)


class MapPin(QAbstractButton):
    """A tappable pin: a marker with its zone's name in a label box below it."""

    def __init__(self, place: Place, owner: ZonesMap) -> None:
        super().__init__(owner)
        self.place = place
        self.page_id = place.page_id
        self._owner = owner
        self.setObjectName("MapPin")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Checked on its own area's page: "you are here" (a tap never unchecks it).
        self.setCheckable(True)
        self.clicked.connect(lambda: self.setChecked(self.page_id == owner.page_id))
        self.clicked.connect(lambda: owner.section_requested.emit(self.page_id))

    def marker_height(self) -> int:
        return self._owner.metrics.px(46)

    def label_rect(self) -> QRectF:
        return QRectF(self.rect()).adjusted(0, self.marker_height(), 0, 0)

    def sizeHint(self) -> QSize:
        return self.size()

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self._owner.palette_
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        metrics = self._owner.metrics
        # The marker: a drop whose tip touches the label's top edge at the centre.
        tip = QPointF(self.width() / 2, self.marker_height())
        head = metrics.px(15)
        centre = QPointF(tip.x(), tip.y() - head * 1.9)
        path = QPainterPath()
        path.moveTo(tip)
        path.arcTo(QRectF(centre.x() - head, centre.y() - head, 2 * head, 2 * head), -60, 300)
        path.closeSubpath()
        painter.setPen(QPen(QColor(palette.surface), max(1, metrics.px(3))))
        painter.setBrush(QColor(palette.accent))
        painter.drawPath(path)
        painter.setBrush(QColor(palette.surface))
        painter.setPen(Qt.PenStyle.NoPen)
        painter.drawEllipse(centre, head * 0.4, head * 0.4)
        # The label.
        box = self.label_rect().adjusted(1, 1, -1, -1)
        # On an area's own page its pin is marked: "you are here".
        fill = palette.surface
        if self.isDown():
            fill = palette.pressed
        elif self.isChecked():
            fill = palette.accent_soft
        painter.setPen(QPen(QColor(palette.brand), max(1, metrics.px(3))))
        painter.setBrush(QColor(fill))
        radius = metrics.px(12)
        painter.drawRoundedRect(box, radius, radius)
        pad = metrics.px(10)
        painter.setFont(self._owner.label_font())
        painter.setPen(QColor(palette.brand))
        painter.drawText(
            box.adjusted(pad, pad, -pad, -pad),
            int(Qt.AlignmentFlag.AlignCenter | WRAP),
            self.text(),
        )
        painter.end()


class ZonesMap(Graphic):
    """Sea, coast, a title saying what the map is, and one pin per economic area."""

    def __init__(self, library: ContentLibrary, parent: QWidget | None = None) -> None:
        super().__init__(library, parent)
        self.setObjectName("ZonesMap")
        self.pins = [MapPin(place, self) for place in PLACES if library.has_page(place.page_id)]
        self.caption = ""
        self.sea_label = ""
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.caption = self.tr("Schematic location map (positions approximate)")
        self.sea_label = self.tr("Mediterranean Sea")
        for pin in self.pins:
            view = self.library.view(pin.page_id, self.lang)
            title = view.page.title if view is not None else pin.page_id
            pin.setText(title)
            pin.setAccessibleName(title)
            pin.setAccessibleDescription(self.tr("Opens the page of this area"))
            pin.setChecked(pin.page_id == self.page_id)
        self.setAccessibleName(self.caption)
        super().retranslate_ui()

    def label_font(self) -> QFont:
        return self.font_px(24, bold=True)

    def needed_height(self, width: int) -> int:
        return round(width / map_aspect()) + self._caption_height(width)

    def _caption_height(self, width: int) -> int:
        return round(
            self.text_height(self.font_px(22, bold=True), width, self.caption)
        ) + self.metrics.px(12)

    def map_frame(self) -> QRectF:
        top = self._caption_height(self.width())
        return QRectF(0, top, self.width(), max(1, self.height() - top))

    def relayout(self) -> None:
        frame = self.map_frame()
        touch = self.metrics.touch
        label_width = max(touch * 2, min(frame.width() * 0.3, self.metrics.px(300)))
        for pin in self.pins:
            text_height = self.text_height(
                self.label_font(), label_width - 2 * self.metrics.px(10), pin.text()
            )
            if uses_arabic_script(pin.text()):
                text_height *= 1.1
            height = max(touch, round(text_height + 2 * self.metrics.px(10))) + pin.marker_height()
            point = project(pin.place.longitude, pin.place.latitude, frame)
            x = point.x() - label_width / 2
            x = min(max(frame.left(), x), frame.right() - label_width)
            y = min(point.y() - pin.marker_height(), frame.bottom() - height)
            pin.setGeometry(round(x), round(y), round(label_width), height)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette_
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = self.map_frame()
        span = QRectF(
            project(WEST, NORTH, frame), project(EAST, SOUTH, frame)
        )  # the map itself, centred in the frame
        radius = self.metrics.px(18)
        clip = QPainterPath()
        clip.addRoundedRect(span, radius, radius)
        painter.setClipPath(clip)
        painter.fillRect(span, QColor(palette.land))
        sea = QPolygonF([project(lon, lat, frame) for lon, lat in COAST])
        sea.append(project(EAST, NORTH + 1, frame))
        sea.append(project(WEST, NORTH + 1, frame))
        painter.setPen(QPen(QColor(palette.brand), max(1, self.metrics.px(3))))
        painter.setBrush(QColor(palette.sea))
        painter.drawPolygon(sea)
        painter.setClipping(False)
        painter.setPen(QPen(QColor(palette.line), max(1, self.metrics.px(2))))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(span, radius, radius)
        # What the map is, above it; the sea's name in the sea.
        caption_rect = QRectF(0, 0, self.width(), frame.top())
        self.draw_text(
            painter, caption_rect, self.font_px(22, bold=True), palette.ink, self.caption
        )
        sea_point = project(-2.45, 35.38, frame)
        sea_rect = QRectF(
            sea_point.x() - span.width() / 4, sea_point.y() - 20, span.width() / 2, 60
        )
        painter.setFont(self.font_px(22))
        painter.setPen(QColor(palette.ink))
        painter.drawText(
            sea_rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), self.sea_label
        )
        painter.end()
