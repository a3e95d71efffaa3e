"""Speech mode: a visitor's first touch on a control to the first sound of its name.

How it is measured (``python -m benchmarks.speech``; ``make bench`` runs it too):

- The kiosk window (offscreen, 1920x1080) runs in a child process with speech mode on and
  its real sound output: PortAudio on the system's default device. A machine without a
  sound card (CI, this bench box) gets ALSA's null device as default, so PortAudio still
  opens a stream, takes the samples at the device's pace and reports its latency.
- A touch is a real mouse press and release on a home tile (QTest). The clock starts
  just before the press; it stops when the first audible sample of the tile's name
  reaches the loudspeaker: the time that sample is handed to PortAudio, plus the samples
  queued before it, plus the stream's own output latency. Each touch goes to another
  tile, so each one speaks (a second touch on the same tile would open it).
- Per language (fr, ar, en): every home tile, ``runs`` times round; p50, p95 (target
  under 300 ms) and max. Also the memory the speech engine adds (eSpeak NG loaded, one
  sentence synthesised in each voice), from the child's resident set.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.measure import ROOT, Figure, median, offscreen_platform, percentile

TARGET_MS = 300.0
LANGUAGES = ("fr", "ar", "en")
NULL_ALSA = "pcm.!default { type null }\nctl.!default { type hw card 0 }\n"


def _has_sound_card() -> bool:
    cards = Path("/proc/asound/cards")
    try:
        return "no soundcards" not in cards.read_text() and bool(cards.read_text().strip())
    except OSError:
        return sys.platform != "linux"


def run(runs: int) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="bench-speech-") as folder:
        home = Path(folder)
        out = home / "samples.json"
        env = {**os.environ, "QT_QPA_PLATFORM": offscreen_platform(home)}
        if sys.platform == "linux" and not _has_sound_card():
            config = home / "asound.conf"
            config.write_text(NULL_ALSA, encoding="utf-8")
            env["ALSA_CONFIG_PATH"] = f"/usr/share/alsa/alsa.conf:{config}"
        result = subprocess.run(
            [sys.executable, "-m", "benchmarks.speech", "--child", str(out), "--runs", str(runs)],
            cwd=ROOT, env=env, capture_output=True, text=True, check=False,
        )  # fmt: skip
        if result.returncode != 0:
            raise RuntimeError(f"speech benchmark failed:\n{result.stdout}{result.stderr}")
        data = json.loads(out.read_text(encoding="utf-8"))
    figures: list[Figure] = []
    for lang in LANGUAGES:
        values = data["latency_ms"][lang]
        p95 = percentile(values, 95)
        name = f"touch to first sound, {lang}"
        figures += [
            Figure("speech", f"{name} p50", median(values), "ms"),
            Figure("speech", f"{name} p95", p95, "ms", f"<= {TARGET_MS:.0f} ms", p95 <= TARGET_MS),
            Figure("speech", f"{name} max", max(values), "ms"),
        ]
    figures.append(Figure("speech", "output latency of the device", data["device_ms"], "ms"))
    figures.append(Figure("speech", "memory of the speech engine", data["engine_mb"], "MB"))
    return figures


def child(out: Path, runs: int) -> int:
    import psutil
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from kiosk.app import build_window, create_application, load_library
    from kiosk.paths import default_content_dir

    process = psutil.Process()
    app = create_application()
    library = load_library(default_content_dir())
    assert library is not None
    window = build_window(app, library, "fr")
    window.resize(1920, 1080)
    window.show()
    rss_before = process.memory_info().rss
    speaker = window.speech.speaker
    for lang in LANGUAGES:  # loads eSpeak NG and each voice
        speaker.synthesize("Bienvenue. مرحبا. Welcome.", lang)
    engine_mb = (process.memory_info().rss - rss_before) / 2**20

    sounds: dict[int, float] = {}
    window.speech.paragraph_started.connect(
        lambda utterance, index, at: sounds.setdefault(utterance, at) if index == 0 else None
    )
    utterances: list[int] = []
    window.speech.requested.connect(lambda utterance, *_: utterances.append(utterance))
    window.speech.set_on(True)
    latency: dict[str, list[float]] = {}
    for lang in LANGUAGES:
        window.language.set_language(lang)
        latency[lang] = []
        for _ in range(runs):
            for page_id in library.page_ids:
                tile = window.home.tiles.get(page_id)
                if tile is None or not tile.isVisible():
                    continue
                app.processEvents()
                time.sleep(0.05)  # the worker is idle again between touches
                started = time.monotonic()
                QTest.mouseClick(tile, Qt.MouseButton.LeftButton)
                utterance = utterances[-1]
                deadline = started + 5
                while utterance not in sounds and time.monotonic() < deadline:
                    QApplication.processEvents()
                    time.sleep(0.001)
                if utterance in sounds:
                    latency[lang].append((sounds[utterance] - started) * 1000)
    device_ms = speaker._output.latency * 1000  # the stream's own figure
    window.speech.set_on(False)
    window.close()
    out.write_text(
        json.dumps({"latency_ms": latency, "device_ms": device_ms, "engine_mb": engine_mb}),
        encoding="utf-8",
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.speech", description=__doc__)
    parser.add_argument("--runs", type=int, default=3, help="rounds of the home tiles (3)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        return child(args.child, args.runs)
    from benchmarks.report import table

    print(table(run(args.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
