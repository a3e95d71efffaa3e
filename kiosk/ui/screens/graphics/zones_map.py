"""The MedEst map: the true coast and border of north-eastern Morocco, a pin per zone.

Land, coast and the Morocco-Algeria border come from Natural Earth (kiosk.geography);
the pins stand at the towns' coordinates written in the content (the ``[[places]]``
tables of the MedEst page) and open their zones' pages. A map is a picture: Arabic
does not mirror it.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QAbstractButton, QWidget

from kiosk.content.library import ContentLibrary
from kiosk.content.model import Place
from kiosk.geography import MapData, Ring, medest_map
from kiosk.i18n import fill
from kiosk.ui.screens.graphics.base import WRAP, Graphic
from kiosk.ui.style.fonts import uses_arabic_script


class Projection:
    """Equirectangular at the frame's middle latitude, fitted and centred in a rectangle."""

    def __init__(self, data: MapData, frame: QRectF) -> None:
        self.data = data
        self._cos = math.cos(math.radians((data.north + data.south) / 2))
        span_x = (data.east - data.west) * self._cos
        span_y = data.north - data.south
        self.scale = min(frame.width() / span_x, frame.height() / span_y)
        self.left = frame.left() + (frame.width() - span_x * self.scale) / 2
        self.top = frame.top() + (frame.height() - span_y * self.scale) / 2

    def point(self, longitude: float, latitude: float) -> QPointF:
        return QPointF(
            self.left + (longitude - self.data.west) * self._cos * self.scale,
            self.top + (self.data.north - latitude) * self.scale,
        )

    def polygon(self, ring: Ring) -> QPolygonF:
        return QPolygonF([self.point(lon, lat) for lon, lat in ring])

    def span(self) -> QRectF:
        """The map's own rectangle (the frame's degrees), inside the rectangle given."""
        return QRectF(
            self.point(self.data.west, self.data.north),
            self.point(self.data.east, self.data.south),
        )


def project(longitude: float, latitude: float, frame: QRectF) -> QPointF:
    """Where a point (degrees) falls on the MedEst map drawn into ``frame``."""
    return Projection(medest_map(), frame).point(longitude, latitude)


def map_aspect(data: MapData | None = None) -> float:
    """Width over height of the map."""
    data = data or medest_map()
    middle = math.cos(math.radians((data.north + data.south) / 2))
    return (data.east - data.west) * middle / (data.north - data.south)


def centroid(ring: Ring) -> tuple[float, float]:
    """The area centroid of a ring (degrees): where a region's name is written."""
    area = x = y = 0.0
    for (x0, y0), (x1, y1) in zip(ring, (*ring[1:], ring[0]), strict=True):
        cross = x0 * y1 - x1 * y0
        area += cross
        x += (x0 + x1) * cross
        y += (y0 + y1) * cross
    if abs(area) < 1e-12:
        return ring[0]
    return x / (3 * area), y / (3 * area)


def draw_geography(
    painter: QPainter,
    projection: Projection,
    colours: tuple[str, str, str, str],
    line_width: float,
) -> None:
    """Sea, land, the neighbouring country's tint, the coast and the border, clipped to the map.

    ``colours`` are (sea, land, neighbour tint, lines). Shared with the attract screen.
    """
    sea, land, neighbour, lines = colours
    data = projection.data
    span = projection.span()
    painter.save()
    painter.setClipRect(span)
    painter.fillRect(span, QColor(sea))
    painter.setPen(QPen(QColor(lines), line_width))
    painter.setBrush(QColor(land))
    for ring in data.land:
        painter.drawPolygon(projection.polygon(ring))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(neighbour))
    for ring in data.neighbour:
        painter.drawPolygon(projection.polygon(ring))
    # The coast again over the tint, then the border, dashed as maps draw borders.
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor(lines), line_width))
    for ring in data.neighbour:
        painter.drawPolygon(projection.polygon(ring))
    pen = QPen(QColor(lines), line_width * 1.6, Qt.PenStyle.DashLine)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    for line in data.border:
        painter.drawPolyline(projection.polygon(line))
    painter.restore()


class MapPin(QAbstractButton):
    """A tappable pin: a marker with its zone's name in a label box below it."""

    def __init__(self, place: Place, owner: ZonesMap) -> None:
        super().__init__(owner)
        self.place = place
        self.page_id = place.page
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
    """The map, a caption saying what it shows, and one pin per economic area."""

    def __init__(self, library: ContentLibrary, parent: QWidget | None = None) -> None:
        super().__init__(library, parent)
        self.setObjectName("ZonesMap")
        self.data = medest_map()
        self.pins: list[MapPin] = []
        self.caption = ""
        self.sea_label = ""
        self.country_labels = ("", "")
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.caption = self.tr("Where the economic areas are")
        self.sea_label = self.tr("Mediterranean Sea")
        self.country_labels = (self.tr("Morocco"), self.tr("Algeria"))
        places = [p for p in self.library.places(self.lang) if self.library.has_page(p.page)]
        while len(self.pins) < len(places):
            self.pins.append(MapPin(places[len(self.pins)], self))
        for index, pin in enumerate(self.pins):
            pin.setVisible(index < len(places))
            if index >= len(places):
                continue
            pin.place = places[index]
            pin.page_id = pin.place.page
            view = self.library.view(pin.page_id, self.lang)
            title = view.page.title if view is not None else pin.page_id
            pin.setText(title)
            pin.setAccessibleName(title)
            pin.setAccessibleDescription(
                fill(self.tr("In %1. Opens the page of this area"), pin.place.name)
            )
            pin.setChecked(pin.page_id == self.page_id)
        self.setAccessibleName(self.caption)
        super().retranslate_ui()

    def visible_pins(self) -> list[MapPin]:
        return [pin for pin in self.pins if not pin.isHidden()]

    def label_font(self) -> QFont:
        return self.font_px(24, bold=True)

    def needed_height(self, width: int) -> int:
        return round(width / map_aspect(self.data)) + self._caption_height(width)

    def _caption_height(self, width: int) -> int:
        return round(
            self.text_height(self.font_px(24, bold=True), width, self.caption)
        ) + self.metrics.px(12)

    def map_frame(self) -> QRectF:
        top = self._caption_height(self.width())
        return QRectF(0, top, self.width(), max(1, self.height() - top))

    def projection(self) -> Projection:
        return Projection(self.data, self.map_frame())

    def relayout(self) -> None:
        frame = self.map_frame()
        projection = Projection(self.data, frame)
        span = projection.span()
        touch = self.metrics.touch
        label_width = max(touch * 2, min(span.width() * 0.3, self.metrics.px(300)))
        for pin in self.visible_pins():
            text_height = self.text_height(
                self.label_font(), label_width - 2 * self.metrics.px(10), pin.text()
            )
            if uses_arabic_script(pin.text()):
                text_height *= 1.1
            height = max(touch, round(text_height + 2 * self.metrics.px(10))) + pin.marker_height()
            point = projection.point(pin.place.longitude, pin.place.latitude)
            x = point.x() - label_width / 2
            x = min(max(span.left(), x), span.right() - label_width)
            y = min(point.y() - pin.marker_height(), span.bottom() - height)
            pin.setGeometry(round(x), round(y), round(label_width), height)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette_
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        projection = self.projection()
        span = projection.span()
        radius = self.metrics.px(18)
        clip = QPainterPath()
        clip.addRoundedRect(span, radius, radius)
        painter.setClipPath(clip)
        tint = QColor(palette.line)
        tint.setAlphaF(0.55)
        draw_geography(
            painter,
            projection,
            (palette.sea, palette.land, tint.name(QColor.NameFormat.HexArgb), palette.brand),
            max(1.0, self.metrics.px(2.5)),
        )
        painter.setClipping(False)
        painter.setPen(QPen(QColor(palette.line), max(1, self.metrics.px(2))))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(span, radius, radius)
        # What the map is, above it; the names of the sea and of the two countries on it.
        caption_rect = QRectF(0, 0, self.width(), self.map_frame().top())
        self.draw_text(
            painter, caption_rect, self.font_px(24, bold=True), palette.ink, self.caption
        )
        font = self.font_px(24)
        painter.setFont(font)
        painter.setPen(QColor(palette.ink))
        centre = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        band = span.height() * 0.12
        sea = QRectF(span.left(), span.top() + band * 0.5, span.width(), band)
        painter.drawText(sea, int(centre), self.sea_label)
        painter.setPen(QColor(palette.muted_ink))
        if self.data.neighbour:
            ring = max(self.data.neighbour, key=len)
            point = projection.point(*centroid(ring))
            rect = QRectF(point.x() - span.width() / 8, point.y(), span.width() / 4, band)
            painter.drawText(rect.intersected(span), int(centre), self.country_labels[1])
        # Morocco's name low on the map, left of the middle, away from the pins.
        morocco = QRectF(span.left(), span.bottom() - band * 1.5, span.width() / 2, band)
        painter.drawText(morocco, int(centre), self.country_labels[0])
        painter.end()
