"""The speaker: says texts in a language on its own thread; a new request cuts the old one.

The caller never waits: ``say`` queues and returns. Events (an utterance's paragraph
starts to sound, the utterance ends or was cut) arrive through ``on_event`` on the
worker thread; the Qt side turns them into signals.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kiosk.speech.clip import Clip
from kiosk.speech.espeak import Espeak, EspeakError, engine
from kiosk.speech.output import SilentOutput, SoundOutput, first_audible
from kiosk.speech.voices import DEFAULT_VOLUME_STEP, VOLUME_STEPS, voice_for

log = logging.getLogger("kiosk.speech")


@dataclass(frozen=True)
class SpeechEvent:
    """What the speaker did: ``kind`` is "paragraph" (index starts to sound) or "end"."""

    kind: str
    utterance: int
    index: int = 0
    completed: bool = False
    # Monotonic clock time the first audible sample reaches the speaker ("paragraph").
    sound_at: float = 0.0
    language: str = ""
    voice: str = ""


@dataclass(frozen=True)
class _Request:
    utterance: int
    texts: tuple[str, ...]
    language: str
    volume: int


class Speaker:
    """One worker thread, one eSpeak NG engine, one sound output."""

    def __init__(
        self,
        output: SoundOutput | None = None,
        on_event: Callable[[SpeechEvent], None] | None = None,
        espeak: Espeak | None = None,
    ) -> None:
        self._espeak = espeak
        self._output: SoundOutput = output if output is not None else SilentOutput()
        self._on_event = on_event or (lambda event: None)
        self._condition = threading.Condition()
        self._pending: _Request | None = None
        self._current = 0  # the utterance allowed to sound; anything older stops
        self._counter = 0
        self._closed = False
        self.volume_step = DEFAULT_VOLUME_STEP
        self._thread = threading.Thread(target=self._work, name="kiosk-speech", daemon=True)
        self._thread.start()

    @property
    def espeak(self) -> Espeak:
        if self._espeak is None:
            self._espeak = engine()
        return self._espeak

    @property
    def volume(self) -> int:
        return VOLUME_STEPS[self.volume_step]

    def say(self, texts: Sequence[str], language: str) -> int:
        """Cut whatever is being said and say ``texts`` (paragraphs) one after another."""
        with self._condition:
            self._counter += 1
            self._current = self._counter
            self._pending = _Request(
                self._counter, tuple(t for t in texts if t.strip()), language, self.volume
            )
            self._condition.notify()
            return self._counter

    def stop(self) -> None:
        """Silence now: the paragraph being said stops within one chunk (40 ms)."""
        with self._condition:
            self._counter += 1
            self._current = self._counter
            self._pending = None

    def close(self) -> None:
        with self._condition:
            self._closed = True
            self._current = -1
            self._pending = None
            self._condition.notify()
        self._thread.join(timeout=2)
        self._output.close()

    def synthesize(self, text: str, language: str) -> Clip:
        """``text`` as the kiosk would say it in ``language``, in memory (no sound)."""
        chunks: list[bytes] = []

        def keep(pcm: bytes) -> bool:
            chunks.append(pcm)
            return True

        self._render(text, language, self.volume, keep)
        return Clip(b"".join(chunks), self.espeak.sample_rate)

    def _render(self, text: str, language: str, volume: int, sink: Callable[[bytes], bool]) -> None:
        voice = voice_for(language)
        self.espeak.synthesize(text, voice.name, sink, rate=voice.rate, volume=volume)

    # ------------------------------------------------------------------ worker thread
    def _work(self) -> None:
        while True:
            with self._condition:
                while self._pending is None and not self._closed:
                    self._condition.wait()
                if self._closed:
                    return
                request, self._pending = self._pending, None
            assert request is not None
            try:
                completed = self._speak(request)
            except EspeakError as error:
                log.error("speech: %s", error)
                completed = False
            except Exception:  # a visitor never sees it; the log keeps the traceback
                log.exception("speech: speaking failed")
                completed = False
            self._on_event(SpeechEvent("end", request.utterance, completed=completed))

    def _live(self, utterance: int) -> bool:
        return self._current == utterance and not self._closed

    def _speak(self, request: _Request) -> bool:
        output = self._output
        if not request.texts:
            return self._live(request.utterance)
        if not output.begin(self.espeak.sample_rate):
            # No sound device: still synthesise, so the screen follows the reading.
            output = SilentOutput()
            output.begin(self.espeak.sample_rate)
        voice = voice_for(request.language).name
        rate = self.espeak.sample_rate
        for index, text in enumerate(request.texts):
            if not self._live(request.utterance):
                break
            written = 0
            heard = False

            def sink(pcm: bytes, index: int = index) -> bool:
                nonlocal written, heard
                if not self._live(request.utterance):
                    return False
                if not heard:
                    offset = first_audible(pcm)
                    if offset is not None:
                        heard = True
                        # The sample leaves after what is queued before it has played.
                        ahead = (written / 2 + offset) / rate
                        sound_at = time.monotonic() + ahead + output.latency
                        event = SpeechEvent(
                            "paragraph", request.utterance, index, sound_at=sound_at,
                            language=request.language, voice=voice,
                        )  # fmt: skip
                        self._on_event(event)
                output.write(pcm)
                written += len(pcm)
                return True

            self._render(text, request.language, request.volume, sink)
        if self._live(request.utterance):
            output.finish()
            return self._live(request.utterance)
        output.abort()
        return False
