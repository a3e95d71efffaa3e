"""The child side of the interaction benchmark: a kiosk, real taps, a clock on frames."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QTextBrowser, QWidget

from benchmarks.interaction import QUIET_MS, TIMEOUT_S, Sample
from kiosk.app import KioskRun, RunOptions, create_application
from kiosk.config import Config, LoadedConfig
from kiosk.content.links import section_id_from_url, section_url
from kiosk.ui.navigator import HOME
from kiosk.ui.screens.text_fragments import links, scroll_to_link
from kiosk.ui.window import MainWindow

# fr->ar, ar->en, en->fr, fr->en, en->ar, ar->fr: every ordered pair once, back to fr.
LANGUAGE_CYCLE = ("ar", "en", "fr", "en", "ar", "fr")


@dataclass(frozen=True)
class Frame:
    """One flush of the window: when it ended, and how much of the new page it showed."""

    at: float
    screen: str
    language: str
    incoming_share: float  # 1.0 without a slide; during a slide the share slid in


class FrameClock(QObject):
    """Paints the window's frames itself so that it knows when each flush ended."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.frames: list[Frame] = []
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._window and event.type() == QEvent.Type.UpdateRequest:
            # What QWidget::event does with it: paint the dirty widgets, flush them.
            self._window.event(event)
            self.frames.append(self._frame(time.perf_counter()))
            return True
        return False

    def _frame(self, at: float) -> Frame:
        window = self._window
        snapshot = window.transition.snapshot
        share = 1.0
        if snapshot.isVisible():
            share = min(1.0, abs(snapshot.offset) / max(1, snapshot.width()))
            if snapshot.incoming.isNull():
                share = 0.0
        return Frame(at, window.current_screen(), window.language.current, share)


class Tour:
    """A kiosk in kiosk mode, fullscreen, and the taps of a visitor who sees everything."""

    def __init__(self) -> None:
        self.app = create_application()
        # No idle prompt in the middle of the tour; everything else as on a kiosk.
        settings = Config(mode="kiosk", idle_timeout=3600, attract_delay=3600)
        self.kiosk = KioskRun(self.app, RunOptions(LoadedConfig(settings), fullscreen=True))
        if not self.kiosk.start() or not isinstance(self.kiosk.window, MainWindow):
            raise RuntimeError("the kiosk did not start")
        self.window: MainWindow = self.kiosk.window
        self.library = self.window.library
        self.clock = FrameClock(self.window)
        self.samples: list[Sample] = []
        self._seen: set[tuple[str, str]] = set()
        self._settle(300)
        if (self.window.width(), self.window.height()) != (1920, 1080):
            raise RuntimeError(f"window is {self.window.width()}x{self.window.height()}")
        self._seen.add((HOME, self.window.language.current))

    # the visitor ---------------------------------------------------------------
    def run_once(self) -> None:
        """One tour: navigation in every language, then language switches on every screen."""
        for lang in ("fr", "ar", "en"):
            self._language(lang, timed=False)
            self._navigate_everywhere()
        self._language("fr", timed=False)
        self._home(timed=False)
        for screen in (HOME, *self.library.page_ids):
            if screen == HOME:
                self._home(timed=False)
            else:
                self._open_from_home(screen, timed=False)
            for lang in LANGUAGE_CYCLE:
                self._language(lang, timed=True)

    def _navigate_everywhere(self) -> None:
        for page_id in self.library.page_ids:
            self._home(timed=True)
            self._open_from_home(page_id, timed=True)
            for target, via, press in self._ways_out(page_id):
                self._tap(press(), "navigation", via, target, self._shows_page(target))
                back = Press(self.window.top_bar.back_button)
                self._tap(back, "navigation", "back button", page_id, self._shows_page(page_id))
        self._home(timed=True)

    def _ways_out(self, page_id: str) -> list[tuple[str, str, Callable[[], Press]]]:
        """Every related tile, picture part and section link on ``page_id``."""
        section = self.window.section
        ways: list[tuple[str, str, Callable[[], Press]]] = []
        for tile in section.related_tiles:
            if tile.isVisible() and tile.page_id != page_id:
                ways.append((tile.page_id, "related tile", partial(Press, tile)))
        graphic = section.graphic
        if graphic is not None and graphic.isVisible():
            for part in graphic.findChildren(QAbstractButton):
                target = getattr(part, "page_id", None)
                if part.isVisible() and isinstance(target, str) and target != page_id:
                    ways.append((target, "picture part", partial(Press, part)))
        for target in dict.fromkeys(_section_links(section.text)):
            if target != page_id and self.library.has_page(target):
                ways.append((target, "link", partial(_link_press, section.text, target)))
        return ways

    def _home(self, timed: bool) -> None:
        if self.window.current_screen() == HOME:
            return
        press = Press(self.window.top_bar.home_button)
        if timed:
            self._tap(press, "navigation", "home button", HOME, self._shows_page(HOME))
        else:
            self._untimed(press, self._shows_page(HOME))

    def _open_from_home(self, page_id: str, timed: bool) -> None:
        self._home(timed=False)
        tile = self.window.home.tiles[page_id]
        self.window.home.scroll_area.ensureWidgetVisible(tile)
        self._settle(0)
        press = Press(tile)
        if timed:
            self._tap(press, "navigation", "home tile", page_id, self._shows_page(page_id))
        else:
            self._untimed(press, self._shows_page(page_id))

    def _language(self, code: str, timed: bool) -> None:
        if self.window.language.current == code:
            return
        press = Press(self.window.top_bar.language_buttons[code])
        done = self._shows_language(code)
        if timed:
            self._tap(press, "language switch", "language button", code, done, settle=True)
        else:
            self._untimed(press, done)

    # the clock -------------------------------------------------------------------
    def _shows_page(self, page_id: str) -> Callable[[Frame], bool]:
        return lambda frame: frame.screen == page_id and frame.incoming_share > 0

    def _shows_language(self, code: str) -> Callable[[Frame], bool]:
        return lambda frame: frame.language == code

    def _tap(
        self,
        press: Press,
        kind: str,
        via: str,
        target: str,
        done: Callable[[Frame], bool],
        settle: bool = False,
    ) -> None:
        source, lang = self.window.current_screen(), self.window.language.current
        destination = (source, target) if kind == "language switch" else (target, lang)
        cold = destination not in self._seen
        press.down()
        self._settle(30)
        first = len(self.clock.frames)
        started = time.perf_counter()
        press.up()
        stop = self._wait(first, done, settle)
        frames = self.clock.frames[first:]
        self._seen.add(destination)
        self.samples.append(
            Sample(
                kind=kind,
                via=via,
                source=source,
                target=target,
                lang=lang,
                cold=cold,
                ms=(stop - started) * 1000,
                first_ms=(frames[0].at - started) * 1000,
                frames=len([f for f in frames if f.at <= stop]),
            )
        )
        self._finish_slide()

    def _untimed(self, press: Press, done: Callable[[Frame], bool]) -> None:
        press.down()
        self._settle(30)
        first = len(self.clock.frames)
        press.up()
        self._wait(first, done, settle=True)
        self._finish_slide()
        screen = self.window.current_screen()
        self._seen.add((screen, self.window.language.current))

    def _wait(self, first: int, done: Callable[[Frame], bool], settle: bool) -> float:
        """Run the event loop until a frame after ``first`` is ``done``; its time.

        With ``settle``: the time of the last frame before QUIET_MS without one.
        """
        deadline = time.perf_counter() + TIMEOUT_S
        hit: float | None = None
        while time.perf_counter() < deadline:
            self.app.processEvents()
            frames = self.clock.frames[first:]
            if hit is None:
                hit = next((f.at for f in frames if done(f)), None)
                if hit is not None and not settle:
                    return hit
            if hit is not None:
                last = frames[-1].at
                if (time.perf_counter() - last) * 1000 >= QUIET_MS:
                    return last
            time.sleep(0.0005)
        raise RuntimeError("the tapped page was never painted")

    def _finish_slide(self) -> None:
        deadline = time.perf_counter() + TIMEOUT_S
        while self.window.transition.is_running() and time.perf_counter() < deadline:
            self.app.processEvents()
            time.sleep(0.002)
        self._settle(20)

    def _settle(self, ms: int) -> None:
        end = time.perf_counter() + ms / 1000
        self.app.processEvents()
        while time.perf_counter() < end:
            self.app.processEvents()
            time.sleep(0.001)

    def close(self) -> None:
        self.kiosk.stop()
        self.app.processEvents()


class Press:
    """A finger on ``widget`` at ``pos`` (its centre by default): down, then up."""

    def __init__(self, widget: QWidget, pos: QPoint | None = None) -> None:
        if not widget.isVisible() or not widget.isEnabled():
            raise RuntimeError(f"cannot tap {widget!r}")
        self.widget = widget
        self.pos = pos if pos is not None else widget.rect().center()

    def down(self) -> None:
        QTest.mousePress(
            self.widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, self.pos
        )

    def up(self) -> None:
        QTest.mouseRelease(
            self.widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, self.pos
        )


def _section_links(browser: QTextBrowser) -> list[str]:
    """Section ids linked from the text, in reading order."""
    page_ids = (section_id_from_url(href) for href, _fragment in links(browser.document()))
    return [page_id for page_id in page_ids if page_id]


def _link_press(browser: QTextBrowser, page_id: str) -> Press:
    """A press on the first link to ``page_id``, scrolled into view first."""
    position = scroll_to_link(browser, section_url(page_id))
    if position is None:
        raise RuntimeError(f"no link to {page_id}")
    QApplication.processEvents()
    return Press(browser.viewport(), position)
