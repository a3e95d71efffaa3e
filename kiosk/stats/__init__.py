"""Visit statistics: an SQLite store, a batching recorder for the UI, and reports."""

from kiosk.stats.records import Event, Record, ScreenView, SessionEnd, SessionStart
from kiosk.stats.store import DEFAULT_RETENTION_DAYS, StatsStore, default_database_path

__all__ = [
    "DEFAULT_RETENTION_DAYS",
    "Event",
    "Record",
    "ScreenView",
    "SessionEnd",
    "SessionStart",
    "StatsStore",
    "default_database_path",
]
