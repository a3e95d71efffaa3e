"""A thread that writes statistics batches, so the visitor's screen never waits for disk."""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Sequence

from kiosk.stats.records import Record
from kiosk.stats.store import StatsStore

log = logging.getLogger("kiosk.stats")

# Records kept while the database cannot be written (locked, disk full): about a day
# of a busy kiosk. Past that the oldest are dropped, with a log line.
MAX_PENDING = 20_000


class StatsWriter:
    """Owns a StatsStore on a background thread; batches are queued, never waited for."""

    def __init__(self, store: StatsStore) -> None:
        self.store = store
        self._queue: queue.Queue[list[Record] | None] = queue.Queue()
        self._pending: list[Record] = []
        self._dropped = 0
        self._thread = threading.Thread(target=self._run, name="kiosk-stats", daemon=True)
        self._thread.start()

    def submit(self, records: Sequence[Record]) -> None:
        """Queue ``records`` for writing; returns at once.

        An empty batch is a retry of what could not be written before.
        """
        if self._thread.is_alive():
            self._queue.put(list(records))

    def wait(self) -> None:
        """Block until every queued batch has been handled (tests, shutdown)."""
        self._queue.join()

    def stop(self, timeout: float = 5.0) -> None:
        """Write what is queued, close the database and end the thread."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join(timeout)

    @property
    def pending(self) -> int:
        """Records written to no database yet (kept for the next attempt)."""
        return len(self._pending)

    def _run(self) -> None:
        try:
            # Open at once, so a damaged or locked file is reported at start-up.
            self.store.open()
            while True:
                batch = self._queue.get()
                try:
                    if batch is None:
                        self._write([])
                        return
                    self._write(batch)
                finally:
                    self._queue.task_done()
        finally:
            self.store.close()

    def _write(self, batch: list[Record]) -> None:
        records = self._pending + batch
        if not records:
            return
        try:
            written = self.store.write(records)
        except Exception:
            # A statistics bug must not end the thread and leave batches queued forever.
            log.exception("statistics batch of %d records could not be written", len(records))
            written = False
        if written:
            self._pending = []
            return
        overflow = len(records) - MAX_PENDING
        if overflow > 0:
            self._dropped += overflow
            log.warning("statistics: %d records dropped, the database is unusable", overflow)
            records = records[overflow:]
        self._pending = records
