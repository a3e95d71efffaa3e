"""Restyling leaks no native memory: high contrast and text size switched a thousand times.

Runs in a child process (``python -m benchmarks.restyle --child``) on an offscreen
1920x1080 screen with the shipped content. After a warm-up, the visitor taps the
contrast button on home, then on a section page with related sections, ``SWITCHES``
times each; after each switch the event loop runs, deferred deletions are done and
Python's garbage is collected. The figure is the slope of the count over the second
half of the switches. What is measured is glibc's
count of bytes handed out and not freed (kiosk.native_memory.in_use_bytes): resident
memory would hide a leak of a few hundred bytes under what malloc keeps for reuse.

QLayout.takeAt() leaves the removed item to the caller, and PySide never frees it:
before the fix, each contrast switch leaked one QWidgetItem per tile (1.0 KB a switch
on home, 1.3 KB on a section page). What remains is the allocator's own slowly
saturating growth (tens of bytes a switch, falling with the number of switches).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.measure import ROOT, Figure
from benchmarks.startup import compile_bytecode, isolated_env

SWITCHES = 500
WARM_UP = 100
READ_EVERY = 25
# Bytes a switch may leave allocated: the allocator's bookkeeping, not a leak (a leaked
# Qt object is 100 bytes or more, times the widgets it is made for).
TARGET_BYTES = 100.0
SECTION = "pole-medest"  # a sub-section: related tiles, re-laid out on every fill


def _child() -> dict[str, float]:
    """In the child process: switch, count, return bytes per switch by scenario."""
    import gc

    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication, QPushButton

    from kiosk.app import build_window, create_application, load_library
    from kiosk.native_memory import in_use_bytes

    app = create_application()
    library = load_library(ROOT / "content")
    assert library is not None, "the shipped content did not load"
    window = build_window(app, library, library.default_language)
    window.resize(1920, 1080)
    window.show()

    def settle() -> None:
        app.processEvents()
        QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()

    def per_switch(button: QPushButton) -> float:
        """The slope of in-use bytes over the second half of the switches (least
        squares): a leak is a constant slope, the allocator's own growth flattens."""
        for _ in range(WARM_UP):
            button.click()
            settle()
        readings: list[tuple[int, int]] = []
        for number in range(1, SWITCHES + 1):
            button.click()
            settle()
            if number % READ_EVERY == 0:
                used = in_use_bytes()
                if used is None:
                    raise SystemExit("benchmarks.restyle needs glibc 2.33 or later (mallinfo2)")
                readings.append((number, used))
        half = readings[len(readings) // 2 :]
        mean_x = sum(x for x, _ in half) / len(half)
        mean_y = sum(y for _, y in half) / len(half)
        covariance = sum((x - mean_x) * (y - mean_y) for x, y in half)
        return covariance / sum((x - mean_x) ** 2 for x, _ in half)

    settle()
    bar = window.top_bar
    results = {"contrast, home": per_switch(bar.contrast_button)}
    window.navigator.go(SECTION)
    settle()
    results["contrast, section page"] = per_switch(bar.contrast_button)
    window.close()
    return results


def run(runs: int) -> list[Figure]:
    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="cri-bench-restyle-") as temp:
        folder = Path(temp)
        for name in ("home", "config", "state", "cache", "runtime"):
            (folder / name).mkdir(mode=0o700)
        out = folder / "result.json"
        child = subprocess.run(
            [sys.executable, "-m", "benchmarks.restyle", "--child", str(out)],
            env={**os.environ, **isolated_env(folder)},
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        if child.returncode != 0:
            raise SystemExit(
                f"benchmarks.restyle failed:\n{child.stdout[-2000:]}{child.stderr[-3000:]}"
            )
        data = json.loads(out.read_text(encoding="utf-8"))
    return [
        Figure("restyle", f"{scenario}: native bytes kept per switch "
               f"(slope over switches {WARM_UP + SWITCHES // 2:,}-{WARM_UP + SWITCHES:,})",
               value, "B", f"<= {TARGET_BYTES:.0f}", value <= TARGET_BYTES)
        for scenario, value in data.items()
    ]  # fmt: skip


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--child":
        Path(sys.argv[2]).write_text(json.dumps(_child()), encoding="utf-8")
    else:
        from benchmarks.report import write

        write(run(1), as_json=False)
