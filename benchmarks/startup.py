"""Start-up: process start to home screen painted, and peak memory, against two references.

Three programs are started in turn, each ``runs`` times after one warm-up run (so that
all three start with warm disk caches and, for Python, compiled bytecode), on the same
offscreen 1920x1080 screen:

- the kiosk: ``cri-kiosk run --fullscreen --exit-after-startup`` (the process leaves as
  soon as the home screen has been painted once);
- the floor: a bare PySide6 window of the same size that leaves after its first paint;
- the alternative a CRI would otherwise pick: headless Chromium (Debian's ``chromium``)
  rendering the ``cri-kiosk export-html`` home page of the same content to a screenshot.

"Start to home painted" runs from just before the process is started to the first frame
of the home screen: the kiosk and the bare window print the monotonic clock's time in
the event-loop turn after their first paint (after the frame is flushed); Chromium's
frame is taken as the moment its screenshot file appears (captured and encoded, which
favours Chromium slightly). Time to exit is given too. Memory is the peak resident
memory of the process and all its children (Chromium runs several processes), sampled
every 2 ms until the process exits.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from benchmarks.measure import (
    ROOT,
    VENV_BIN,
    Figure,
    ProcessRun,
    mb,
    median,
    offscreen_platform,
    run_process,
)

WIDTH, HEIGHT = 1920, 1080
# Start to home painted, against the bare window's start to painted (issue 18).
VS_BARE_TARGET = 1.5

BARE_WINDOW = """
import sys
import time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QWidget

def painted():
    print(f"painted at {time.monotonic():.6f} s", flush=True)
    QApplication.instance().quit()

class Window(QWidget):
    def paintEvent(self, event):
        super().paintEvent(event)
        QTimer.singleShot(0, painted)

app = QApplication(sys.argv)
window = Window()
window.setWindowTitle("bare")
window.showFullScreen()
sys.exit(app.exec())
"""


def isolated_env(folder: Path) -> dict[str, str]:
    """No user config, state or cache of this machine leaks into the figures."""
    return {
        "QT_QPA_PLATFORM": offscreen_platform(folder, WIDTH, HEIGHT),
        "HOME": str(folder / "home"),
        "XDG_CONFIG_HOME": str(folder / "config"),
        "XDG_STATE_HOME": str(folder / "state"),
        "XDG_CACHE_HOME": str(folder / "cache"),
        "XDG_RUNTIME_DIR": str(folder / "runtime"),
    }


def chromium_command() -> str:
    """Debian's chromium; make bench installs it (packaging/linux/debian-deps.sh bench)."""
    for name in ("chromium", "chromium-browser"):
        found = shutil.which(name)
        if found:
            return found
    raise SystemExit(
        "benchmarks: chromium is missing; run `make bench` (it installs Debian's chromium) "
        "or: sudo apt-get install chromium"
    )


def _repeat(
    command: Sequence[str], env: dict[str, str], runs: int, watch_file: Path | None = None
) -> list[ProcessRun]:
    """One warm-up run, then ``runs`` measured runs; every run must succeed."""
    results = []
    for index in range(runs + 1):
        if watch_file is not None:
            watch_file.unlink(missing_ok=True)
        result = run_process(command, env, watch_file=watch_file)
        if result.returncode != 0:
            raise SystemExit(
                f"benchmarks: {' '.join(command[:3])} failed ({result.returncode}):\n"
                + result.output[-2000:]
            )
        if index:
            results.append(result)
    return results


def compile_bytecode() -> None:
    """Compile the kiosk's modules, as pip does on install and PyInstaller in a build.

    Without this an editable checkout on a machine with PYTHONDONTWRITEBYTECODE set
    (this one) would compile every module on every start.
    """
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "kiosk")], check=True)


def measure_startup(runs: int, content: Path | None = None) -> dict[str, list[ProcessRun]]:
    """Runs of the kiosk, the bare window and Chromium; ``content`` defaults to the shipped."""
    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="cri-bench-") as temp:
        folder = Path(temp)
        for name in ("home", "config", "state", "cache", "runtime"):
            (folder / name).mkdir(mode=0o700)
        env = isolated_env(folder)
        content_args = ["--content", str(content)] if content else []
        site = folder / "site"
        subprocess.run(
            [str(VENV_BIN / "cri-kiosk"), "export-html", *content_args, "--out", str(site)],
            check=True,
            capture_output=True,
            env={**env, "QT_QPA_PLATFORM": "offscreen"},
        )
        kiosk = [
            str(VENV_BIN / "cri-kiosk"),
            "run",
            *content_args,
            "--fullscreen",
            "--exit-after-startup",
        ]
        bare = [sys.executable, "-c", BARE_WINDOW]
        chromium = [
            chromium_command(),
            "--headless",
            "--no-sandbox",  # refused as root otherwise; the bench runs as root in CI
            "--disable-gpu",
            "--hide-scrollbars",
            f"--user-data-dir={folder / 'chromium'}",
            f"--screenshot={folder / 'chromium.png'}",
            f"--window-size={WIDTH},{HEIGHT}",
            (site / "index.html").as_uri(),
        ]
        return {
            "kiosk": _repeat(kiosk, env, runs),
            "bare": _repeat(bare, env, runs),
            "chromium": _repeat(chromium, env, runs, watch_file=folder / "chromium.png"),
        }


def first_frame(result: ProcessRun) -> float:
    """Seconds from process start to the first frame of the home screen."""
    seen = result.painted()
    if seen is None:
        seen = result.file_seen
    if seen is None:
        raise SystemExit(f"benchmarks: no first frame reported:\n{result.output[-2000:]}")
    return seen


def run(runs: int) -> list[Figure]:
    results = measure_startup(runs)
    painted = {name: median([first_frame(r) for r in rs]) * 1000 for name, rs in results.items()}
    exited = {name: median([r.seconds for r in rs]) * 1000 for name, rs in results.items()}
    memory = {name: mb(int(median([r.peak_rss for r in rs]))) for name, rs in results.items()}
    cpu = {name: median([r.cpu_seconds for r in rs]) * 1000 for name, rs in results.items()}
    group = "startup"
    vs_chromium = painted["kiosk"] / painted["chromium"]
    vs_bare = painted["kiosk"] / painted["bare"]
    memory_ratio = memory["kiosk"] / memory["chromium"]
    return [
        Figure(group, "kiosk: start to home painted", painted["kiosk"], "ms"),
        Figure(group, "bare PySide6 window: start to painted", painted["bare"], "ms"),
        Figure(group, "headless Chromium: start to exported home", painted["chromium"], "ms"),
        Figure(group, "kiosk / Chromium", vs_chromium, "x", "<= 0.5", vs_chromium <= 0.5),
        Figure(
            group,
            "kiosk / bare window",
            vs_bare,
            "x",
            f"<= {VS_BARE_TARGET}",
            vs_bare <= VS_BARE_TARGET,
        ),
        Figure(group, "kiosk: start to exit", exited["kiosk"], "ms"),
        Figure(group, "bare window: start to exit", exited["bare"], "ms"),
        Figure(group, "Chromium: start to exit", exited["chromium"], "ms"),
        Figure(group, "kiosk: CPU time, start to exit", cpu["kiosk"], "ms"),
        Figure(group, "bare window: CPU time, start to exit", cpu["bare"], "ms"),
        Figure(group, "kiosk / bare window, CPU time", cpu["kiosk"] / cpu["bare"], "x"),
        Figure(group, "kiosk peak memory (RSS)", memory["kiosk"], "MB"),
        Figure(group, "bare window peak memory", memory["bare"], "MB"),
        Figure(group, "Chromium peak memory (all processes)", memory["chromium"], "MB"),
        Figure(group, "kiosk / Chromium memory", memory_ratio, "x", "<= 0.5", memory_ratio <= 0.5),
    ]


if __name__ == "__main__":
    from benchmarks.report import write

    write(run(int(sys.argv[1]) if len(sys.argv) > 1 else 5), as_json=False)
