"""Which screen the window is on, fullscreen without a window manager, and screen changes."""

from __future__ import annotations

import contextlib
import logging
import os
import time

from PySide6.QtCore import QObject, QRect, QTimer, Slot
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

log = logging.getLogger("kiosk.screens")

WINDOWED_SIZE = (1366, 768)

# A compositor that answers a fullscreen request with another state is asked again at
# most this often: never a loop of requests and configures with it.
REQUEST_INTERVAL = 2.0


def compositor_places_windows() -> bool:
    """Whether a Wayland compositor places and sizes the windows (directly or through
    its Xwayland window manager), rather than a bare X server that does nothing."""
    app = QGuiApplication.instance()
    platform = app.platformName() if isinstance(app, QGuiApplication) else ""
    if platform.startswith("wayland"):
        return True
    return platform == "xcb" and bool(os.environ.get("WAYLAND_DISPLAY"))


def choose_screen(index: int) -> QScreen:
    """Screen ``index`` in the platform's order (0 = primary), else the primary one."""
    primary = QGuiApplication.primaryScreen()
    others = [screen for screen in QGuiApplication.screens() if screen is not primary]
    ordered = [primary, *others]
    if index < len(ordered):
        return ordered[index]
    log.warning(
        "screen %d is not connected (%d screen(s)); using the primary screen", index, len(ordered)
    )
    return primary


class ScreenPlacement(QObject):
    """Keeps a window on its configured screen, covering it when fullscreen.

    On X, showFullScreen() only asks a window manager and kiosk boxes may have none (a
    bare X session), so the window also takes the screen's geometry itself. Under a
    Wayland compositor (cage on a kiosk box) the window only asks for fullscreen on its
    output and lets the compositor size it: a geometry of our own there fights the
    compositor's configure (and, with cage on wlroots 0.15, made the screen stay black).
    When screens are plugged, unplugged, rotated or resized, the window moves to the
    configured screen (or the one left) and covers it again.
    """

    def __init__(
        self,
        window: QWidget,
        screen_index: int,
        fullscreen: bool,
        compositor: bool | None = None,
    ) -> None:
        """``compositor``: whether a Wayland compositor sizes the window; None: detect."""
        super().__init__(window)
        self._window = window
        self._index = screen_index
        self._fullscreen = fullscreen
        self._screen: QScreen | None = None
        self._compositor = compositor_places_windows() if compositor is None else compositor
        self._last_request: float | None = None
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(0)
        self._pending.timeout.connect(self.place)
        app = QGuiApplication.instance()
        if isinstance(app, QGuiApplication):
            app.screenAdded.connect(self._screens_changed)
            app.screenRemoved.connect(self._screens_changed)
            app.primaryScreenChanged.connect(self._screens_changed)

    @property
    def fullscreen(self) -> bool:
        return self._fullscreen

    @property
    def compositor_places(self) -> bool:
        """A Wayland compositor sizes the window: only fullscreen is asked of it."""
        return self._compositor

    def show(self) -> None:
        """Show the window on its screen: fullscreen, or centred at the laptop size."""
        screen = choose_screen(self._index)
        self._follow(screen)
        if self._fullscreen:
            self._cover(screen)
            self._request_fullscreen()
            self._window.activateWindow()
            return
        area = screen.availableGeometry()
        width = min(WINDOWED_SIZE[0], area.width())
        height = min(WINDOWED_SIZE[1], area.height())
        self._window.resize(width, height)
        if not self._compositor:
            self._window.move(area.center() - self._window.rect().center())
        self._window.show()
        # Without a window manager nobody else gives the window the keyboard focus
        # (a presenter's clicker sends keys).
        self._window.activateWindow()

    def set_fullscreen(self, fullscreen: bool) -> None:
        """Toggle between covering the screen and the laptop window."""
        if fullscreen == self._fullscreen:
            return
        self._fullscreen = fullscreen
        if fullscreen:
            self.show()
        else:
            self._window.showNormal()
            self.show()

    def covering(self) -> bool:
        """Whether the window is shown as it should be (the lock-down asks).

        Under a compositor, a window it shows maximized over the whole output (cage
        does) covers the screen as well as a fullscreen one, and a request it has not
        answered yet is given time: its first configures (xdg-shell's handshake) carry
        no fullscreen state and are not a reason to ask again.
        """
        window = self._window
        if window.isHidden() or window.isMinimized():
            return False
        if not self._fullscreen or window.isFullScreen():
            return True
        if not self._compositor:
            return False
        waited = time.monotonic() - (self._last_request or 0.0)
        if self._last_request is not None and waited < REQUEST_INTERVAL:
            self._pending.start(int((REQUEST_INTERVAL - waited) * 1000) + 1)
            return True
        screen = window.screen()
        return window.isMaximized() or (
            screen is not None and window.size() == screen.geometry().size()
        )

    @Slot()
    def place(self) -> None:
        """Move to the configured screen (or the one left) and cover it again.

        Also undoes a minimise, hide or leaving fullscreen while fullscreen is wanted.
        """
        screen = choose_screen(self._index)
        self._follow(screen)
        if self._fullscreen:
            self._cover(screen)
            if not self.covering():
                self._request_fullscreen()

    def _request_fullscreen(self) -> None:
        if self._compositor:
            if self._last_request is not None:
                log.info("asking the compositor again to show the window fullscreen")
            self._last_request = time.monotonic()
        self._window.showFullScreen()

    def _cover(self, screen: QScreen) -> None:
        handle = self._window.windowHandle()
        if handle is not None and handle.screen() is not screen:
            handle.setScreen(screen)
        if not self._compositor:
            self._window.setGeometry(screen.geometry())

    def _follow(self, screen: QScreen) -> None:
        if screen is self._screen:
            return
        if self._screen is not None:
            # The old screen may already be gone.
            with contextlib.suppress(RuntimeError, TypeError):
                self._screen.geometryChanged.disconnect(self._geometry_changed)
        self._screen = screen
        screen.geometryChanged.connect(self._geometry_changed)

    @Slot(QRect)
    def _geometry_changed(self, geometry: QRect) -> None:
        log.info("screen geometry changed to %dx%d", geometry.width(), geometry.height())
        self._pending.start(0)

    @Slot(QScreen)
    def _screens_changed(self, screen: QScreen) -> None:
        # The removed screen is still listed while its signal runs: place once it is gone.
        if screen is self._screen:
            self._screen = None
        log.info("screens changed: %d connected", len(QGuiApplication.screens()))
        self._pending.start(0)
