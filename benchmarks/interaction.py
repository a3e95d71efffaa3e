"""Navigation and language switch: a visitor's tap to the first frame showing the result.

How it is measured (``python -m benchmarks.interaction``; ``make bench`` runs it too):

- The kiosk starts as ``cri-kiosk run --kiosk --fullscreen`` does (``KioskRun``: kiosk
  mode with its input watchers, animations on; only the idle prompt is pushed back an
  hour) in a child process with its own home folder, on an offscreen screen of
  1920x1080, so no Qt state leaks into the other benchmark groups.
- A tap is a real mouse press and release (``QTest``) at the centre of a home tile, a
  related-section tile or picture part, a link in the section text, the Home, Back or
  a language button. The press is delivered and its frame painted first; the clock
  starts just before the release, which is what opens the page. (A released button
  repaints itself at once: that frame, about 1 ms after the tap, does not count.)
- A frame is one backing-store flush of the window: an event filter on the window
  handles its ``UpdateRequest`` (painting every dirty widget and flushing the result to
  the screen) and notes the time when that returns. Nothing is called privately to
  navigate: the release goes through Qt's event delivery and the event loop runs freely.
- Navigation stops the clock at the first frame that shows the new page. Screens slide
  (220 ms): that is the first frame in which the incoming page has moved into view,
  not the end of the slide. Language switch stops it at the last frame of the switch
  (the first frame after which nothing more is painted for 100 ms), so that work
  deferred to a timer after the first frame is counted.
- Coverage, per repetition: every section opened from the home screen in every
  language (fr, ar, en); from every section each related tile, picture part and link to
  another section, each followed by the Back button; the Home button back home; and on
  the home screen and every section the six switches fr->ar->en->fr->en->ar->fr
  (cross-script and same-script both ways).
  The first repetition meets every page cold (never shown before in that language);
  cold and repeat visits are all in the distribution, and cold-only figures are shown
  apart so that nothing hides.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from benchmarks.measure import ROOT, Figure, median, offscreen_platform, percentile

FRAME_MS = 1000 / 60
# A language switch has settled when nothing more is painted for this long.
QUIET_MS = 100
TIMEOUT_S = 5.0


@dataclass(frozen=True)
class Sample:
    """One timed tap."""

    kind: str  # "navigation" or "language switch"
    via: str  # tile, related, link, home button, language button
    source: str  # page id ("" = home) and language before the tap
    target: str  # page id or language after it
    lang: str  # language before the tap
    cold: bool  # the destination page had never been shown in that language
    ms: float  # tap to the frame that counts (see the module docstring)
    first_ms: float  # tap to the first frame painted after it
    frames: int  # frames painted until the clock stopped


# ---------------------------------------------------------------------------- parent
def run(runs: int) -> list[Figure]:
    """Two tours (first visits, then return visits) whatever ``runs`` is: every figure
    is already a percentile over hundreds of taps, and a tour takes minutes."""
    return figures(measure(2 if runs > 1 else 1))


def measure(repetitions: int, profile: Path | None = None) -> list[Sample]:
    """The samples of a child process running ``repetitions`` tours of the kiosk."""
    with tempfile.TemporaryDirectory(prefix="bench-interaction-") as folder:
        home = Path(folder)
        out = home / "samples.json"
        env = {
            **os.environ,
            "QT_QPA_PLATFORM": offscreen_platform(home),
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_STATE_HOME": str(home / "state"),
            "XDG_CACHE_HOME": os.environ.get("XDG_CACHE_HOME", str(Path.home() / ".cache")),
        }
        command = [
            sys.executable,
            "-m",
            "benchmarks.interaction",
            "--child",
            str(out),
            "--repetitions",
            str(repetitions),
        ]
        if profile is not None:
            command += ["--profile", str(profile)]
        result = subprocess.run(
            command, cwd=ROOT, env=env, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise RuntimeError(f"interaction benchmark failed:\n{result.stdout}{result.stderr}")
        return [Sample(**row) for row in json.loads(out.read_text(encoding="utf-8"))]


def figures(samples: Sequence[Sample]) -> list[Figure]:
    """p50, p95 (the target), max and cold-only p95 per kind."""
    result: list[Figure] = []
    for kind in ("navigation", "language switch"):
        values = [s.ms for s in samples if s.kind == kind]
        cold = [s.ms for s in samples if s.kind == kind and s.cold]
        if not values:
            continue
        p95 = percentile(values, 95)
        target = f"<= {FRAME_MS:.1f} ms"
        result += [
            Figure(kind, "taps", len(values), ""),
            Figure(kind, "p50", median(values), "ms"),
            Figure(kind, "p95", p95, "ms", target, p95 <= FRAME_MS),
            Figure(kind, "max", max(values), "ms"),
        ]
        if cold:
            result.append(Figure(kind, "p95 of first visits", percentile(cold, 95), "ms"))
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.interaction",
        description="Navigation and language switch timings (offscreen, 1920x1080).",
    )
    parser.add_argument("--repetitions", type=int, default=2, help="tours of the kiosk (2)")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--profile", type=Path, help="write a pyinstrument profile (HTML) here")
    parser.add_argument("--slowest", type=int, default=10, help="list the slowest taps (10)")
    args = parser.parse_args(argv)
    if args.child is not None:
        return child(args.child, args.repetitions, args.profile)
    from benchmarks.report import table

    samples = measure(args.repetitions, args.profile)
    print(table(figures(samples)))
    if args.slowest:
        print(f"\nslowest {args.slowest} taps:")
        for sample in sorted(samples, key=lambda s: s.ms, reverse=True)[: args.slowest]:
            print(
                f"  {sample.ms:6.1f} ms (first frame {sample.first_ms:5.1f} ms, "
                f"{sample.frames} frames) {sample.kind}: {sample.lang} "
                f"{sample.source or 'home'} -> {sample.target or 'home'} via {sample.via}"
                + (" (first visit)" if sample.cold else "")
            )
    return 0


# ---------------------------------------------------------------------------- child
def child(out: Path, repetitions: int, profile: Path | None) -> int:
    """Start the kiosk, tour it ``repetitions`` times, write the samples to ``out``."""
    from benchmarks.interaction_tour import Tour

    tour = Tour()
    profiler = None
    if profile is not None:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0005)
        profiler.start()
    for _ in range(repetitions):
        tour.run_once()
    if profiler is not None and profile is not None:
        profiler.stop()
        profile.write_text(profiler.output_html(), encoding="utf-8")
        text = profiler.output_text(unicode=True, show_all=False)
        profile.with_suffix(".txt").write_text(text, encoding="utf-8")
    out.write_text(json.dumps([asdict(s) for s in tour.samples]), encoding="utf-8")
    tour.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
