"""Where speech sounds: the system's default audio device through PortAudio, or nowhere.

PortAudio (the ``sounddevice`` wheel) talks to ALSA on Linux (and so to PipeWire or
PulseAudio when they own the card) and to the Windows audio system; its Windows wheel
carries the library, Debian has ``libportaudio2``. Every call comes from the speaker's
one worker thread: PortAudio streams are not meant to be driven from two threads.
"""

from __future__ import annotations

import logging
import time
from typing import Any, Protocol

log = logging.getLogger("kiosk.speech")

# A sample this far from zero is sound, not the synthesiser's leading silence.
AUDIBLE = 256


class SoundOutput(Protocol):
    """A sink for 16-bit mono PCM, used by one thread."""

    latency: float  # seconds from write() to the speaker

    def begin(self, sample_rate: int) -> bool:
        """Get ready for an utterance; False when there is nowhere to play it."""
        ...

    def write(self, pcm: bytes) -> None: ...

    def finish(self) -> None:
        """Return when what was written has been played."""
        ...

    def abort(self) -> None:
        """Drop what was written and not yet played."""
        ...

    def close(self) -> None: ...


def first_audible(pcm: bytes) -> int | None:
    """Index of the first audible sample in 16-bit mono PCM, or None."""
    view = memoryview(pcm[: len(pcm) // 2 * 2]).cast("h")
    for index, value in enumerate(view):
        if value > AUDIBLE or value < -AUDIBLE:
            return index
    return None


class SilentOutput:
    """No sound device: speech is synthesised and dropped, at the pace it would play, so
    that the screen follows the reading (and the idle clock) as on a box with sound."""

    latency = 0.0

    def __init__(self) -> None:
        self._rate = 22050

    def begin(self, sample_rate: int) -> bool:
        self._rate = sample_rate
        return True

    def write(self, pcm: bytes) -> None:
        time.sleep(len(pcm) / 2 / self._rate)

    def finish(self) -> None:
        pass

    def abort(self) -> None:
        pass

    def close(self) -> None:
        pass


class PortAudioOutput:
    """The default output device; opened on first use, kept open, reopened on error."""

    def __init__(self, device: str | int | None = None) -> None:
        self._device = device
        self._stream: Any = None
        self._rate = 0
        self._failed_at = -1e9
        self.latency = 0.0

    def begin(self, sample_rate: int) -> bool:
        if self._stream is not None and self._rate != sample_rate:
            self.close()
        if self._stream is None:
            # A box whose sound is missing is told once a minute, not at every touch.
            if time.monotonic() - self._failed_at < 60:
                return False
            try:
                import sounddevice

                stream = sounddevice.RawOutputStream(
                    samplerate=sample_rate,
                    channels=1,
                    dtype="int16",
                    latency="low",
                    device=self._device,
                )
            except Exception as error:  # OSError (no PortAudio) or PortAudioError
                self._failed_at = time.monotonic()
                log.warning("speech: no sound output (%s); speaking silently", error)
                return False
            self._stream = stream
            self._rate = sample_rate
            self.latency = float(stream.latency)
            log.info("speech: sound output open, %.0f ms latency", self.latency * 1000)
        try:
            if not self._stream.active:
                self._stream.start()
        except Exception as error:
            log.warning("speech: the sound output failed (%s)", error)
            self.close()
            self._failed_at = time.monotonic()
            return False
        return True

    def write(self, pcm: bytes) -> None:
        if self._stream is not None:
            self._stream.write(pcm)  # blocks while the device's buffer is full

    def finish(self) -> None:
        if self._stream is not None:
            self._stream.stop()  # plays out the buffer, then returns

    def abort(self) -> None:
        if self._stream is not None:
            self._stream.abort()

    def close(self) -> None:
        stream, self._stream = self._stream, None
        if stream is not None:
            try:
                stream.abort()
                stream.close()
            except Exception as error:
                log.debug("speech: closing the sound output: %s", error)
