"""Touch behaviour shared by scrollable views: kinetic flicking and horizontal swipes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, Qt, Signal
from PySide6.QtGui import QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QAbstractScrollArea, QScroller, QScrollerProperties

# A swipe is a mostly horizontal drag this long, in device-independent pixels.
SWIPE_MIN_DISTANCE = 120
SWIPE_DOMINANCE = 1.8  # horizontal travel must beat vertical travel by this factor
FOLLOW_START = 24  # horizontal travel after which the page follows the finger


def enable_kinetic_scrolling(view: QAbstractScrollArea) -> None:
    """Drag-to-scroll with flick inertia, by finger or by mouse; no horizontal scrolling."""
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    viewport = view.viewport()
    # Touch screens deliver synthesized mouse events to widgets that do not accept
    # touch, so the left-mouse gesture serves fingers and mice alike.
    QScroller.grabGesture(viewport, QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(viewport)
    properties = scroller.scrollerProperties()
    off = QScrollerProperties.OvershootPolicy.OvershootAlwaysOff
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy, off)
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy, off)
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.DragStartDistance, 0.004)
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0.0)
    scroller.setScrollerProperties(properties)


class SwipeDetector(QObject):
    """Watches a widget for horizontal swipes; emits ``swiped(+1)`` for "forward".

    Forward is a finger moving against the reading direction (right-to-left in
    French, left-to-right in Arabic), like turning a page. The detector only
    observes events, so scrolling and taps keep working underneath.
    """

    swiped = Signal(int)
    # While a mostly horizontal drag goes on: its horizontal travel, to follow the finger.
    moved = Signal(float)
    # After every press ends (after ``swiped`` when it was a swipe).
    released = Signal()

    def __init__(self, targets: list[QObject], is_rtl: Callable[[], bool], parent: QObject) -> None:
        super().__init__(parent)
        self._is_rtl = is_rtl
        self._start: QPointF | None = None
        self._following = False
        # One detector for all targets: an event that propagates from a child to its
        # parent is then seen twice but counted once.
        for target in targets:
            target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent):
            if event.button() == Qt.MouseButton.LeftButton:
                self._start = event.globalPosition()
                self._following = False
        elif kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
            if event.buttons() & Qt.MouseButton.LeftButton:
                self._move(event.globalPosition())
        elif kind == QEvent.Type.TouchUpdate and isinstance(event, QTouchEvent):
            points = event.points()
            if len(points) == 1:
                self._move(points[0].globalPosition())
        elif kind == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent):
            self._finish(event.globalPosition())
        elif kind == QEvent.Type.TouchBegin and isinstance(event, QTouchEvent):
            points = event.points()
            self._start = points[0].globalPosition() if len(points) == 1 else None
            self._following = False
        elif kind == QEvent.Type.TouchEnd and isinstance(event, QTouchEvent):
            points = event.points()
            if len(points) == 1:
                self._finish(points[0].globalPosition())
        return False

    def _move(self, point: QPointF) -> None:
        if self._start is None:
            return
        dx = point.x() - self._start.x()
        dy = point.y() - self._start.y()
        if not self._following:
            self._following = abs(dx) >= FOLLOW_START and abs(dx) >= SWIPE_DOMINANCE * abs(dy)
        if self._following:
            self.moved.emit(dx)

    def _finish(self, end: QPointF) -> None:
        start, self._start = self._start, None
        if start is None:
            return
        self._following = False
        dx = end.x() - start.x()
        dy = end.y() - start.y()
        if abs(dx) >= SWIPE_MIN_DISTANCE and abs(dx) >= SWIPE_DOMINANCE * abs(dy):
            forward = dx < 0
            if self._is_rtl():
                forward = not forward
            self.swiped.emit(1 if forward else -1)
        self.released.emit()
