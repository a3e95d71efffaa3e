"""make soak: a seeded random visitor uses the kiosk (kiosk mode) for 20 000 interactions.

``--long`` is "a week in a day": 100 000 interactions (checkpoints every 2 000), RSS
sampled after every interaction and drawn as a PNG. The table and the plot are made by
benchmarks/soak_report.py.

The real kiosk runs in this process, offscreen, as ``cri-kiosk run`` builds it in kiosk
mode: lock-down, idle watcher with its prompt, reset and attract screen, statistics
recorded (into a temporary folder). The idle timers are shortened below the config
file's minimums so that the reset really happens many times in a run of minutes.

Measured: uncaught exceptions and ERROR log records, Qt warnings, Python warnings;
resident memory, Qt objects and Python objects after the first checkpoint (interaction
1 000) against the end. Each checkpoint is taken the same way: the visitor walks away,
the kiosk resets itself and shows the attract screen, then everything is counted.
"""

from __future__ import annotations

import argparse
import collections
import ctypes
import gc
import logging
import os
import random
import secrets
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEvent, qInstallMessageHandler
from PySide6.QtWidgets import QApplication
from shiboken6 import Shiboken

from benchmarks.measure import offscreen_platform
from benchmarks.random_visitor import READ_MS, RandomVisitor, wait
from benchmarks.report import write
from benchmarks.soak_report import (
    Checkpoint,
    RssTrace,
    SoakResult,
    changes,
    figures,
    plot,
    report_details,
)
from kiosk.admin_pin import hash_pin
from kiosk.app import KioskRun, RunOptions, create_application
from kiosk.config import Config, LoadedConfig
from kiosk.log import setup_logging
from kiosk.native_memory import return_large_blocks_to_os
from kiosk.ui.navigator import HOME
from kiosk.ui.overlay import open_overlays
from kiosk.ui.transitions import set_motion_enabled
from kiosk.ui.window import MainWindow

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"
# Shorter than the config file allows (10 s, 3 s, 0 s): same timers, same code paths.
IDLE = (2, 2, 1)
CORNER_SECONDS = 1.0
SHOWN_PROBLEMS = 5
LONG_INTERACTIONS = 100_000
LONG_CHECKPOINT_EVERY = 2_000
PLOT = ROOT / "build" / "soak-rss.png"


def _set_up_environment(folder: Path, screen: tuple[int, int]) -> None:
    """Before Qt starts: an offscreen screen of the kiosk's size, state kept out of $HOME."""
    for name in ("XDG_STATE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        os.environ[name] = str(folder / name.lower())
    if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
        os.environ["QT_QPA_PLATFORM"] = offscreen_platform(folder, *screen)


def resident_bytes() -> int:
    """This process's resident memory (psutil when installed, else /proc)."""
    try:
        import psutil
    except ImportError:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE")
    return int(psutil.Process().memory_info().rss)


class ProblemCounter(logging.Handler):
    """Counts what went wrong while the visitor was at it, and keeps the first few."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.counts: collections.Counter[str] = collections.Counter()
        self.first: dict[str, list[str]] = collections.defaultdict(list)
        self.interaction = 0

    def note(self, kind: str, text: str) -> None:
        self.counts[kind] += 1
        if len(self.first[kind]) < SHOWN_PROBLEMS:
            self.first[kind].append(f"[interaction {self.interaction}] {text}")

    def emit(self, record: logging.LogRecord) -> None:
        if record.name == "qt":
            kind = "qt warnings" if record.levelno >= logging.WARNING else ""
        elif record.name == "py.warnings":
            kind = "python warnings"
        elif record.exc_info:
            kind = "exceptions"
        elif record.levelno >= logging.ERROR:
            kind = "errors"
        elif record.levelno >= logging.WARNING:
            kind = "kiosk warnings"
        else:
            kind = ""
        if not kind:
            return
        text = record.getMessage()
        if record.exc_info:
            text += "\n" + logging.Formatter().formatException(record.exc_info)
        self.note(kind, text)


def qt_objects() -> collections.Counter[str]:
    """QObjects in the application's and the top-level windows' trees, by class.

    Read from Qt's own dump of the trees: findChildren() would give every object a
    Python wrapper, and PySide keeps the wrapper of a child Qt deletes by itself (the
    lists and frames of a re-filled text document), so counting would leak.
    """
    lines: list[str] = []
    previous = qInstallMessageHandler(lambda _kind, _context, message: lines.append(message))
    try:
        app = QApplication.instance()
        assert app is not None
        app.dumpObjectTree()
        for window in QApplication.topLevelWidgets():
            window.dumpObjectTree()
    finally:
        qInstallMessageHandler(previous)
    # Each line is "<indent>ClassName::objectName <flags>".
    return collections.Counter(line.strip().split("::", 1)[0] for line in lines if "::" in line)


def release_free_memory() -> None:
    """Hand memory the C allocator keeps for reuse back to the system (glibc only).

    Freed memory that malloc keeps would otherwise count as growth, and a checkpoint
    taken just after a large transient allocation (a zoomed PDF page) would look high.
    """
    try:
        libc = ctypes.CDLL("libc.so.6")
    except OSError:
        return
    libc.malloc_trim(0)


def checkpoint(interaction: int) -> Checkpoint:
    QApplication.processEvents()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    release_free_memory()
    rss = resident_bytes()
    classes = qt_objects()
    widgets = len(QApplication.allWidgets())
    wrappers = len(Shiboken.getAllValidWrappers())
    everything = gc.get_objects()
    types = collections.Counter(type(item).__qualname__ for item in everything)
    count = len(everything)
    del everything
    return Checkpoint(
        interaction,
        rss,
        sum(classes.values()),
        widgets,
        wrappers,
        count,
        types,
        classes,
    )


def document_open(window: MainWindow) -> bool:
    """Whether the document viewer is open over the window (its pages have a budget)."""
    return any(overlay.objectName() == "DocumentViewer" for overlay in open_overlays(window))


def settle_page(window: MainWindow) -> str:
    """The home tile opened at each checkpoint: the page with the Downloads list if any."""
    library = window.library
    tiles = [page_id for page_id in library.page_ids if page_id in window.home.tiles]
    for page_id in tiles:
        view = library.view(page_id, library.default_language)
        if view is not None and view.page.downloads:
            return page_id
    return tiles[0]


def settle(visitor: RandomVisitor) -> None:
    """The same screen at every checkpoint, reached as a visitor and the kiosk reach it.

    The visitor leaves and the kiosk resets itself (home, default language, attract
    screen); the next visitor wakes it, opens the same section and goes back home. So
    the hidden section page (and its Downloads list) always holds the same page in the
    same language.
    """
    window = visitor.window
    if window.speech.is_on():
        # Reading aloud keeps the kiosk awake (every paragraph counts as activity), for
        # as long as the page lasts: the visitor switches it off before leaving, or the
        # checkpoint's reset would wait on how far the random walk left the reading.
        button = window.top_bar.speech_button
        point = visitor.reachable(button, button.rect().center())
        if point is not None:
            visitor.tap_at(point)
            QApplication.processEvents()
    visitor.do("leave")
    visitor.tap_at(window.rect().center())  # wakes the attract screen, nothing else
    QApplication.processEvents()
    tile = window.home.tiles[settle_page(window)]
    window.home.scroll_area.ensureWidgetVisible(tile)  # a visitor scrolls to it
    QApplication.processEvents()
    point = visitor.reachable(tile, tile.rect().center())
    if point is not None:
        visitor.tap_at(point)
        QApplication.processEvents()
    home = visitor.reachable(window.top_bar.home_button, window.top_bar.home_button.rect().center())
    if home is not None:
        visitor.tap_at(home)
    wait(READ_MS)  # the slide back home finishes
    if window.current_screen() != HOME or open_overlays(window):
        visitor.timeouts += 1


def run_soak(
    interactions: int,
    seed: int,
    every: int,
    idle: tuple[int, int, int],
    progress: bool,
    motion: bool = True,
) -> SoakResult:
    """Start the kiosk, let the visitor loose, count at each checkpoint, stop the kiosk."""
    set_motion_enabled(motion)
    problems = ProblemCounter()
    # The kiosk's own logging: Qt messages into the "qt" logger, uncaught exceptions
    # logged (and recovered from). Counted here instead of printed.
    setup_logging()
    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, logging.StreamHandler) and getattr(handler, "_kiosk", False):
            root.removeHandler(handler)
    root.addHandler(problems)
    logging.captureWarnings(True)
    sys.unraisablehook = lambda unraisable: problems.note(
        "exceptions", f"unraisable: {unraisable.exc_value!r} in {unraisable.object!r}"
    )

    return_large_blocks_to_os()  # as `cri-kiosk run` does
    app = create_application()
    timeout, countdown, attract_delay = idle
    folder = Path(os.environ["XDG_STATE_HOME"])
    config = Config(
        mode="kiosk",
        content_dir=CONTENT,
        idle_timeout=timeout,
        idle_countdown=countdown,
        attract_delay=attract_delay,
        # Nobody knows this PIN: the visitor may reach the pad, never the admin panel.
        admin_pin_hash=hash_pin(str(secrets.randbelow(10**12)).zfill(12)),
        admin_corner_seconds=CORNER_SECONDS,
        stats_path=folder / "statistics.sqlite3",
    )
    run = KioskRun(app, RunOptions(LoadedConfig(config)))
    if not run.start():
        raise SystemExit("soak: the content did not load")
    window = run.window
    mode = run.mode
    assert isinstance(window, MainWindow) and mode is not None
    app.processEvents()

    tally: collections.Counter[str] = collections.Counter()
    mode.idle.reset_requested.connect(lambda: tally.update(["resets"]))
    mode.attract.opened.connect(lambda: tally.update(["attract"]))
    mode.visit_started.connect(lambda: tally.update(["visits"]))
    window.document_opened.connect(lambda _doc: tally.update(["documents"]))
    window.language.language_changed.connect(lambda _code: tally.update(["languages"]))

    # Idle reset: timeout, countdown, attract delay, and room for a slow frame.
    visitor = RandomVisitor(
        window, mode, random.Random(seed), idle_wait_s=sum(idle) + 10.0, corner_hold_s=1.0
    )
    checkpoints: list[Checkpoint] = []
    samples = RssTrace()
    escapes = 0
    resident_bytes()  # imports psutil now, not between two checkpoints
    started = time.perf_counter()
    for number in range(1, interactions + 1):
        problems.interaction = number
        if number % every == 0 or number == interactions:
            kind = "checkpoint"
            settle(visitor)
            checkpoints.append(checkpoint(number))
            if progress:
                last = checkpoints[-1]
                print(
                    f"soak: {number:>6} interactions, {time.perf_counter() - started:6.0f} s, "
                    f"RSS {last.rss / 1e6:.1f} MB, {last.qt_objects} Qt objects, "
                    f"{last.python_objects} Python objects, "
                    f"{sum(problems.counts.values())} problems",
                    file=sys.stderr,
                    flush=True,
                )
                if len(checkpoints) > 1:
                    before = checkpoints[-2]
                    for what, old, new in (
                        ("Qt objects", before.qt_classes, last.qt_classes),
                        ("Python objects", before.types, last.types),
                    ):
                        changed = changes(old, new, 6)
                        if changed:
                            listed = ", ".join(f"{name} {count:+d}" for name, count in changed)
                            print(f"soak:        {what} changed: {listed}", file=sys.stderr)
            if len(checkpoints) > 2:
                # Only the first and the latest are compared: the others' tallies go.
                checkpoints[-2].types.clear()
                checkpoints[-2].qt_classes.clear()
        else:
            kind = visitor.step()
        samples.add(number, resident_bytes(), document_open(window), kind)
        visible = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        if visible != [window] or not window.isFullScreen():
            escapes += 1
            problems.note("escapes", f"windows {visible}, fullscreen {window.isFullScreen()}")
    seconds = time.perf_counter() - started

    run.stop()
    app.processEvents()
    root.removeHandler(problems)
    return SoakResult(
        interactions=interactions,
        seconds=seconds,
        checkpoints=checkpoints,
        problems=problems,
        counts=visitor.counts,
        idle_resets=tally["resets"],
        attract_shown=tally["attract"],
        visits=tally["visits"],
        documents_opened=tally["documents"],
        languages_switched=tally["languages"],
        escapes=escapes,
        timeouts=visitor.timeouts,
        samples=samples,
    )


def _size(text: str) -> tuple[int, int]:
    width, _, height = text.partition("x")
    return int(width), int(height)


def _idle(text: str) -> tuple[int, int, int]:
    parts = tuple(int(part) for part in text.split(","))
    if len(parts) != 3 or parts[0] < 1 or parts[1] < 1 or parts[2] < 0:
        raise argparse.ArgumentTypeError("TIMEOUT,COUNTDOWN,ATTRACT in seconds, e.g. 2,2,1")
    return parts  # type: ignore[return-value]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.soak",
        description="A seeded random visitor uses the kiosk (kiosk mode, offscreen); "
        "prints exceptions, warnings and memory, Qt and Python object growth.",
    )
    parser.add_argument(
        "--interactions", type=int, default=None, help="default 20000 (100000 with --long)"
    )
    parser.add_argument(
        "--long",
        action="store_true",
        help="a week in a day: 100000 interactions, a checkpoint every 2000 (unless given)",
    )
    parser.add_argument(
        "--plot",
        type=Path,
        default=PLOT,
        metavar="PNG",
        help="where the RSS curve goes (default build/soak-rss.png; needs matplotlib)",
    )
    parser.add_argument("--seed", type=int, default=1, help="the visitor's seed (default 1)")
    parser.add_argument(
        "--checkpoint-every",
        type=int,
        default=None,
        metavar="N",
        help="count memory and objects every N interactions, after an idle reset "
        "(default 1000, 2000 with --long; growth is measured from the first checkpoint)",
    )
    parser.add_argument(
        "--idle",
        type=_idle,
        default=IDLE,
        metavar="T,C,A",
        help="idle timeout, countdown and attract delay in seconds (default 2,2,1)",
    )
    parser.add_argument(
        "--screen", type=_size, default=(1920, 1080), help="offscreen screen WxH (1920x1080)"
    )
    parser.add_argument(
        "--no-motion",
        action="store_true",
        help="screens change at once, without their 220 ms slide (a faster run)",
    )
    parser.add_argument("--json", action="store_true", help="JSON on stdout, table on stderr")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    args = parser.parse_args(argv)
    if args.interactions is None:
        args.interactions = LONG_INTERACTIONS if args.long else 20_000
    if args.checkpoint_every is None:
        args.checkpoint_every = LONG_CHECKPOINT_EVERY if args.long else 1_000
    if args.interactions < args.checkpoint_every * 2:
        parser.error("--interactions must be at least twice --checkpoint-every")

    with tempfile.TemporaryDirectory(prefix="cri-kiosk-soak-") as folder:
        _set_up_environment(Path(folder), args.screen)
        result = run_soak(
            args.interactions,
            args.seed,
            args.checkpoint_every,
            args.idle,
            progress=not args.quiet,
            motion=not args.no_motion,
        )
    rows = figures(result)
    report_details(result)
    plot(result, args.plot)
    write(rows, args.json)
    return 1 if any(row.ok is False for row in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
