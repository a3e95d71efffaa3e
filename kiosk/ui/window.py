"""The main window: top bar over a stack of the home screen and the section page."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QSignalBlocker, Signal, Slot
from PySide6.QtGui import QCloseEvent, QGuiApplication, QResizeEvent
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget

from kiosk.content.library import ContentLibrary
from kiosk.documents.store import DocumentStore
from kiosk.font_families import configure_families
from kiosk.i18n import LanguageService
from kiosk.palette import Palette, contrast_problems, palette_with
from kiosk.speech.output import SoundOutput
from kiosk.ui.access.speech_bar import SpeechBar
from kiosk.ui.access.speech_mode import SpeechMode
from kiosk.ui.access.speech_service import SpeechService
from kiosk.ui.documents.qr_overlay import QrOverlay
from kiosk.ui.navigator import HOME, Navigator
from kiosk.ui.overlay import open_overlays
from kiosk.ui.reading_aids import ReadingAids
from kiosk.ui.screens.downloads import DownloadsList
from kiosk.ui.screens.home import HomeScreen
from kiosk.ui.screens.section_page import SectionPage
from kiosk.ui.style.fonts import set_script_families
from kiosk.ui.style.theme import (
    Metrics,
    metrics_for,
    style_sheet,
)
from kiosk.ui.top_bar import TopBar
from kiosk.ui.transitions import ScreenTransition

if TYPE_CHECKING:
    from kiosk.ui.documents.pdf_viewer import DocumentViewer

log = logging.getLogger("kiosk.window")


class MainWindow(QWidget):
    """Wires navigation and language to the screens. Knows no file formats."""

    first_painted = Signal()
    # After a reset between visitors; widgets with per-visitor settings follow it.
    visitor_reset = Signal()
    # A document opened (its id) and a QR code shown (its address), for the statistics.
    document_opened = Signal(str)
    qr_shown = Signal(str)

    def __init__(
        self,
        library: ContentLibrary,
        language: LanguageService,
        parent: QWidget | None = None,
        speech_output: SoundOutput | None = None,
        speech_enabled: bool = True,
        speech_volume_step: int = 2,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self._library = library
        self.language = language
        # Through self._library, so that set_library() also changes what exists.
        self.navigator = Navigator(lambda page_id: self._library.has_page(page_id), self)
        self._style_key: tuple[Metrics, Palette] | None = None
        self._script_rtl: bool | None = None
        # The site's theme (site.toml [theme]) under the visitor's reading aids.
        self.reading_aids = ReadingAids(self._read_site_theme(library), self)
        # Sized for the screen the kiosk fills (it runs fullscreen): styled once at
        # start-up, not once at the default size and again when going fullscreen.
        screen = QGuiApplication.primaryScreen()
        size = screen.size() if screen is not None else self.size()
        self._metrics = metrics_for(size.width(), size.height())
        self._painted = False
        self._close_allowed = True

        # The languages offered (the config may limit and order them), not all the content has.
        self.top_bar = TopBar(language.languages, self)
        self.stack = QStackedWidget(self)
        # Screen changes slide and fade; a swipe drags the page along first.
        self.transition = ScreenTransition(self.stack, self.language.is_rtl)
        self._shown_page: str | None = None
        self.home, self.section = self._build_screens(library)
        self.stack.addWidget(self.home)
        self.stack.addWidget(self.section)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        # Screens scroll instead of forcing a minimum window size (which kiosk
        # platforms without a window manager cannot honour anyway).
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetNoConstraint)
        # Speech mode: the speaker button in the top bar, the reading controls under it.
        self.speech = SpeechService(language, speech_output, speech_volume_step, self)
        self.speech_bar = SpeechBar(self)
        self.speech_mode = SpeechMode(self, self.speech, self.speech_bar)
        self.top_bar.speech_button.setVisible(speech_enabled)
        self.top_bar.speech_requested.connect(self.speech.set_on)
        self.speech.mode_changed.connect(self.top_bar.set_speech_on)
        layout.addWidget(self.top_bar)
        layout.addWidget(self.speech_bar)
        layout.addWidget(self.stack, 1)

        self.top_bar.home_requested.connect(self.navigator.home)
        self.top_bar.back_requested.connect(self.navigator.back)
        self.top_bar.language_requested.connect(language.set_language)
        self.top_bar.text_step_requested.connect(self.reading_aids.set_text_step)
        self.top_bar.high_contrast_requested.connect(self.reading_aids.set_high_contrast)
        self.reading_aids.changed.connect(self._on_reading_aids_changed)
        self.navigator.current_changed.connect(self._show)
        language.language_changed.connect(self._on_language_changed)

        self._set_up_documents(library)
        self._apply_style()
        if language.current:
            self._on_language_changed(language.current)

    @property
    def library(self) -> ContentLibrary:
        """The content shown (its ``page_ids`` are the presentation order)."""
        return self._library

    # content reload (hot reload in presentation mode) --------------------------------
    def set_library(self, library: ContentLibrary) -> None:
        """Show ``library`` instead of the current content, on the same page if it still
        exists (else on the home screen), in the same language."""
        old = (self.home, self.section)
        self._library = library
        self.home, self.section = self._build_screens(library)
        self._reload_documents(library)
        with QSignalBlocker(self.reading_aids):
            # Restyled below, once the new screens are in.
            self.reading_aids.set_site_palette(self._read_site_theme(library))
        for index, widget in enumerate((self.home, self.section)):
            self.stack.insertWidget(index, widget)
        showing_section = self.stack.currentWidget() is old[1]
        scrolled = old[1].text.verticalScrollBar().value()
        for widget in old:
            self.stack.removeWidget(widget)
            widget.deleteLater()
        self.stack.setCurrentWidget(self.section if showing_section else self.home)
        # New screens need the current sizes and language, whatever they were before.
        self._style_key = None
        self._script_rtl = None
        self._apply_style()
        if self.navigator.current and not library.has_page(self.navigator.current):
            self.navigator.home()
        self._on_language_changed(self.language.current)
        if showing_section and self.navigator.current:
            self.section.text.verticalScrollBar().setValue(scrolled)

    def _build_screens(self, library: ContentLibrary) -> tuple[HomeScreen, SectionPage]:
        """The home screen and the section page of ``library``, wired to the navigator."""
        home = HomeScreen(library, self)
        section = SectionPage(library, self)
        home.section_requested.connect(self.navigator.go)
        home.painted.connect(self._on_home_painted)
        section.section_requested.connect(self.navigator.go)
        section.swipes.moved.connect(self._follow_swipe)
        section.swipes.released.connect(self.transition.release)
        return home, section

    @staticmethod
    def _read_site_theme(library: ContentLibrary) -> Palette:
        """The site's fonts take effect; its palette is returned (contrast logged)."""
        theme = library.site.theme
        configure_families(theme.latin_font, theme.arabic_font)
        palette = palette_with(theme.colours)
        for problem in contrast_problems(palette):
            log.warning("%s: theme colours: %s", library.site.path, problem)
        return palette

    def current_screen(self) -> str:
        """The page id on screen, or HOME."""
        return self.navigator.current

    @Slot()
    def _on_reading_aids_changed(self) -> None:
        aids = self.reading_aids
        self.top_bar.set_text_step(aids.text_step())
        self.top_bar.set_high_contrast(aids.is_high_contrast())
        self._metrics = metrics_for(self.width(), self.height(), aids.text_scale())
        self._apply_style()

    def organisation_text(self, key: str, lang: str) -> str:
        """The site's organisation name, short name or tagline in ``lang``."""
        return self._library.site.organisation_text(key, lang)

    def set_close_allowed(self, allowed: bool) -> None:
        """In kiosk mode the window refuses every close request (Alt+F4, close())."""
        self._close_allowed = allowed

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._close_allowed:
            self.speech.stop()
            super().closeEvent(event)
            return
        log.warning("refused to close the kiosk window")
        event.ignore()

    @Slot(str)
    def reset_for_next_visitor(self, language: str) -> None:
        """Leave no trace of the last visitor: overlays closed, home, default language."""
        for overlay in reversed(open_overlays(self)):
            overlay.close_overlay()
        self.navigator.home()
        if language:
            self.language.set_language(language)
        self.reading_aids.reset()
        self.speech.reset()
        self.section.reset()
        self.home.scroll_to_top()
        self.visitor_reset.emit()

    @Slot()
    def recover_from_error(self) -> None:
        """After an unexpected error: close overlays and take the visitor home."""
        for overlay in reversed(open_overlays(self)):
            overlay.close_overlay()
        self.navigator.home()

    # documents -------------------------------------------------------------------
    def _set_up_documents(self, library: ContentLibrary) -> None:
        """The document store, the Downloads list, the viewer and the QR overlay."""
        self._viewer: DocumentViewer | None = None
        self.qr_overlay = QrOverlay(self)
        self.speech_mode.follow(self.qr_overlay)
        self._connect_documents(library)

    def _connect_documents(self, library: ContentLibrary) -> None:
        """A store and a Downloads list for ``library``, wired to the section page."""
        self.documents = DocumentStore(library, parent=self)
        self.downloads = DownloadsList(self.documents, library.site.url, self.section)
        self.section.set_downloads(self.downloads)
        self.section.document_requested.connect(self.open_document)
        self.section.web_link_requested.connect(self.show_qr)
        self.downloads.document_requested.connect(self.open_document)
        self.downloads.web_link_requested.connect(self.show_qr)

    def _reload_documents(self, library: ContentLibrary) -> None:
        """After a content reload: documents of the new content, the viewer closed."""
        if self._viewer is not None:
            self._viewer.close_overlay()
            self._viewer.deleteLater()
            self._viewer = None
        self.documents.deleteLater()
        self._connect_documents(library)

    @property
    def viewer(self) -> DocumentViewer:
        """The document viewer, built on first use so that QtPdf stays out of start-up."""
        if self._viewer is None:
            from kiosk.ui.documents.pdf_viewer import DocumentViewer

            self._viewer = DocumentViewer(self.documents, self)
            self._viewer.apply_metrics(self._metrics)
            self.speech_mode.follow(self._viewer)
        return self._viewer

    @Slot(str)
    def open_document(self, doc_id: str) -> None:
        """Show a document over the current screen; closing it returns there unchanged."""
        self.viewer.open_document(doc_id)
        self.document_opened.emit(doc_id)

    @Slot(str, str)
    def show_qr(self, url: str, caption: str) -> None:
        """Show ``url`` as a QR code titled ``caption``; no browser is ever opened."""
        self.qr_overlay.show_address(url, caption)
        self.qr_shown.emit(url)

    def _screen_order(self, page_id: str) -> int:
        """Position in reading order (home, then the sections as the home screen lists them)."""
        order = (HOME, *self._library.page_ids)
        return order.index(page_id) if page_id in order else 0

    @Slot(float)
    def _follow_swipe(self, dx: float) -> None:
        forward = (dx < 0) != self.language.is_rtl()
        button = self.section.next_button if forward else self.section.previous_button
        # Nowhere to go that way: the page gives a little, then springs back.
        self.transition.follow(dx if button.isEnabled() else dx / 4)

    @Slot(str)
    def _show(self, page_id: str) -> None:
        lang = self.language.current
        previous, self._shown_page = self._shown_page, page_id
        moving = previous is not None and previous != page_id
        if moving:
            self.transition.capture()
        self._show_page(page_id, lang)
        if moving and previous is not None:
            order = self._screen_order(page_id) - self._screen_order(previous)
            self.transition.play(1 if order > 0 else -1)

    def _show_page(self, page_id: str, lang: str) -> None:
        name = self._library.site.organisation_text("name", lang)
        if page_id == HOME:
            self.home.scroll_to_top()
            self.stack.setCurrentWidget(self.home)
            self.top_bar.set_title(self._library.site.organisation_text("short_name", lang))
            self.setWindowTitle(name)
        else:
            self.section.show_section(page_id, lang)
            self.stack.setCurrentWidget(self.section)
            view = self._library.view(page_id, lang)
            title = view.page.title if view is not None else ""
            # Shown once, in the page's header; the bar keeps it for speech mode.
            self.top_bar.set_title(title)
            # Where the presenter is, for a laptop's task bar (and for tests under X).
            self.setWindowTitle(f"{title} \u2013 {name}" if title else name)
        self.top_bar.set_back_enabled(self.navigator.can_go_back())

    @Slot(str)
    def _on_language_changed(self, code: str) -> None:
        self._apply_style()
        self.top_bar.set_current_language(code)
        self.home.fill(code)
        self._show(self.navigator.current)

    @Slot()
    def _on_home_painted(self) -> None:
        if not self._painted:
            self._painted = True
            self.first_painted.emit()

    def _apply_script_font(self) -> None:
        rtl = self.language.is_rtl()
        if rtl != self._script_rtl:
            self._script_rtl = rtl
            set_script_families(self, rtl)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        size = event.size()
        self._metrics = metrics_for(size.width(), size.height(), self.reading_aids.text_scale())
        self._apply_style()

    def _apply_style(self) -> None:
        """Restyle when the type scale or the theme changes, and only then; change
        the font families (not the sheet) when the script changes."""
        self._apply_script_font()
        key = (self._metrics, self.reading_aids.palette())
        if key == self._style_key:
            return
        self._style_key = key
        self.setStyleSheet(style_sheet(self._metrics))
        # Icons and pictures are drawn in palette colours: they follow a theme change too.
        self.top_bar.apply_metrics(self._metrics)
        self.speech_bar.apply_metrics(self._metrics)
        self.home.apply_metrics(self._metrics)
        self.section.apply_metrics(self._metrics)
        self.downloads.apply_metrics(self._metrics)
        self.qr_overlay.apply_metrics(self._metrics)
        if self._viewer is not None:
            self._viewer.apply_metrics(self._metrics)
