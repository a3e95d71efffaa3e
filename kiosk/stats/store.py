"""The statistics database: SQLite in WAL mode, versioned schema, bounded history.

A damaged file must never stop the kiosk: it is set aside and a new one started; when
no database can be opened at all, recording is skipped and the log says why.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from kiosk.stats.records import Event, Record, ScreenView, SessionEnd, SessionStart

log = logging.getLogger("kiosk.stats")

DEFAULT_RETENTION_DAYS = 365
DATABASE_NAME = "statistics.sqlite3"
# A writer waits this long for another one (an admin running `cri-kiosk stats` while
# a batch is written) before the batch is kept for the next attempt.
BUSY_TIMEOUT_S = 2.0
DAY_S = 86_400

# Schema versions, applied in order; PRAGMA user_version is how many have been applied.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE sessions (
        key TEXT PRIMARY KEY,
        started_at REAL NOT NULL,
        ended_at REAL
    );
    CREATE INDEX sessions_started_at ON sessions (started_at);
    CREATE TABLE screen_views (
        id INTEGER PRIMARY KEY,
        session TEXT NOT NULL,
        page_id TEXT NOT NULL,
        lang TEXT NOT NULL,
        at REAL NOT NULL,
        seconds REAL NOT NULL
    );
    CREATE INDEX screen_views_at ON screen_views (at);
    CREATE TABLE events (
        id INTEGER PRIMARY KEY,
        session TEXT NOT NULL,
        kind TEXT NOT NULL,
        subject TEXT NOT NULL,
        at REAL NOT NULL
    );
    CREATE INDEX events_at ON events (at);
    """,
)


def default_database_path() -> Path:
    """``statistics.sqlite3`` in the platform's per-user data folder for cri-kiosk."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share")
    return base / "cri-kiosk" / DATABASE_NAME


class StatsStore:
    """Writes statistics records to one SQLite file. Use from one thread only."""

    def __init__(
        self,
        path: Path | None = None,
        retention_days: int = DEFAULT_RETENTION_DAYS,
        busy_timeout_s: float = BUSY_TIMEOUT_S,
    ) -> None:
        self.path = path if path is not None else default_database_path()
        self.retention_days = max(1, retention_days)
        self.busy_timeout_s = busy_timeout_s
        self._connection: sqlite3.Connection | None = None
        self._failing = False
        self._last_prune = 0.0

    @property
    def is_open(self) -> bool:
        return self._connection is not None

    def open(self) -> bool:
        """Open (creating or upgrading) the database; False, logged, when impossible."""
        if self._connection is not None:
            return True
        try:
            self._connection = self._connect()
        except sqlite3.DatabaseError as error:
            if _is_damaged(error):
                self._connection = self._replace_damaged(error)
            else:
                self._fail(f"cannot open {self.path}: {error}; visits are not recorded")
        except (OSError, ValueError) as error:
            self._fail(f"cannot open {self.path}: {error}; visits are not recorded")
        if self._connection is not None and self._failing:
            self._failing = False
            log.info("statistics database %s is usable again", self.path)
        return self._connection is not None

    def close(self) -> None:
        if self._connection is not None:
            self._connection.close()
            self._connection = None

    def write(self, records: Sequence[Record], now: float | None = None) -> bool:
        """Write ``records`` in one transaction; False (logged) when they could not be."""
        if not records:
            return True
        if not self.open():
            return False
        assert self._connection is not None
        try:
            with self._connection:
                for record in records:
                    _insert(self._connection, record)
        except sqlite3.DatabaseError as error:
            if _is_damaged(error):
                self.close()
                self._connection = self._replace_damaged(error)
                return self._connection is not None and self.write(records, now)
            # Locked by another writer, disk full...: keep the batch for later.
            log.warning("statistics not written to %s yet (%s); will retry", self.path, error)
            return False
        self._prune_daily(time.time() if now is None else now)
        return True

    def prune(self, now: float | None = None) -> int:
        """Delete what is older than the retention period; the number of rows deleted."""
        if not self.open():
            return 0
        assert self._connection is not None
        limit = (time.time() if now is None else now) - self.retention_days * DAY_S
        try:
            with self._connection:
                deleted = self._connection.execute(
                    "DELETE FROM sessions WHERE started_at < ?", (limit,)
                ).rowcount
                deleted += self._connection.execute(
                    "DELETE FROM screen_views WHERE at < ?", (limit,)
                ).rowcount
                deleted += self._connection.execute(
                    "DELETE FROM events WHERE at < ?", (limit,)
                ).rowcount
        except sqlite3.DatabaseError as error:
            log.warning("statistics older than %d days not pruned: %s", self.retention_days, error)
            return 0
        if deleted:
            log.info("pruned %d statistics rows older than %d days", deleted, self.retention_days)
        return deleted

    # internals -----------------------------------------------------------------------
    def _connect(self) -> sqlite3.Connection:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # The store is made on the UI thread and then used by the writer thread only.
        connection = sqlite3.connect(
            self.path, timeout=self.busy_timeout_s, check_same_thread=False
        )
        try:
            check = connection.execute("PRAGMA quick_check").fetchone()
            if check is None or check[0] != "ok":
                raise sqlite3.DatabaseError(f"database disk image is malformed ({check})")
            connection.execute("PRAGMA journal_mode=WAL")
            # With WAL, NORMAL never corrupts the file on a power cut; at most the
            # last batch is lost.
            connection.execute("PRAGMA synchronous=NORMAL")
            _migrate(connection, self.path)
        except BaseException:
            connection.close()
            raise
        return connection

    def _replace_damaged(self, error: sqlite3.DatabaseError) -> sqlite3.Connection | None:
        """Set a damaged file aside (kept for inspection) and start a new database."""
        aside = self.path.with_name(f"{self.path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
        log.error(
            "statistics database %s is damaged (%s): moved to %s, starting a new one",
            self.path,
            error,
            aside.name,
        )
        try:
            self.path.replace(aside)
            for suffix in ("-wal", "-shm"):
                side = self.path.with_name(self.path.name + suffix)
                if side.exists():
                    side.replace(aside.with_name(aside.name + suffix))
            return self._connect()
        except (OSError, sqlite3.DatabaseError) as second:
            self._fail(f"cannot start a new statistics database {self.path}: {second}")
            return None

    def _fail(self, message: str) -> None:
        """Log once per failure period, not on every batch."""
        if not self._failing:
            log.error("%s", message)
        self._failing = True

    def _prune_daily(self, now: float) -> None:
        if now - self._last_prune >= DAY_S:
            self._last_prune = now
            self.prune(now)


def _migrate(connection: sqlite3.Connection, path: Path) -> None:
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if version > len(MIGRATIONS):
        raise sqlite3.OperationalError(
            f"{path.name} was written by a newer cri-kiosk (schema {version}); "
            f"this one knows schema {len(MIGRATIONS)}"
        )
    for number in range(version, len(MIGRATIONS)):
        # executescript commits first; the version is bumped in the same script.
        connection.executescript(
            f"BEGIN;\n{MIGRATIONS[number]}\nPRAGMA user_version = {number + 1};\nCOMMIT;"
        )
        log.info("statistics database %s upgraded to schema %d", path, number + 1)


def _insert(connection: sqlite3.Connection, record: Record) -> None:
    if isinstance(record, SessionStart):
        connection.execute(
            "INSERT OR IGNORE INTO sessions (key, started_at) VALUES (?, ?)",
            (record.session, record.at),
        )
    elif isinstance(record, SessionEnd):
        connection.execute(
            "UPDATE sessions SET ended_at = ? WHERE key = ?", (record.at, record.session)
        )
    elif isinstance(record, ScreenView):
        connection.execute(
            "INSERT INTO screen_views (session, page_id, lang, at, seconds) VALUES (?, ?, ?, ?, ?)",
            (record.session, record.page_id, record.lang, record.at, record.seconds),
        )
    elif isinstance(record, Event):
        connection.execute(
            "INSERT INTO events (session, kind, subject, at) VALUES (?, ?, ?, ?)",
            (record.session, record.kind.value, record.subject, record.at),
        )


def _is_damaged(error: sqlite3.DatabaseError) -> bool:
    """A file that is not (or no longer) a database, as opposed to a busy one."""
    text = str(error).lower()
    return "not a database" in text or "malformed" in text or "corrupt" in text
