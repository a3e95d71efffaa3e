"""Speech mode: a first touch speaks a control, a second touch activates it; text is read.

While speech mode is on, one watcher of all presses decides what a touch does:

- on a tile, button or link: the first touch says its name and does nothing else; a
  second touch on the same control (or a double tap) activates it;
- on page text: reading starts at that paragraph and goes on to the end;
- the speech controls themselves (speaker button, speech bar) act at once.

Every screen shown is announced (title, then what can be touched); speech stops when
the visitor navigates, switches language (it starts again in the new voice) or when the
kiosk resets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QMouseEvent, QTextBlock, QTextCursor
from PySide6.QtWidgets import QAbstractButton, QLabel, QTextBrowser, QTextEdit, QWidget

from kiosk.i18n import fill
from kiosk.ui.access.controls import accessible_name, control_at, controls, spoken_language
from kiosk.ui.access.speech_bar import SpeechBar
from kiosk.ui.access.speech_service import SpeechService
from kiosk.ui.input import app_events
from kiosk.ui.overlay import Overlay
from kiosk.ui.style.theme import active_palette

if TYPE_CHECKING:
    from kiosk.ui.window import MainWindow

_PRESSES = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick}
_WATCHED = {*_PRESSES, QEvent.Type.MouseButtonRelease}
# A press and release further apart than this are a drag (scrolling), not a tap.
TAP_SLOP = 12
# Controls named when a screen is announced: enough to orient, not a catalogue.
ANNOUNCED_CONTROLS = 12
OBJECT_REPLACEMENT = "\ufffc"  # pictures inside the text


def paragraphs_from(block: QTextBlock) -> list[tuple[str, int]]:
    """The text and block number of ``block`` and of every block after it, pictures left
    out."""
    found: list[tuple[str, int]] = []
    while block.isValid():
        text = block.text().replace(OBJECT_REPLACEMENT, " ").strip()
        if text:
            found.append((text, block.blockNumber()))
        block = block.next()
    return found


def _masked(widget: QWidget) -> bool:
    """Inside the PIN pad (it opts in to keys with this property): a PIN is never spoken
    (EN 301 549, 5.1.3.8), and its buttons act at once."""
    parent: QWidget | None = widget
    while parent is not None:
        if parent.property("kioskAcceptsKeys"):
            return True
        parent = parent.parentWidget()
    return False


class SpeechMode(QObject):
    """Wires the speech service to the window. Its press watcher is always registered (see
    below) and lets every press through while speech mode is off."""

    def __init__(self, window: MainWindow, service: SpeechService, bar: SpeechBar) -> None:
        super().__init__(window)
        self._window = window
        self.service = service
        self.bar = bar
        self._armed: QWidget | None = None
        self._armed_href = ""
        self._swallow_release = False
        self._press_at: QPoint | None = None
        self._last_event: tuple[int, int] = (0, 0)
        # What is being read, to pause, resume and repeat it.
        self._reading: list[tuple[str, int]] = []
        self._read_from_start: list[tuple[str, int]] = []
        self._starting_read = False
        self._reading_utterance = 0
        self._reading_index = 0
        self._last_request: list[str] = []
        # Registered now, before kiosk mode's watchers: theirs run first (newest first),
        # so the idle clock and the admin corner still see every press.
        app_events.watch(self, _WATCHED)
        service.mode_changed.connect(self._on_mode_changed)
        service.requested.connect(self._on_requested)
        service.paragraph_started.connect(self._on_paragraph)
        service.finished.connect(self._on_finished)
        service.volume_changed.connect(self._on_volume)
        bar.read_requested.connect(self.read_or_pause)
        bar.repeat_requested.connect(self.repeat)
        bar.volume_requested.connect(service.set_volume_step)
        bar.set_volume_step(service.volume_step())
        window.navigator.current_changed.connect(self._on_screen_changed)
        window.language.language_changed.connect(self._on_screen_changed)

    # ------------------------------------------------------------------ announcements
    def screen_description(self) -> list[str]:
        """The title, then what can be touched on the screen's own part."""
        window = self._window
        title = window.top_bar.title_label.accessibleName()
        own = [
            c for c in controls(window, window.language.is_rtl())
            if not self._is_chrome(c)
        ][:ANNOUNCED_CONTROLS]  # fmt: skip
        return [title, *(accessible_name(c) for c in own)]

    def _is_chrome(self, widget: QWidget) -> bool:
        bar = self._window.top_bar
        return bar.isAncestorOf(widget) or self.bar.isAncestorOf(widget)

    @Slot()
    def announce(self) -> None:
        if self.service.is_on():
            self._stop_reading()
            self.service.say(self.screen_description())

    def follow(self, overlay: Overlay) -> None:
        """Announce ``overlay`` (document, QR code) when it opens, the screen when it
        closes."""
        overlay.opened.connect(lambda: QTimer.singleShot(0, lambda: self._announce(overlay)))
        overlay.closed.connect(self._on_screen_changed)

    def overlay_description(self, overlay: QWidget) -> list[str]:
        """The overlay's words (title, explanation), top to bottom, then its controls."""
        window = self._window
        labels = [
            label for label in overlay.findChildren(QLabel)
            if label.isVisible() and label.text().strip() and control_at(label) is None
            and label.textFormat() != Qt.TextFormat.RichText
        ]  # fmt: skip
        labels.sort(key=lambda label: (label.mapTo(window, QPoint(0, 0)).y(),
                                       label.mapTo(window, QPoint(0, 0)).x()))  # fmt: skip
        own = controls(window, window.language.is_rtl())[:ANNOUNCED_CONTROLS]
        return [
            *(label.accessibleName() or label.text() for label in labels),
            *(accessible_name(c) for c in own),
        ]

    def _announce(self, overlay: QWidget) -> None:
        if self.service.is_on() and overlay.isVisible():
            self._disarm()
            self._stop_reading()
            self.service.say(self.overlay_description(overlay))

    @Slot(bool)
    def _on_mode_changed(self, on: bool) -> None:
        self._disarm()
        self.bar.setVisible(on)
        if on:
            hint = self.tr("Speech on. Touch an item once to hear it, twice to open it.")
            self._stop_reading()
            self.service.say([hint, *self.screen_description()])
        else:
            self._stop_reading()

    @Slot()
    def _on_screen_changed(self) -> None:
        self._disarm()
        if self.service.is_on():
            self.service.stop()
            # After the screen has been laid out in its new state.
            QTimer.singleShot(0, self.announce)

    # ------------------------------------------------------------------ reading
    def page_paragraphs(self, block: QTextBlock | None = None) -> list[tuple[str, int]]:
        """The section text's paragraphs (text, block number) from ``block`` on."""
        text = self._window.section.text
        start = block if block is not None else text.document().begin()
        return paragraphs_from(start)

    @Slot()
    def read_or_pause(self) -> None:
        state = self.bar.reading_state()
        if state == "reading":
            self.service.stop()
            self.bar.set_reading_state("paused")
        elif state == "paused" and self._reading:
            self._read(self._reading[self._reading_index :], again=False)
        else:
            self.read_page()

    def read_page(self) -> None:
        """The page from its title to its end (the home screen: its description)."""
        if self._window.stack.currentWidget() is self._window.section:
            title = self._window.top_bar.title_label.accessibleName()
            self._read([(title, -1), *self.page_paragraphs()])
        else:
            self._read([(text, -1) for text in self.screen_description()])

    def read_from(self, block: QTextBlock) -> None:
        self._read(self.page_paragraphs(block))

    @Slot()
    def repeat(self) -> None:
        """The reading again from where it began, else the last thing said."""
        if self._read_from_start:
            self._read(self._read_from_start)
        elif self._last_request:
            self.service.say(self._last_request)

    def _read(self, paragraphs: list[tuple[str, int]], again: bool = True) -> None:
        """Say ``paragraphs`` (text, block number or -1 for none) one after another."""
        if again:
            self._read_from_start = paragraphs
        self._reading = paragraphs
        self._reading_index = 0
        self._starting_read = True
        try:
            self._reading_utterance = self.service.say([text for text, _ in paragraphs])
        finally:
            self._starting_read = False
        self.bar.set_reading_state("reading")

    def _stop_reading(self) -> None:
        self._reading = []
        self._read_from_start = []
        self._reading_utterance = 0
        self.bar.set_reading_state("idle")
        self._highlight(-1)

    def _highlight(self, block_number: int) -> None:
        """Mark the paragraph being read, and keep it in view (low-vision visitors follow
        the voice on the screen)."""
        text = self._window.section.text
        if block_number < 0:
            if text.extraSelections():
                text.setExtraSelections([])
            return
        block = text.document().findBlockByNumber(block_number)
        if not block.isValid():
            return
        selection = QTextEdit.ExtraSelection()
        selection.cursor = QTextCursor(block)
        selection.cursor.movePosition(
            QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor
        )
        selection.format.setBackground(QColor(active_palette().accent_soft))
        text.setExtraSelections([selection])
        text.setTextCursor(QTextCursor(block))
        text.ensureCursorVisible()

    def highlighted_block(self) -> int:
        """The block number marked as being read, or -1."""
        selections = self._window.section.text.extraSelections()
        return selections[0].cursor.block().blockNumber() if selections else -1

    @Slot(int, list, str)
    def _on_requested(self, utterance: int, texts: list[str], _language: str) -> None:
        if not self._starting_read:
            # Something else is said: the reading is over, Repeat repeats that.
            self._last_request = texts
            self._read_from_start = []
            if self.bar.reading_state() == "reading":
                self.bar.set_reading_state("paused")

    @Slot(int, int, float)
    def _on_paragraph(self, utterance: int, index: int, _sound_at: float) -> None:
        if utterance == self._reading_utterance and index < len(self._reading):
            self._reading_index = index  # resuming starts again at this paragraph
            self._highlight(self._reading[index][1])

    @Slot(int, bool)
    def _on_finished(self, utterance: int, completed: bool) -> None:
        if utterance == self._reading_utterance and completed:
            self._reading = []
            self.bar.set_reading_state("idle")
            self._highlight(-1)

    @Slot(int)
    def _on_volume(self, step: int) -> None:
        self.bar.set_volume_step(step)
        if self.service.is_on():
            self.service.say([self.bar.volume_text()])

    # ------------------------------------------------------------------ touches
    def _disarm(self) -> None:
        self._armed = None
        self._armed_href = ""
        self._swallow_release = False

    def _speaks_at_once(self, control: QAbstractButton) -> bool:
        """The speech controls act on the first touch: the way out is never two touches."""
        return self.bar.isAncestorOf(control) or control is getattr(
            self._window.top_bar, "speech_button", None
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self.service.is_on() or not isinstance(event, QMouseEvent):
            return False
        if not isinstance(watched, QWidget) or watched.window() is not self._window:
            return False
        # An event goes up through the parents: decide once, for the first receiver.
        key = (int(event.type().value), event.timestamp())
        if key == self._last_event and event.timestamp():
            return self._swallow_release and event.type() == QEvent.Type.MouseButtonRelease
        self._last_event = key
        text = self._window.section.text
        if watched is text.viewport():
            return self._on_text(text, event)
        if event.type() == QEvent.Type.MouseButtonDblClick:
            # The second press of a double tap came just before: it has already acted.
            return False
        if event.type() in _PRESSES:
            return self._on_press(watched)
        if event.type() == QEvent.Type.MouseButtonRelease and self._swallow_release:
            self._swallow_release = False
            return True
        return False

    def _on_press(self, watched: QWidget) -> bool:
        control = control_at(watched)
        if control is None or self._speaks_at_once(control) or _masked(control):
            return False
        if control is self._armed:
            self._disarm()
            return False  # the second touch activates
        self._armed = control
        self._armed_href = ""
        self._swallow_release = True
        self._stop_reading()
        self.service.say([accessible_name(control)], spoken_language(control))
        return True

    def _on_text(self, text: QTextBrowser, event: QMouseEvent) -> bool:
        position = event.position().toPoint()
        if event.type() in _PRESSES:
            self._press_at = position
            href = text.anchorAt(position)
            # A link's second touch goes through; a first one never presses it.
            return bool(href) and href != self._armed_href
        pressed, self._press_at = self._press_at, None
        if pressed is None or (position - pressed).manhattanLength() > TAP_SLOP:
            return False
        href = text.anchorAt(position)
        if href:
            if href == self._armed_href:
                self._disarm()
                return False
            self._armed = None
            self._armed_href = href
            self._stop_reading()
            words = self._window.section.link_text(href)
            self.service.say([fill(self.tr("Link: %1"), words)])
            return True
        self._disarm()
        block = text.cursorForPosition(position).block()
        self.read_from(block)
        return False
