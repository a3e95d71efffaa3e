"""Health over MQTT: a retained status every minute and on change, a last will, visits.

Topics, under ``cri-kiosk/<name>/``: ``status`` (retained JSON, below), ``online``
(retained ``online``; the broker sets ``offline``, the last will, when the kiosk goes
away), ``visits`` (retained JSON of the last seven days' visit counts, sent at connection
and once a day) and ``command``, the only topic read: ``check-updates`` (also on
``cri-kiosk/all/command``) asks for an update check; the release must still verify.
Everything runs in the publisher's and paho's threads: a broker that is down or slow
never holds up the kiosk.
"""

from __future__ import annotations

import json
import logging
import os
import ssl
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion

log = logging.getLogger("kiosk.fleet.health")

PREFIX = "cri-kiosk"
ALL = "all"
CHECK_UPDATES = b"check-updates"
VISIT_DAYS = 7


def topic(name: str, leaf: str) -> str:
    return f"{PREFIX}/{name}/{leaf}"


@dataclass(frozen=True)
class BrokerSettings:
    """How to reach the broker: ``mqtt://host[:1883]`` or ``mqtts://host[:8883]`` (TLS)."""

    url: str
    username: str = ""
    password: str = ""
    ca_file: Path | None = None

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or ""

    @property
    def tls(self) -> bool:
        return urlsplit(self.url).scheme == "mqtts"

    @property
    def port(self) -> int:
        return urlsplit(self.url).port or (8883 if self.tls else 1883)


def broker_url_problem(url: str) -> str | None:
    """Why ``url`` is not a broker URL, or None."""
    parts = urlsplit(url)
    if parts.scheme not in ("mqtt", "mqtts") or not parts.hostname:
        return f"{url!r} is not a broker address; write mqtt://host:1883 or mqtts://host:8883"
    try:
        parts.port  # noqa: B018 - raises on a bad port
    except ValueError:
        return f"{url!r} has a bad port number"
    if parts.username or parts.password:
        return "put the credentials in health.username and health.password, not in the URL"
    return None


def new_client(settings: BrokerSettings, client_id: str) -> mqtt.Client:
    """A paho client with the credentials and TLS of ``settings`` (not yet connected)."""
    client = mqtt.Client(
        callback_api_version=CallbackAPIVersion.VERSION2,
        client_id=client_id,
        protocol=mqtt.MQTTv311,
    )
    if settings.username:
        client.username_pw_set(settings.username, settings.password or None)
    if settings.tls:
        client.tls_set(
            ca_certs=str(settings.ca_file) if settings.ca_file else None,
            cert_reqs=ssl.CERT_REQUIRED,
        )
    return client


class ErrorCounter(logging.Handler):
    """Counts ERROR records of the current day (for the status's "errors today")."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self._day = date.today()
        self._count = 0

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.startswith("kiosk.fleet.health"):
            return  # a missing broker is reported in the status itself, not as an error
        self.today()
        self._count += 1

    def today(self) -> int:
        if date.today() != self._day:
            self._day, self._count = date.today(), 0
        return self._count


def resident_memory_mb() -> float:
    """This process's resident memory now (Linux), else its peak."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    try:
        import resource

        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / (2**20 if sys.platform == "darwin" else 2**10)
    except ImportError:  # Windows
        return 0.0


class KioskFacts:
    """What the status says about this kiosk; no personal data, only counts and states."""

    def __init__(
        self,
        name: str,
        release: Callable[[], tuple[int | None, str]],
        stats_path: Path | None,
        errors: ErrorCounter,
    ) -> None:
        self.name = name
        self._release = release
        self._stats_path = stats_path
        self._errors = errors
        self._started = time.monotonic()
        self.update_event = ""
        self.broker_note = ""  # the last broker problem, told once the broker is back

    def status(self) -> dict[str, Any]:
        from kiosk import __version__
        from kiosk.stats.report import last_visit

        release, event = self._release()
        visit = last_visit(self._stats_path) if self._stats_path else None
        return {
            "name": self.name,
            "release": release,
            "event": self.update_event or event,
            "uptime_s": int(time.monotonic() - self._started),
            "last_visit": visit.isoformat(timespec="seconds") if visit else None,
            "errors_today": self._errors.today(),
            "memory_mb": round(resident_memory_mb(), 1),
            "app_version": __version__,
            "broker_note": self.broker_note,
            "sent_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }

    def visits(self) -> dict[str, Any]:
        from kiosk.stats.report import StatsUnavailable, load_summary, recent_days

        today = date.today()
        days: dict[str, int] = {}
        if self._stats_path is not None:
            try:
                summary = load_summary(self._stats_path, today - timedelta(days=VISIT_DAYS - 1))
                days = {f.day.isoformat(): f.sessions for f in recent_days(summary, today)}
            except StatsUnavailable:
                days = {}
        return {"name": self.name, "days": days, "sent_at": datetime.now(UTC).isoformat()}


class HealthPublisher:
    """Publishes a kiosk's status to the broker from its own thread."""

    def __init__(
        self,
        broker: BrokerSettings,
        facts: KioskFacts,
        on_check_updates: Callable[[], None] | None = None,
        interval_s: float = 60.0,
        keepalive_s: int = 30,
    ) -> None:
        self.broker = broker
        self.keepalive_s = keepalive_s
        self.facts = facts
        self.name = facts.name
        self._on_check_updates = on_check_updates
        self.interval_s = interval_s
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._connected = threading.Event()
        self._thread = threading.Thread(target=self._run, name="fleet-health", daemon=True)
        self._last_problem = ""
        self._visits_day: date | None = None
        self.published = 0
        self.client = new_client(broker, f"cri-kiosk-{self.name}")
        self.client.will_set(topic(self.name, "online"), b"offline", qos=1, retain=True)
        self.client.reconnect_delay_set(min_delay=1, max_delay=60)
        # Never queue status while away: a fresh one goes out on reconnection.
        self.client.max_queued_messages_set(10)
        self.client.on_connect = self._on_connect
        self.client.on_disconnect = self._on_disconnect
        self.client.on_connect_fail = self._on_connect_fail
        self.client.on_message = self._on_message

    @property
    def connected(self) -> bool:
        return self._connected.is_set()

    def start(self) -> None:
        self.client.connect_async(self.broker.host, self.broker.port, keepalive=self.keepalive_s)
        self.client.loop_start()
        self._thread.start()

    def notify(self) -> None:
        """Something changed: publish the status soon. Never blocks."""
        self._wake.set()

    def stop(self) -> None:
        """Say "offline" (if connected), then leave; bounded to a few seconds."""
        self._stop.set()
        self._wake.set()
        self._thread.join(3)
        if self.connected:
            info = self.client.publish(topic(self.name, "online"), b"offline", qos=1, retain=True)
            info.wait_for_publish(2)
        self.client.disconnect()
        self.client.loop_stop()

    # ------------------------------------------------------------------ paho's thread

    def _on_connect(
        self, client: mqtt.Client, userdata: Any, flags: Any, reason: Any, properties: Any
    ) -> None:
        if reason.is_failure:
            text = str(reason)
            if "authoriz" in text.lower() or "password" in text.lower():
                self._problem(f"health: the broker refused the credentials ({text})")
            else:
                self._problem(f"health: the broker refused the connection ({text})")
            return
        if self._last_problem:
            log.info("health: connected to %s again; status resumes", self.broker.url)
        self._last_problem = ""
        self._connected.set()
        client.subscribe([(topic(self.name, "command"), 1), (topic(ALL, "command"), 1)])
        client.publish(topic(self.name, "online"), b"online", qos=1, retain=True)
        self._visits_day = None
        self._wake.set()

    def _on_disconnect(
        self, client: mqtt.Client, userdata: Any, flags: Any, reason: Any, properties: Any
    ) -> None:
        was_connected = self._connected.is_set()
        self._connected.clear()
        # After a refused connection paho disconnects too: that line is already written.
        if was_connected and not self._stop.is_set():
            self._problem(f"health: lost the broker ({reason}); status resumes when it is back")

    def _on_connect_fail(self, client: mqtt.Client, userdata: Any) -> None:
        self._problem(
            f"health: cannot connect to {self.broker.url} (unreachable, down, or its TLS "
            "certificate not trusted); status resumes when it is reachable"
        )

    def _on_message(self, client: mqtt.Client, userdata: Any, message: mqtt.MQTTMessage) -> None:
        # Only one thing may come from the broker, and never a retained one (it would be
        # replayed at every connection).
        if message.retain or message.payload.strip() != CHECK_UPDATES:
            log.warning(
                "health: ignored a message on %s (only %r is accepted)",
                message.topic,
                CHECK_UPDATES.decode(),
            )
            return
        log.info("health: the broker asks for an update check")
        if self._on_check_updates is not None:
            self._on_check_updates()

    def _problem(self, text: str) -> None:
        # One line per distinct problem, not one per reconnection attempt.
        if text != self._last_problem:
            log.warning("%s", text)
            self._last_problem = text
            self.facts.broker_note = f"{text} (at {datetime.now(UTC):%Y-%m-%d %H:%M} UTC)"

    @property
    def problem(self) -> str:
        return self._last_problem

    # ------------------------------------------------------------------ own thread

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.wait(self.interval_s)
            self._wake.clear()
            if self._stop.is_set() or not self.connected:
                continue
            try:
                self._publish()
            except Exception:
                log.exception("health: could not publish the status")

    def _publish(self) -> None:
        status = json.dumps(self.facts.status()).encode()
        self.client.publish(topic(self.name, "status"), status, qos=1, retain=True)
        self.published += 1
        if self._visits_day != date.today():
            visits = json.dumps(self.facts.visits()).encode()
            self.client.publish(topic(self.name, "visits"), visits, qos=1, retain=True)
            self._visits_day = date.today()
            self.published += 1
