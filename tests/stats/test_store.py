"""The statistics database: schema, retention, and files that are damaged or locked."""

from __future__ import annotations

import logging
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from kiosk.stats import ScreenView, SessionEnd, SessionStart, StatsStore
from kiosk.stats.records import Event, EventKind, Record
from kiosk.stats.store import DAY_S, MIGRATIONS
from kiosk.stats.writer import StatsWriter

NOW = datetime(2026, 11, 20, 12, 0).timestamp()


def visit(key: str, at: float, seconds: float = 60.0) -> list[Record]:
    return [
        SessionStart(key, at),
        ScreenView(key, "pole-medest", "fr", at, seconds),
        Event(key, EventKind.DOCUMENT, "synthese-medest", at + 1),
        SessionEnd(key, at + seconds),
    ]


def count(path: Path, table: str) -> int:
    connection = sqlite3.connect(path)
    try:
        return int(connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])
    finally:
        connection.close()


def test_new_database_uses_wal_and_the_latest_schema(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "stats.sqlite3"
    store = StatsStore(path)

    assert store.write(visit("a", NOW))
    store.close()

    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    assert connection.execute("PRAGMA user_version").fetchone() == (len(MIGRATIONS),)
    connection.close()
    assert count(path, "sessions") == 1
    assert count(path, "screen_views") == 1
    assert count(path, "events") == 1


def test_retention_prunes_old_rows(tmp_path: Path) -> None:
    path = tmp_path / "stats.sqlite3"
    store = StatsStore(path, retention_days=30)
    store.write(visit("old", NOW - 31 * DAY_S), now=NOW - 31 * DAY_S)
    store.write(visit("recent", NOW - 29 * DAY_S), now=NOW - 29 * DAY_S)

    deleted = store.prune(now=NOW)
    store.close()

    assert deleted == 3
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT key FROM sessions").fetchall() == [("recent",)]
    connection.close()
    assert count(path, "screen_views") == 1
    assert count(path, "events") == 1


def test_writing_prunes_once_a_day(tmp_path: Path) -> None:
    path = tmp_path / "stats.sqlite3"
    store = StatsStore(path, retention_days=1)
    store.write(visit("old", NOW - 3 * DAY_S), now=NOW - 3 * DAY_S)

    store.write(visit("new", NOW), now=NOW)
    store.close()

    assert count(path, "sessions") == 1


@pytest.mark.parametrize("damage", ["truncated", "garbage"])
def test_damaged_file_is_set_aside_and_recording_goes_on(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, damage: str
) -> None:
    path = tmp_path / "stats.sqlite3"
    store = StatsStore(path)
    for n in range(200):
        store.write(visit(f"t{n}", NOW + n))
    store.close()
    # Fold the WAL into the main file, as a clean shutdown does, then damage it.
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    data = path.read_bytes()
    if damage == "truncated":
        path.write_bytes(data[: len(data) // 3])
    else:
        path.write_bytes(b"this is not a database" * 100)

    caplog.set_level(logging.INFO, logger="kiosk.stats")
    store = StatsStore(path)
    assert store.write(visit("after", NOW + 500))
    store.close()

    assert count(path, "sessions") == 1
    assert any(
        record.levelno == logging.ERROR and "is damaged" in record.getMessage()
        for record in caplog.records
    ), caplog.text
    kept = list(tmp_path.glob("stats.sqlite3.damaged-*"))
    assert len([p for p in kept if not p.name.endswith(("-wal", "-shm"))]) == 1


def test_locked_database_keeps_the_batch_for_later(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "stats.sqlite3"
    StatsStore(path).open()
    writer = StatsWriter(StatsStore(path, busy_timeout_s=0.1))
    writer.wait()
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    caplog.set_level(logging.INFO, logger="kiosk.stats")

    writer.submit(visit("a", NOW))
    writer.wait()

    assert writer.pending == 4
    assert "will retry" in caplog.text
    other.execute("ROLLBACK")
    other.close()

    writer.submit([])
    writer.wait()
    writer.stop()

    assert writer.pending == 0
    assert count(path, "sessions") == 1


def test_unusable_location_disables_recording(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    caplog.set_level(logging.INFO, logger="kiosk.stats")
    writer = StatsWriter(StatsStore(blocker / "stats.sqlite3"))

    for n in range(3):
        writer.submit(visit(f"s{n}", NOW))
    writer.wait()
    writer.stop()

    errors = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert len(errors) == 1, caplog.text
    assert "visits are not recorded" in errors[0].getMessage()
    assert writer.pending == 12


def test_database_from_a_newer_version_is_left_alone(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "stats.sqlite3"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    connection.close()
    caplog.set_level(logging.INFO, logger="kiosk.stats")

    store = StatsStore(path)

    assert not store.write(visit("a", NOW))
    assert "written by a newer cri-kiosk" in caplog.text
    assert path.is_file()
    assert not list(tmp_path.glob("*.damaged-*"))
