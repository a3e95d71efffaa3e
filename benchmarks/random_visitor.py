"""A seeded random visitor: taps, swipes, scrolls, switches languages, opens documents, leaves.

Input goes through the window as a touch screen or a mouse delivers it (QTest on the
window handle), so Qt itself finds the widget under the finger: an overlay covers what
is beneath it, a tile scrolled out of view cannot be tapped. Shared by the soak
(``python -m benchmarks.soak``) and by the random-visitor UI test.
"""

from __future__ import annotations

import collections
import random
import time
from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QPointingDevice, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QTextBrowser, QWidget

from kiosk.ui.kiosk_mode.idle import IdleState
from kiosk.ui.kiosk_mode.kiosk_mode import KioskMode
from kiosk.ui.overlay import open_overlays
from kiosk.ui.screens.text_fragments import links, scroll_to_link
from kiosk.ui.window import MainWindow

K = Qt.Key
M = Qt.KeyboardModifier
# Keys a keyboard left on the stand could send; kiosk mode swallows every one.
KEYS: list[tuple[Qt.Key, Qt.KeyboardModifier]] = [
    (K.Key_F4, M.AltModifier),
    (K.Key_Q, M.ControlModifier),
    (K.Key_W, M.ControlModifier),
    (K.Key_P, M.ControlModifier),
    (K.Key_Escape, M.NoModifier),
    (K.Key_Tab, M.AltModifier),
    (K.Key_Menu, M.NoModifier),
    (K.Key_PageDown, M.NoModifier),
    (K.Key_Space, M.NoModifier),
    (K.Key_Return, M.NoModifier),
    (K.Key_5, M.NoModifier),
    (K.Key_F11, M.NoModifier),
]

# How often each kind of interaction happens (relative weights). The waits are rare:
# each takes seconds of real time while the kiosk's own timers run.
WEIGHTS: dict[str, float] = {
    "tap": 40,  # a button, tile or link the visitor can see
    "tap_anywhere": 12,
    "language": 5,
    "document": 3,
    "swipe": 4,
    "drag": 3,
    "wheel": 5,
    "double_tap": 5,
    "pinch": 2,  # two fingers apart or together (zooms a PDF page; elsewhere, nothing)
    "key": 4,
    "read": 2,  # look at the screen for a moment: transitions finish
    "pause": 0.15,  # stay until "Still there?" appears, then carry on
    "leave": 0.15,  # walk away: the kiosk resets and shows the attract screen
    "corner_hold": 0.1,  # hold the admin corner: the PIN pad (nobody knows the PIN)
}
MOVE_STEPS = 6
FRAME_MS = 16
READ_MS = 250


def wait(ms: int) -> None:
    """Let ``ms`` milliseconds of real time pass with the event loop running."""
    QTest.qWait(ms)


def wait_until(condition: Callable[[], bool], timeout_s: float) -> bool:
    """Run the event loop until ``condition`` holds (True) or ``timeout_s`` passes."""
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            return False
        QTest.qWait(20)
    return True


class RandomVisitor:
    """Does one random thing to the kiosk window per ``step()``; counts what it did.

    ``mode`` is the kiosk mode around the window (None in presentation mode: then the
    waits for the idle reset and the admin corner are left out).
    """

    def __init__(
        self,
        window: MainWindow,
        mode: KioskMode | None,
        rng: random.Random,
        idle_wait_s: float = 30.0,
        corner_hold_s: float = 3.0,
    ) -> None:
        self.window = window
        self.mode = mode
        self.rng = rng
        self.idle_wait_s = idle_wait_s
        self.corner_hold_s = corner_hold_s
        self.counts: collections.Counter[str] = collections.Counter()
        self.timeouts = 0  # waits for the kiosk's timers that ran out
        self._device = QTest.createTouchDevice(QPointingDevice.DeviceType.TouchScreen)
        kinds = dict(WEIGHTS)
        if mode is None:
            for kind in ("pause", "leave", "corner_hold"):
                kinds.pop(kind)
        self._kinds = list(kinds)
        self._weights = list(kinds.values())
        self._actions: dict[str, Callable[[], None]] = {
            "tap": self.tap_something,
            "tap_anywhere": self.tap_anywhere,
            "language": self.switch_language,
            "document": self.open_document,
            "swipe": self.swipe,
            "drag": self.drag,
            "wheel": self.wheel,
            "double_tap": self.double_tap,
            "pinch": self.pinch,
            "key": self.press_key,
            "read": lambda: wait(READ_MS),
            "pause": self.pause,
            "leave": self.leave,
            "corner_hold": self.hold_corner,
        }

    # one interaction ----------------------------------------------------------------
    def step(self) -> str:
        """One random interaction, then the event loop runs (paints, timers)."""
        kind = self.rng.choices(self._kinds, self._weights)[0]
        self.do(kind)
        return kind

    def do(self, kind: str) -> None:
        """The interaction ``kind`` (a key of WEIGHTS)."""
        self._actions[kind]()
        self.counts[kind] += 1
        QApplication.processEvents()

    # what the visitor can see ---------------------------------------------------------
    def top_layer(self) -> QWidget:
        """What is on top: the last open overlay, else the window."""
        overlays = open_overlays(self.window)
        return overlays[-1] if overlays else self.window

    def reachable(self, widget: QWidget, local: QPoint) -> QPoint | None:
        """``local`` in window coordinates when a finger there lands on ``widget``."""
        if not widget.isVisible() or not widget.isEnabled():
            return None
        point = widget.mapTo(self.window, local)
        if not self.window.rect().contains(point):
            return None
        hit = self.window.childAt(point)
        while hit is not None and hit is not widget:
            hit = hit.parentWidget()
        return point if hit is widget else None

    def buttons(self) -> list[QPoint]:
        """Window points of every button the visitor can see and reach on the top layer."""
        points = []
        for button in self.top_layer().findChildren(QAbstractButton):
            point = self.reachable(button, button.rect().center())
            if point is not None:
                points.append(point)
        return points

    def links(self, prefix: str = "") -> list[str]:
        """The links (hrefs) of the section text on screen, when nothing covers it."""
        text = self.window.section.text
        if self.top_layer() is not self.window or not text.isVisible():
            return []
        hrefs = (href for href, _fragment in links(text.document()) if href.startswith(prefix))
        return list(dict.fromkeys(hrefs))

    def link_point(self, href: str) -> QPoint | None:
        """Scroll the link to ``href`` into view (as a visitor would) and find it."""
        browser: QTextBrowser = self.window.section.text
        position = scroll_to_link(browser, href)
        return None if position is None else self.reachable(browser.viewport(), position)

    def random_point(self) -> QPoint:
        rect = self.window.rect()
        return QPoint(self.rng.randrange(rect.width()), self.rng.randrange(rect.height()))

    # input primitives: a finger (touch screen) or a mouse, through the window ----------
    def touch_at(self, point: QPoint) -> None:
        handle = self.window.windowHandle()
        QTest.touchEvent(handle, self._device).press(0, point).commit()
        QTest.touchEvent(handle, self._device).release(0, point).commit()

    def click_at(self, point: QPoint) -> None:
        QTest.mouseClick(self.window.windowHandle(), Qt.MouseButton.LeftButton, M.NoModifier, point)

    def tap_at(self, point: QPoint) -> None:
        """A tap, by finger or by mouse (both reach kiosks: touch screens and trackpads)."""
        if self.rng.random() < 0.5:
            self.touch_at(point)
        else:
            self.click_at(point)

    def inside(self, point: QPoint) -> QPoint:
        """``point`` moved onto the window: a finger cannot touch beyond the screen."""
        rect = self.window.rect()
        return QPoint(
            min(max(point.x(), 0), rect.width() - 1), min(max(point.y(), 0), rect.height() - 1)
        )

    def move_along(self, start: QPoint, end: QPoint) -> None:
        """Press at ``start``, move to ``end`` one frame at a time, lift."""
        start, end = self.inside(start), self.inside(end)
        handle = self.window.windowHandle()
        by_touch = self.rng.random() < 0.5
        if by_touch:
            QTest.touchEvent(handle, self._device).press(0, start).commit()
        else:
            QTest.mousePress(handle, Qt.MouseButton.LeftButton, M.NoModifier, start)
        point = start
        for step in range(1, MOVE_STEPS + 1):
            wait(FRAME_MS)
            point = start + (end - start) * (step / MOVE_STEPS)
            if by_touch:
                QTest.touchEvent(handle, self._device).move(0, point).commit()
            else:
                QTest.mouseMove(handle, point)
        if by_touch:
            QTest.touchEvent(handle, self._device).release(0, point).commit()
        else:
            QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, M.NoModifier, point)

    # interactions ---------------------------------------------------------------------
    def tap_something(self) -> None:
        """A button, tile or link on the top layer; anywhere when there is none."""
        hrefs = self.links()
        buttons = self.buttons()
        if hrefs and self.rng.random() < len(hrefs) / (len(hrefs) + len(buttons)):
            point = self.link_point(self.rng.choice(hrefs))
            if point is not None:
                self.tap_at(point)
                return
        if buttons:
            self.tap_at(self.rng.choice(buttons))
        else:
            self.tap_anywhere()

    def tap_anywhere(self) -> None:
        self.tap_at(self.random_point())

    def switch_language(self) -> None:
        """Tap another language in the top bar (when nothing covers it)."""
        current = self.window.language.current
        points = [
            point
            for code, button in self.window.top_bar.language_buttons.items()
            if code != current
            and (point := self.reachable(button, button.rect().center())) is not None
        ]
        if points:
            self.tap_at(self.rng.choice(points))
        else:
            self.tap_something()

    def open_document(self) -> None:
        """Tap a document: a row of the Downloads list or a link in the text."""
        points = []
        downloads = self.window.downloads
        if self.top_layer() is self.window and downloads.isVisible():
            for button in downloads.findChildren(QAbstractButton):
                point = self.reachable(button, button.rect().center())
                if point is not None:
                    points.append(point)
        hrefs = self.links("doc:")
        if hrefs and (not points or self.rng.random() < 0.5):
            link = self.link_point(self.rng.choice(hrefs))
            if link is not None:
                points = [link]
        if points:
            self.tap_at(self.rng.choice(points))
        else:
            self.tap_something()

    def swipe(self) -> None:
        """A horizontal swipe across the middle of the screen, either way."""
        rect = self.window.rect()
        middle = QPoint(rect.center().x(), self.rng.randrange(rect.height() // 4, rect.height()))
        reach = QPoint(rect.width() // 3, self.rng.randrange(-20, 21))
        if self.rng.random() < 0.5:
            self.move_along(middle + reach, middle - reach)
        else:
            self.move_along(middle - reach, middle + reach)

    def drag(self) -> None:
        """A drag or flick from one random point to another (scrolls, or nothing)."""
        self.move_along(self.random_point(), self.random_point())

    def wheel(self) -> None:
        """A turn of a mouse wheel over whatever is under the pointer."""
        point = self.random_point()
        target = self.window.childAt(point) or self.window
        local = QPointF(target.mapFrom(self.window, point))
        notches = self.rng.choice([-3, -1, 1, 3])
        event = QWheelEvent(
            local,
            QPointF(self.window.mapToGlobal(point)),
            QPoint(),
            QPoint(0, 120 * notches),
            Qt.MouseButton.NoButton,
            M.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        QApplication.sendEvent(target, event)

    def double_tap(self) -> None:
        """Two quick taps on one spot (zooms a PDF page; elsewhere, two taps)."""
        buttons = self.buttons()
        point = (
            self.rng.choice(buttons) if buttons and self.rng.random() < 0.5 else self.random_point()
        )
        if self.rng.random() < 0.5:
            self.touch_at(point)
            self.touch_at(point)
        else:
            QTest.mouseDClick(
                self.window.windowHandle(), Qt.MouseButton.LeftButton, M.NoModifier, point
            )

    def pinch(self) -> None:
        """Two fingers moving apart (zoom in) or together (zoom out), one frame a step."""
        handle = self.window.windowHandle()
        middle = self.random_point()
        start, end = (40, 160) if self.rng.random() < 0.5 else (160, 40)
        rect = self.window.rect()

        def fingers(spread: float) -> tuple[QPoint, QPoint]:
            offset = QPoint(round(spread), 0)
            first, second = middle - offset, middle + offset
            return (
                QPoint(max(0, first.x()), first.y()),
                QPoint(min(rect.width() - 1, second.x()), second.y()),
            )

        first, second = fingers(start)
        QTest.touchEvent(handle, self._device).press(0, first).press(1, second).commit()
        for step in range(1, MOVE_STEPS + 1):
            wait(FRAME_MS)
            first, second = fingers(start + (end - start) * step / MOVE_STEPS)
            QTest.touchEvent(handle, self._device).move(0, first).move(1, second).commit()
        QTest.touchEvent(handle, self._device).release(0, first).release(1, second).commit()

    def press_key(self) -> None:
        key, modifier = self.rng.choice(KEYS)
        QTest.keyClick(self.window.windowHandle(), key, modifier)

    def pause(self) -> None:
        """Stay still until "Still there?" shows, then answer it with a tap."""
        assert self.mode is not None
        prompt = self.mode.prompt
        if not self._wait_for(lambda: prompt.is_open() or not self._active()):
            return
        self.tap_something()

    def leave(self) -> None:
        """Walk away: the countdown runs out, the kiosk resets, the attract screen shows."""
        assert self.mode is not None
        idle = self.mode.idle
        attract = self.mode.attract
        self._wait_for(lambda: idle.state is IdleState.ATTRACT and attract.is_open())

    def hold_corner(self) -> None:
        """Hold the top-left corner until the PIN pad opens (a technician's gesture)."""
        assert self.mode is not None
        handle = self.window.windowHandle()
        corner = QPoint(4, 4)
        QTest.mousePress(handle, Qt.MouseButton.LeftButton, M.NoModifier, corner)
        wait(int(self.corner_hold_s * 1000) + 100)
        QTest.mouseRelease(handle, Qt.MouseButton.LeftButton, M.NoModifier, corner)

    def _active(self) -> bool:
        return self.mode is not None and self.mode.idle.state is IdleState.ACTIVE

    def _wait_for(self, condition: Callable[[], bool]) -> bool:
        if wait_until(condition, self.idle_wait_s):
            return True
        self.timeouts += 1
        return False
