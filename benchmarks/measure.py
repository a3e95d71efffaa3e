"""What every benchmark shares: a figure with its target, statistics, process memory."""

from __future__ import annotations

import json
import os
import re
import resource
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import psutil

ROOT = Path(__file__).resolve().parent.parent
PAINTED = re.compile(r"painted at ([0-9.]+) s")
VENV_BIN = Path(sys.executable).parent


@dataclass(frozen=True)
class Figure:
    """One line of the table: a measured value, and the target it must meet (if any)."""

    group: str
    name: str
    value: float
    unit: str
    target: str = ""
    ok: bool | None = None

    def as_dict(self) -> dict[str, object]:
        return asdict(self)


def median(values: Sequence[float]) -> float:
    return statistics.median(values)


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (0-100), linear between the closest ranks."""
    ordered = sorted(values)
    if not ordered:
        raise ValueError("no values")
    rank = (len(ordered) - 1) * p / 100
    low = int(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


def tree_rss(process: psutil.Process) -> int:
    """Resident memory of a process and all its descendants, in bytes."""
    import psutil

    total = 0
    try:
        members = [process, *process.children(recursive=True)]
    except psutil.Error:
        return 0
    for member in members:
        try:
            total += member.memory_info().rss
        except psutil.Error:
            continue
    return total


@dataclass(frozen=True)
class ProcessRun:
    """A finished process: wall time from start to exit, peak memory of its tree."""

    seconds: float
    peak_rss: int
    returncode: int
    output: str
    # time.monotonic() just before the process was started
    started_at: float = 0.0
    # seconds from the start until ``watch_file`` existed, when one was watched
    file_seen: float | None = None
    # CPU time (user + system) of the process and the descendants it waited for: a
    # figure that other load on the machine distorts far less than wall time
    cpu_seconds: float = 0.0

    def painted(self) -> float | None:
        """Seconds from the start to the paint the process reported, if it did.

        The kiosk (``--exit-after-startup``) and the bare window print
        ``painted at <seconds> s`` with the system-wide monotonic clock.
        """
        match = PAINTED.search(self.output)
        return float(match.group(1)) - self.started_at if match else None


def run_process(
    command: Sequence[str],
    env: dict[str, str] | None = None,
    timeout: float = 60.0,
    poll_seconds: float = 0.002,
    watch_file: Path | None = None,
) -> ProcessRun:
    """Run ``command``, sampling its process tree's memory until it exits."""
    started_at = time.monotonic()
    started = time.perf_counter()
    file_seen: float | None = None
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    child = subprocess.Popen(
        list(command),
        env={**os.environ, **(env or {})},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        errors="replace",
    )
    peak = 0
    output: list[str] = []
    stream = child.stdout
    reader = threading.Thread(target=lambda: output.append(stream.read() if stream else ""))
    reader.start()
    import psutil  # the bench extra (make bench installs it), not a test dependency

    process = psutil.Process(child.pid)
    deadline = started + timeout
    while child.poll() is None:
        peak = max(peak, tree_rss(process))
        if watch_file is not None and file_seen is None and watch_file.exists():
            file_seen = time.perf_counter() - started
        if time.perf_counter() > deadline:
            child.kill()
            child.wait()
            raise TimeoutError(f"{command[0]} did not finish within {timeout:.0f} s")
        time.sleep(poll_seconds)
    seconds = time.perf_counter() - started
    ended = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (ended.ru_utime - usage.ru_utime) + (ended.ru_stime - usage.ru_stime)
    reader.join()
    if watch_file is not None and file_seen is None and watch_file.exists():
        file_seen = seconds
    return ProcessRun(seconds, peak, child.returncode, "".join(output), started_at, file_seen, cpu)


def offscreen_platform(folder: Path, width: int = 1920, height: int = 1080) -> str:
    """QT_QPA_PLATFORM for an offscreen platform with one screen of this size at 96 dpi
    (its configuration file is written into ``folder``)."""
    config = folder / "screens.json"
    layout = {
        "synchronousWindowSystem": True,
        "windowFrameMargins": False,
        "screens": [
            {"name": "bench", "x": 0, "y": 0, "width": width, "height": height, "logicalDpi": 96}
        ],
    }
    config.write_text(json.dumps(layout), encoding="utf-8")
    return f"offscreen:configfile={config}"


def mb(size: int) -> float:
    return size / 1_000_000
