"""Documents: tap to first page painted for each brochure; memory over a 300-page PDF.

Runs in a child process (``python -m benchmarks.documents --child``) on an offscreen
1920x1080 screen, with a copy of the shipped content plus a generated 300-page PDF.

- First page: in each kiosk language, the visitor opens Downloads and taps each
  brochure's row; the clock runs from the press to the first frame in which the viewer
  shows page 1 rendered (QPdfView renders pages on a worker thread, then repaints). The
  first tap also builds the viewer (it is made on first use); every row is opened
  ``runs`` times, closed with the viewer's Close button in between.
- Memory: the visitor opens the 300-page PDF and taps "next page" until the last page,
  letting each page render; peak RSS of the process against RSS before opening it and
  after closing it (QPdfView keeps up to 20 rendered pages; kiosk.native_memory makes
  sure their memory goes back to the system once the viewer is closed).
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
from pathlib import Path

from benchmarks.measure import ROOT, VENV_BIN, Figure, mb, median, percentile
from benchmarks.startup import compile_bytecode, isolated_env

BIG_ID = "bench-300-pages"
BIG_PAGES = 300
FIRST_PAGE_TARGET_MS = 100.0


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
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtPdf import QPdfPageRenderer
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
                renderer = viewer.view.findChild(QPdfPageRenderer)
                if renderer is not None and id(renderer) not in self._hooked:
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
    started = time.perf_counter()
    while viewer.current_page() < BIG_PAGES - 1:
        page = viewer.current_page()
        tap(viewer.next_button)
        wait_until(lambda page=page: viewer.current_page() > page)
        settle(0.01)
        samples.append(process.memory_info().rss)
        if viewer.current_page() == 30:
            after_30 = samples[-1]
    scroll_seconds = time.perf_counter() - started
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
        Figure(group, "300-page PDF: peak RSS, end to end", mb(data["rss_peak"]), "MB"),
        Figure(group, "300-page PDF: RSS at page 31", mb(data["rss_after_30"]), "MB"),
        Figure(group, "300-page PDF: RSS on the last page", mb(data["rss_end"]), "MB"),
        Figure(group, "300-page PDF: RSS after closing it", mb(data["rss_closed"]), "MB"),
        Figure(group, "300-page PDF: 299 page taps", data["scroll_seconds"], "s"),
    ]
    return figures


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "--child":
        result = _child(Path(sys.argv[2]), int(sys.argv[4]))
        Path(sys.argv[3]).write_text(json.dumps(result), encoding="utf-8")
    else:
        from benchmarks.report import write

        write(run(int(sys.argv[1]) if len(sys.argv) > 1 else 3), as_json=False)
