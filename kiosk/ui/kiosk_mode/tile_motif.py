"""A geometric motif in the spirit of Moroccan tilework, drawn in code in the theme's colours.

Each tile holds an eight-pointed star (two squares, one turned by 45 degrees) in an
octagon, with the lines that join neighbouring tiles: the pattern of many zellige
panels. It is drawn once per size into a pixmap and then only tiled, so the attract
screen can slide it every frame for the cost of one image copy.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen, QPixmap, QPolygonF


def star_path(centre: QPointF, radius: float) -> QPainterPath:
    """An eight-pointed star: two squares of half-diagonal ``radius``, one turned 45 deg."""
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for turn in (0.0, math.pi / 4):
        corners = [
            QPointF(
                centre.x() + radius * math.cos(turn + k * math.pi / 2),
                centre.y() + radius * math.sin(turn + k * math.pi / 2),
            )
            for k in range(4)
        ]
        path.addPolygon(QPolygonF([*corners, corners[0]]))
    return path


def octagon(centre: QPointF, radius: float) -> QPolygonF:
    points = [
        QPointF(
            centre.x() + radius * math.cos(math.pi / 8 + k * math.pi / 4),
            centre.y() + radius * math.sin(math.pi / 8 + k * math.pi / 4),
        )
        for k in range(8)
    ]
    return QPolygonF([*points, points[0]])


def motif_tile(
    size: int, ground: str, line: str, star: str, accent: str, ratio: float = 1.0
) -> QPixmap:
    """One square tile of the pattern, ``size`` px, seamless when repeated.

    ``ratio`` is the screen's device pixel ratio: the tile stays sharp on a 4K screen.
    """
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(QColor(ground))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    width = max(1.0, size / 90)
    centre = QPointF(size / 2, size / 2)
    # The star and its octagon frame in the middle of the tile.
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(star))
    painter.drawPath(star_path(centre, size * 0.30))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.setPen(QPen(QColor(line), width))
    painter.drawPolygon(octagon(centre, size * 0.40))
    # Small stars on the corners: four quarters that meet as one star across tiles.
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(star))
    for x in (0, size):
        for y in (0, size):
            painter.drawPath(star_path(QPointF(x, y), size * 0.14))
    # The strapwork joining each octagon to its neighbours, through the tile edges.
    painter.setPen(QPen(QColor(line), width))
    for angle in range(8):
        theta = math.pi / 8 + angle * math.pi / 4
        inner = QPointF(
            centre.x() + size * 0.40 * math.cos(theta), centre.y() + size * 0.40 * math.sin(theta)
        )
        outer = QPointF(
            centre.x() + size * 0.58 * math.cos(theta), centre.y() + size * 0.58 * math.sin(theta)
        )
        painter.drawLine(inner, outer)
    # A small accent point at the heart of each star, the one warm note.
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(accent))
    painter.drawEllipse(centre, size * 0.035, size * 0.035)
    painter.end()
    return pixmap


def draw_motif(painter: QPainter, rect: QRectF, tile: QPixmap, offset: QPointF) -> None:
    """Fill ``rect`` with the tile, shifted by ``offset`` (the slow drift of the pattern)."""
    size = round(tile.width() / tile.devicePixelRatio())
    painter.drawTiledPixmap(rect, tile, QPointF(offset.x() % size, offset.y() % size))
