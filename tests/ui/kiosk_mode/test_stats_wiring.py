"""Visit statistics recorded from a visitor's taps on the real window."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from pytestqt.qtbot import QtBot

from kiosk.stats.recorder import StatsRecorder
from kiosk.stats.report import load_summary
from kiosk.ui.kiosk_mode.stats_wiring import record_visits
from kiosk.ui.window import MainWindow
from tests.ui.visitor import tap, tap_home_tile, tap_language


class Visits(QObject):
    """Stands in for the kiosk mode's idle watcher: first touch and reset."""

    started = Signal()
    ended = Signal()


def test_a_visit_by_taps_is_recorded(window: MainWindow, qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "stats.sqlite3"
    visits = Visits(window)
    recorder = StatsRecorder(window, path=path, flush_interval_ms=60_000)
    record_visits(recorder, window, visits.started, visits.ended)

    tap_home_tile(qtbot, window, "pole-medest")  # before the visit: not counted
    window.navigator.home()
    visits.started.emit()
    tap_home_tile(qtbot, window, "chiffres-cles")
    tap_language(qtbot, window, "ar")
    tap_home_tile(qtbot, window, "pole-medest")
    visits.ended.emit()
    recorder.shutdown()

    connection = sqlite3.connect(path)
    views = connection.execute("SELECT page_id, lang FROM screen_views ORDER BY at, id").fetchall()
    connection.close()
    assert views == [
        ("home", "fr"),
        ("chiffres-cles", "fr"),
        ("chiffres-cles", "ar"),
        ("home", "ar"),
        ("pole-medest", "ar"),
    ]
    summary = load_summary(path)
    assert summary.sessions == 1
    assert summary.language_choices == [("ar", 1)]


def test_documents_opened_and_qr_codes_shown_are_counted(
    window: MainWindow, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "stats.sqlite3"
    visits = Visits(window)
    recorder = StatsRecorder(window, path=path, flush_interval_ms=60_000)
    record_visits(recorder, window, visits.started, visits.ended)

    visits.started.emit()
    tap_home_tile(qtbot, window, "telechargements")
    tap(qtbot, window.downloads.row("brochure-ar"))
    tap(qtbot, window.viewer.close_button)
    window.show_qr("https://example.org/", "Exemple")
    tap(qtbot, window.qr_overlay.close_button)
    visits.ended.emit()
    recorder.shutdown()

    summary = load_summary(path)
    assert summary.documents == [("brochure-ar", 1)]
    assert summary.qr_codes == [("https://example.org/", 1)]
