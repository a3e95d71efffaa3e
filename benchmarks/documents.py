"""Documents: tap to first page painted for each brochure; memory over a 300-page PDF.

Runs in a child process (``python -m benchmarks.documents --child``) on an offscreen
1920x1080 screen, with a copy of the shipped content plus a generated 300-page PDF.

- First page: in each kiosk language, the visitor opens Downloads and taps each
  brochure's row; the clock runs from the press to the first frame in which the viewer
  shows page 1 rendered (QPdfView renders pages on a worker thread, then repaints). The
  first tap also builds the viewer (it is made on first use); every row is opened
  ``runs`` times, closed with the viewer's Close button in between.
  The longest turn of the event loop while paging through is reported too (a frame
  that pages rendered in the UI thread would delay).
- Memory: the visitor opens the 300-page PDF and taps "next page" until the last page,
  letting each page render; peak RSS of the process against RSS before opening it and
  after closing it (the view keeps its page images within a budget in bytes,
  kiosk/ui/documents/bounded_pdf_view.py; kiosk.native_memory makes sure their memory
  goes back to the system once freed).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks.measure import ROOT, VENV_BIN, Figure, mb, median, percentile
from benchmarks.startup import compile_bytecode, isolated_env

BIG_ID = "bench-300-pages"
BIG_PAGES = 300
FIRST_PAGE_TARGET_MS = 100.0
FLICKS = 6
FLICK_SECONDS = 1.0
FRAME_MS = 16.7
PEAK_TARGET_MB = 250.0


def _add_big_pdf(content: Path) -> None:
    """A 300-page PDF and its entry in documents.toml (written by the child, with Qt)."""
    from PySide6.QtCore import QMarginsF, QRectF, Qt
    from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter

    folder = content / "documents"
    folder.mkdir(exist_ok=True)
    writer = QPdfWriter(str(folder / "bench-300.pdf"))
    writer.setPageLayout(
        QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                    QMarginsF(15, 15, 15, 15))
    )  # fmt: skip
    writer.setResolution(150)
    painter = QPainter(writer)
    seed = (ROOT / "content" / "fr" / "plan-acceleration-industrielle.md").read_text("utf-8")
    area = QRectF(painter.viewport())
    for page in range(BIG_PAGES):
        if page:
            writer.newPage()
        painter.fillRect(QRectF(0, 0, area.width(), 120), QColor("#0b3c5d"))
        painter.setPen(QColor("white"))
        painter.setFont(QFont("Noto Sans", 24))
        painter.drawText(QRectF(20, 0, area.width(), 120), Qt.AlignmentFlag.AlignVCenter,
                         f"Page {page + 1} / {BIG_PAGES}")  # fmt: skip
        painter.setPen(QColor("black"))
        painter.setFont(QFont("Noto Sans", 10))
        painter.drawText(area.adjusted(0, 160, 0, 0), Qt.TextFlag.TextWordWrap, seed * 2)
    painter.end()
    with (content / "documents.toml").open("a", encoding="utf-8") as manifest:
        manifest.write(
            f'\n[[documents]]\nid = "{BIG_ID}"\nlanguage = "fr"\n'
            'file = "documents/bench-300.pdf"\n[documents.title]\n'
            'fr = "300 pages"\nar = "300 pages"\nen = "300 pages"\n'
        )


def _child(content: Path, runs: int) -> dict[str, object]:
    """In the child process: drive the kiosk, return the measurements."""
    from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer
    from PySide6.QtPdf import QPdfPageRenderer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from benchmarks.qt_probe import settle, tap, wait_until
    from kiosk.app import build_window, create_application, load_library
    from kiosk.native_memory import return_large_blocks_to_os
    from kiosk.ui.documents.pdf_viewer import DocumentViewer
    from kiosk.ui.navigator import HOME

    return_large_blocks_to_os()  # as kiosk.app.run() does
    app = create_application()
    _add_big_pdf(content)
    library = load_library(content)
    assert library is not None, "the benchmark content did not load"
    window = build_window(app, library, library.default_language)
    window.resize(1920, 1080)
    window.show()
    settle(0.5)

    class FirstPage(QObject):
        """Time of the first frame showing page 1 rendered, after ``start``."""

        def __init__(self) -> None:
            super().__init__(app)
            self.rendered = False
            self.painted_at: float | None = None
            self._hooked: set[int] = set()
            app.installEventFilter(self)

        def start(self) -> None:
            self.rendered = False
            self.painted_at = None

        def _page_rendered(self, page: int, *args: object) -> None:
            if page == 0:
                self.rendered = True

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            viewer = window.findChild(DocumentViewer)  # built by the first tap
            if viewer is None or event.type() != QEvent.Type.Paint:
                return False
            if watched is viewer.view.viewport():
                # QPdfView's own renderer and the kiosk view's (which paints the pages).
                for renderer in viewer.view.findChildren(QPdfPageRenderer):
                    if id(renderer) not in self._hooked:
                        self._hooked.add(id(renderer))
                        renderer.pageRendered.connect(self._page_rendered)
                if self.rendered and self.painted_at is None:
                    # After this paint and the flush of the same event-loop turn.
                    QTimer.singleShot(0, self._stamp)
            return False

        def _stamp(self) -> None:
            if self.painted_at is None:
                self.painted_at = time.perf_counter()

    probe = FirstPage()
    first_page: dict[str, list[float]] = {}
    for language in library.languages:
        if window.language.current != language.code:
            tap(window.top_bar.language_buttons[language.code])
            settle(0.4)
        if window.current_screen() != HOME:
            tap(window.top_bar.home_button)
            settle(0.4)
        tile = window.home.tiles["telechargements"]
        window.home.scroll_area.ensureWidgetVisible(tile)
        tap(tile)
        settle(0.4)
        for row in window.downloads.rows:
            if not row.doc_id.startswith("brochure-"):
                continue
            for _ in range(runs):
                probe.start()
                started = tap(row)
                wait_until(lambda: probe.painted_at is not None)
                assert probe.painted_at is not None
                first_page.setdefault(row.doc_id, []).append((probe.painted_at - started) * 1000)
                tap(window.viewer.close_button)
                settle(0.1)

    # 300 pages, end to end, one "next page" tap at a time.
    import psutil

    process = psutil.Process()
    before = process.memory_info().rss
    window.open_document(BIG_ID)
    viewer = window.viewer
    wait_until(lambda: viewer.page_count() == BIG_PAGES)
    samples = [before]
    after_30 = before
    # Every turn of the event loop while paging and flicking, timed: the longest is
    # the frame a visitor could see stutter (pages render on worker threads).
    turns: list[float] = []

    def turn() -> None:
        began = time.perf_counter()
        QApplication.processEvents()
        turns.append(time.perf_counter() - began)

    def run_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
        deadline = time.perf_counter() + timeout
        while not condition():
            if time.perf_counter() > deadline:
                raise TimeoutError("the viewer did not get there in time")
            turn()
            time.sleep(0.0005)

    def run_for(seconds: float) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            turn()
            time.sleep(0.001)

    started = time.perf_counter()
    while viewer.current_page() < BIG_PAGES - 1:
        page = viewer.current_page()
        began = time.perf_counter()
        tap(viewer.next_button)
        turns.append(time.perf_counter() - began)
        run_until(lambda page=page: viewer.current_page() > page)
        run_for(0.01)
        samples.append(process.memory_info().rss)
        if viewer.current_page() == 30:
            after_30 = samples[-1]
    scroll_seconds = time.perf_counter() - started
    # Flicks upwards from the last page: a finger (the mouse, as QScroller takes it)
    # thrown up the screen, the pages going by until the scroll stops.
    viewport = viewer.view.viewport()
    middle = viewport.rect().center()
    flick_from = len(turns)
    for _ in range(FLICKS):
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                         middle - QPoint(0, 300))  # fmt: skip
        for step in range(1, 7):
            run_for(0.012)
            QTest.mouseMove(viewport, middle - QPoint(0, 300) + QPoint(0, 100 * step))
        QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                           middle + QPoint(0, 300))  # fmt: skip
        run_for(FLICK_SECONDS)
        samples.append(process.memory_info().rss)
    flick_pages = BIG_PAGES - 1 - viewer.current_page()
    flick_turns = turns[flick_from:]
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    tap(viewer.close_button)
    settle(0.3)
    closed = process.memory_info().rss
    app.removeEventFilter(probe)
    window.close()
    window.deleteLater()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return {
        "first_page_ms": first_page,
        "rss_before": before,
        "rss_peak_sampled": max(samples),
        "rss_peak": peak,
        "rss_end": samples[-1],
        "rss_after_30": after_30,
        "rss_closed": closed,
        "scroll_seconds": scroll_seconds,
        "longest_turn_ms": max(turns) * 1000,
        "turn_p99_ms": percentile(turns, 99) * 1000,
        "longest_flick_turn_ms": max(flick_turns) * 1000,
        "flick_pages": flick_pages,
    }


def run(runs: int) -> list[Figure]:
    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="cri-bench-docs-") as temp:
        folder = Path(temp)
        for name in ("home", "config", "state", "cache", "runtime"):
            (folder / name).mkdir(mode=0o700)
        env = isolated_env(folder)
        content = folder / "content"
        shutil.copytree(ROOT / "content", content)
        subprocess.run(
            [str(VENV_BIN / "cri-kiosk"), "build-docs", "--content", str(content)],
            check=True,
            capture_output=True,
            env={**os.environ, **env},
        )
        out = folder / "result.json"
        child = subprocess.run(
            [sys.executable, "-m", "benchmarks.documents", "--child", str(content), str(out),
             str(runs)],
            env={**os.environ, **env},
            cwd=ROOT,
            capture_output=True,
            text=True,
        )  # fmt: skip
        if child.returncode != 0:
            raise SystemExit(
                f"benchmarks.documents failed:\n{child.stdout[-2000:]}{child.stderr[-3000:]}"
            )
        data = json.loads(out.read_text(encoding="utf-8"))
    group = "documents"
    figures = []
    every: list[float] = []
    for doc_id, times in sorted(data["first_page_ms"].items()):
        every.extend(times)
        worst = max(times)
        figures.append(
            Figure(group, f"{doc_id}: tap to first page (median)", median(times), "ms",
                   "<= 100", median(times) <= FIRST_PAGE_TARGET_MS)
        )  # fmt: skip
        figures.append(
            Figure(group, f"{doc_id}: tap to first page (worst, incl. first open)", worst, "ms")
        )
    p95 = percentile(every, 95)
    figures.append(
        Figure(group, "any brochure: tap to first page p95", p95, "ms", "<= 100",
               p95 <= FIRST_PAGE_TARGET_MS)
    )  # fmt: skip
    figures += [
        Figure(group, "300-page PDF: RSS before opening", mb(data["rss_before"]), "MB"),
        Figure(
            group,
            "300-page PDF: peak RSS, end to end",
            mb(data["rss_peak"]),
            "MB",
            f"<= {PEAK_TARGET_MB:.0f}",
            mb(data["rss_peak"]) <= PEAK_TARGET_MB,
        ),
        Figure(group, "300-page PDF: RSS at page 31", mb(data["rss_after_30"]), "MB"),
        Figure(group, "300-page PDF: RSS on the last page", mb(data["rss_end"]), "MB"),
        Figure(group, "300-page PDF: RSS after closing it", mb(data["rss_closed"]), "MB"),
        Figure(group, "300-page PDF: 299 page taps", data["scroll_seconds"], "s"),
        Figure(
            group, "300-page PDF: longest UI turn (taps and flicks)", data["longest_turn_ms"], "ms"
        ),
        Figure(
            group,
            "300-page PDF: UI turns p99",
            data["turn_p99_ms"],
            "ms",
            f"<= {FRAME_MS}",
            data["turn_p99_ms"] <= FRAME_MS,
        ),
        Figure(
            group,
            f"300-page PDF: longest UI turn in {FLICKS} flicks ({data['flick_pages']} pages)",
            data["longest_flick_turn_ms"],
            "ms",
        ),
    ]
    return figures


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        result = _child(Path(sys.argv[2]), int(sys.argv[4]))
        Path(sys.argv[3]).write_text(json.dumps(result), encoding="utf-8")
    else:
        from benchmarks.report import write

        write(run(int(sys.argv[1]) if len(sys.argv) > 1 else 3), as_json=False)
