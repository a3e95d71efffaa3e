"""Loop mode: the kiosk plays its sections by itself, language after language.

For front-desk screens nobody touches. Each section stays ``section_ms`` on screen
while a long page scrolls slowly to its end; after the last section comes the first
one in the next language, and after the last language the whole cycle again. Changes
of page go through a short fade. Any input pauses the loop (``pause``); an idle
watcher starts it again from the beginning (``follow``).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import (
    QAbstractAnimation,
    QEasingCurve,
    QObject,
    Qt,
    QTimer,
    QVariantAnimation,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from kiosk.ui.kiosk_mode.idle import IdleWatcher
from kiosk.ui.overlay import Overlay
from kiosk.ui.style.theme import active_palette
from kiosk.ui.window import MainWindow

log = logging.getLogger("kiosk.loop")

FADE_MS = 350
# Share of a section's time spent still at the top, then scrolling; the rest rests at the end.
SCROLL_HOLD_START = 0.2
SCROLL_END = 0.85


class LoopVeil(Overlay):
    """A layer of the page's ground colour, faded in and out between two sections.

    Clicks and touches go through it: they reach the page and pause the loop.
    """

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("LoopVeil")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, False)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAutoFillBackground(False)
        self._opacity = 0.0

    @property
    def opacity(self) -> float:
        return self._opacity

    def set_opacity(self, opacity: float) -> None:
        self._opacity = max(0.0, min(1.0, opacity))
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        colour = QColor(active_palette().ground)
        colour.setAlphaF(self._opacity)
        painter = QPainter(self)
        painter.fillRect(self.rect(), colour)
        painter.end()


class LoopPlayer(QObject):
    """Plays the sections (minus ``skip``) in each of ``languages`` on ``window``, forever.

    The sections are the window's presentation order, read at every step so that a
    content reload is followed; ``order`` replaces it (tests, a shorter loop).

    ``step_shown`` carries the language and page id each time a section appears.
    """

    step_shown = Signal(str, str)
    playing_changed = Signal(bool)

    def __init__(
        self,
        window: MainWindow,
        languages: tuple[str, ...],
        skip: tuple[str, ...],
        section_ms: int,
        fade_ms: int = FADE_MS,
        order: tuple[str, ...] | None = None,
    ) -> None:
        super().__init__(window)
        self.window = window
        offered = tuple(language.code for language in window.language.languages)
        self.languages = tuple(code for code in languages if code in offered) or offered
        self._skip = skip
        self._order = order
        self._section_ms = section_ms
        self._fade_ms = fade_ms
        self._index = 0
        self._playing = False
        self._idle: IdleWatcher | None = None
        self.veil = LoopVeil(window)

        self._dwell = QTimer(self)
        self._dwell.setSingleShot(True)
        self._dwell.timeout.connect(self._advance)
        self._fade = QVariantAnimation(self)
        self._fade.setDuration(fade_ms)
        self._fade.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self._fade.valueChanged.connect(self._set_veil)
        self._fade.finished.connect(self._fade_finished)
        self._scroll = QVariantAnimation(self)
        self._scroll.setStartValue(0.0)
        self._scroll.setKeyValueAt(SCROLL_HOLD_START, 0.0)
        self._scroll.setKeyValueAt(SCROLL_END, 1.0)
        self._scroll.setEndValue(1.0)
        self._scroll.setEasingCurve(QEasingCurve.Type.Linear)
        self._scroll.valueChanged.connect(self._set_scroll)

    # the sequence ----------------------------------------------------------------------------
    @property
    def pages(self) -> tuple[str, ...]:
        """The sections one language plays, in order."""
        order = self._order if self._order is not None else self.window.library.page_ids
        return tuple(page_id for page_id in order if page_id not in self._skip)

    @property
    def steps(self) -> tuple[tuple[str, str], ...]:
        """Every (language, page id) of one full cycle, in playing order."""
        return tuple((lang, page_id) for lang in self.languages for page_id in self.pages)

    @property
    def playing(self) -> bool:
        return self._playing

    @property
    def index(self) -> int:
        """Position in ``steps`` of the section on screen (or fading in)."""
        return self._index

    # control -----------------------------------------------------------------------------------
    @Slot()
    def play(self) -> None:
        """Start from the beginning: first section, first language."""
        if not self.pages:
            log.warning("loop: every section is skipped; nothing to play")
            return
        self._stop_motion()
        self._index = 0
        if not self._playing:
            self._playing = True
            self.playing_changed.emit(True)
        log.info("loop: playing %d sections in %s", len(self.pages), ", ".join(self.languages))
        self._change_step()

    @Slot()
    def pause(self) -> None:
        """Stop where it is and leave the screen to the visitor."""
        self._stop_motion()
        if self._playing:
            self._playing = False
            log.info("loop: paused by a visitor")
            self.playing_changed.emit(False)

    def follow(self, idle: IdleWatcher) -> None:
        """Play when ``idle`` would show the attract screen; pause on a visitor's input."""
        self._idle = idle
        idle.attract_requested.connect(self.play)
        idle.visit_started.connect(self.pause)

    def watch_idle(self, timeout_s: int) -> IdleWatcher:
        """Presentation mode has no idle watcher of its own: the loop brings one.

        It plays at once, and again ``timeout_s`` seconds (plus the watcher's one-second
        countdown, which nothing shows here) after the last input.
        """
        idle = IdleWatcher(timeout_s, 1, 0, self)
        self.follow(idle)
        idle.start()
        return idle

    def stop(self) -> None:
        """Pause for good: the window is going away or leaving loop mode."""
        if self._idle is not None:
            if self._idle.parent() is self:
                self._idle.stop()
            self._idle.attract_requested.disconnect(self.play)
            self._idle.visit_started.disconnect(self.pause)
            self._idle = None
        self.pause()

    # playing -----------------------------------------------------------------------------------
    @Slot()
    def _advance(self) -> None:
        steps = self.steps
        if not self._playing or not steps:
            return
        self._index = (self._index + 1) % len(steps)
        self._change_step()

    def _change_step(self) -> None:
        if self._fade_ms <= 0:
            self._show_step()
            return
        self.veil.set_opacity(self.veil.opacity)
        self.veil.open_overlay()
        self._fade.setStartValue(self.veil.opacity)
        self._fade.setEndValue(1.0)
        self._fade.start()

    @Slot()
    def _fade_finished(self) -> None:
        if not self._playing:
            return
        if self._fade.endValue() == 1.0:
            self._show_step()
            self._fade.setStartValue(1.0)
            self._fade.setEndValue(0.0)
            self._fade.start()
        else:
            self.veil.close_overlay()

    def _show_step(self) -> None:
        steps = self.steps
        if not steps:
            self.pause()
            return
        # A content reload may have shortened the loop.
        self._index %= len(steps)
        lang, page_id = steps[self._index]
        window = self.window
        window.language.set_language(lang)
        # Through home, so that the history stays one step long however long the loop runs.
        window.navigator.home()
        window.navigator.go(page_id)
        window.section.text.verticalScrollBar().setValue(0)
        self._scroll.setDuration(max(1, self._section_ms))
        self._scroll.start()
        self._dwell.start(self._section_ms)
        self.step_shown.emit(lang, page_id)

    def _stop_motion(self) -> None:
        self._dwell.stop()
        if self._fade.state() != QAbstractAnimation.State.Stopped:
            self._fade.stop()
        if self._scroll.state() != QAbstractAnimation.State.Stopped:
            self._scroll.stop()
        self.veil.set_opacity(0.0)
        self.veil.close_overlay()

    @Slot(object)
    def _set_veil(self, value: object) -> None:
        if isinstance(value, float):
            self.veil.set_opacity(value)

    @Slot(object)
    def _set_scroll(self, value: object) -> None:
        if not isinstance(value, float):
            return
        bar = self.window.section.text.verticalScrollBar()
        bar.setValue(round(value * bar.maximum()))
