"""Section pages leave the screen to the text: one title, a header of constant height, a
cue where the text goes on, a scroll bar a finger can hold, no blank half on portrait."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.content import ContentLibrary
from kiosk.ui.window import MainWindow
from tests.ui.conftest import WindowFactory
from tests.ui.visitor import drag, shown_title, tap

SIZES = [(1920, 1080), (1080, 1920), (1366, 768)]
LONG_PAGE = "plan-acceleration-industrielle"
ZONES = ("technopole-oujda", "agropole-berkane", "parc-industriel-selouane")
# Top bar, header and related tiles together: the rest of the height is the page's.
MAX_CHROME_SHARE = 0.33


def open_page(window: MainWindow, page_id: str) -> None:
    window.navigator.go(page_id)
    QApplication.processEvents()


def chrome_height(window: MainWindow) -> int:
    section = window.section
    height = window.top_bar.height() + section.header.height()
    if section.related_host.isVisible():
        height += section.related_host.height()
    return height


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_one_title_in_a_header_of_constant_height(
    make_window: WindowFactory, library: ContentLibrary, lang: str, size: tuple[int, int]
) -> None:
    window = make_window(lang=lang, size=size)
    heights = set()
    for page_id in library.page_ids:
        open_page(window, page_id)
        view = library.view(page_id, lang)
        assert view is not None
        assert shown_title(window) == view.page.title
        assert not window.top_bar.title_label.isVisible(), "the title is shown twice"
        header = window.section.header
        heights.add(header.height())
        title = window.section.title_label
        # The title fits its band (never cut), whatever its length.
        needed = title.heightForWidth(title.width())
        assert needed <= header.contentsRect().height(), f"{page_id}: title cut"
        share = chrome_height(window) / window.height()
        assert share <= MAX_CHROME_SHARE, f"{page_id}: chrome takes {share:.0%} of the height"
    assert len(heights) == 1, f"the header changes height between pages: {sorted(heights)}"


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_more_below_shows_where_the_text_goes_on_and_scrolls_to_its_end(
    make_window: WindowFactory, qtbot: QtBot, lang: str
) -> None:
    window = make_window(lang=lang, size=(1920, 1080))
    open_page(window, LONG_PAGE)
    text = window.section.text
    bar = text.verticalScrollBar()
    assert bar.maximum() > 0, "the long page fits: the test needs one that does not"
    assert window.section.more_button.isVisible()
    assert text.fade.isVisible()
    taps = 0
    while window.section.more_button.isVisible():
        before = bar.value()
        tap(qtbot, window.section.more_button)
        assert bar.value() > before
        # Most of a screen, never a jump that skips lines unseen.
        assert bar.value() - before <= text.viewport().height()
        taps += 1
        assert taps < 50
    assert bar.value() == bar.maximum()
    assert not text.fade.isVisible()
    # At the end, the last line stands above the buttons floating over the text.
    document = text.document()
    last = document.lastBlock()
    line = last.layout().lineAt(last.layout().lineCount() - 1)
    top = document.documentLayout().blockBoundingRect(last).top()
    bottom = top + line.rect().bottom() - bar.value()
    assert bottom <= text.viewport().height() - text.band_height()


def test_a_short_page_has_no_more_below(make_window: WindowFactory) -> None:
    window = make_window(lang="fr", size=(1920, 1080))
    open_page(window, "technopole-oujda")
    text = window.section.text
    assert text.verticalScrollBar().maximum() == 0
    assert not window.section.more_button.isVisible()
    assert not text.fade.isVisible()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_the_scroll_bar_is_a_handle_a_finger_can_drag(
    make_window: WindowFactory, qtbot: QtBot, size: tuple[int, int]
) -> None:
    window = make_window(lang="fr", size=size)
    open_page(window, LONG_PAGE)
    bar = window.section.text.verticalScrollBar()
    assert bar.isVisible()
    metrics = window.section._metrics
    # At least half a touch target wide (today's strip was 16 px).
    assert bar.width() >= metrics.touch // 2
    start = QPoint(bar.width() // 2, metrics.touch // 2 + 4)
    drag(qtbot, bar, start, start + QPoint(0, bar.height() // 2))
    assert bar.value() > bar.maximum() // 4


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
@pytest.mark.parametrize("zone", ZONES)
def test_zone_pages_fill_a_portrait_screen(
    make_window: WindowFactory, lang: str, zone: str
) -> None:
    window = make_window(lang=lang, size=(1080, 1920))
    open_page(window, zone)
    graphic = window.section.graphic
    assert graphic is not None and graphic.isVisible(), "the map shows where the area is"
    text = window.section.text
    blank = text.viewport().height() - text.document().size().height()
    assert blank < 0.1 * window.height(), f"{blank:.0f} px of the page is left blank"
    # The area's own pin says "you are here".
    pins = {pin.page_id: pin.isChecked() for pin in graphic.findChildren(type(graphic.pins[0]))}
    assert pins == {page: page == zone for page in ZONES}
