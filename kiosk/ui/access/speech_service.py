"""The speech service: the engine's events as Qt signals, speech mode on or off, volume."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.i18n import LanguageService
from kiosk.speech.output import PortAudioOutput, SoundOutput
from kiosk.speech.speaker import Speaker, SpeechEvent
from kiosk.speech.voices import DEFAULT_VOLUME_STEP, VOLUME_STEPS

log = logging.getLogger("kiosk.speech")


class _Bridge(QObject):
    """Emitted on the speaker's thread; received on the GUI thread (queued)."""

    spoke = Signal(object)


class SpeechService(QObject):
    """Says texts in the language on screen; one utterance at a time, newest wins."""

    mode_changed = Signal(bool)
    volume_changed = Signal(int)  # step, 0 = softest
    # An utterance's paragraph starts to sound: utterance id, paragraph index, and the
    # monotonic time its first sample reaches the loudspeaker.
    paragraph_started = Signal(int, int, float)
    finished = Signal(int, bool)  # utterance id, said to the end
    # Every request, with its language: what a visitor hears (logs, tests).
    requested = Signal(int, list, str)

    def __init__(
        self,
        language: LanguageService,
        output: SoundOutput | None = None,
        initial_volume_step: int = DEFAULT_VOLUME_STEP,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._language = language
        self._bridge = _Bridge(self)
        self._bridge.spoke.connect(self._on_event)
        self._speaker = Speaker(
            output if output is not None else PortAudioOutput(), self._bridge.spoke.emit
        )
        self._initial_volume = initial_volume_step
        self._speaker.volume_step = initial_volume_step
        self._on = False
        self._speaking = 0  # utterance id being said, 0 when quiet
        self.destroyed.connect(self._speaker.close)

    @property
    def speaker(self) -> Speaker:
        return self._speaker

    def is_on(self) -> bool:
        return self._on

    @Slot(bool)
    def set_on(self, on: bool) -> None:
        if on == self._on:
            return
        self._on = on
        if not on:
            self.stop()
        log.info("speech mode %s", "on" if on else "off")
        self.mode_changed.emit(on)

    @Slot()
    def toggle(self) -> None:
        self.set_on(not self._on)

    def volume_step(self) -> int:
        return self._speaker.volume_step

    @Slot(int)
    def set_volume_step(self, step: int) -> None:
        step = max(0, min(len(VOLUME_STEPS) - 1, step))
        if step != self._speaker.volume_step:
            self._speaker.volume_step = step
            self.volume_changed.emit(step)

    def say(self, texts: Sequence[str], language: str = "") -> int:
        """Cut what is being said; say ``texts`` in ``language`` (default: on screen)."""
        lang = language or self._language.current
        wanted = [text for text in texts if text.strip()]
        utterance = self._speaker.say(wanted, lang)
        self._speaking = utterance
        self.requested.emit(utterance, wanted, lang)
        return utterance

    @Slot()
    def stop(self) -> None:
        if self._speaking:
            self._speaker.stop()
            self._speaking = 0

    def is_speaking(self) -> bool:
        return self._speaking != 0

    def reset(self) -> None:
        """For the next visitor: quiet, speech mode off, volume back to the start."""
        self.set_on(False)
        self.stop()
        self.set_volume_step(self._initial_volume)

    def close(self) -> None:
        self._speaker.close()

    @Slot(object)
    def _on_event(self, event: SpeechEvent) -> None:
        if event.kind == "paragraph":
            self.paragraph_started.emit(event.utterance, event.index, event.sound_at)
        elif event.kind == "end":
            if event.utterance == self._speaking:
                self._speaking = 0
            self.finished.emit(event.utterance, event.completed)
