"""The strip under the top bar in speech mode: read the page, pause, resume, repeat, volume."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.i18n import fill
from kiosk.speech.voices import VOLUME_STEPS
from kiosk.ui.follows_language import FollowsLanguage
from kiosk.ui.style import icons
from kiosk.ui.style.theme import Metrics, active_palette


class SpeechBar(FollowsLanguage, QFrame):
    """Controls of the reading; they act on the first touch, even in speech mode."""

    read_requested = Signal()  # read the page from the top, or resume, or pause
    repeat_requested = Signal()
    volume_requested = Signal(int)  # the step wanted

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("SpeechBar")
        self.read_button = QPushButton(self)
        self.repeat_button = QPushButton(self)
        self.softer_button = QPushButton(self)
        self.louder_button = QPushButton(self)
        self.volume_label = QLabel(self)
        self.volume_label.setObjectName("BarTitle")
        layout = QHBoxLayout(self)
        self._layout = layout
        for button in (self.read_button, self.repeat_button):
            layout.addWidget(button)
        layout.addStretch(1)
        for widget in (self.softer_button, self.volume_label, self.louder_button):
            layout.addWidget(widget)
        for button in self.buttons():
            button.setObjectName("BarButton")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._state = "idle"  # idle, reading, paused
        self._volume = 0
        self.read_button.clicked.connect(self.read_requested)
        self.repeat_button.clicked.connect(self.repeat_requested)
        self.softer_button.clicked.connect(lambda: self.volume_requested.emit(self._volume - 1))
        self.louder_button.clicked.connect(lambda: self.volume_requested.emit(self._volume + 1))
        self._icon_size = QSize(40, 40)
        self.hide()
        self.retranslate_ui()

    def buttons(self) -> tuple[QPushButton, ...]:
        return (self.read_button, self.repeat_button, self.softer_button, self.louder_button)

    def set_reading_state(self, state: str) -> None:
        """ "idle" (Read page), "reading" (Pause) or "paused" (Resume)."""
        self._state = state
        self.retranslate_ui()

    def reading_state(self) -> str:
        return self._state

    def set_volume_step(self, step: int) -> None:
        self._volume = step
        self.softer_button.setEnabled(step > 0)
        self.louder_button.setEnabled(step < len(VOLUME_STEPS) - 1)
        self.retranslate_ui()

    def volume_text(self) -> str:
        return fill(self.tr("Volume %1 of %2"), self._volume + 1, len(VOLUME_STEPS))

    def apply_metrics(self, metrics: Metrics) -> None:
        pad = metrics.px(16)
        self._layout.setContentsMargins(pad, pad // 4, pad, pad // 4)
        self._layout.setSpacing(metrics.px(12))
        side = metrics.px(40)
        self._icon_size = QSize(side, side)
        self._refresh_icons()

    def retranslate_ui(self) -> None:
        read = {
            "idle": self.tr("Read the page"),
            "reading": self.tr("Pause"),
            "paused": self.tr("Resume"),
        }[self._state]
        self.read_button.setText(read)
        self.read_button.setAccessibleName(read)
        self.repeat_button.setText(self.tr("Repeat"))
        self.repeat_button.setAccessibleName(self.tr("Repeat"))
        volume = self.volume_text()
        self.volume_label.setText(volume)
        self.softer_button.setAccessibleName(fill(self.tr("Softer (%1)"), volume))
        self.louder_button.setAccessibleName(fill(self.tr("Louder (%1)"), volume))
        self._refresh_icons()

    def _refresh_icons(self) -> None:
        ink = active_palette().brand_ink
        read = {"idle": "mdi6.play", "reading": "mdi6.pause", "paused": "mdi6.play"}[self._state]
        for button, name in (
            (self.read_button, read),
            (self.repeat_button, "mdi6.replay"),
            (self.softer_button, "mdi6.volume-minus"),
            (self.louder_button, "mdi6.volume-plus"),
        ):
            button.setIcon(icons.icon(name, ink))
            button.setIconSize(self._icon_size)
