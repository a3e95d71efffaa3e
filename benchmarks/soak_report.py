"""The soak's report: what it counts, its table against the targets, details, RSS plot."""

from __future__ import annotations

import array
import collections
import statistics
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.measure import Figure

if TYPE_CHECKING:
    from benchmarks.soak import ProblemCounter

# Growth in Python objects allowed between the first checkpoint and the end. The
# statistics' sqlite3 connection keeps a weak reference per cursor and prunes the dead
# ones only every 200 cursors; the soak keeps two tallies and one record per checkpoint;
# the "recent problems" history is bounded. Everything else is built once and re-filled.
PYTHON_OBJECTS_BOUND = 500
# Resident memory: growth from the first checkpoint to the end, growth over the second
# half of the run (a kiosk that runs for months must be level by then), and the most it
# may hold while no document is open (a document's pages are budgeted on their own).
RSS_BOUND_MB = 5.0
SECOND_HALF_BOUND_MB = 2.0
RSS_CEILING_MB = 200.0
# Growth is judged from this interaction on: before it, the kiosk is still building
# what it builds on first use (the document viewer, pictures, caches). A shorter run
# reports growth without a verdict.
WARMED_UP = 1_000
# The objects inside rich text: labels showing it (Arabic labels do, for their line
# height) and the text documents of recently seen pages the section page keeps. Hidden
# reused labels keep the language they last showed, and the kept pages are whichever
# visitors saw last, so these come and go (lists, frames) with what visitors did.
RICH_TEXT_CLASSES = (
    "QWidgetTextControl",
    "QTextDocument",
    "QTextDocumentLayout",
    "QTextImageHandler",
    "QTextFrame",
    "QTextList",
    "QTextTable",
)


@dataclass
class Checkpoint:
    """Everything counted after one idle reset."""

    interaction: int
    rss: int
    qt_objects: int
    widgets: int
    wrappers: int
    python_objects: int
    types: collections.Counter[str] = field(default_factory=collections.Counter, repr=False)
    qt_classes: collections.Counter[str] = field(default_factory=collections.Counter, repr=False)


@dataclass(frozen=True)
class Sample:
    """Resident memory after one interaction, and whether a document was open."""

    interaction: int
    rss: int
    document_open: bool


class RssTrace:
    """Resident memory after every interaction, in flat arrays: a list of 100 000
    objects would itself be the Python object growth the soak looks for."""

    def __init__(self) -> None:
        self._interactions = array.array("q")
        self._rss = array.array("q")
        self._document_open = array.array("b")
        # What the visitor had just done when RSS passed the ceiling with no document open.
        self.over_ceiling: collections.Counter[str] = collections.Counter()
        self.first_over: list[str] = []

    def add(self, interaction: int, rss: int, document_open: bool, kind: str) -> None:
        self._interactions.append(interaction)
        self._rss.append(rss)
        self._document_open.append(document_open)
        if not document_open and rss >= RSS_CEILING_MB * 1e6:
            self.over_ceiling[kind] += 1
            if len(self.first_over) < 5:
                self.first_over.append(
                    f"[interaction {interaction}] {rss / 1e6:.1f} MB after {kind}"
                )

    def __iter__(self) -> Iterator[Sample]:
        for interaction, rss, document_open in zip(
            self._interactions, self._rss, self._document_open, strict=True
        ):
            yield Sample(interaction, rss, bool(document_open))


@dataclass
class SoakResult:
    interactions: int
    seconds: float
    checkpoints: list[Checkpoint]
    problems: ProblemCounter
    counts: collections.Counter[str]
    idle_resets: int
    attract_shown: int
    visits: int
    documents_opened: int
    languages_switched: int
    escapes: int
    timeouts: int
    samples: RssTrace = field(default_factory=RssTrace)


def changes(
    first: collections.Counter[str], last: collections.Counter[str], top: int = 10
) -> list[tuple[str, int]]:
    """The ``top`` counts that changed most from ``first`` to ``last``, most first."""
    changed = last.copy()
    changed.subtract(first)
    ordered = sorted(changed.items(), key=lambda item: -abs(item[1]))
    return [(name, count) for name, count in ordered[:top] if count != 0]


def rich_text_objects(classes: collections.Counter[str]) -> int:
    return sum(classes[name] for name in RICH_TEXT_CLASSES)


def second_half_growth(checkpoints: list[Checkpoint]) -> tuple[float, int, int]:
    """RSS growth (MB) over the second half, medians of up to three checkpoints at each
    end, with the interactions it runs from and to."""
    rss = [point.rss for point in checkpoints]
    middle = len(rss) // 2
    ends = max(1, min(3, (len(rss) - middle) // 2))
    growth = (statistics.median(rss[-ends:]) - statistics.median(rss[middle : middle + ends])) / 1e6
    return growth, checkpoints[middle].interaction, checkpoints[-1].interaction


def figures(result: SoakResult) -> list[Figure]:
    """The soak's lines of the benchmark table."""
    problems = result.problems.counts
    first = result.checkpoints[0]
    last = result.checkpoints[-1]
    rss = [point.rss for point in result.checkpoints]
    # Three checkpoints at each end: one checkpoint alone moves by a few MB with
    # whatever the caches (pixmaps, glyphs) happen to hold.
    ends = max(1, min(3, len(rss) // 2))
    growth_mb = (statistics.median(rss[-ends:]) - statistics.median(rss[:ends])) / 1e6
    raw_growth_mb = (last.rss - first.rss) / 1e6
    spread_mb = (max(rss) - min(rss)) / 1e6
    half_mb, half_from, half_to = second_half_growth(result.checkpoints)
    outside = [s.rss for s in result.samples if not s.document_open] or rss
    inside = [s.rss for s in result.samples if s.document_open]
    ceiling_mb = max(outside) / 1e6
    plain_growth = (last.qt_objects - rich_text_objects(last.qt_classes)) - (
        first.qt_objects - rich_text_objects(first.qt_classes)
    )
    rich_growth = rich_text_objects(last.qt_classes) - rich_text_objects(first.qt_classes)
    python_growth = last.python_objects - first.python_objects
    errors = problems["exceptions"] + problems["errors"]
    span = f"{first.interaction:,} to {last.interaction:,}"

    widget_growth = last.widgets - first.widgets
    judged = first.interaction >= WARMED_UP

    def judge(figure: Figure, target: str, ok: bool) -> Figure:
        """The figure with its target, once the kiosk has warmed up."""
        return replace(figure, target=target, ok=ok) if judged else figure

    def count(name: str, value: float, target: int | None = None) -> Figure:
        if target is None:
            return Figure("soak", name, value, "")
        return Figure("soak", name, value, "", str(target), value <= target)

    rows = [
        count("interactions", result.interactions),
        Figure("soak", "elapsed", result.seconds, "s"),
        Figure("soak", "interactions per second", result.interactions / result.seconds, "/s"),
        count("idle resets (attract screen shown)", result.idle_resets),
        count("visits recorded", result.visits),
        count("documents opened", result.documents_opened),
        count("language switches", result.languages_switched),
        count("exceptions and errors", errors, 0),
        count("Qt warnings", problems["qt warnings"], 0),
        count("Python warnings", problems["python warnings"], 0),
        count("windows escaped (not one fullscreen kiosk)", result.escapes, 0),
        count("kiosk warnings (wrong PINs)", problems["kiosk warnings"]),
        Figure("soak", f"RSS at interaction {first.interaction:,}", first.rss / 1e6, "MB"),
        judge(
            Figure("soak", f"RSS growth {span} (medians of {ends} checkpoints)", growth_mb, "MB"),
            f"< {RSS_BOUND_MB:.0f} MB",
            growth_mb < RSS_BOUND_MB,
        ),
        Figure("soak", f"RSS growth {span} (last - first checkpoint)", raw_growth_mb, "MB"),
        judge(
            Figure(
                "soak",
                f"RSS growth {half_from:,} to {half_to:,} (second half, medians)",
                half_mb,
                "MB",
            ),
            f"< {SECOND_HALF_BOUND_MB:.0f} MB",
            half_mb < SECOND_HALF_BOUND_MB,
        ),
        Figure("soak", f"RSS max - min over {len(rss)} checkpoints", spread_mb, "MB"),
        judge(
            Figure("soak", "RSS max, no document open (after every interaction)", ceiling_mb, "MB"),
            f"< {RSS_CEILING_MB:.0f} MB",
            ceiling_mb < RSS_CEILING_MB,
        ),
    ]
    if inside:
        rows.append(Figure("soak", "RSS max, a document open", max(inside) / 1e6, "MB"))
    rows += [
        judge(
            count("Qt object growth (besides rich text)", plain_growth),
            "0",
            plain_growth == 0,
        ),
        count("rich-text objects growth (labels, kept pages)", rich_growth),
        judge(count("widget growth", widget_growth), "0", widget_growth == 0),
        count("Python wrapper growth", last.wrappers - first.wrappers),
        judge(
            count(f"Python object growth (of {first.python_objects:,})", python_growth),
            f"< {PYTHON_OBJECTS_BOUND}",
            python_growth < PYTHON_OBJECTS_BOUND,
        ),
    ]
    return rows


def report_details(result: SoakResult) -> None:
    """On stderr: what the visitor did, the first problems of each kind, growing types."""
    out = sys.stderr
    kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(result.counts.items()))
    print(f"soak: the visitor did: {kinds}", file=out)
    if result.timeouts:
        print(f"soak: {result.timeouts} waits for the idle timers ran out", file=out)
    for kind, lines in result.problems.first.items():
        total = result.problems.counts[kind]
        print(f"soak: {kind}: {total}, the first {len(lines)}:", file=out)
        for line in lines:
            print("  " + line.replace("\n", "\n    "), file=out)
    if result.samples.first_over:
        kinds = ", ".join(f"{k} {n}" for k, n in result.samples.over_ceiling.most_common())
        print(f"soak: RSS over {RSS_CEILING_MB:.0f} MB with no document open, after: {kinds}",
              file=out)  # fmt: skip
        for line in result.samples.first_over:
            print("  " + line, file=out)
    first, last = result.checkpoints[0], result.checkpoints[-1]
    for what, before, after in (
        ("Python types", first.types, last.types),
        ("Qt classes", first.qt_classes, last.qt_classes),
    ):
        changed = changes(before, after)
        if changed:
            listed = ", ".join(f"{name} {count:+d}" for name, count in changed)
            print(f"soak: {what} that changed after the first checkpoint: {listed}", file=out)
    print("soak: checkpoints (interaction, RSS MB, Qt objects, widgets, Python objects):", file=out)
    for point in result.checkpoints:
        print(
            f"  {point.interaction:>6} {point.rss / 1e6:8.1f} {point.qt_objects:6}"
            f" {point.widgets:6} {point.python_objects:8}",
            file=out,
        )


def plot(result: SoakResult, path: Path) -> bool:
    """The RSS curve as a PNG (matplotlib, the bench extra); False without matplotlib."""
    try:
        import matplotlib
    except ImportError:
        print("soak: no plot (matplotlib is in the bench extra)", file=sys.stderr)
        return False
    matplotlib.use("Agg")
    from matplotlib import pyplot

    figure, axes = pyplot.subplots(figsize=(10, 4.5), dpi=100)
    closed = [s for s in result.samples if not s.document_open]
    opened = [s for s in result.samples if s.document_open]
    axes.plot(
        [s.interaction for s in closed],
        [s.rss / 1e6 for s in closed],
        ".",
        markersize=1.5,
        color="#1f5f8b",
        label="after an interaction, no document open",
    )
    if opened:
        axes.plot(
            [s.interaction for s in opened],
            [s.rss / 1e6 for s in opened],
            ".",
            markersize=1.5,
            color="#d08c2b",
            label="a document open",
        )
    axes.plot(
        [c.interaction for c in result.checkpoints],
        [c.rss / 1e6 for c in result.checkpoints],
        "o-",
        color="#111111",
        markersize=3,
        linewidth=1,
        label="checkpoint (after an idle reset)",
    )
    axes.axhline(
        RSS_CEILING_MB,
        color="#b22222",
        linestyle="--",
        linewidth=1,
        label=f"{RSS_CEILING_MB:.0f} MB: the most with no document open",
    )
    axes.set_xlabel("interactions")
    axes.set_ylabel("resident memory (MB)")
    axes.set_title(
        f"make soak: {result.interactions:,} interactions, {result.idle_resets} idle resets, "
        f"{result.documents_opened} documents opened"
    )
    axes.set_ylim(bottom=0)
    axes.grid(alpha=0.3)
    axes.legend(loc="lower right", fontsize="small")
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path)
    pyplot.close(figure)
    print(f"soak: RSS plot written to {path}", file=sys.stderr)
    return True
