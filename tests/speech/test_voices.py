"""The voices: each language is synthesised as speech, in that language, at a sane length.

No sound card is needed: the speech goes to memory through the same code as speech mode
(``Speaker.synthesize``) and is judged by its signal and by the phonemes eSpeak NG reads.
"""

# IPA letters are meant in the strings: they are what eSpeak NG reads the text as.
# ruff: noqa: RUF001

from __future__ import annotations

import array
import math
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.speech.clip import Clip, SpeechProfile
from kiosk.speech.espeak import engine
from kiosk.speech.speaker import Speaker
from kiosk.speech.voices import VOLUME_STEPS, voice_for

# The same two sentences in each language (the kiosk's welcome and its purpose).
SENTENCES = {
    "fr": "Bienvenue au Centre régional d'investissement de l'Oriental. "
    "Touchez une rubrique pour la découvrir.",
    "ar": "مرحبا بكم في المركز الجهوي للاستثمار لجهة الشرق. المس قسما لاكتشافه.",
    "en": "Welcome to the Regional Investment Centre of the Oriental. "
    "Touch a section to discover it.",
}
# Letters eSpeak NG names when it spells Arabic script it cannot read (English voice).
SPELLED_ARABIC = "ˈaɹəbɪk"


def looks_like_speech(profile: SpeechProfile) -> bool:
    """Speech: mostly sounding but with gaps, a level that moves, voiced and unvoiced."""
    return (
        0.5 <= profile.active_fraction <= 0.97
        and profile.level_spread_db >= 3.0
        and 0.3 <= profile.voiced_fraction <= 0.95
        and -35.0 <= profile.rms_dbfs <= -8.0
        and profile.pauses >= 1
    )


@pytest.fixture(scope="module")
def speaker() -> Iterator[Speaker]:
    speaker = Speaker()
    yield speaker
    speaker.close()


@pytest.mark.parametrize("language", sorted(SENTENCES))
def test_each_language_is_spoken_as_speech_of_a_plausible_length(
    speaker: Speaker, language: str
) -> None:
    text = SENTENCES[language]
    clip = speaker.synthesize(text, language)
    profile = clip.profile()

    assert looks_like_speech(profile), profile
    # At the voice's rate, plus pauses: between half and twice the words' nominal time.
    words = len(text.split())
    nominal = words / voice_for(language).rate * 60
    assert nominal * 0.5 <= profile.seconds <= nominal * 2.0, (profile.seconds, nominal)


def test_silence_and_a_steady_tone_are_not_taken_for_speech() -> None:
    rate = 22050
    wave = (int(8000 * math.sin(2 * math.pi * 440 * i / rate)) for i in range(rate * 2))
    tone = array.array("h", wave)
    beeps = array.array("h", tone[: rate // 2]) + array.array("h", bytes(rate)) + tone[: rate // 2]
    silence = array.array("h", bytes(rate * 4))

    assert not looks_like_speech(Clip(tone.tobytes(), rate).profile())
    assert not looks_like_speech(Clip(beeps.tobytes(), rate).profile())
    assert not looks_like_speech(Clip(silence.tobytes(), rate).profile())


def test_the_arabic_voice_reads_arabic_words_and_other_voices_only_spell_them() -> None:
    espeak = engine()
    text = SENTENCES["ar"]

    arabic = espeak.phonemes(text, voice_for("ar").name)
    english = espeak.phonemes(text, voice_for("en").name)

    # Arabic phonology: the article al- with its glottal stop and sun-letter assimilation
    # (ash-sharq), pharyngeal and uvular consonants, one phoneme word per written word.
    assert "ʔalmˈarkaz" in arabic  # al-markaz, "the centre"
    assert "ʔaʃʃˈarq" in arabic  # ash-sharq, "the east"
    for sound in ("ħ", "q", "dʒ"):  # marhaban, ash-sharq, al-jihawi
        assert sound in arabic, (sound, arabic)
    assert len(arabic.split()) == len(text.split())
    assert SPELLED_ARABIC not in arabic
    # The English voice cannot read Arabic script: it names every letter.
    assert english.count(SPELLED_ARABIC) >= len(text.replace(" ", "")) // 2


def test_the_arabic_voice_speaks_where_another_would_spell_letter_by_letter() -> None:
    speaker = Speaker()
    try:
        spoken = speaker.synthesize(SENTENCES["ar"], "ar").seconds
        spelled = speaker.synthesize(SENTENCES["ar"], "en").seconds
    finally:
        speaker.close()
    assert spelled > 3 * spoken, (spoken, spelled)


@pytest.mark.parametrize(
    ("language", "sounds"),
    [
        ("fr", ["ʁ", "ɛ̃", "ɑ̃"]),  # uvular r, the nasal vowels of "bienvenue", "centre"
        ("en", ["ð", "ɹ", "ˈɛ"]),  # "the", the English r, "welcome"
    ],
)
def test_french_and_english_are_read_by_their_own_voices(language: str, sounds: list[str]) -> None:
    espeak = engine()
    own = espeak.phonemes(SENTENCES[language], voice_for(language).name)
    other_voice = voice_for("en" if language == "fr" else "fr").name
    other = espeak.phonemes(SENTENCES[language], other_voice)

    for sound in sounds:
        assert sound in own, (sound, own)
    assert own != other


def test_a_louder_step_is_louder(speaker: Speaker) -> None:
    levels = []
    for step in range(len(VOLUME_STEPS)):
        speaker.volume_step = step
        levels.append(speaker.synthesize(SENTENCES["fr"], "fr").profile().rms_dbfs)
    speaker.volume_step = 2
    assert levels == sorted(levels)
    assert levels[-1] - levels[0] >= 8.0, levels  # large steps, not a fine slider


def test_a_wav_file_keeps_the_clip(speaker: Speaker, tmp_path: Path) -> None:
    clip = speaker.synthesize(SENTENCES["en"], "en")
    path = tmp_path / "en.wav"
    clip.write_wav(path)
    again = Clip.read_wav(path)
    assert again == clip
