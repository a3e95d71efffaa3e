"""The statistics recorder: sessions split by reset, dwell times, events, batching."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.stats.recorder import StatsRecorder
from kiosk.stats.report import load_summary

START = datetime(2026, 11, 20, 10, 0).timestamp()


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def owner(qapp: QApplication) -> Iterator[QObject]:
    parent = QObject()
    yield parent
    parent.deleteLater()


@pytest.fixture
def clock() -> Clock:
    return Clock()


def make_recorder(owner: QObject, path: Path, clock: Clock, enabled: bool = True) -> StatsRecorder:
    return StatsRecorder(owner, enabled=enabled, path=path, clock=clock, flush_interval_ms=60_000)


def rows(path: Path, query: str) -> list[tuple[object, ...]]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(query).fetchall()
    finally:
        connection.close()


def test_sessions_are_split_by_the_reset(owner: QObject, tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "stats.sqlite3"
    recorder = make_recorder(owner, path, clock)

    recorder.screen_shown("", "fr")
    clock.advance(300)  # nobody there: not counted
    recorder.session_started()
    clock.advance(10)
    recorder.screen_shown("pole-medest", "fr")
    clock.advance(40)
    recorder.language_chosen("ar")
    recorder.screen_shown("pole-medest", "ar")
    clock.advance(20)
    recorder.document_opened("synthese-medest")
    recorder.qr_shown("https://example.org/medest")
    recorder.session_ended()
    recorder.screen_shown("", "fr")
    clock.advance(600)
    recorder.session_started()
    clock.advance(30)
    recorder.screen_shown("chiffres-cles", "en")
    clock.advance(60)
    recorder.session_ended()
    recorder.shutdown()

    sessions = rows(path, "SELECT started_at, ended_at FROM sessions ORDER BY started_at")
    assert sessions == [(START + 300, START + 370), (START + 970, START + 1060)]
    views = rows(path, "SELECT page_id, lang, seconds FROM screen_views ORDER BY at")
    assert views == [
        ("home", "fr", 10.0),
        ("pole-medest", "fr", 40.0),
        ("pole-medest", "ar", 20.0),
        ("home", "fr", 30.0),
        ("chiffres-cles", "en", 60.0),
    ]
    keys = rows(path, "SELECT COUNT(DISTINCT session) FROM screen_views")
    assert keys == [(2,)]
    events = rows(path, "SELECT kind, subject FROM events ORDER BY at, id")
    assert events == [
        ("language", "ar"),
        ("document", "synthese-medest"),
        ("qr", "https://example.org/medest"),
    ]

    summary = load_summary(path)
    assert summary.sessions == 2
    assert summary.median_session_seconds == 80.0
    assert [(s.page_id, s.views, s.seconds) for s in summary.sections] == [
        ("pole-medest", 2, 60.0),
        ("home", 2, 40.0),
        ("chiffres-cles", 1, 60.0),
    ]
    assert summary.languages == [("fr", 2), ("ar", 1), ("en", 1)]
    assert summary.documents == [("synthese-medest", 1)]


def test_events_outside_a_session_are_not_recorded(
    owner: QObject, tmp_path: Path, clock: Clock
) -> None:
    path = tmp_path / "stats.sqlite3"
    recorder = make_recorder(owner, path, clock)

    recorder.screen_shown("pole-medest", "fr")
    recorder.language_chosen("ar")
    recorder.document_opened("synthese-medest")
    clock.advance(30)
    recorder.screen_shown("", "fr")
    recorder.shutdown()

    assert rows(path, "SELECT COUNT(*) FROM sessions") == [(0,)]
    assert rows(path, "SELECT COUNT(*) FROM screen_views") == [(0,)]
    assert rows(path, "SELECT COUNT(*) FROM events") == [(0,)]


def test_batches_are_written_by_the_timer(qtbot: QtBot, owner: QObject, tmp_path: Path) -> None:
    path = tmp_path / "stats.sqlite3"
    recorder = StatsRecorder(owner, path=path, flush_interval_ms=50)

    recorder.session_started()

    def written() -> None:
        try:
            count = rows(path, "SELECT COUNT(*) FROM sessions")
        except sqlite3.Error as error:  # the writer thread may still be creating it
            raise AssertionError(str(error)) from None
        assert count == [(1,)]

    qtbot.waitUntil(written, timeout=3000)
    recorder.shutdown()


def test_switched_off_records_nothing(owner: QObject, tmp_path: Path, clock: Clock) -> None:
    path = tmp_path / "stats.sqlite3"
    recorder = make_recorder(owner, path, clock, enabled=False)

    recorder.session_started()
    recorder.screen_shown("pole-medest", "fr")
    recorder.session_ended()
    recorder.shutdown()

    assert not recorder.enabled
    assert not path.exists()
