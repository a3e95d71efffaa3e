"""Walks every screen at one window size and reports anything cut off or too small to touch.

Used in-process by test_every_size.py, and as ``python -m tests.ui.size_walk`` in a
subprocess started with QT_SCALE_FACTOR=2 for the 4K device-pixel-ratio-2 case.

Physical size: a widget's device pixels (logical size times devicePixelRatio) over the
screen's dots per inch. Offscreen screens report no real DPI, so the walk takes the
larger of the screen's physicalDotsPerInch and the densest kiosk screen plausible for
that resolution (ASSUMED_DPI below): touch targets are checked in the worst case.
"""

from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QLabel,
    QWidget,
)

MIN_TOUCH_MM = 9.0
# Densest usual screen per device-pixel width: 1366 px on a 13.3" laptop (118 dpi),
# 1920x1080 on a 21.5" screen (102 dpi, portrait totems too), 3840x2160 on a 27" (163 dpi).
ASSUMED_DPI = {1366: 118.0, 1920: 102.0, 1080: 102.0, 3840: 163.0, 2160: 163.0}
TEXT_STEPS_CHECKED = (0, 2)


def assumed_dpi(device_width: int) -> float:
    return ASSUMED_DPI.get(device_width, 163.0)


def _inside_scrolled_content(widget: QWidget, window: QWidget) -> bool:
    """True for widgets inside a scroll area's viewport: they may scroll out of sight."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        grand = parent.parentWidget()
        if isinstance(grand, QAbstractScrollArea) and grand.viewport() is parent:
            return True
        parent = grand
    return False


def check_screen(window: QWidget, label: str) -> list[str]:
    """Problems on the screen as it is now."""
    problems: list[str] = []
    dpr = window.devicePixelRatioF()
    device_width = round(max(window.width(), window.height()) * dpr)
    dpi = max(window.screen().physicalDotsPerInch(), assumed_dpi(device_width))
    min_px = MIN_TOUCH_MM / 25.4 * dpi / dpr  # in logical pixels
    bounds = window.rect()
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.width() <= 0 or widget.height() <= 0:
            continue
        name = f"{type(widget).__name__}#{widget.objectName()} {getattr(widget, 'page_id', '')}"
        if not _inside_scrolled_content(widget, window):
            rect = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
            if not bounds.contains(rect):
                problems.append(f"{label}: {name} {rect.getRect()} outside {bounds.getRect()}")
        if isinstance(widget, QAbstractScrollArea):
            content = getattr(widget, "widget", lambda: None)()
            if content is not None and content.width() > widget.viewport().width():
                problems.append(f"{label}: {name} content wider than its view (cut off)")
        if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
            needed = widget.heightForWidth(widget.width())
            if needed > widget.height() + 2:
                problems.append(
                    f"{label}: {name} '{widget.text()[:40]}' cut: {widget.height()} < {needed}px"
                )
        overflows = getattr(widget, "overflows", None)
        if callable(overflows) and overflows():
            problems.append(f"{label}: {name} picture does not fit its {widget.size().toTuple()}")
        if isinstance(widget, QAbstractButton):
            smallest = min(widget.width(), widget.height())
            if smallest < min_px:
                mm = smallest * dpr / dpi * 25.4
                problems.append(f"{label}: {name} '{widget.text()}' is {mm:.1f} mm < 9 mm")
    return problems


def walk(window: QWidget, app: QApplication, size: tuple[int, int]) -> list[str]:
    """Home and every section, in every language and checked text step, at ``size``."""
    from kiosk.ui.navigator import HOME

    window.resize(*size)
    problems: list[str] = []
    library = window._library  # type: ignore[attr-defined]
    for step in TEXT_STEPS_CHECKED:
        window.reading_aids.set_text_step(step)  # type: ignore[attr-defined]
        for lang in library.site.language_codes:
            window.language.set_language(lang)  # type: ignore[attr-defined]
            for screen in (HOME, *library.page_ids):
                window.navigator.home()  # type: ignore[attr-defined]
                if screen:
                    window.navigator.go(screen)  # type: ignore[attr-defined]
                for _ in range(3):
                    app.processEvents()
                dpr = window.devicePixelRatioF()
                label = f"{size[0]}x{size[1]} dpr {dpr:g} {lang} step {step} {screen or 'home'}"
                problems += check_screen(window, label)
    window.reading_aids.set_text_step(0)  # type: ignore[attr-defined]
    return problems


def main() -> int:
    """``python -m tests.ui.size_walk WxH``: print problems as JSON, exit 1 if any."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from kiosk.app import build_window, create_application, load_library
    from kiosk.ui.transitions import set_motion_enabled
    from tests.conftest import CONTENT

    width, height = (int(v) for v in sys.argv[1].split("x"))
    app = create_application()
    set_motion_enabled(False)
    library = load_library(CONTENT)
    assert library is not None
    window = build_window(app, library, None)
    window.show()
    problems = walk(window, app, (width, height))
    report = {"dpr": window.devicePixelRatioF(), "problems": problems}
    window.close()
    print(json.dumps(report))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
