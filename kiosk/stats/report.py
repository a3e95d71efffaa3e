"""Summaries of the statistics database: per day, sections, languages, documents, CSV."""

from __future__ import annotations

import csv
import sqlite3
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path

from kiosk.stats.records import EventKind


@dataclass(frozen=True)
class DayFigure:
    """One day's sessions and their median length in seconds (0 without ended sessions)."""

    day: date
    sessions: int
    median_seconds: float


@dataclass(frozen=True)
class SectionFigure:
    """How often a screen was viewed and for how long in total."""

    page_id: str
    views: int
    seconds: float


@dataclass(frozen=True)
class Summary:
    """Everything ``cri-kiosk stats`` prints."""

    since: date | None
    days: list[DayFigure]
    sessions: int
    median_session_seconds: float
    sections: list[SectionFigure]
    # language -> sessions that used it
    languages: list[tuple[str, int]]
    documents: list[tuple[str, int]]
    qr_codes: list[tuple[str, int]]
    language_choices: list[tuple[str, int]] = field(default_factory=list)


class StatsUnavailable(Exception):
    """The database cannot be read (missing, damaged, locked); the message says which."""


def load_summary(path: Path, since: date | None = None) -> Summary:
    """Read the statistics at ``path`` (read-only) from ``since`` on (local dates)."""
    if not path.is_file():
        raise StatsUnavailable(f"no statistics database at {path} (nothing recorded yet?)")
    start = datetime.combine(since, time()).timestamp() if since is not None else 0.0
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=2.0)
        try:
            sessions = connection.execute(
                "SELECT key, started_at, ended_at FROM sessions WHERE started_at >= ? "
                "ORDER BY started_at",
                (start,),
            ).fetchall()
            views = connection.execute(
                "SELECT session, page_id, lang, seconds FROM screen_views WHERE at >= ?",
                (start,),
            ).fetchall()
            events = connection.execute(
                "SELECT kind, subject FROM events WHERE at >= ?", (start,)
            ).fetchall()
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise StatsUnavailable(f"cannot read {path}: {error}") from None
    return _summarise(since, sessions, views, events)


def _summarise(
    since: date | None,
    sessions: list[tuple[str, float, float | None]],
    views: list[tuple[str, str, str, float]],
    events: list[tuple[str, str]],
) -> Summary:
    lengths_by_day: dict[date, list[float]] = defaultdict(list)
    count_by_day: Counter[date] = Counter()
    lengths = []
    for _key, started, ended in sessions:
        day = datetime.fromtimestamp(started).date()
        count_by_day[day] += 1
        if ended is not None and ended >= started:
            lengths_by_day[day].append(ended - started)
            lengths.append(ended - started)
    days = [
        DayFigure(day, count_by_day[day], _median(lengths_by_day[day]))
        for day in sorted(count_by_day)
    ]
    view_count: Counter[str] = Counter()
    view_seconds: dict[str, float] = defaultdict(float)
    sessions_by_lang: dict[str, set[str]] = defaultdict(set)
    for session, page_id, lang, seconds in views:
        view_count[page_id] += 1
        view_seconds[page_id] += seconds
        sessions_by_lang[lang].add(session)
    sections = sorted(
        (
            SectionFigure(page_id, count, view_seconds[page_id])
            for page_id, count in view_count.items()
        ),
        key=lambda figure: (-figure.views, -figure.seconds, figure.page_id),
    )
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    for kind, subject in events:
        by_kind[kind][subject] += 1
    return Summary(
        since=since,
        days=days,
        sessions=len(sessions),
        median_session_seconds=_median(lengths),
        sections=sections,
        languages=_ranked({lang: len(keys) for lang, keys in sessions_by_lang.items()}.items()),
        documents=_ranked(by_kind[EventKind.DOCUMENT.value].items()),
        qr_codes=_ranked(by_kind[EventKind.QR.value].items()),
        language_choices=_ranked(by_kind[EventKind.LANGUAGE.value].items()),
    )


def _median(values: list[float]) -> float:
    return float(statistics.median(values)) if values else 0.0


def _ranked(items: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    return sorted(items, key=lambda item: (-item[1], item[0]))


def recent_days(summary: Summary, today: date, count: int = 7) -> list[DayFigure]:
    """The last ``count`` days up to ``today``, days without sessions included."""
    known = {figure.day: figure for figure in summary.days}
    days = [today - timedelta(days=offset) for offset in range(count - 1, -1, -1)]
    return [known.get(day, DayFigure(day, 0, 0.0)) for day in days]


def duration_text(seconds: float) -> str:
    """``4 min 05 s``: session lengths as the CRI staff read them."""
    whole = round(seconds)
    minutes, rest = divmod(whole, 60)
    return f"{minutes} min {rest:02d} s" if minutes else f"{rest} s"


def format_summary(summary: Summary, top: int = 10) -> str:
    """The plain-text report ``cri-kiosk stats`` prints."""
    since = f" since {summary.since.isoformat()}" if summary.since else ""
    lines = [
        f"{summary.sessions} session(s){since}; median length "
        f"{duration_text(summary.median_session_seconds)}",
        "",
        "sessions per day:",
    ]
    lines += [
        f"  {figure.day.isoformat()}  {figure.sessions:>5}   median "
        f"{duration_text(figure.median_seconds)}"
        for figure in summary.days
    ] or ["  (none)"]
    lines += ["", "top sections (views, total time):"]
    lines += [
        f"  {figure.page_id:<40} {figure.views:>5}   {duration_text(figure.seconds)}"
        for figure in summary.sections[:top]
    ] or ["  (none)"]
    for title, rows in (
        ("languages (sessions):", summary.languages),
        ("documents opened:", summary.documents),
        ("QR codes shown:", summary.qr_codes),
    ):
        lines += ["", title]
        lines += [f"  {name:<40} {count:>5}" for name, count in rows[:top]] or ["  (none)"]
    return "\n".join(lines) + "\n"


CSV_HEADER = ("table", "key", "count", "seconds")


def write_csv(summary: Summary, path: Path) -> None:
    """Every figure as one CSV row: table (what), key (day, page...), count, seconds."""
    with path.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(CSV_HEADER)
        writer.writerow(("total", "sessions", summary.sessions, ""))
        writer.writerow(("total", "median_session", "", f"{summary.median_session_seconds:.1f}"))
        for figure in summary.days:
            writer.writerow(
                ("day", figure.day.isoformat(), figure.sessions, f"{figure.median_seconds:.1f}")
            )
        for section in summary.sections:
            writer.writerow(("section", section.page_id, section.views, f"{section.seconds:.1f}"))
        for table, rows in (
            ("language", summary.languages),
            ("document", summary.documents),
            ("qr", summary.qr_codes),
        ):
            for name, count in rows:
                writer.writerow((table, name, count, ""))


def week_figures(path: Path, today: date) -> list[DayFigure]:
    """The last seven days up to ``today`` for the admin panel; zeros when unreadable."""
    since = today - timedelta(days=6)
    try:
        summary = load_summary(path, since)
    except StatsUnavailable:
        return [DayFigure(since + timedelta(days=n), 0, 0.0) for n in range(7)]
    return recent_days(summary, today)


def last_visit(path: Path) -> datetime | None:
    """When the most recent visit started (local time); None without any or when unreadable."""
    if not path.is_file():
        return None
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=2.0)
        try:
            (latest,) = connection.execute("SELECT MAX(started_at) FROM sessions").fetchone()
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return None
    return None if latest is None else datetime.fromtimestamp(latest)
