"""``cri-kiosk stats``: the summary printed and written as CSV."""

from __future__ import annotations

import csv
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.stats import ScreenView, SessionEnd, SessionStart, StatsStore
from kiosk.stats.records import Event, EventKind, Record
from kiosk.stats.report import load_summary, recent_days, week_figures


def at(day: int, hour: int, minute: int = 0) -> float:
    return datetime(2026, 11, day, hour, minute).timestamp()


@pytest.fixture
def database(tmp_path: Path) -> Path:
    path = tmp_path / "stats.sqlite3"
    records: list[Record] = []
    # 18 November: two visits of 2 and 4 minutes; 19 November: one of 10 minutes.
    for key, start, length in (
        ("a", at(18, 9), 120),
        ("b", at(18, 15), 240),
        ("c", at(19, 11), 600),
    ):
        records += [
            SessionStart(key, start),
            ScreenView(key, "pole-medest", "fr", start, length / 2),
            ScreenView(
                key, "chiffres-cles", "ar" if key == "c" else "fr", start + length / 2, length / 2
            ),
            SessionEnd(key, start + length),
        ]
    records += [
        Event("a", EventKind.DOCUMENT, "synthese-medest", at(18, 9, 1)),
        Event("c", EventKind.DOCUMENT, "synthese-medest", at(19, 11, 1)),
        Event("c", EventKind.QR, "https://example.org", at(19, 11, 2)),
        Event("c", EventKind.LANGUAGE, "ar", at(19, 11, 3)),
    ]
    store = StatsStore(path, retention_days=100_000)
    assert store.write(records, now=at(19, 12))
    store.close()
    return path


def test_summary_is_printed(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["stats", "--database", str(database)])
    out = capsys.readouterr().out

    assert code == 0
    assert out.startswith("3 session(s); median length 4 min 00 s\n")
    assert "  2026-11-18      2   median 3 min 00 s\n" in out
    assert "  2026-11-19      1   median 10 min 00 s\n" in out
    assert "  pole-medest" in out and "  chiffres-cles" in out
    languages = out.split("languages (sessions):\n")[1]
    assert [line.split() for line in languages.splitlines()[:2]] == [["fr", "3"], ["ar", "1"]]
    documents = out.split("documents opened:\n")[1]
    assert documents.splitlines()[0].split() == ["synthese-medest", "2"]
    assert "  https://example.org" in out


def test_since_limits_the_days(database: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["stats", "--database", str(database), "--since", "2026-11-19"])
    out = capsys.readouterr().out

    assert code == 0
    assert out.startswith("1 session(s) since 2026-11-19; median length 10 min 00 s\n")
    assert "2026-11-18" not in out


def test_csv(database: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "stats.csv"

    code = main(["stats", "--database", str(database), "--csv", str(target)])

    assert code == 0
    with target.open(encoding="utf-8", newline="") as stream:
        table = list(csv.reader(stream))
    assert table[0] == ["table", "key", "count", "seconds"]
    assert ["total", "sessions", "3", ""] in table
    assert ["day", "2026-11-18", "2", "180.0"] in table
    assert ["section", "pole-medest", "3", "480.0"] in table
    assert ["document", "synthese-medest", "2", ""] in table
    assert ["qr", "https://example.org", "1", ""] in table


def test_bad_date_and_missing_database(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["stats", "--since", "19/11/2026"])
    assert "write it as YYYY-MM-DD" in capsys.readouterr().err

    code = main(["stats", "--database", str(tmp_path / "none.sqlite3")])

    assert code == 1
    assert "no statistics database at" in capsys.readouterr().err


def test_recent_days_fill_the_week(database: Path) -> None:
    days = recent_days(load_summary(database), date(2026, 11, 20))

    assert [d.day for d in days] == [
        date(2026, 11, 20) - timedelta(days=n) for n in range(6, -1, -1)
    ]
    assert [d.sessions for d in days] == [0, 0, 0, 0, 2, 1, 0]


def test_week_figures_for_the_admin_panel(database: Path, tmp_path: Path) -> None:
    week = week_figures(database, date(2026, 11, 19))
    empty = week_figures(tmp_path / "none.sqlite3", date(2026, 11, 19))

    assert [d.sessions for d in week] == [0, 0, 0, 0, 0, 2, 1]
    assert week[-1].median_seconds == 600.0
    assert [d.day for d in empty] == [d.day for d in week]
    assert all(d.sessions == 0 for d in empty)
