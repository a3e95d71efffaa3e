"""Motion: short animations that never block input, and one switch to turn them off.

Tests and ``cri-kiosk tour`` switch motion off so every screen shows its final state
at once; a visitor's tap during an animation is handled immediately.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QObject, QVariantAnimation, Signal, Slot

_motion_enabled = True


def set_motion_enabled(enabled: bool) -> None:
    """Turn every animation on or off (off: final states are drawn immediately)."""
    global _motion_enabled
    _motion_enabled = enabled


def motion_enabled() -> bool:
    return _motion_enabled


def duration(ms: int) -> int:
    """``ms`` when motion is on, else 0."""
    return ms if _motion_enabled else 0


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
