"""The PDF view's own page images: laid out as QPdfView scrolls, drawn, bounded in bytes."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.documents import bounded_pdf_view
from kiosk.ui.documents.bounded_pdf_view import BoundedPdfView
from tests.pdf_samples import sound_pdf

# tests/pdf_samples.py: every page is A4 (595 x 842 points) with a blue rectangle from
# x 50 to 250 and, measured from the top, from y 142 + n to 242 + n on page n (n < 500).
PAGE_POINTS = (595.0, 842.0)


def _open(qtbot: QtBot, tmp_path: Path, pages: int) -> tuple[QWidget, BoundedPdfView]:
    """A window with the view on ``pages`` pages (keep the window: it owns the view)."""
    host = QWidget()
    qtbot.addWidget(host)
    host.resize(800, 600)
    view = BoundedPdfView(host)
    view.setPageMode(QPdfView.PageMode.MultiPage)
    view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
    layout = QVBoxLayout(host)
    # As the kiosk window: no size hints for the offscreen platform to refuse.
    layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetNoConstraint)
    layout.addWidget(view)
    path = tmp_path / "sample.pdf"
    path.write_bytes(sound_pdf(pages))
    document = QPdfDocument(host)
    document.load(str(path))
    view.setDocument(document)
    host.show()
    qtbot.waitExposed(host)
    return host, view


def _rectangle_centre(view: BoundedPdfView, page: int) -> QPoint:
    """Where page ``page``'s blue rectangle's centre is in the viewport."""
    rect = view.page_rects()[page]
    scale = rect.width() / PAGE_POINTS[0]
    x = rect.x() + round(150 * scale) - view.horizontalScrollBar().value()
    y = rect.y() + round((192 + page) * scale) - view.verticalScrollBar().value()
    return QPoint(x, y)


def _is_blue(view: BoundedPdfView, point: QPoint) -> bool:
    colour = QColor(view.viewport().grab().toImage().pixel(point))
    return colour.blue() > 200 and colour.red() < 60 and colour.green() < 60


@pytest.mark.parametrize("zoom", [None, 2.5])
def test_pages_are_laid_out_as_qpdfview_scrolls_them(
    qtbot: QtBot, tmp_path: Path, zoom: float | None
) -> None:
    _host, view = _open(qtbot, tmp_path, 7)
    if zoom is not None:
        view.setZoomMode(QPdfView.ZoomMode.Custom)
        view.setZoomFactor(zoom)
    rects = view.page_rects()
    margins = view.documentMargins()
    # QPdfView leaves a page spacing after the last page too.
    height = rects[-1].bottom() + 1 + view.pageSpacing() + margins.bottom()
    width = max(r.right() + 1 for r in rects) + margins.right()
    viewport = view.viewport()
    assert height == view.verticalScrollBar().maximum() + viewport.height()
    assert max(width, viewport.width()) == view.horizontalScrollBar().maximum() + viewport.width()
    assert len(rects) == 7 and all(a.bottom() < b.top() for a, b in itertools.pairwise(rects))


def test_the_page_on_screen_is_drawn_where_it_is(qtbot: QtBot, tmp_path: Path) -> None:
    _host, view = _open(qtbot, tmp_path, 5)
    qtbot.waitUntil(lambda: _is_blue(view, _rectangle_centre(view, 0)))
    view.verticalScrollBar().setValue(view.page_rects()[3].top())
    qtbot.waitUntil(lambda: _is_blue(view, _rectangle_centre(view, 3)))
    outside = _rectangle_centre(view, 3) + QPoint(0, round(view.page_rects()[3].width() * 0.25))
    assert not _is_blue(view, outside)


def test_reading_a_long_document_keeps_the_images_within_the_budget(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    budget = 8 * 1024 * 1024  # two pages at 800 pixels wide, and a half
    monkeypatch.setattr(bounded_pdf_view, "PAGE_IMAGES_BUDGET", budget)
    _host, view = _open(qtbot, tmp_path, 30)
    page_bytes = view.page_rects()[0].width() * view.page_rects()[0].height() * 4
    for page in range(30):
        view.verticalScrollBar().setValue(view.page_rects()[page].top())
        qtbot.waitUntil(lambda page=page: _is_blue(view, _rectangle_centre(view, page)))
        assert view.cached_bytes() <= max(budget, 3 * page_bytes)
    assert view.cached_bytes() > page_bytes, "the pages on screen are kept"
    view.document().close()
    assert view.cached_bytes() == 0, "closing the document lets its images go"


def test_a_page_zoomed_far_in_is_drawn_in_detail_where_it_is_shown(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    whole = 1024 * 1024  # far below a page at 4x: the part on screen is rendered alone
    monkeypatch.setattr(bounded_pdf_view, "WHOLE_PAGE_BYTES", whole)
    _host, view = _open(qtbot, tmp_path, 3)
    view.setZoomMode(QPdfView.ZoomMode.Custom)
    view.setZoomFactor(4.0)
    rect = view.page_rects()[1]
    scale = rect.width() / PAGE_POINTS[0]
    viewport = view.viewport()
    # The rectangle's top edge (143 points from the top of page 1) across the middle.
    view.horizontalScrollBar().setValue(rect.x() + round(150 * scale) - viewport.width() // 2)
    view.verticalScrollBar().setValue(rect.y() + round(143 * scale) - viewport.height() // 2)
    middle = QPoint(viewport.width() // 2, viewport.height() // 2)
    # Sharp to the pixel: the whole page at a quarter of the size would blur the edge.
    qtbot.waitUntil(
        lambda: _is_blue(view, middle + QPoint(0, 2)) and not _is_blue(view, middle - QPoint(0, 2))
    )
    full_bytes = rect.width() * rect.height() * 4
    assert full_bytes > 10 * whole
    assert view.cached_bytes() < full_bytes / 3, "never the whole page at 4x"
