"""What the statistics record: anonymous sessions, screen views and events. Plain data."""

from __future__ import annotations

import enum
from dataclasses import dataclass


class EventKind(enum.Enum):
    """Things a visitor does that are counted (never who they are)."""

    LANGUAGE = "language"
    DOCUMENT = "document"
    QR = "qr"


@dataclass(frozen=True)
class SessionStart:
    """A visitor's first touch. ``session`` is a random key, not linked to any person."""

    session: str
    at: float


@dataclass(frozen=True)
class SessionEnd:
    """The reset that ends a visitor's session."""

    session: str
    at: float


@dataclass(frozen=True)
class ScreenView:
    """One screen seen in one language, from ``at`` for ``seconds``."""

    session: str
    page_id: str
    lang: str
    at: float
    seconds: float


@dataclass(frozen=True)
class Event:
    """A language chosen, a document opened or a QR code shown."""

    session: str
    kind: EventKind
    subject: str
    at: float


Record = SessionStart | SessionEnd | ScreenView | Event
