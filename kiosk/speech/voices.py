"""Which eSpeak NG voice speaks each kiosk language, how fast, and the volume steps."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Voice:
    """An eSpeak NG voice and the speaking rate a first-time listener follows."""

    name: str  # eSpeak NG voice file (espeak-ng-data/lang/...)
    rate: int  # words per minute; eSpeak's own default is 175


# A visitor hears a sentence once, on a trade-show floor: a little slower than eSpeak's
# default. Arabic without diacritics is the hardest to follow, so it goes slowest.
VOICES: dict[str, Voice] = {
    "fr": Voice("fr", 160),
    "ar": Voice("ar", 145),
    "en": Voice("en", 160),
}

# Volume in a few large steps (eSpeak's amplitude, 100 = the voice's own level). The
# top step still leaves headroom: the loudest English peaks reach full scale at 140.
VOLUME_STEPS: tuple[int, ...] = (40, 70, 100, 130)
DEFAULT_VOLUME_STEP = 2


def voice_for(language: str) -> Voice:
    """The voice for a language code; an unknown code gets eSpeak's voice of that name."""
    base = language.split("-")[0].lower()
    return VOICES.get(base, Voice(base, 160))
