"""The hidden admin exit: a long press in the top-left corner, a PIN pad, an admin panel."""

from __future__ import annotations

import logging
import platform
import time
from collections.abc import Iterable

import PySide6
from PySide6.QtCore import (
    QEvent,
    QObject,
    QPoint,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
    Slot,
    qVersion,
)
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk import __version__
from kiosk.admin_pin import MAX_DIGITS, MIN_DIGITS, PinGate
from kiosk.i18n import fill, isolate
from kiosk.ui.follows_language import FollowsLanguage
from kiosk.ui.input import app_events
from kiosk.ui.kiosk_mode.lockdown import KEYS_PROPERTY
from kiosk.ui.overlay import Overlay
from kiosk.ui.style import icons
from kiosk.ui.style.theme import Metrics, active_palette, metrics_for

log = logging.getLogger("kiosk.admin")

# The corner zone: a square of this share of the window's short side (at least 48 px).
CORNER_SHARE = 0.07
PIN_PAD_TIMEOUT_MS = 60_000


_CORNER_EVENTS = (
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.MouseButtonRelease,
)


class CornerHold(QObject):
    """Emits ``held`` after a press kept still in the window's top-left corner.

    The top-left corner is physical (the same in Arabic) so a technician always finds
    it. Whatever widget got the press is sent a release outside itself, so a button
    under the finger is not clicked, and the real release is swallowed.
    """

    held = Signal()

    def __init__(self, window: QWidget, seconds: float) -> None:
        super().__init__(window)
        self._window = window
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(int(seconds * 1000))
        self._timer.timeout.connect(self._fire)
        self._receiver: QWidget | None = None
        self._swallow_release = False

    def start(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app_events.watch(self, _CORNER_EVENTS)

    def stop(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app_events.unwatch(self)
        self._timer.stop()

    def corner_size(self) -> int:
        return max(48, int(min(self._window.width(), self._window.height()) * CORNER_SHARE))

    def in_corner(self, global_pos: QPoint) -> bool:
        local = self._window.mapFromGlobal(global_pos)
        size = self.corner_size()
        return 0 <= local.x() < size and 0 <= local.y() < size

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if not isinstance(event, QMouseEvent) or not isinstance(watched, QWidget):
            return False
        if watched.window() is not self._window:
            return False
        pos = event.globalPosition().toPoint()
        if kind == QEvent.Type.MouseButtonPress:
            if self._timer.isActive():
                return False  # the same press, propagating to a parent
            if self.in_corner(pos):
                self._receiver = watched
                self._timer.start()
        elif kind == QEvent.Type.MouseMove:
            if self._timer.isActive() and not self.in_corner(pos):
                self._timer.stop()
            return self._swallow_release
        elif kind == QEvent.Type.MouseButtonRelease:
            self._timer.stop()
            if self._swallow_release:
                self._swallow_release = False
                return True
        return False

    @Slot()
    def _fire(self) -> None:
        receiver = self._receiver
        self._receiver = None
        if receiver is not None:
            outside = QPointF(-10_000, -10_000)
            release = QMouseEvent(
                QEvent.Type.MouseButtonRelease,
                outside,
                receiver.mapToGlobal(outside),
                Qt.MouseButton.LeftButton,
                Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier,
            )
            QApplication.sendEvent(receiver, release)
            self._swallow_release = True
        log.info("admin corner held: PIN pad requested")
        self.held.emit()


class PinDots(QWidget):
    """The PIN's field: one dot per digit typed, never the digits themselves.

    It shows at least MIN_DIGITS places (a PIN is never shorter), hollow until typed.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("PinDots")
        self.count = 0
        self._metrics = Metrics(1.0)

    def set_count(self, count: int) -> None:
        self.count = count
        self.setAccessibleName(fill(self.tr("Digits typed: %1"), count))
        self.updateGeometry()
        self.update()

    def apply_metrics(self, metrics: Metrics) -> None:
        self._metrics = metrics
        self.setFixedHeight(metrics.touch)
        self.updateGeometry()

    def places(self) -> int:
        return max(MIN_DIGITS, self.count)

    def sizeHint(self) -> QSize:
        step = self._metrics.px(44)
        return QSize(self.places() * step + self._metrics.px(40), self._metrics.touch)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = active_palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        border = max(1, self._metrics.px(3))
        field = QRectF(self.rect()).adjusted(border, border, -border, -border)
        radius = self._metrics.px(12)
        painter.setPen(QPen(QColor(palette.brand if self.count else palette.line), border))
        painter.setBrush(QColor(palette.surface))
        painter.drawRoundedRect(field, radius, radius)
        step = self._metrics.px(44)
        dot = self._metrics.px(11)
        places = self.places()
        left = field.center().x() - step * (places - 1) / 2
        for index in range(places):
            centre = QPointF(left + index * step, field.center().y())
            typed = index < self.count
            painter.setPen(QPen(QColor(palette.brand), border))
            painter.setBrush(QColor(palette.brand) if typed else Qt.BrushStyle.NoBrush)
            painter.drawEllipse(centre, dot, dot)
        painter.end()


class PinPad(FollowsLanguage, Overlay):
    """Digits, erase, OK and Cancel. Accepts the keyboard's digits too (technicians)."""

    accepted = Signal()

    def __init__(self, parent: QWidget, gate: PinGate) -> None:
        super().__init__(parent)
        self.setObjectName("PinPad")
        self.setProperty(KEYS_PROPERTY, True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._gate = gate
        self._digits = ""
        self.card = QFrame(self)
        self.card.setObjectName("PromptCard")
        self.title = QLabel(self.card)
        self.title.setObjectName("PromptTitle")
        self.display = PinDots(self.card)
        self.message = QLabel(self.card)
        self.message.setObjectName("PromptText")
        for label in (self.title, self.message):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        self.keys: dict[str, QPushButton] = {}
        grid = QGridLayout()
        layout_keys = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "erase", "0", "ok"]
        for index, name in enumerate(layout_keys):
            button = QPushButton(self.card)
            button.setObjectName("PinKey")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, key=name: self.press(key))
            grid.addWidget(button, index // 3, index % 3)
            self.keys[name] = button
        self.cancel_button = QPushButton(self.card)
        self.cancel_button.setObjectName("PromptButton")
        self.cancel_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.cancel_button.clicked.connect(self.close_overlay)
        card_layout = QVBoxLayout(self.card)
        card_layout.addWidget(self.title)
        card_layout.addWidget(self.display, 0, Qt.AlignmentFlag.AlignCenter)
        card_layout.addWidget(self.message)
        card_layout.addLayout(grid)
        card_layout.addWidget(self.cancel_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.card, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        # Layout is fixed left-to-right: a PIN pad reads like a phone's in every language.
        self.card.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self._lock_timer = QTimer(self)
        self._lock_timer.setInterval(1000)
        self._lock_timer.timeout.connect(self._refresh_message)
        self._give_up = QTimer(self)
        self._give_up.setSingleShot(True)
        self._give_up.setInterval(PIN_PAD_TIMEOUT_MS)
        self._give_up.timeout.connect(self.close_overlay)
        self.opened.connect(self._on_opened)
        self.closed.connect(self._on_closed)
        self._error = ""
        self.retranslate_ui()

    def press(self, key: str) -> None:
        """One key of the pad: a digit, "erase" or "ok"."""
        self._give_up.start()
        if key == "erase":
            self._digits = self._digits[:-1]
        elif key == "ok":
            self._submit()
            return
        elif key.isdigit() and len(self._digits) < MAX_DIGITS:
            self._digits += key
        self._error = ""
        self._refresh_display()

    def _submit(self) -> None:
        digits, self._digits = self._digits, ""
        if self._gate.try_pin(digits):
            self.close_overlay()
            self.accepted.emit()
            return
        self._error = "wrong"
        self._refresh_display()

    @Slot()
    def _on_opened(self) -> None:
        self._digits = ""
        self._error = ""
        self._refresh_display()
        self._lock_timer.start()
        self._give_up.start()

    @Slot()
    def _on_closed(self) -> None:
        self._digits = ""
        self._error = ""
        self._lock_timer.stop()
        self._give_up.stop()

    def _refresh_display(self) -> None:
        self.display.set_count(len(self._digits))
        self._refresh_message()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.display.apply_metrics(metrics_for(self.width(), self.height()))

    @Slot()
    def _refresh_message(self) -> None:
        locked = self._gate.seconds_locked()
        for name, button in self.keys.items():
            button.setEnabled(not locked or name == "erase")
        if locked:
            minutes, seconds = divmod(locked, 60)
            self.message.setText(
                fill(self.tr("Too many wrong PINs. Try again in %1."), f"{minutes}:{seconds:02d}")
            )
        elif self._error:
            self.message.setText(self.tr("Wrong PIN."))
        elif not self._gate.enabled:
            self.message.setText(self.tr("No admin PIN is set in the configuration."))
        else:
            self.message.setText(self.tr("Enter the admin PIN."))

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Administration"))
        self.keys["erase"].setText("⌫")
        self.keys["erase"].setAccessibleName(self.tr("Erase"))
        self.keys["ok"].setText(self.tr("OK"))
        self.keys["ok"].setAccessibleName(self.tr("OK"))
        for digit in "0123456789":
            self.keys[digit].setText(digit)
            self.keys[digit].setAccessibleName(digit)
        self.cancel_button.setText(self.tr("Cancel"))
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self._refresh_display()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if Qt.Key.Key_0 <= key <= Qt.Key.Key_9:
            self.press(chr(key))
        elif key == Qt.Key.Key_Backspace:
            self.press("erase")
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.press("ok")
        event.accept()


class AdminPanel(FollowsLanguage, Overlay):
    """Exit, reload, versions and uptime, recent problems. Only reachable with the PIN.

    In the visitor's language and direction, like every other screen: a technician at
    an Arabic screen reads it from the right. Exit stands apart, in the danger colour.
    """

    exit_requested = Signal()
    reload_requested = Signal()

    def __init__(self, parent: QWidget, details: dict[str, str], recent: Iterable[str]) -> None:
        super().__init__(parent)
        self.setObjectName("AdminPanel")
        self._started = time.monotonic()
        self._details = details
        self._recent = recent
        self.band = QFrame(self)
        self.band.setObjectName("AdminBand")
        self.title = QLabel(self.band)
        self.title.setObjectName("AdminTitle")
        band_layout = QHBoxLayout(self.band)
        band_layout.addWidget(self.title, 1)
        self._band_layout = band_layout
        self.info = QLabel(self)
        self.info.setObjectName("AdminInfo")
        self.info.setWordWrap(True)
        self.problems = QLabel(self)
        self.problems.setObjectName("AdminInfo")
        self.problems.setWordWrap(True)
        self.problems.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeading)
        self.problems.setContentsMargins(16, 12, 16, 12)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.problems)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.extra = QVBoxLayout()
        self.exit_button = QPushButton(self)
        self.reload_button = QPushButton(self)
        self.close_button = QPushButton(self)
        buttons = QHBoxLayout()
        self._buttons = buttons
        for button in (self.close_button, self.reload_button, self.exit_button):
            button.setObjectName("PromptButton")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Close and Reload together; Exit far from them, at the other end, in red.
        self.close_button.setObjectName("AdminSecondary")
        self.exit_button.setObjectName("DangerButton")
        buttons.addWidget(self.close_button)
        buttons.addWidget(self.reload_button)
        buttons.addStretch(1)
        buttons.addWidget(self.exit_button)
        self.exit_button.clicked.connect(self.exit_requested)
        self.reload_button.clicked.connect(self.reload_requested)
        self.close_button.clicked.connect(self.close_overlay)
        body = QVBoxLayout()
        self._body = body
        body.addWidget(self.info)
        body.addLayout(self.extra)
        body.addWidget(scroll, 1)
        body.addLayout(buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.band)
        layout.addLayout(body, 1)
        self.opened.connect(self.refresh)
        self.retranslate_ui()

    def add_widget(self, widget: QWidget) -> None:
        """Extra admin content (statistics) above the problem list."""
        widget.setParent(self)
        self.extra.addWidget(widget)

    @Slot()
    def refresh(self) -> None:
        uptime = int(time.monotonic() - self._started)
        hours, rest = divmod(uptime, 3600)
        names = {
            "content": self.tr("Content folder"),
            "config": self.tr("Configuration file"),
            "log": self.tr("Log file"),
        }
        versions = (
            f"cri-kiosk {__version__} · Qt {qVersion()} · PySide6 {PySide6.__version__} · "
            f"Python {platform.python_version()}"
        )
        lines = [
            fill(self.tr("Versions: %1"), versions),
            fill(self.tr("Uptime: %1"), fill(self.tr("%1 h %2 min"), hours, f"{rest // 60:02d}")),
            *(
                fill(self.tr("%1: %2"), names.get(name, name), value)
                for name, value in self._details.items()
            ),
        ]
        # Each line starts in the panel's direction, whatever script its value is in.
        mark = "\u200f" if self.isRightToLeft() else "\u200e"
        self.info.setText("\n".join(mark + line for line in lines))
        recent = list(self._recent)[-20:]
        header = self.tr("Recent warnings and errors:")
        # Log lines are the technician's English and stay left to right.
        body = "\n".join(isolate(line) for line in reversed(recent)) if recent else self.tr("none")
        self.problems.setText(f"{mark}{header}\n{mark}{body}")

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Administration"))
        self.exit_button.setText(self.tr("Exit the kiosk"))
        self.reload_button.setText(self.tr("Reload content"))
        self.close_button.setText(self.tr("Close"))
        for button in (self.exit_button, self.reload_button, self.close_button):
            button.setAccessibleName(button.text())
        if self.isVisible():
            self.refresh()

    def apply_metrics(self, metrics: Metrics) -> None:
        pad = metrics.margin
        self._band_layout.setContentsMargins(pad, metrics.px(16), pad, metrics.px(16))
        self._body.setContentsMargins(pad, metrics.px(20), pad, metrics.px(20))
        self._body.setSpacing(metrics.px(16))
        self._buttons.setSpacing(metrics.px(16))
        side = metrics.px(36)
        palette = active_palette()
        self.exit_button.setIcon(icons.icon("mdi6.exit-run", palette.brand_ink))
        self.reload_button.setIcon(icons.icon("mdi6.reload", palette.brand_ink))
        self.close_button.setIcon(icons.icon("mdi6.close", palette.brand))
        for button in (self.exit_button, self.reload_button, self.close_button):
            button.setIconSize(QSize(side, side))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.apply_metrics(metrics_for(self.width(), self.height()))
