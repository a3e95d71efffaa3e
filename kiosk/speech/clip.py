"""A piece of synthesised speech: 16-bit mono PCM, its WAV file, and what it sounds like.

``profile()`` tells speech from silence or a steady error tone without listening: how
loud, how long, how much of it sounds, where it pauses, how voiced it is. ``cri-kiosk
speak`` prints it and the tests check it.
"""

from __future__ import annotations

import array
import itertools
import math
import statistics
import sys
import wave
from dataclasses import dataclass
from pathlib import Path

FRAME_SECONDS = 0.02
# A frame sounds when it is within this many dB of the loudest frame.
ACTIVE_RANGE_DB = 35.0
SILENCE_DBFS = -60.0
# A pause is a silent run at least this long between sounding frames.
PAUSE_SECONDS = 0.06
# Zero crossings per sample below which a sounding frame is voiced (vowels, nasals:
# pitch and formants under about 2 kHz at 22 kHz); fricatives and noise cross far more.
VOICED_CROSSINGS = 0.12


def _dbfs(rms: float) -> float:
    return 20 * math.log10(rms / 32768) if rms > 0 else -math.inf


@dataclass(frozen=True)
class SpeechProfile:
    """Measures of a clip that separate speech from silence, noise or a tone."""

    seconds: float
    rms_dbfs: float  # over the whole clip
    peak_dbfs: float
    active_fraction: float  # of 20 ms frames that sound
    pauses: int  # silent runs of 60 ms or more between sounds
    voiced_fraction: float  # of sounding frames that are voiced
    level_spread_db: float  # standard deviation of the sounding frames' levels

    def describe(self) -> str:
        return (
            f"{self.seconds:.2f} s, {self.rms_dbfs:.1f} dBFS RMS (peak {self.peak_dbfs:.1f}), "
            f"{self.active_fraction:.0%} sounding, {self.pauses} pauses, "
            f"{self.voiced_fraction:.0%} voiced"
        )


@dataclass(frozen=True)
class Clip:
    """16-bit signed mono samples (native byte order) at ``sample_rate`` Hz."""

    pcm: bytes
    sample_rate: int

    def samples(self) -> array.array[int]:
        values = array.array("h")
        values.frombytes(self.pcm[: len(self.pcm) // 2 * 2])
        return values

    @property
    def seconds(self) -> float:
        return len(self.pcm) // 2 / self.sample_rate

    def write_wav(self, path: Path) -> None:
        samples = self.samples()
        if sys.byteorder == "big":  # WAV is little-endian
            samples.byteswap()
        with wave.open(str(path), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(self.sample_rate)
            out.writeframes(samples.tobytes())

    @classmethod
    def read_wav(cls, path: Path) -> Clip:
        with wave.open(str(path), "rb") as source:
            if source.getnchannels() != 1 or source.getsampwidth() != 2:
                raise ValueError(f"{path}: not 16-bit mono")
            samples = array.array("h")
            samples.frombytes(source.readframes(source.getnframes()))
            rate = source.getframerate()
        if sys.byteorder == "big":
            samples.byteswap()
        return cls(samples.tobytes(), rate)

    def profile(self) -> SpeechProfile:
        samples = self.samples()
        size = max(1, int(self.sample_rate * FRAME_SECONDS))
        levels: list[float] = []
        crossings: list[float] = []
        for start in range(0, len(samples) - size + 1, size):
            frame = samples[start : start + size]
            levels.append(_dbfs(math.sqrt(sum(x * x for x in frame) / size)))
            changes = sum(1 for a, b in itertools.pairwise(frame) if (a < 0) != (b < 0))
            crossings.append(changes / size)
        total = math.sqrt(sum(x * x for x in samples) / len(samples)) if samples else 0.0
        peak = max((abs(x) for x in samples), default=0)
        loudest = max(levels, default=-math.inf)
        floor = max(SILENCE_DBFS, loudest - ACTIVE_RANGE_DB)
        active = [level > floor for level in levels]
        sounding = [i for i, on in enumerate(active) if on]
        voiced = [i for i in sounding if crossings[i] < VOICED_CROSSINGS]
        return SpeechProfile(
            seconds=self.seconds,
            rms_dbfs=_dbfs(total),
            peak_dbfs=_dbfs(peak),
            active_fraction=len(sounding) / len(levels) if levels else 0.0,
            pauses=_pauses(active, int(PAUSE_SECONDS / FRAME_SECONDS)),
            voiced_fraction=len(voiced) / len(sounding) if sounding else 0.0,
            level_spread_db=(
                statistics.pstdev(levels[i] for i in sounding) if len(sounding) > 1 else 0.0
            ),
        )


def _pauses(active: list[bool], min_frames: int) -> int:
    """Silent runs of at least ``min_frames`` with sound on both sides."""
    count = 0
    run = 0
    seen_sound = False
    for on in active:
        if on:
            if seen_sound and run >= min_frames:
                count += 1
            seen_sound = True
            run = 0
        else:
            run += 1
    return count
