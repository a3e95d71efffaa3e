"""Presentation mode: a clicker or the keyboard steps through the sections in order.

Only created in presentation (windowed) mode; kiosk mode's lock-down swallows every
key anyway. Keys are read by one application-wide filter, so they work whichever
widget has the focus, and act only on the presenter's own window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, Signal, Slot
from PySide6.QtGui import QColor, QKeyEvent, QPainter, QPaintEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QScrollBar, QWidget

from kiosk.ui.input import app_events
from kiosk.ui.navigator import HOME
from kiosk.ui.overlay import Overlay, open_overlays
from kiosk.ui.placement import ScreenPlacement
from kiosk.ui.presenting.progress import ProgressStrip
from kiosk.ui.window import MainWindow

log = logging.getLogger("kiosk.presenter")

# Arrow keys scroll this share of the visible height before moving on.
ARROW_SCROLL_SHARE = 0.3
# A wheel at the end of a page moves on once this much turn has piled up (one notch)...
WHEEL_NOTCH = 120
# ...and never within this long of the last section change (touchpads keep scrolling).
WHEEL_SETTLE_MS = 600

_NEXT_KEYS = {Qt.Key.Key_PageDown, Qt.Key.Key_Space, Qt.Key.Key_Down}
_PREVIOUS_KEYS = {Qt.Key.Key_PageUp, Qt.Key.Key_Up}
_BLANK_KEYS = {Qt.Key.Key_B, Qt.Key.Key_Period}
_FULLSCREEN_KEYS = {Qt.Key.Key_F5, Qt.Key.Key_F11}
# Ctrl, Alt and Meta combinations belong to the system, not to the presenter.
_FOREIGN_MODIFIERS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.MetaModifier
)


class BlankScreen(Overlay):
    """A black layer over the whole window; any key, click or touch takes it away."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("BlankScreen")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        self.setAutoFillBackground(False)
        self.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        self.setCursor(Qt.CursorShape.BlankCursor)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("black"))
        painter.end()

    def event(self, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            self.close_overlay()
            event.accept()
            return True
        return super().event(event)


class Presenter(QObject):
    """Keys of a presenter clicker and a keyboard, mapped onto the presentation order.

    The order is the window's library's presentation order (home order, sub-sections
    after their parent), read on every key so a content reload is followed.
    ``activity`` fires for every key or wheel turn the presenter acts on, for idle
    watchers that might not see it (the presenter consumes the event).
    """

    activity = Signal()

    def __init__(
        self,
        window: MainWindow,
        placement: ScreenPlacement | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent if parent is not None else window)
        self.window = window
        self._placement = placement
        self._active = False
        self._wheel_pile = 0
        self._last_move = QElapsedTimer()
        self.blank = BlankScreen(window)
        self.progress = ProgressStrip(window)
        window.navigator.current_changed.connect(self._show_progress)
        self._show_progress(window.current_screen())

    # switching on and off -----------------------------------------------------------
    def start(self) -> None:
        app = QApplication.instance()
        if self._active or app is None:
            return
        self._active = True
        app_events.watch(self, (QEvent.Type.KeyPress, QEvent.Type.Wheel))
        self._show_progress(self.window.current_screen())

    def stop(self) -> None:
        app = QApplication.instance()
        if not self._active or app is None:
            return
        self._active = False
        app_events.unwatch(self)
        self.blank.close_overlay()
        self.progress.hide()

    @property
    def active(self) -> bool:
        return self._active

    # actions ------------------------------------------------------------------------------
    @Slot()
    def next_section(self) -> None:
        """The next section in presentation order; from the home screen, the first."""
        index = self._index()
        if index + 1 < len(self._order()):
            self._go(self._order()[index + 1])

    @Slot()
    def previous_section(self) -> None:
        """The previous section; from the first one, the home screen."""
        index = self._index()
        if index > 0:
            self._go(self._order()[index - 1])
        elif index == 0:
            self._go(HOME)

    @Slot()
    def go_home(self) -> None:
        self._go(HOME)

    @Slot()
    def last_section(self) -> None:
        if self._order():
            self._go(self._order()[-1])

    @Slot()
    def toggle_blank(self) -> None:
        if self.blank.is_open():
            self.blank.close_overlay()
        else:
            self.blank.open_overlay()

    @Slot()
    def toggle_fullscreen(self) -> None:
        if self._placement is not None:
            self._placement.set_fullscreen(not self._placement.fullscreen)

    @Slot()
    def cycle_language(self) -> None:
        """The next language in the switcher's order, back to the first after the last."""
        codes = [language.code for language in self.window.language.languages]
        current = self.window.language.current
        if not codes:
            return
        index = codes.index(current) if current in codes else -1
        self.window.language.set_language(codes[(index + 1) % len(codes)])

    # input --------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            return self._owns(watched) and self._key(event)
        if isinstance(event, QWheelEvent) and watched is self.window.section.text.viewport():
            return self._wheel(event)
        return False

    def _owns(self, watched: QObject) -> bool:
        return isinstance(watched, QWidget) and watched.window() is self.window

    def _key(self, event: QKeyEvent) -> bool:
        if event.modifiers() & _FOREIGN_MODIFIERS:
            return False
        key = Qt.Key(event.key())
        self.activity.emit()
        if self.blank.is_open():
            # A second press of a blanking key, or any other key, brings the picture back.
            self.blank.close_overlay()
            return True
        if key in _FULLSCREEN_KEYS:
            self.toggle_fullscreen()
            return True
        if self._foreign_overlay_open():
            # The document viewer and other layers keep their own keys, Esc included.
            return False
        if key == Qt.Key.Key_Escape:
            if self._placement is not None and self._placement.fullscreen:
                self._placement.set_fullscreen(False)
                return True
            return False
        action = self._action_for(key, event.modifiers())
        if action is None:
            return False
        action()
        return True

    def _action_for(self, key: Qt.Key, modifiers: Qt.KeyboardModifier) -> Callable[[], None] | None:
        rtl = self.window.language.is_rtl()
        forward_arrow = Qt.Key.Key_Left if rtl else Qt.Key.Key_Right
        back_arrow = Qt.Key.Key_Right if rtl else Qt.Key.Key_Left
        if key == Qt.Key.Key_Space and modifiers & Qt.KeyboardModifier.ShiftModifier:
            return self.previous_section
        if key == Qt.Key.Key_Down:
            return lambda: self._scroll_or_step(1)
        if key == Qt.Key.Key_Up:
            return lambda: self._scroll_or_step(-1)
        if key in _NEXT_KEYS or key == forward_arrow:
            return self.next_section
        if key in _PREVIOUS_KEYS or key == back_arrow:
            return self.previous_section
        if key == Qt.Key.Key_Home:
            return self.go_home
        if key == Qt.Key.Key_End:
            return self.last_section
        if key in _BLANK_KEYS:
            return self.toggle_blank
        if key == Qt.Key.Key_L:
            return self.cycle_language
        return None

    def _wheel(self, event: QWheelEvent) -> bool:
        """Let the page scroll; past its end, one more notch moves to the next section."""
        if self._foreign_overlay_open() or self.window.current_screen() == HOME:
            return False
        delta = event.angleDelta().y()
        bar = self.window.section.text.verticalScrollBar()
        at_end = (delta < 0 and bar.value() >= bar.maximum()) or (
            delta > 0 and bar.value() <= bar.minimum()
        )
        if not at_end or delta == 0:
            self._wheel_pile = 0
            return False
        self.activity.emit()
        if self._last_move.isValid() and self._last_move.elapsed() < WHEEL_SETTLE_MS:
            return True
        self._wheel_pile += delta
        if abs(self._wheel_pile) < WHEEL_NOTCH:
            return True
        self._wheel_pile = 0
        if delta < 0:
            self.next_section()
        else:
            self.previous_section()
        return True

    def _scroll_or_step(self, direction: int) -> None:
        """Arrow down/up: scroll a long page first, move on once at its end."""
        bar = self._scroll_bar()
        if bar is not None:
            limit = bar.maximum() if direction > 0 else bar.minimum()
            if bar.value() != limit:
                step = max(bar.singleStep(), round(bar.pageStep() * ARROW_SCROLL_SHARE))
                bar.setValue(bar.value() + direction * step)
                return
        if direction > 0:
            self.next_section()
        else:
            self.previous_section()

    def _scroll_bar(self) -> QScrollBar | None:
        if self.window.stack.currentWidget() is self.window.section:
            return self.window.section.text.verticalScrollBar()
        if self.window.stack.currentWidget() is self.window.home:
            return self.window.home.scroll_area.verticalScrollBar()
        return None

    def _foreign_overlay_open(self) -> bool:
        return any(overlay is not self.blank for overlay in open_overlays(self.window))

    # navigation -------------------------------------------------------------------------
    def _order(self) -> tuple[str, ...]:
        return self.window.library.page_ids

    def _index(self) -> int:
        """Position of the screen shown in the order; -1 for the home screen."""
        order = self._order()
        current = self.window.current_screen()
        return order.index(current) if current in order else -1

    def _go(self, page_id: str) -> None:
        self._last_move.start()
        self._wheel_pile = 0
        if page_id == HOME:
            self.window.navigator.home()
        else:
            self.window.navigator.go(page_id)

    @Slot(str)
    def _show_progress(self, page_id: str) -> None:
        order = self._order()
        if not self._active or page_id not in order:
            self.progress.set_progress(0, len(order))
            return
        self.progress.set_progress(order.index(page_id) + 1, len(order))
