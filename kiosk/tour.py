"""Renders every screen, in every language and size, to PNG files (offscreen).

After the sections, each document is shown in the viewer at its first page.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QApplication

from kiosk.content import ContentLibrary
from kiosk.ui.navigator import HOME
from kiosk.ui.overlay import open_overlays
from kiosk.ui.transitions import set_motion_enabled
from kiosk.ui.window import MainWindow

log = logging.getLogger("kiosk.tour")

DEFAULT_SIZES = ((1920, 1080), (1080, 1920), (1366, 768))
SETTLE_ROUNDS = 3
# QtPdf renders pages on worker threads: give the first page this long to appear.
DOCUMENT_SETTLE_SECONDS = 0.4
THUMBNAIL_WAIT_MS = 3000

# A screen that is not a section: its file name and how to open it over the home screen.
ExtraScreen = tuple[str, Callable[[], None]]


@dataclass(frozen=True)
class TourResult:
    written: tuple[Path, ...]
    failed: tuple[str, ...]


def parse_size(text: str) -> tuple[int, int]:
    """``"1920x1080"`` -> (1920, 1080); raises ValueError with a readable message."""
    width, sep, height = text.lower().partition("x")
    if not sep or not width.isdigit() or not height.isdigit():
        raise ValueError(f"size must look like 1920x1080, not {text!r}")
    size = int(width), int(height)
    if not (320 <= size[0] <= 8000 and 320 <= size[1] <= 8000):
        raise ValueError(f"size {text!r} is out of range (320 to 8000 pixels per side)")
    return size


def run_tour(
    app: QApplication,
    window: MainWindow,
    library: ContentLibrary,
    out_dir: Path,
    languages: tuple[str, ...],
    sizes: tuple[tuple[int, int], ...],
    extras: Sequence[ExtraScreen] = (),
    dpr: float = 1.0,
) -> TourResult:
    """Drive the window through home, every section and ``extras``; one PNG per screen.

    With ``dpr`` above 1 the sizes are device pixels: the window gets the size divided
    by ``dpr`` and is drawn at that device pixel ratio (QT_SCALE_FACTOR, set by the CLI).
    """
    screens = (HOME, *library.page_ids)
    documents = library.documents.ids
    written: list[Path] = []
    failed: list[str] = []
    # Screenshots show every screen in its final state, never mid-animation.
    set_motion_enabled(False)
    window.show()
    if abs(window.devicePixelRatioF() - dpr) > 0.01:
        log.error(
            "the window is drawn at device pixel ratio %g, not %g", window.devicePixelRatioF(), dpr
        )
        return TourResult((), (f"device pixel ratio {dpr:g}",))
    suffix = f"@{dpr:g}x" if dpr != 1.0 else ""

    def shoot(folder: Path, name: str, where: str) -> None:
        if _save(window, folder / name):
            written.append(folder / name)
        else:
            failed.append(f"{where}/{name}")

    for width, height in sizes:
        window.resize(round(width / dpr), round(height / dpr))
        for lang in languages:
            window.language.set_language(lang)
            folder = out_dir / lang / f"{width}x{height}{suffix}"
            folder.mkdir(parents=True, exist_ok=True)
            where = f"{lang}/{width}x{height}"
            for number, screen in enumerate(screens):
                window.navigator.home()
                if screen != HOME:
                    window.navigator.go(screen)
                _settle(app)
                # Downloads draws its documents' first pages on a worker thread.
                if window.downloads.thumbnails.wait(THUMBNAIL_WAIT_MS):
                    _settle(app)
                shoot(folder, f"{number:02d}-{screen or 'home'}.png", where)
            for number, doc_id in enumerate(documents, start=len(screens)):
                window.navigator.home()
                window.open_document(doc_id)
                _settle(app)
                deadline = time.monotonic() + DOCUMENT_SETTLE_SECONDS
                while time.monotonic() < deadline:
                    app.processEvents()
                    time.sleep(0.02)
                shoot(folder, f"{number:02d}-document-{doc_id}.png", where)
                window.viewer.close_overlay()
            first_extra = len(screens) + len(documents)
            for offset, (extra, open_screen) in enumerate(extras, start=first_extra):
                window.navigator.home()
                open_screen()
                _settle(app)
                shoot(folder, f"{offset:02d}-{extra}.png", where)
                for overlay in reversed(open_overlays(window)):
                    overlay.close_overlay()
    window.navigator.home()
    return TourResult(tuple(written), tuple(failed))


def kiosk_mode_screens(window: MainWindow) -> list[ExtraScreen]:
    """Kiosk-mode overlays for the tour (built, never started: nothing is locked)."""
    from kiosk.admin_pin import hash_pin
    from kiosk.config import Config
    from kiosk.ui.kiosk_mode.kiosk_mode import KioskMode

    config = Config(mode="kiosk", admin_pin_hash=hash_pin("0000"))
    details = {"content": "(tour)", "config": "-", "log": "-"}
    mode = KioskMode(window, config, details, [])
    window.set_close_allowed(True)  # a tour window is not locked down
    return mode.tour_screens()


def _save(window: MainWindow, path: Path) -> bool:
    image = window.grab()
    if image.isNull() or not image.save(str(path)):
        log.error("could not render %s", path)
        return False
    return True


def _settle(app: QApplication) -> None:
    """Let every posted event run, including those posted while handling others
    (a language change posts text changes, which post layout requests)."""
    for _ in range(SETTLE_ROUNDS):
        app.processEvents()
        app.sendPostedEvents()
