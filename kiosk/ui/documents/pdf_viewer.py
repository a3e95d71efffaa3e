"""The document viewer: a full-window overlay around a PDF view, made for fingers."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QLineF, QLocale, QObject, QPointF, QSize, Qt, Signal, Slot
from PySide6.QtGui import QEventPoint, QMouseEvent, QTouchEvent
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScroller,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.content.documents import Document, FileProblem, FileProblemKind
from kiosk.documents.store import DocumentStore, load_problem
from kiosk.i18n import fill, isolate
from kiosk.ui.documents.bounded_pdf_view import BoundedPdfView
from kiosk.ui.documents.qr_overlay import QrCodeWidget
from kiosk.ui.follows_language import FollowsLanguage
from kiosk.ui.input.touch import enable_kinetic_scrolling
from kiosk.ui.overlay import Overlay
from kiosk.ui.style import icons
from kiosk.ui.style.document_style import documents_style
from kiosk.ui.style.fonts import set_label_text
from kiosk.ui.style.theme import Metrics, active_palette

log = logging.getLogger("kiosk.viewer")

# Zoom is relative to "the whole page in view" (1.0), in any orientation: a double tap
# goes to at least DOUBLE_TAP_ZOOM (the page's whole width when that is larger), the
# zoom buttons step by ZOOM_STEP, a pinch may go up to MAX_WIDTH_ZOOM times the whole
# width, and nothing goes below the whole page.
DOUBLE_TAP_ZOOM = 2.0
ZOOM_STEP = 1.5
MAX_WIDTH_ZOOM = 4.0
DOUBLE_TAP_MS = 400
TAP_SLOP = 12.0  # pixels a finger may wander and still tap


class DocumentViewer(FollowsLanguage, Overlay):
    """Shows one document: continuous pages, flick, pinch and double-tap zoom.

    It has no way to save, print, copy or follow a link: a PDF cannot take a visitor
    out of the kiosk. Closing it forgets the document, the page and the zoom.
    """

    page_changed = Signal(int)

    def __init__(self, store: DocumentStore, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("DocumentViewer")
        self._store = store
        self._document_id = ""
        self._problem: FileProblem | None = None
        self._zoom = 1.0  # relative to the whole page in view
        self._metrics = Metrics(1.0)
        self._finger: QPointF | None = None
        self._tap_moved = False
        self._last_tap: tuple[QPointF, int] | None = None
        self._pinch_start: tuple[float, float] | None = None  # finger distance, zoom
        self._shown_page = 0
        self._widest: float | None = None  # widest page in points, once loaded

        self.bar = QFrame(self)
        self.bar.setObjectName("ViewerBar")
        self.title_label = QLabel(self.bar)
        self.title_label.setObjectName("ViewerTitle")
        self.title_label.setWordWrap(True)
        # Which language version is open, named in its own language and script.
        self.language_label = QLabel(self.bar)
        self.language_label.setObjectName("ViewerLanguage")
        self.page_label = QLabel(self.bar)
        self.page_label.setObjectName("PageIndicator")
        self.close_button = QPushButton(self.bar)
        self.close_button.setObjectName("ViewerClose")
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.close_overlay)
        bar_layout = QHBoxLayout(self.bar)
        self._bar_layout = bar_layout
        bar_layout.addWidget(self.title_label, 1)
        bar_layout.addWidget(self.language_label)
        bar_layout.addWidget(self.page_label)
        bar_layout.addWidget(self.close_button)

        self.pdf = QPdfDocument(self)
        # QPdfView, with page images rendered at the size shown and bounded in bytes.
        self.view = BoundedPdfView(self)
        self.view.setObjectName("PdfView")
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Pages are pictures: they never mirror, only the chrome around them does.
        self.view.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.view.setDocument(self.pdf)
        self._set_up_touch()
        self.view.pageNavigator().currentPageChanged.connect(self._on_page_changed)

        self.message = QWidget(self)
        self.message_title = QLabel(self.message)
        self.message_title.setObjectName("ViewerMessageTitle")
        self.message_text = QLabel(self.message)
        self.message_text.setObjectName("ViewerMessage")
        message_layout = QVBoxLayout(self.message)
        message_layout.addStretch(1)
        for label in (self.message_title, self.message_text):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            message_layout.addWidget(label)
        message_layout.addStretch(2)

        self.body = QStackedWidget(self)
        self.body.addWidget(self.view)
        self.body.addWidget(self.message)

        self.previous_button = QPushButton(self)
        self.next_button = QPushButton(self)
        for button in (self.previous_button, self.next_button):
            button.setObjectName("PageButton")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.previous_button.clicked.connect(lambda: self.go_to_page(self.current_page() - 1))
        self.next_button.clicked.connect(lambda: self.go_to_page(self.current_page() + 1))
        # Zoom without knowing the pinch: two large buttons.
        self.zoom_out_button = QPushButton(self)
        self.zoom_in_button = QPushButton(self)
        for button in (self.zoom_out_button, self.zoom_in_button):
            button.setObjectName("ZoomButton")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.zoom_out_button.clicked.connect(lambda: self.set_zoom(self._zoom / ZOOM_STEP))
        self.zoom_in_button.clicked.connect(lambda: self.set_zoom(self._zoom * ZOOM_STEP))
        self.qr_code = QrCodeWidget(self)
        self.qr_caption = QLabel(self)
        self.qr_caption.setObjectName("QrCaption")
        self.qr_caption.setWordWrap(True)
        footer = QHBoxLayout()
        self._footer = footer
        footer.addWidget(self.previous_button)
        footer.addStretch(1)
        footer.addWidget(self.zoom_out_button)
        footer.addWidget(self.zoom_in_button)
        footer.addStretch(1)
        footer.addWidget(self.qr_caption, 2)
        footer.addWidget(self.qr_code)
        footer.addStretch(1)
        footer.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.bar)
        layout.addWidget(self.body, 1)
        layout.addLayout(footer)
        self.apply_metrics(self._metrics)
        self._show_qr("")
        self.retranslate_ui()

    # public ---------------------------------------------------------------------
    @property
    def document_id(self) -> str:
        return self._document_id

    @property
    def problem(self) -> FileProblem | None:
        return self._problem

    def page_count(self) -> int:
        return self.pdf.pageCount() if self._problem is None else 0

    def current_page(self) -> int:
        """0-based page at the top of the view."""
        page = self.view.pageNavigator().currentPage()
        if page == 0 and self._past_first_page():
            # QPdfView reports page 0 while the top of the view is in the gap between
            # two pages: keep the page the visitor was reading.
            return self._shown_page
        self._shown_page = page
        return page

    def _past_first_page(self) -> bool:
        if self.pdf.pageCount() < 2:
            return False
        scale = self._fit_factor() * self._zoom * self.view.logicalDpiY() / 72.0
        bottom = self.view.documentMargins().top() + self.pdf.pagePointSize(0).height() * scale
        return self.view.verticalScrollBar().value() > bottom

    def zoom(self) -> float:
        """The zoom relative to the whole page in view (1.0)."""
        return self._zoom

    def max_zoom(self) -> float:
        """The largest zoom: MAX_WIDTH_ZOOM times the page's whole width."""
        return MAX_WIDTH_ZOOM * self._width_zoom()

    def open_document(self, doc_id: str) -> None:
        """Open over the window at the document's first page, wholly in view."""
        self._reset()
        document = self._store.document(doc_id)
        self._document_id = doc_id
        self.open_overlay()
        if document is None:
            self._fail(FileProblem(FileProblemKind.MISSING, "unknown document id"), doc_id)
            return
        self._fill_title(document)
        info = self._store.info(doc_id)
        if info.problem is not None or info.path is None:
            self._fail(info.problem, doc_id)
            return
        error = self.pdf.load(str(info.path))
        if error != QPdfDocument.Error.None_ or self.pdf.pageCount() < 1:
            problem = load_problem(error)
            log.warning("document %s (%s) cannot be shown: %s", doc_id, info.path, problem.message)
            self._fail(problem, doc_id)
            return
        self.body.setCurrentWidget(self.view)
        self._show_qr(document.url)
        self.set_zoom(1.0)
        self.go_to_page(0)
        self._update_page()

    def go_to_page(self, page: int) -> None:
        """Scroll so that ``page`` (0-based) starts at the top of the view."""
        if self._problem is not None or not 0 <= page < self.pdf.pageCount():
            return
        self.view.pageNavigator().jump(page, QPointF(), 0)
        self._update_page()

    def set_zoom(self, zoom: float, focus: QPointF | None = None) -> None:
        """Zoom relative to the whole page, keeping ``focus`` (viewport point) in place."""
        if self._problem is not None or self.pdf.pageCount() < 1:
            return
        zoom = max(1.0, min(self.max_zoom(), zoom))
        old = self._zoom
        self._zoom = zoom
        bars = (self.view.horizontalScrollBar(), self.view.verticalScrollBar())
        if focus is None:
            focus = QPointF(self.view.viewport().width() / 2, self.view.viewport().height() / 2)
        # The document point under the focus, in old zoom units.
        anchor = QPointF(bars[0].value() + focus.x(), bars[1].value() + focus.y())
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(self._fit_factor() * zoom)
        ratio = zoom / old
        bars[0].setValue(round(anchor.x() * ratio - focus.x()))
        bars[1].setValue(round(anchor.y() * ratio - focus.y()))
        self._update_zoom_buttons()

    def _update_zoom_buttons(self) -> None:
        shown = self._problem is None and self.pdf.pageCount() > 0
        self.zoom_out_button.setEnabled(shown and self._zoom > 1.0)
        self.zoom_in_button.setEnabled(shown and self._zoom < self.max_zoom() - 1e-6)
        self.zoom_out_button.setVisible(self._problem is None)
        self.zoom_in_button.setVisible(self._problem is None)

    def close_overlay(self) -> None:
        super().close_overlay()
        self._reset()

    def apply_metrics(self, metrics: Metrics) -> None:
        self._metrics = metrics
        self.setStyleSheet(documents_style(metrics))
        pad = metrics.margin
        self._bar_layout.setContentsMargins(pad, metrics.px(12), pad, metrics.px(12))
        self._bar_layout.setSpacing(metrics.px(24))
        self._footer.setContentsMargins(pad, metrics.px(12), pad, metrics.px(12))
        self._footer.setSpacing(metrics.px(20))
        side = metrics.px(180)
        self.qr_code.setFixedSize(side, side)
        self.view.setPageSpacing(metrics.px(16))
        self._refresh_icons()

    def retranslate_ui(self) -> None:
        self.close_button.setText(self.tr("Close"))
        self.close_button.setAccessibleName(self.tr("Close the document"))
        self.zoom_in_button.setAccessibleName(self.tr("Zoom in"))
        self.zoom_out_button.setAccessibleName(self.tr("Zoom out"))
        self.previous_button.setText(self.tr("Previous page"))
        self.next_button.setText(self.tr("Next page"))
        self.qr_caption.setText(self.tr("Scan to get this document on your phone"))
        document = self._store.document(self._document_id) if self._document_id else None
        if document is not None:
            self._fill_title(document)
        if self._problem is not None:
            self._fill_message(self._problem)
        self._update_page()

    def direction_changed(self) -> None:
        self._refresh_icons()

    # touch ------------------------------------------------------------------------
    def _set_up_touch(self) -> None:
        enable_kinetic_scrolling(self.view)
        viewport = self.view.viewport()
        # Fingers are handled here (one finger flicks through the scroller, two pinch);
        # the mouse keeps the scroller's own left-button gesture.
        viewport.setAttribute(Qt.WidgetAttribute.WA_AcceptTouchEvents, True)
        viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport():
            kind = event.type()
            if kind == QEvent.Type.Resize and self.pdf.pageCount() > 0 and self._problem is None:
                # The whole page stays the whole page when the window turns or resizes.
                self.view.setZoomFactor(self._fit_factor() * self._zoom)
                return False
            if kind == QEvent.Type.MouseButtonDblClick and isinstance(event, QMouseEvent):
                self._double_tap(event.position())
                return True
            if isinstance(event, QTouchEvent) and kind in (
                QEvent.Type.TouchBegin,
                QEvent.Type.TouchUpdate,
                QEvent.Type.TouchEnd,
                QEvent.Type.TouchCancel,
            ):
                self._touch(event)
                return True
            return False
        return super().eventFilter(watched, event)

    def _double_tap(self, position: QPointF) -> None:
        """Double tap: zoom in on the tapped point (at least to the page's whole width),
        or back to the whole page."""
        zoom_in = max(DOUBLE_TAP_ZOOM, self._width_zoom())
        self.set_zoom(1.0 if self._zoom > 1.0 else zoom_in, position)

    def _touch(self, event: QTouchEvent) -> None:
        """One finger drags and flicks; two fingers pinch; two quick taps zoom."""
        event.accept()
        scroller = QScroller.scroller(self.view.viewport())
        points = [p for p in event.points() if p.state() != QEventPoint.State.Released]
        kind = event.type()
        now = event.timestamp()
        if len(points) >= 2:
            if self._finger is not None:
                scroller.stop()
                self._finger = None
            first, second = points[0].position(), points[1].position()
            distance = max(1.0, QLineF(first, second).length())
            if self._pinch_start is None:
                self._pinch_start = (distance, self._zoom)
            else:
                start_distance, start_zoom = self._pinch_start
                middle = (first + second) / 2
                self.set_zoom(start_zoom * distance / start_distance, middle)
            return
        if self._pinch_start is not None:
            # Lifting one finger of a pinch does not start a drag.
            if kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
                self._pinch_start = None
            return
        position = event.points()[0].position()
        if kind == QEvent.Type.TouchBegin:
            self._finger = position
            self._tap_moved = False
            scroller.handleInput(QScroller.Input.InputPress, position, now)
        elif kind == QEvent.Type.TouchUpdate and self._finger is not None:
            if QLineF(self._finger, position).length() > TAP_SLOP:
                self._tap_moved = True
            scroller.handleInput(QScroller.Input.InputMove, position, now)
        elif kind in (QEvent.Type.TouchEnd, QEvent.Type.TouchCancel):
            if self._finger is not None:
                scroller.handleInput(QScroller.Input.InputRelease, position, now)
            self._finger = None
            if kind == QEvent.Type.TouchEnd and not self._tap_moved:
                self._tap(position, now)

    def _tap(self, position: QPointF, now: int) -> None:
        last = self._last_tap
        if (
            last is not None
            and now - last[1] <= DOUBLE_TAP_MS
            and QLineF(last[0], position).length() <= 3 * TAP_SLOP
        ):
            self._last_tap = None
            self._double_tap(position)
            return
        self._last_tap = (position, now)

    def _width_factor(self) -> float:
        """QPdfView's zoom factor at which the widest page fills the viewport's width."""
        if self._widest is None:
            self._widest = max(
                (self.pdf.pagePointSize(page).width() for page in range(self.pdf.pageCount())),
                default=1.0,
            )
        widest = self._widest
        dpi_scale = self.view.logicalDpiX() / 72.0
        margins = self.view.documentMargins()
        usable = self.view.viewport().width() - margins.left() - margins.right()
        return max(0.05, usable / max(1.0, widest * dpi_scale))

    def _fit_factor(self) -> float:
        """QPdfView's zoom factor at which the first page is wholly in view."""
        dpi_scale = self.view.logicalDpiY() / 72.0
        margins = self.view.documentMargins()
        usable = self.view.viewport().height() - margins.top() - margins.bottom()
        tall = max(1.0, self.pdf.pagePointSize(0).height() * dpi_scale)
        return max(0.05, min(self._width_factor(), usable / tall))

    def _width_zoom(self) -> float:
        """The zoom at which the page fills the width (1.0 when it already does)."""
        if self.pdf.pageCount() < 1:
            return 1.0
        return max(1.0, self._width_factor() / self._fit_factor())

    # state --------------------------------------------------------------------------
    def _reset(self) -> None:
        """Forget the document: the next visitor starts from nothing."""
        QScroller.scroller(self.view.viewport()).stop()
        self._document_id = ""
        self._problem = None
        self._zoom = 1.0
        self._finger = None
        self._last_tap = None
        self._pinch_start = None
        self._shown_page = 0
        self._widest = None
        self.view.setZoomMode(QPdfView.ZoomMode.FitInView)
        self.pdf.close()
        self.view.horizontalScrollBar().setValue(0)
        self.view.verticalScrollBar().setValue(0)
        self.title_label.clear()
        self.language_label.clear()
        self.language_label.hide()
        self.body.setCurrentWidget(self.view)
        self._show_qr("")
        self._update_page()
        self._update_zoom_buttons()

    def _fail(self, problem: FileProblem | None, doc_id: str) -> None:
        self._problem = problem or FileProblem(FileProblemKind.DAMAGED, "cannot be opened")
        self.pdf.close()
        self._fill_message(self._problem)
        self.body.setCurrentWidget(self.message)
        self._update_page()
        self._update_zoom_buttons()

    def _fill_title(self, document: Document) -> None:
        lang = self._language()
        set_label_text(self.title_label, document.title(lang, self._store.default_language))
        # The language's own name and direction, whatever the visitor's language.
        name = self._store.language_name(document.language)
        set_label_text(self.language_label, name)
        self.language_label.setProperty("language", document.language)
        self.language_label.show()

    def _fill_message(self, problem: FileProblem) -> None:
        reasons = {
            FileProblemKind.MISSING: self.tr("The file of this document is missing."),
            FileProblemKind.EMPTY: self.tr("The file of this document is empty."),
            FileProblemKind.TOO_LARGE: self.tr("This document is too large to show here."),
            FileProblemKind.NOT_PDF: self.tr("The file of this document is not a PDF."),
            FileProblemKind.DAMAGED: self.tr("The file of this document is damaged."),
            FileProblemKind.PASSWORD: self.tr("This document is protected by a password."),
        }
        set_label_text(self.message_title, self.tr("This document cannot be shown right now"))
        set_label_text(
            self.message_text,
            reasons[problem.kind] + "\n" + self.tr("You can keep browsing the kiosk."),
        )

    def _show_qr(self, url: str) -> None:
        self.qr_code.set_address(url)
        self.qr_code.setVisible(bool(url))
        self.qr_caption.setVisible(bool(url))

    @Slot(int)
    def _on_page_changed(self, _page: int) -> None:
        self._update_page()

    def _update_page(self) -> None:
        count = self.page_count()
        page = self.current_page() if count else 0
        if count:
            # Isolated as a whole too: "1 / 6" must not read "6 / 1" in an Arabic line.
            self.page_label.setText(isolate(fill(self.tr("%1 / %2"), page + 1, count)))
            self.page_label.setAccessibleName(fill(self.tr("Page %1 of %2"), page + 1, count))
        else:
            self.page_label.clear()
        self.page_label.setVisible(bool(count))
        self.previous_button.setEnabled(count > 0 and page > 0)
        self.next_button.setEnabled(count > 0 and page < count - 1)
        # Nothing to page through behind a message.
        self.previous_button.setVisible(self._problem is None)
        self.next_button.setVisible(self._problem is None)
        self.page_changed.emit(page)

    def _language(self) -> str:
        # The language service sets the default locale to the visitor's language.
        return QLocale().name().split("_")[0]

    def _refresh_icons(self) -> None:
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        side = self._metrics.px(40)
        previous_icon = "mdi6.chevron-up"
        next_icon = "mdi6.chevron-down"
        self.previous_button.setIcon(icons.icon(previous_icon, active_palette().brand))
        self.next_button.setIcon(icons.icon(next_icon, active_palette().brand))
        self.next_button.setLayoutDirection(
            Qt.LayoutDirection.LeftToRight if rtl else Qt.LayoutDirection.RightToLeft
        )
        self.close_button.setIcon(icons.icon("mdi6.close", active_palette().brand))
        self.zoom_out_button.setIcon(
            icons.icon("mdi6.magnify-minus-outline", active_palette().brand)
        )
        self.zoom_in_button.setIcon(icons.icon("mdi6.magnify-plus-outline", active_palette().brand))
        for button in (self.previous_button, self.next_button, self.close_button):
            button.setIconSize(QSize(side, side))
        zoom_side = self._metrics.px(52)
        for button in (self.zoom_out_button, self.zoom_in_button):
            button.setIconSize(QSize(zoom_side, zoom_side))
