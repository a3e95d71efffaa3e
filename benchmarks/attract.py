"""Attract animation: how long one frame of the attract loop takes to paint (offscreen).

How it is measured (``python -m benchmarks.attract``; ``make bench`` runs it too):

- The kiosk starts as ``cri-kiosk run --kiosk --fullscreen`` does (``KioskRun``) in a
  child process with its own home folder, on an offscreen screen of 1920x1080, and its
  attract screen is opened as the idle watcher opens it.
- The loop is stepped through at 60 frames a second of its own time, from the first
  figure to the end of the map, twice (the first pass meets every slide cold). For each
  frame the attract screen paints at once what its frame timer would have it paint
  (``play_frame``: the changed region, the paint event and the flush of the window's
  backing store); the frame time is how long that takes on the wall clock. At 60 fps a
  frame must take at most 16.7 ms. The CPU time of the same frames is shown too: on a
  shared machine it leaves out the time other processes held the processor.
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

FRAME_MS = 1000 / 60
PASSES = 2


def run(runs: int) -> list[Figure]:
    """One child process, two passes through the loop, whatever ``runs`` is."""
    return figures(measure())


def measure() -> dict[str, list[float]]:
    """Frame times (ms) from a child process: wall clock ("wall") and CPU ("cpu")."""
    with tempfile.TemporaryDirectory(prefix="bench-attract-") as folder:
        home = Path(folder)
        out = home / "frames.json"
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": offscreen_platform(home),
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_CACHE_HOME": os.environ.get("XDG_CACHE_HOME", str(Path.home() / ".cache")),
        }
        command = [sys.executable, "-m", "benchmarks.attract", "--child", str(out)]
        result = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise RuntimeError(f"attract benchmark failed:\n{result.stdout}{result.stderr}")
        frames: dict[str, list[float]] = json.loads(out.read_text(encoding="utf-8"))
        return frames


def figures(frames: dict[str, list[float]]) -> list[Figure]:
    wall, cpu = frames["wall"], frames["cpu"]
    p95 = percentile(wall, 95)
    group = "attract animation"
    return [
        Figure(group, "frames", len(wall), ""),
        Figure(group, "frame time p50", median(wall), "ms"),
        Figure(group, "frame time p95", p95, "ms", f"<= {FRAME_MS:.1f} ms", p95 <= FRAME_MS),
        Figure(group, "frame time max", max(wall), "ms"),
        # CPU time of the painting thread: the same frames without the time other
        # processes took the processor (a shared build machine).
        Figure(group, "frame CPU time p95", percentile(cpu, 95), "ms"),
    ]


def child(out: Path) -> int:
    """Open the attract screen of a started kiosk and time every frame of two loops."""
    from PySide6.QtWidgets import QApplication

    from kiosk.app import KioskRun, RunOptions, create_application
    from kiosk.config import Config, LoadedConfig

    app = create_application()
    settings = Config(mode="kiosk", idle_timeout=3600, attract_delay=3600)
    kiosk = KioskRun(app, RunOptions(LoadedConfig(settings), fullscreen=True))
    if not kiosk.start() or kiosk.mode is None:
        raise RuntimeError("the kiosk did not start")
    attract = kiosk.mode.attract
    attract.open_overlay()
    QApplication.processEvents()
    frames: list[float] = []
    cpu: list[float] = []
    for _ in range(PASSES):
        step = 0.0
        while step < attract.loop_ms():
            started, started_cpu = time.perf_counter(), time.thread_time()
            attract.play_frame(round(step))
            frames.append((time.perf_counter() - started) * 1000)
            cpu.append((time.thread_time() - started_cpu) * 1000)
            QApplication.processEvents()
            step += FRAME_MS
    out.write_text(json.dumps({"wall": frames, "cpu": cpu}), encoding="utf-8")
    attract.close_overlay()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.attract",
        description="Frame time of the attract animation (offscreen, 1920x1080).",
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        return child(args.child)
    from benchmarks.report import table

    print(table(figures(measure())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
