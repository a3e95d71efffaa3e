"""Motion: short animations that never block input, and one switch to turn them off.

Tests and ``cri-kiosk tour`` switch motion off so every screen shows its final state
at once; a visitor's tap during an animation is handled immediately.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QEasingCurve,
    QObject,
    QPoint,
    QPointF,
    QRect,
    Qt,
    QVariantAnimation,
    Signal,
    Slot,
)
from PySide6.QtGui import QImage, QPainter, QPaintEvent, QPixmap
from PySide6.QtWidgets import QWidget

_motion_enabled = True


def set_motion_enabled(enabled: bool) -> None:
    """Turn every animation on or off (off: final states are drawn immediately)."""
    global _motion_enabled
    _motion_enabled = enabled


def motion_enabled() -> bool:
    return _motion_enabled


class Progress(QObject):
    """A value running from 0 to 1 over ``ms`` milliseconds; ``changed`` on every frame.

    Without motion, ``start`` jumps straight to 1. It only drives painting, so input
    is never held up.
    """

    changed = Signal(float)

    def __init__(self, ms: int, parent: QObject) -> None:
        super().__init__(parent)
        self._value = 1.0
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setDuration(max(1, ms))
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(self._on_value)

    @property
    def value(self) -> float:
        return self._value

    def start(self) -> None:
        self._animation.stop()
        if not _motion_enabled:
            self._on_value(1.0)
            return
        self._on_value(0.0)
        self._animation.start()

    def finish(self) -> None:
        """Jump to the end (1)."""
        self._animation.stop()
        self._on_value(1.0)

    def is_running(self) -> bool:
        return self._animation.state() == QVariantAnimation.State.Running

    @Slot(object)
    def _on_value(self, value: object) -> None:
        self._value = float(value) if isinstance(value, (int, float)) else 1.0
        self.changed.emit(self._value)


# How long a screen change takes: the new screen pushes the old one out sideways.
TRANSITION_MS = 220
# A slide starts one 60 Hz frame in: the first frame painted after the tap already
# shows the new screen coming in, instead of a frame that repeats the old screen.
HEAD_START_MS = 16


class _Snapshot(QWidget):
    """The previous screen as a picture, slid aside by ``offset`` pixels.

    Transparent for input: a tap lands on the new screen underneath at once.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.pixmap = QPixmap()
        # The new screen, drawn beside the old one as it pushes it out (side: -1 or +1).
        self.incoming = QPixmap()
        self.incoming_side = 1
        self.offset = 0.0
        # While held or springing back the screen beneath is the same one: cover it.
        self.cover = False
        self.hide()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self.cover and self.incoming.isNull():
            # Uncovered strip: the window ground, as when a page is pulled aside. (Side
            # by side, the leaving and the incoming screens cover every pixel.)
            painter.fillRect(self.rect(), self.palette().window())
        painter.drawPixmap(QPointF(self.offset, 0), self.pixmap)
        if not self.incoming.isNull():
            painter.drawPixmap(
                QPointF(self.offset + self.incoming_side * self.width(), 0), self.incoming
            )
        painter.end()


class ScreenTransition(QObject):
    """Slides the previous screen away as the new one comes in; follows a swiping finger.

    ``direction`` +1 means forward in the reading order: the old screen leaves toward
    the reading start (left in French, right in Arabic); -1 the other way.
    """

    def __init__(self, host: QWidget, is_rtl: Callable[[], bool]) -> None:
        super().__init__(host)
        self._host = host
        self._is_rtl = is_rtl
        self.snapshot = _Snapshot(host)
        self._start_offset = 0.0
        self._end_offset = 0.0
        self._animation = QVariantAnimation(self)
        self._animation.setStartValue(0.0)
        self._animation.setEndValue(1.0)
        self._animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self._animation.valueChanged.connect(self._step)
        self._animation.finished.connect(self._done)
        self._following = False

    def is_running(self) -> bool:
        return self.snapshot.isVisible()

    def capture(self) -> None:
        """Picture the screen about to be replaced (kept if a finger already holds it)."""
        if not _motion_enabled or not self._host.isVisible():
            return
        if self._following:
            return
        self.snapshot.pixmap = self._on_screen()
        self._animation.stop()
        self.snapshot.hide()
        self.snapshot.offset = 0.0

    def _on_screen(self) -> QPixmap:
        """The host as the visitor sees it now.

        Copied from the window's backing store, where it was painted for the last frame
        (about 1.5 ms at 1920x1080), rather than painted again with ``grab()`` (about
        6 ms, a third of a navigation's frame budget). Mid-slide, or where the platform's
        backing store is not a plain image, the host is painted again.
        """
        store = None if self.snapshot.isVisible() else self._host.backingStore()
        device = store.paintDevice() if store is not None else None
        if isinstance(device, QImage) and not device.isNull():
            ratio = device.devicePixelRatio()
            origin = self._host.mapTo(self._host.window(), QPoint(0, 0))
            area = QRect(
                round(origin.x() * ratio),
                round(origin.y() * ratio),
                round(self._host.width() * ratio),
                round(self._host.height() * ratio),
            )
            if device.rect().contains(area):
                image = device.copy(area)
                image.setDevicePixelRatio(ratio)
                return QPixmap.fromImage(image)
        return self._host.grab()

    def play(self, direction: int) -> None:
        """Push the captured screen out with the new one sliding in beside it.

        The new screen is live beneath from the start: a tap during the slide reaches
        it where it will stand.
        """
        if not _motion_enabled or self.snapshot.pixmap.isNull():
            self._done()
            return
        self._following = False
        width = self._host.width()
        leftwards = (direction >= 0) != self._is_rtl()
        if self.snapshot.offset:
            # A finger already moved the page: carry on the way it went.
            leftwards = self.snapshot.offset < 0
        self.snapshot.hide()
        self.snapshot.incoming = self._host.grab()
        self.snapshot.incoming_side = 1 if leftwards else -1
        self.snapshot.cover = True
        self._start_offset = self.snapshot.offset
        self._end_offset = -width if leftwards else width
        self._run(HEAD_START_MS)

    def follow(self, dx: float) -> None:
        """Hold the current screen under the finger, ``dx`` pixels aside."""
        if not _motion_enabled or not self._host.isVisible():
            return
        if not self._following:
            self.snapshot.pixmap = self._on_screen()
            self._animation.stop()
            self.snapshot.hide()
            self._following = True
        self.snapshot.offset = dx
        self.snapshot.cover = True
        self._show_snapshot()

    def release(self) -> None:
        """The finger let go without changing screen: spring back into place."""
        if not self._following:
            return
        self._following = False
        self._start_offset = self.snapshot.offset
        self._end_offset = 0.0
        self._run()

    def _run(self, head_start_ms: int = 0) -> None:
        self._show_snapshot()
        self._animation.stop()
        self._animation.setDuration(TRANSITION_MS)
        self._animation.start()
        if head_start_ms:
            self._animation.setCurrentTime(head_start_ms)

    def _show_snapshot(self) -> None:
        # Covering, the snapshot paints every pixel: Qt need not paint the live screen
        # beneath it on each frame of the slide.
        self.snapshot.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, self.snapshot.cover)
        self.snapshot.setGeometry(self._host.rect())
        self.snapshot.show()
        self.snapshot.raise_()
        self.snapshot.update()

    @Slot(object)
    def _step(self, value: object) -> None:
        t = float(value) if isinstance(value, (int, float)) else 1.0
        self.snapshot.offset = self._start_offset + (self._end_offset - self._start_offset) * t
        self.snapshot.update()

    @Slot()
    def _done(self) -> None:
        self.snapshot.hide()
        self.snapshot.pixmap = QPixmap()
        self.snapshot.incoming = QPixmap()
        self.snapshot.offset = 0.0
