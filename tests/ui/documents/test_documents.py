"""A visitor opens documents from Downloads and from links, reads, zooms, and closes them."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QPoint, QPointF, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog
from pytestqt.qtbot import QtBot

from kiosk.content.documents import MANIFEST, document_url
from kiosk.content.links import web_link_url
from kiosk.ui.documents.pdf_viewer import DocumentViewer
from kiosk.ui.overlay import open_overlays
from kiosk.ui.window import MainWindow
from tests.conftest import CONTENT
from tests.pdf_samples import password_pdf, sound_pdf, truncated_pdf
from tests.ui.conftest import WindowFactory
from tests.ui.visitor import anchor_position, drag, tap, tap_home_tile

LANGUAGES = ("fr", "ar", "en")
OWN_NAME = {"fr": "Français", "ar": "العربية", "en": "English"}
CLOSE_TEXT = {"fr": "Fermer", "ar": "إغلاق", "en": "Close"}
CALM_TITLE = {
    "fr": "Ce document ne peut pas être affiché pour le moment",
    "ar": "لا يمكن عرض هذه الوثيقة حاليا",
    "en": "This document cannot be shown right now",
}


class _UrlTrap(QObject):
    """Receives every URL Qt would hand to a browser or another program."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


def shown_page(viewer: DocumentViewer) -> str:
    """The page counter as read: "3 / 12", without its invisible isolates."""
    return viewer.page_label.text().replace("\u2068", "").replace("\u2069", "")


@pytest.fixture(autouse=True)
def nothing_leaves_the_kiosk(monkeypatch: pytest.MonkeyPatch) -> Iterator[_UrlTrap]:
    """Fail on any URL opened (from Python or from Qt's C++ side) or any file dialog."""

    def refuse(*args: object, **kwargs: object) -> None:
        pytest.fail(f"something tried to leave the kiosk: {args}")

    monkeypatch.setattr(QDesktopServices, "openUrl", refuse)
    for name in ("getOpenFileName", "getSaveFileName", "getExistingDirectory", "getOpenFileUrl"):
        monkeypatch.setattr(QFileDialog, name, refuse)
    trap = _UrlTrap()
    schemes = ("http", "https", "file", "mailto", "ftp", "kiosk", "doc")
    for scheme in schemes:
        QDesktopServices.setUrlHandler(scheme, trap, "open")
    yield trap
    for scheme in schemes:
        QDesktopServices.unsetUrlHandler(scheme)
    assert trap.urls == [], f"URLs reached the desktop: {trap.urls}"


def open_downloads(qtbot: QtBot, window: MainWindow) -> None:
    tap_home_tile(qtbot, window, "telechargements")
    assert window.downloads.isVisible()


def add_study(content: Path, data: bytes | None, url: str = "") -> None:
    """Reference documents/etude.pdf (written with ``data``, or missing) in the manifest."""
    if data is not None:
        (content / "documents").mkdir(exist_ok=True)
        (content / "documents" / "etude.pdf").write_bytes(data)
    url_line = f'url = "{url}"\n' if url else ""
    with (content / MANIFEST).open("a", encoding="utf-8") as stream:
        stream.write(
            f'\n[[documents]]\nid = "etude"\nlanguage = "fr"\nfile = "documents/etude.pdf"\n'
            f'{url_line}[documents.title]\nfr = "Étude"\nar = "دراسة"\nen = "Study"\n'
        )


# --------------------------------------------------------------------------- Downloads


@pytest.mark.parametrize("lang", LANGUAGES)
def test_downloads_lists_every_document_and_opens_it(
    make_window: WindowFactory, qtbot: QtBot, lang: str
) -> None:
    window = make_window(lang=lang)
    open_downloads(qtbot, window)
    rows = [row for row in window.downloads.rows if row.isVisible()]
    assert [row.doc_id for row in rows] == ["brochure-fr", "brochure-ar", "brochure-en"]
    for row in rows:
        details = row.details_label.accessibleName()
        assert any(char.isdigit() for char in details), "page count and size are shown"
        # Each version's language, named in its own script, on a line of its own.
        language = row.language_label
        assert language.isVisible()
        assert OWN_NAME[row.doc_id[-2:]] in language.accessibleName()
    titles = {row.title_label.accessibleName() for row in rows}
    assert len(titles) == len(rows), "the versions do not share one title"
    scroll = window.section.text.verticalScrollBar()
    qtbot.wait(50)  # let the filled rows settle their height first
    scroll.setValue(scroll.maximum() // 2 + 1)
    before = scroll.value()
    assert before > 0

    tap(qtbot, window.downloads.row(f"brochure-{lang}"))

    viewer = window.viewer
    assert viewer.isVisible() and open_overlays(window) == [viewer]
    assert viewer.page_count() >= 5
    assert shown_page(viewer) == f"1 / {viewer.page_count()}"
    assert viewer.close_button.text() == CLOSE_TEXT[lang]
    assert viewer.title_label.accessibleName() == window.documents.document(
        f"brochure-{lang}"
    ).title(lang, "fr")  # type: ignore[union-attr]
    rtl = lang == "ar"
    assert viewer.isRightToLeft() == rtl, "the chrome mirrors in Arabic"
    assert viewer.view.layoutDirection() == Qt.LayoutDirection.LeftToRight, "pages never mirror"
    assert (viewer.close_button.x() < viewer.title_label.x()) == rtl

    tap(qtbot, viewer.close_button)

    assert not viewer.isVisible()
    assert window.current_screen() == "telechargements"
    assert scroll.value() == before, "the visitor is back exactly where they were"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_medest_page_links_to_its_brochure(
    make_window: WindowFactory, qtbot: QtBot, lang: str
) -> None:
    window = make_window(lang=lang)
    tap_home_tile(qtbot, window, "pole-medest")
    browser = window.section.text
    position = anchor_position(browser, document_url(f"brochure-{lang}"))
    scroll_before = browser.verticalScrollBar().value()

    tap(qtbot, browser.viewport(), position)

    assert window.viewer.isVisible()
    assert window.viewer.document_id == f"brochure-{lang}"
    tap(qtbot, window.viewer.close_button)
    assert window.current_screen() == "pole-medest"
    assert browser.verticalScrollBar().value() == scroll_before


def test_the_brochure_is_typeset_in_the_cache_not_the_content(
    window: MainWindow, qtbot: QtBot, brochure_cache: Path
) -> None:
    window.open_document("brochure-ar")
    info = window.documents.info("brochure-ar")
    assert info.path is not None
    assert brochure_cache in info.path.parents
    assert info.path.name.startswith("brochure-ar-") and info.path.suffix == ".pdf"
    assert not list(CONTENT.rglob("*.pdf"))


# --------------------------------------------------------------------------- reading


def test_page_buttons_and_indicator(window: MainWindow, qtbot: QtBot) -> None:
    window.open_document("brochure-fr")
    viewer = window.viewer
    count = viewer.page_count()
    assert not viewer.previous_button.isEnabled()

    tap(qtbot, viewer.next_button)
    tap(qtbot, viewer.next_button)

    assert viewer.current_page() == 2
    assert shown_page(viewer) == f"3 / {count}"
    assert viewer.previous_button.isEnabled()
    for _ in range(count):
        if viewer.next_button.isEnabled():
            tap(qtbot, viewer.next_button)
    assert viewer.current_page() == count - 1
    assert not viewer.next_button.isEnabled()
    tap(qtbot, viewer.previous_button)
    assert viewer.current_page() == count - 2


# Touch and gestures go through the (offscreen, 800x800) screen: stay inside it.
SMALL = (800, 600)


def test_dragging_scrolls_and_updates_the_indicator(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window(size=SMALL)
    window.open_document("brochure-en")
    viewer = window.viewer
    viewport = viewer.view.viewport()
    bar = viewer.view.verticalScrollBar()
    for _ in range(4):
        drag(
            qtbot,
            viewport,
            QPoint(viewport.width() // 2, viewport.height() - 20),
            QPoint(viewport.width() // 2, 20),
        )
    qtbot.waitUntil(lambda: viewer.current_page() >= 1, timeout=3000)
    assert bar.value() > 0
    assert shown_page(viewer).startswith(f"{viewer.current_page() + 1} /")


def shown_page_size(window: MainWindow) -> tuple[float, float]:
    """The first page's size on screen, in the viewer's pixels."""
    viewer = window.viewer
    points = viewer.pdf.pagePointSize(0)
    factor = viewer.view.zoomFactor()
    return (
        points.width() * factor * viewer.view.logicalDpiX() / 72.0,
        points.height() * factor * viewer.view.logicalDpiY() / 72.0,
    )


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1366, 768)])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_viewer_opens_with_the_whole_first_page_and_names_its_language(
    make_window: WindowFactory, size: tuple[int, int], lang: str
) -> None:
    window = make_window(lang=lang, size=size)
    window.open_document("brochure-ar")
    viewer = window.viewer
    viewport = viewer.view.viewport()
    width, height = shown_page_size(window)
    assert height <= viewport.height(), "the bottom of page 1 is out of view"
    assert width <= viewport.width()
    # Not a stamp either: the page takes the height (portrait) or the width it can.
    assert height >= 0.85 * viewport.height() or width >= 0.85 * viewport.width()
    assert viewer.view.verticalScrollBar().value() == 0
    assert viewer.language_label.isVisible()
    assert viewer.language_label.accessibleName() == "العربية"
    # The zoom buttons: out is off at the whole page, in is on.
    assert viewer.zoom_in_button.isEnabled() and not viewer.zoom_out_button.isEnabled()


def test_zoom_buttons_step_in_and_back_to_the_whole_page(window: MainWindow, qtbot: QtBot) -> None:
    window.open_document("brochure-fr")
    viewer = window.viewer
    width_before, _ = shown_page_size(window)
    tap(qtbot, viewer.zoom_in_button)
    assert viewer.zoom() == pytest.approx(1.5)
    assert shown_page_size(window)[0] == pytest.approx(1.5 * width_before, rel=0.02)
    assert viewer.zoom_out_button.isEnabled()
    while viewer.zoom_in_button.isEnabled():
        tap(qtbot, viewer.zoom_in_button)
    assert viewer.zoom() == pytest.approx(viewer.max_zoom())
    while viewer.zoom_out_button.isEnabled():
        tap(qtbot, viewer.zoom_out_button)
    assert viewer.zoom() == 1.0
    assert shown_page_size(window)[0] == pytest.approx(width_before, rel=0.02)


def test_double_tap_zooms_in_and_back_to_the_whole_page(window: MainWindow, qtbot: QtBot) -> None:
    window.open_document("brochure-fr")
    viewer = window.viewer
    viewport = viewer.view.viewport()
    width_before, _ = shown_page_size(window)

    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=viewport.rect().center())

    assert viewer.zoom() >= 2.0
    # At least the page's whole width: text large enough to read.
    assert shown_page_size(window)[0] >= 0.95 * (
        viewport.width() - viewer.view.documentMargins().left() * 2
    )
    assert shown_page_size(window)[0] > width_before
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=viewport.rect().center())
    assert viewer.zoom() == 1.0


def test_two_fingers_pinch_to_zoom_and_two_taps_zoom(
    make_window: WindowFactory, qtbot: QtBot
) -> None:
    window = make_window(size=SMALL)
    window.open_document("brochure-fr")
    viewer = window.viewer
    viewport = viewer.view.viewport()
    device = QTest.createTouchDevice()
    center = viewport.rect().center()

    QTest.touchEvent(viewport, device).press(0, center - QPoint(50, 0)).press(
        1, center + QPoint(50, 0)
    ).commit()
    QTest.touchEvent(viewport, device).move(0, center - QPoint(100, 0)).move(
        1, center + QPoint(100, 0)
    ).commit()
    QTest.touchEvent(viewport, device).release(0, center - QPoint(100, 0)).release(
        1, center + QPoint(100, 0)
    ).commit()

    assert viewer.zoom() == pytest.approx(2.0, rel=0.05)

    for _ in range(2):  # a finger's double tap goes back to the whole page
        QTest.touchEvent(viewport, device).press(0, center).commit()
        QTest.touchEvent(viewport, device).release(0, center).commit()
        qtbot.wait(50)
    assert viewer.zoom() == 1.0


def test_closing_forgets_document_page_and_zoom(window: MainWindow, qtbot: QtBot) -> None:
    window.open_document("brochure-fr")
    viewer = window.viewer
    tap(qtbot, viewer.next_button)
    qtbot.mouseDClick(viewer.view.viewport(), Qt.MouseButton.LeftButton)

    for overlay in open_overlays(window):  # what the idle reset does between visitors
        overlay.close_overlay()

    assert not viewer.isVisible()
    assert viewer.document_id == ""
    assert viewer.zoom() == 1.0
    assert viewer.pdf.pageCount() == 0
    window.open_document("brochure-en")
    assert viewer.current_page() == 0
    assert viewer.zoom() == 1.0


def test_language_switch_keeps_the_document_and_retranslates(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.open_document("brochure-fr")
    window.language.set_language("ar")
    QApplication.processEvents()
    assert window.viewer.close_button.text() == CLOSE_TEXT["ar"]
    assert window.viewer.isRightToLeft()
    window.viewer.close_overlay()


# --------------------------------------------------------------------------- QR codes


def test_a_web_link_shows_its_qr_code_and_never_a_browser(
    make_window: WindowFactory, qtbot: QtBot, content_copy: Path
) -> None:
    page = content_copy / "en" / "telechargements.md"
    page.write_text(
        page.read_text(encoding="utf-8") + "\n\nSee [the example site](https://example.org/a).\n",
        encoding="utf-8",
    )
    window = make_window(content=content_copy, lang="en")
    tap_home_tile(qtbot, window, "telechargements")
    browser = window.section.text

    tap(qtbot, browser.viewport(), anchor_position(browser, web_link_url("https://example.org/a")))

    overlay = window.qr_overlay
    assert overlay.isVisible()
    assert overlay.address == "https://example.org/a"
    assert overlay.address_label.text() == "https://example.org/a"
    assert overlay.title_label.accessibleName() == "the example site"
    assert "Scan this code" in overlay.text_label.accessibleName()
    assert overlay.code.module_count() >= 21 + 8
    tap(qtbot, overlay.close_button)
    assert not overlay.isVisible()
    assert overlay.address == "", "the next visitor does not find the address"
    assert window.current_screen() == "telechargements"


def test_qr_caption_follows_the_visitor_language(window: MainWindow, qtbot: QtBot) -> None:
    window.language.set_language("ar")
    window.show_qr("https://example.org/", "مثال")
    assert window.qr_overlay.text_label.accessibleName().startswith("امسح هذا الرمز")
    assert window.qr_overlay.close_button.text() == "إغلاق"
    tap(qtbot, window.qr_overlay.close_button)


def test_site_address_and_document_url_show_qr_codes(
    make_window: WindowFactory, qtbot: QtBot, content_copy: Path
) -> None:
    site = content_copy / "site.toml"
    site.write_text(
        site.read_text(encoding="utf-8").replace('url = ""', 'url = "https://example.org/cri"'),
        encoding="utf-8",
    )
    add_study(content_copy, sound_pdf(3), url="https://example.org/etude.pdf")
    window = make_window(content=content_copy, lang="fr")
    open_downloads(qtbot, window)

    tap(qtbot, window.downloads.row(""))
    assert window.qr_overlay.address == "https://example.org/cri"
    tap(qtbot, window.qr_overlay.close_button)

    tap(qtbot, window.downloads.row("etude"))
    assert window.viewer.page_count() == 3
    assert window.viewer.qr_code.isVisible()
    assert window.viewer.qr_code.address == "https://example.org/etude.pdf"
    tap(qtbot, window.viewer.close_button)


def test_no_qr_code_without_an_address(window: MainWindow, qtbot: QtBot) -> None:
    window.open_document("brochure-fr")
    assert not window.viewer.qr_code.isVisible()
    window.viewer.close_overlay()


# --------------------------------------------------------------------------- bad documents


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (None, "est introuvable"),
        (b"", "est vide"),
        (b"GIF89a not a pdf at all", "n\u2019est pas un PDF"),
        (truncated_pdf(), "est endommagé"),
        (password_pdf(), "protégé par un mot de passe"),
    ],
    ids=["missing", "empty", "not-pdf", "truncated", "password"],
)
def test_a_bad_document_gets_a_calm_message_and_the_kiosk_goes_on(
    make_window: WindowFactory,
    qtbot: QtBot,
    content_copy: Path,
    caplog: pytest.LogCaptureFixture,
    data: bytes | None,
    reason: str,
) -> None:
    add_study(content_copy, data)
    window = make_window(content=content_copy, lang="fr")
    open_downloads(qtbot, window)
    row = window.downloads.row("etude")
    assert "ne peut pas être affiché" in row.details_label.accessibleName()

    tap(qtbot, row)

    viewer = window.viewer
    assert viewer.isVisible()
    assert viewer.message.isVisible() and not viewer.view.isVisible()
    assert viewer.message_title.accessibleName() == CALM_TITLE["fr"]
    assert reason in viewer.message_text.accessibleName()
    assert not viewer.page_label.isVisible()
    assert not viewer.next_button.isVisible() and not viewer.previous_button.isVisible()
    assert any("etude.pdf" in record.getMessage() for record in caplog.records)
    tap(qtbot, viewer.close_button)
    tap(qtbot, window.downloads.row("brochure-fr"))
    assert viewer.view.isVisible() and viewer.page_count() > 0, "other documents still open"
    tap(qtbot, viewer.close_button)


def test_damage_found_only_by_qtpdf_is_calm_too(
    make_window: WindowFactory, qtbot: QtBot, content_copy: Path
) -> None:
    # Right header and %%EOF, garbage between: only opening the file tells.
    add_study(content_copy, b"%PDF-1.4\n" + b"\x00garbage" * 200 + b"\n%%EOF\n")
    window = make_window(content=content_copy, lang="ar")
    window.open_document("etude")
    assert window.viewer.message_title.accessibleName() == CALM_TITLE["ar"]
    assert "تالف" in window.viewer.message_text.accessibleName()
    window.viewer.close_overlay()


def test_unknown_document_id_is_calm(window: MainWindow, qtbot: QtBot) -> None:
    window.open_document("nothing-here")
    assert window.viewer.message_title.accessibleName() == CALM_TITLE["fr"]
    tap(qtbot, window.viewer.close_button)
    assert not window.viewer.isVisible()


def test_the_viewer_offers_no_way_out(window: MainWindow, qtbot: QtBot) -> None:
    window.open_document("brochure-fr")
    viewer = window.viewer
    assert viewer.view.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu
    buttons = {button.objectName() for button in viewer.findChildren(type(viewer.close_button))}
    assert buttons == {"ViewerClose", "PageButton", "ZoomButton"}, "close, page and zoom only"
    viewport = viewer.view.viewport()
    for point in (QPointF(30, 30), QPointF(viewport.width() / 2, viewport.height() / 2)):
        tap(qtbot, viewport, point.toPoint())
        qtbot.mouseClick(viewport, Qt.MouseButton.RightButton, pos=point.toPoint())
    assert viewer.isVisible()
    assert QApplication.topLevelWidgets() == [window] or all(
        not w.isVisible() for w in QApplication.topLevelWidgets() if w is not window
    )
    viewer.close_overlay()


def test_a_300_page_document_scrolls_end_to_end_in_order(
    make_window: WindowFactory, qtbot: QtBot, content_copy: Path
) -> None:
    add_study(content_copy, sound_pdf(300))
    window = make_window(content=content_copy, size=SMALL)
    window.open_document("etude")
    viewer = window.viewer
    assert viewer.page_count() == 300
    bar = viewer.view.verticalScrollBar()
    step = viewer.view.viewport().height() // 3
    seen = [viewer.current_page()]
    while bar.value() < bar.maximum():
        bar.setValue(bar.value() + step)
        QApplication.processEvents()
        seen.append(viewer.current_page())
    assert seen == sorted(seen), "the page number never jumps back while scrolling down"
    assert seen[-1] == 299
    assert shown_page(viewer) == "300 / 300"
    assert not viewer.next_button.isEnabled()
    tap(qtbot, viewer.close_button)


def test_the_reset_between_visitors_closes_documents_and_qr_codes(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.open_document("brochure-fr")
    tap(qtbot, window.viewer.next_button)
    window.show_qr("https://example.org/", "Exemple")

    window.reset_for_next_visitor("fr")

    assert open_overlays(window) == []
    assert window.viewer.document_id == "" and window.viewer.pdf.pageCount() == 0
    assert window.qr_overlay.address == ""


# --------------------------------------------------------------------------- thumbnails


def test_downloads_show_each_first_page_drawn_after_the_list_and_kept(
    window: MainWindow, qtbot: QtBot
) -> None:
    downloads = window.downloads
    cache = downloads.thumbnails
    downloads.fill("fr")
    # Filling the list (what a tap on the Downloads tile does) draws no page itself.
    rows = [row for row in downloads.rows if row.doc_id]
    assert cache.drawn == 0 and not any(row.has_thumbnail for row in rows)
    assert cache.pending() == len(rows), "drawn on the worker thread, after the list shows"
    qtbot.waitUntil(lambda: all(row.has_thumbnail for row in rows), timeout=5000)
    assert cache.pending() == 0
    for row in rows:
        pixmap = row.icon_label.pixmap()
        assert not pixmap.isNull()
        # A page: taller than wide, mostly white paper.
        image = pixmap.toImage()
        assert image.height() > image.width()
        assert image.pixelColor(image.width() // 2, image.height() // 2).lightness() > 200
    drawn = cache.drawn
    assert drawn >= len(rows)
    downloads.fill("ar")
    qtbot.wait(50)
    assert cache.drawn == drawn, "a page drawn once is kept"
