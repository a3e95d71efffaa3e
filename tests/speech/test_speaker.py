"""The speaker thread: paragraphs in order, the language's voice, cut at once when told."""

# IPA letters are meant in the strings: they are what eSpeak NG reads the text as.
# ruff: noqa: RUF001

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.speech.clip import Clip
from kiosk.speech.speaker import Speaker, SpeechEvent


class PacedOutput:
    """A sound card stand-in: takes samples no faster than they would play, keeps them."""

    latency = 0.01

    def __init__(self) -> None:
        self.played: list[bytes] = []
        self.rate = 22050
        self.aborted = 0

    def begin(self, sample_rate: int) -> bool:
        self.rate = sample_rate
        return True

    def write(self, pcm: bytes) -> None:
        self.played.append(pcm)
        time.sleep(len(pcm) / 2 / self.rate)

    def finish(self) -> None:
        pass

    def abort(self) -> None:
        self.aborted += 1

    def close(self) -> None:
        pass

    def seconds(self) -> float:
        return sum(len(pcm) for pcm in self.played) / 2 / self.rate


class Events:
    def __init__(self) -> None:
        self.items: list[SpeechEvent] = []
        self.ended = threading.Event()

    def __call__(self, event: SpeechEvent) -> None:
        self.items.append(event)
        if event.kind == "end":
            self.ended.set()


@pytest.fixture
def events() -> Events:
    return Events()


@pytest.fixture
def output() -> PacedOutput:
    return PacedOutput()


@pytest.fixture
def speaker(output: PacedOutput, events: Events) -> Iterator[Speaker]:
    speaker = Speaker(output, events)
    yield speaker
    speaker.close()


def test_paragraphs_are_said_in_order_with_the_languages_voice(
    speaker: Speaker, events: Events, output: PacedOutput
) -> None:
    started = time.monotonic()
    utterance = speaker.say(["مرحبا بكم.", "المركز الجهوي للاستثمار."], "ar")

    assert events.ended.wait(10)
    paragraphs = [e for e in events.items if e.kind == "paragraph"]
    assert [e.index for e in paragraphs] == [0, 1]
    assert {(e.utterance, e.language, e.voice) for e in paragraphs} == {(utterance, "ar", "ar")}
    assert paragraphs[0].sound_at - started < 0.3  # first sound well within the target
    assert events.items[-1] == SpeechEvent("end", utterance, completed=True)
    assert Clip(b"".join(output.played), output.rate).profile().seconds > 1.0


def test_stop_cuts_the_paragraph_being_said(
    speaker: Speaker, events: Events, output: PacedOutput
) -> None:
    text = "Un, deux, trois, quatre, cinq, six, sept, huit, neuf, dix, onze, douze."
    speaker.say([text, text], "fr")
    while not any(e.kind == "paragraph" for e in events.items):
        time.sleep(0.01)
    time.sleep(0.2)
    speaker.stop()

    assert events.ended.wait(2)
    assert events.items[-1].completed is False
    assert output.aborted == 1
    assert output.seconds() < 1.0  # two paragraphs of counting last several seconds


def test_a_new_request_replaces_the_one_being_said(speaker: Speaker, events: Events) -> None:
    first = speaker.say(["One, two, three, four, five, six, seven, eight, nine, ten."], "en")
    while not any(e.kind == "paragraph" for e in events.items):
        time.sleep(0.01)
    second = speaker.say(["Un, deux."], "fr")

    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not any(
        e.kind == "end" and e.utterance == second for e in events.items
    ):
        time.sleep(0.01)
    ends = {e.utterance: e.completed for e in events.items if e.kind == "end"}
    assert ends == {first: False, second: True}
    assert [e.voice for e in events.items if e.kind == "paragraph"] == ["en", "fr"]


def test_the_speak_command_writes_the_kiosks_voice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "ar.wav"
    code = main(["speak", "--lang", "ar", "--out", str(out), "--phonemes",
                 "مرحبا بكم في المركز الجهوي للاستثمار."])  # fmt: skip

    assert code == 0
    printed = capsys.readouterr().out
    assert f"wrote {out}: voice 'ar' at 145 words/min" in printed
    assert "ʔalmˈarkaz" in printed
    clip = Clip.read_wav(out)
    assert 1.5 < clip.seconds < 6.0
    assert clip.profile().voiced_fraction > 0.3


def test_the_speak_command_refuses_an_unknown_voice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "xx.wav"
    assert main(["speak", "--lang", "xx", "--out", str(out), "hello"]) == 2
    assert "no voice 'xx'" in capsys.readouterr().err
    assert not out.exists()
