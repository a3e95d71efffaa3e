"""``cri-kiosk fleet status`` and ``fleet stats``: what the kiosks left on the broker."""

from __future__ import annotations

import json
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from kiosk.fleet.health import PREFIX, BrokerSettings, new_client


class BrokerUnavailable(Exception):
    """The broker cannot be reached or refused us; the message says which."""


@dataclass
class KioskReport:
    """The retained messages of one kiosk."""

    name: str
    online: bool | None = None
    status: dict[str, Any] = field(default_factory=dict)
    visits: dict[str, int] = field(default_factory=dict)


def collect(
    broker: BrokerSettings, wait_s: float = 5.0, quiet_s: float = 0.7
) -> dict[str, KioskReport]:
    """Every kiosk's retained messages: read until none arrives for ``quiet_s``."""
    client = new_client(broker, f"cri-kiosk-status-{int(time.time() * 1000) % 10**9}")
    reports: dict[str, KioskReport] = {}
    connected = threading.Event()
    last = [time.monotonic()]
    failure: list[str] = []

    def on_connect(client: Any, userdata: Any, flags: Any, reason: Any, props: Any) -> None:
        if reason.is_failure:
            failure.append(f"the broker refused the connection ({reason})")
        else:
            client.subscribe(f"{PREFIX}/+/+", qos=1)
            last[0] = time.monotonic()
        connected.set()

    def on_message(client: Any, userdata: Any, message: Any) -> None:
        last[0] = time.monotonic()
        parts = message.topic.split("/")
        if len(parts) != 3 or parts[1] == "all":
            return
        report = reports.setdefault(parts[1], KioskReport(parts[1]))
        payload = message.payload.decode("utf-8", "replace")
        if parts[2] == "online":
            report.online = payload == "online"
        elif parts[2] in ("status", "visits"):
            try:
                data = json.loads(payload)
            except ValueError:
                return
            if not isinstance(data, dict):
                return
            if parts[2] == "status":
                report.status = data
            else:
                days = data.get("days", {})
                report.visits = (
                    {str(k): int(v) for k, v in days.items() if type(v) is int}
                    if isinstance(days, dict)
                    else {}
                )

    client.on_connect = on_connect
    client.on_message = on_message
    try:
        client.connect(broker.host, broker.port, keepalive=10)
    except OSError as error:
        raise BrokerUnavailable(f"cannot reach {broker.url}: {error}") from None
    client.loop_start()
    try:
        if not connected.wait(wait_s):
            raise BrokerUnavailable(f"no answer from {broker.url} within {wait_s:g} s")
        if failure:
            raise BrokerUnavailable(failure[0])
        deadline = time.monotonic() + wait_s
        while time.monotonic() < deadline and time.monotonic() - last[0] < quiet_s:
            time.sleep(0.05)
    finally:
        client.disconnect()
        client.loop_stop()
    return reports


def _ago(iso: str | None, now: datetime) -> str:
    if not iso:
        return "-"
    try:
        then = datetime.fromisoformat(iso)
    except ValueError:
        return "-"
    if then.tzinfo is None:
        then = then.astimezone()
    seconds = max(0, int((now - then).total_seconds()))
    return then.astimezone().strftime("%Y-%m-%d %H:%M") + f" ({_duration(seconds)} ago)"


def _duration(seconds: int) -> str:
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 7200:
        return f"{seconds // 60} min"
    if seconds < 172800:
        return f"{seconds // 3600} h"
    return f"{seconds // 86400} d"


def rows(reports: dict[str, KioskReport], now: datetime | None = None) -> list[dict[str, Any]]:
    """One row per kiosk, by name: what the table and ``--json`` show."""
    now = now or datetime.now(UTC)
    result = []
    for name in sorted(reports):
        report = reports[name]
        status = report.status
        if report.online:
            state = "online"
        else:
            state = f"offline since {_ago(status.get('sent_at'), now)}" if status else "offline"
        result.append(
            {
                "name": name,
                "state": state,
                "online": bool(report.online),
                "release": status.get("release"),
                "uptime_s": status.get("uptime_s"),
                "last_visit": status.get("last_visit"),
                "errors_today": status.get("errors_today"),
                "memory_mb": status.get("memory_mb"),
                "event": status.get("event", ""),
                "status_sent_at": status.get("sent_at"),
            }
        )
    return result


def table(rows_: list[dict[str, Any]]) -> str:
    headers = ("kiosk", "state", "release", "uptime", "last visit", "errors today", "memory")
    lines = []
    for row in rows_:
        uptime = row["uptime_s"]
        lines.append(
            (
                row["name"],
                row["state"],
                "-" if row["release"] is None else str(row["release"]),
                "-" if uptime is None else _duration(int(uptime)),
                row["last_visit"] or "-",
                "-" if row["errors_today"] is None else str(row["errors_today"]),
                "-" if row["memory_mb"] is None else f"{row['memory_mb']:.0f} MB",
            )
        )
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(headers)]
    out = ["  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip()]
    for line in lines:
        out.append("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
    events = [f"{row['name']}: {row['event']}" for row in rows_ if row["event"]]
    if events:
        out += ["", "last events:", *events]
    return "\n".join(out) + "\n"


def visit_totals(reports: dict[str, KioskReport]) -> dict[str, int]:
    """Visits per day added up over every kiosk (the last seven days each reported)."""
    totals: Counter[str] = Counter()
    for report in reports.values():
        totals.update(report.visits)
    return dict(sorted(totals.items()))
