"""The UI's side of statistics: what a visitor does, queued and written in batches."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Slot

from kiosk.stats.records import Event, EventKind, Record, ScreenView, SessionEnd, SessionStart
from kiosk.stats.store import DEFAULT_RETENTION_DAYS, StatsStore
from kiosk.stats.writer import StatsWriter

log = logging.getLogger("kiosk.stats")

FLUSH_INTERVAL_MS = 5_000
HOME_PAGE_ID = "home"  # how the home screen (the navigator's "") is recorded


class StatsRecorder(QObject):
    """Records anonymous visits. Every method returns at once; nothing here touches disk.

    A session runs from ``session_started`` (the first touch) to ``session_ended`` (the
    reset). Screens, languages, documents and QR codes count only inside a session;
    the screen on show when a session starts is counted from that moment. Records are
    handed to a writer thread every ``flush_interval_ms`` and at the end of a session.
    """

    def __init__(
        self,
        parent: QObject,
        *,
        enabled: bool = True,
        path: Path | None = None,
        retention_days: int = DEFAULT_RETENTION_DAYS,
        flush_interval_ms: int = FLUSH_INTERVAL_MS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._queue: list[Record] = []
        self._session: str | None = None
        # The screen on show: (page id, language, shown since)
        self._screen: tuple[str, str, float] | None = None
        self.writer: StatsWriter | None = None
        if enabled:
            self.writer = StatsWriter(StatsStore(path, retention_days))
            log.info("recording visit statistics in %s", self.writer.store.path)
        self._timer = QTimer(self)
        self._timer.setInterval(flush_interval_ms)
        self._timer.timeout.connect(self.flush)
        if enabled:
            self._timer.start()
            app = QCoreApplication.instance()
            if app is not None:
                app.aboutToQuit.connect(self.shutdown)

    @property
    def enabled(self) -> bool:
        return self.writer is not None

    # the API the window calls ---------------------------------------------------------
    @Slot()
    def session_started(self) -> None:
        """A visitor touched the kiosk: a new anonymous session begins."""
        if not self.enabled:
            return
        if self._session is not None:
            self.session_ended()
        now = self._clock()
        self._session = uuid.uuid4().hex
        self._queue.append(SessionStart(self._session, now))
        if self._screen is not None:
            page_id, lang, _since = self._screen
            self._screen = (page_id, lang, now)

    @Slot()
    def session_ended(self) -> None:
        """The kiosk reset for the next visitor: close the session and write it."""
        if self._session is None:
            return
        now = self._clock()
        self._close_screen(now)
        self._queue.append(SessionEnd(self._session, now))
        self._session = None
        self.flush()

    @Slot(str, str)
    def screen_shown(self, page_id: str, lang: str) -> None:
        """A screen (a page id, or "" for home) is on show in ``lang``."""
        now = self._clock()
        self._close_screen(now)
        self._screen = (page_id or HOME_PAGE_ID, lang, now)

    @Slot(str)
    def language_chosen(self, lang: str) -> None:
        self._event(EventKind.LANGUAGE, lang)

    @Slot(str)
    def document_opened(self, doc_id: str) -> None:
        self._event(EventKind.DOCUMENT, doc_id)

    @Slot(str)
    def qr_shown(self, url_or_id: str) -> None:
        self._event(EventKind.QR, url_or_id)

    # batching ------------------------------------------------------------------------
    @Slot()
    def flush(self) -> None:
        """Hand what is queued to the writer thread (an empty hand-over retries)."""
        if self.writer is None:
            return
        batch, self._queue = self._queue, []
        self.writer.submit(batch)

    @Slot()
    def shutdown(self) -> None:
        """End the session, write everything and stop the writer thread (on quit)."""
        self._timer.stop()
        self.session_ended()
        self.flush()
        if self.writer is not None:
            self.writer.stop()

    def _event(self, kind: EventKind, subject: str) -> None:
        if self._session is not None and self.enabled:
            self._queue.append(Event(self._session, kind, subject, self._clock()))

    def _close_screen(self, now: float) -> None:
        if self._screen is None:
            return
        page_id, lang, since = self._screen
        self._screen = (page_id, lang, now)
        if self._session is not None and self.enabled:
            self._queue.append(
                ScreenView(self._session, page_id, lang, since, max(0.0, now - since))
            )
