"""Health over MQTT against a real Mosquitto on 127.0.0.1: status, last will, commands,
bad credentials, a broker that disappears or hangs, and ``fleet status`` / ``fleet stats``."""

from __future__ import annotations

import gc
import json
import logging
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import paho.mqtt.client as mqtt
import pytest

from kiosk.fleet.health import (
    BrokerSettings,
    ErrorCounter,
    HealthPublisher,
    KioskFacts,
    new_client,
    topic,
)
from kiosk.stats.records import SessionEnd, SessionStart
from kiosk.stats.store import StatsStore
from tests.conftest import REPO
from tests.fleet.conftest import BROKER_PASSWORD, BROKER_USER, Broker


def settings(broker: Broker | str, password: str = BROKER_PASSWORD) -> BrokerSettings:
    url = broker if isinstance(broker, str) else broker.url
    return BrokerSettings(url, BROKER_USER, password)


class Watcher:
    """A test subscriber: keeps the last payload of every topic under cri-kiosk/."""

    def __init__(self, broker: Broker) -> None:
        self.messages: dict[str, bytes] = {}
        self.count = 0
        self._lock = threading.Lock()
        self.client = new_client(settings(broker), f"watcher-{time.monotonic_ns()}")
        self.client.on_message = self._on_message
        self.client.on_connect = lambda c, *a: c.subscribe("cri-kiosk/#", qos=1)
        self.client.connect("127.0.0.1", broker.port)
        self.client.loop_start()

    def _on_message(self, client: mqtt.Client, userdata: object, message: mqtt.MQTTMessage) -> None:
        with self._lock:
            self.messages[message.topic] = message.payload
            self.count += 1

    def wait_for(self, name: str, expected: bytes | None = None, timeout: float = 10.0) -> bytes:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                payload = self.messages.get(name)
            if payload is not None and (expected is None or payload == expected):
                return payload
            time.sleep(0.05)
        raise AssertionError(f"no {expected!r} on {name}; got {self.messages.get(name)!r}")

    def forget(self, name: str) -> None:
        with self._lock:
            self.messages.pop(name, None)

    def send(self, name: str, payload: bytes, retain: bool = False) -> None:
        self.client.publish(name, payload, qos=1, retain=retain).wait_for_publish(5)

    def close(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()


@pytest.fixture
def watcher(broker: Broker) -> Iterator[Watcher]:
    watching = Watcher(broker)
    yield watching
    watching.close()


def stats_database(tmp_path: Path, visits: dict[str, int]) -> Path:
    """A statistics database with ``visits`` sessions on each day (YYYY-MM-DD)."""
    from datetime import datetime

    path = tmp_path / f"stats-{len(visits)}-{time.monotonic_ns()}.sqlite3"
    store = StatsStore(path)
    assert store.open()
    records = []
    for day, count in visits.items():
        noon = datetime.fromisoformat(f"{day}T12:00:00").timestamp()
        for n in range(count):
            key = f"{day}-{n}"
            records += [SessionStart(key, noon + n), SessionEnd(key, noon + n + 30)]
    assert store.write(records, now=noon)
    store.close()
    return path


def publisher(
    broker: Broker | str,
    name: str = "front-desk",
    password: str = BROKER_PASSWORD,
    stats: Path | None = None,
    on_check: object = None,
) -> HealthPublisher:
    facts = KioskFacts(name, lambda: (3, "release 3 is shown"), stats, ErrorCounter())
    return HealthPublisher(settings(broker, password), facts, on_check, interval_s=60)  # type: ignore[arg-type]


def test_status_is_retained_with_the_kiosk_figures_and_a_last_will(
    broker: Broker, watcher: Watcher, tmp_path: Path
) -> None:
    kiosk = publisher(broker, stats=stats_database(tmp_path, {"2026-12-01": 2}))
    kiosk.start()
    try:
        assert watcher.wait_for(topic("front-desk", "online"), b"online")
        status = json.loads(watcher.wait_for(topic("front-desk", "status")))
        assert status["name"] == "front-desk"
        assert status["release"] == 3
        assert status["event"] == "release 3 is shown"
        assert status["last_visit"].startswith("2026-12-01T12:00")
        assert status["errors_today"] == 0
        assert status["memory_mb"] > 10
        assert set(status) == {
            "name", "release", "event", "uptime_s", "last_visit", "errors_today",
            "memory_mb", "app_version", "broker_note", "sent_at",
        }, "nothing else, and nothing personal"  # fmt: skip
        # On change: a notification publishes at once, not a minute later.
        watcher.forget(topic("front-desk", "status"))
        kiosk.facts.update_event = "update ready: release 4 ready"
        kiosk.notify()
        changed = json.loads(watcher.wait_for(topic("front-desk", "status"), timeout=3))
        assert changed["event"] == "update ready: release 4 ready"
    finally:
        kiosk.stop()
    # A clean stop says offline itself.
    assert watcher.wait_for(topic("front-desk", "online"), b"offline")


KILLED_KIOSK = """
import sys, time
from kiosk.fleet.health import BrokerSettings, ErrorCounter, HealthPublisher, KioskFacts
facts = KioskFacts("totem-1", lambda: (1, ""), None, ErrorCounter())
kiosk = HealthPublisher(BrokerSettings(sys.argv[1], sys.argv[2], sys.argv[3]), facts)
kiosk.start()
while not kiosk.published:
    time.sleep(0.02)
print("published", flush=True)
time.sleep(60)
"""


@pytest.mark.slow
def test_a_kiosk_that_dies_is_shown_offline_by_its_last_will(
    broker: Broker, watcher: Watcher
) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", KILLED_KIOSK, broker.url, BROKER_USER, BROKER_PASSWORD],
        cwd=REPO, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "published"
        assert watcher.wait_for(topic("totem-1", "online"), b"online")
        child.kill()  # no goodbye: the broker publishes the last will
        assert watcher.wait_for(topic("totem-1", "online"), b"offline")
    finally:
        child.kill()
        child.wait(5)
        if child.stdout is not None:
            child.stdout.close()
    status = subprocess.run(
        [sys.executable, "-m", "kiosk", "fleet", "status", "--broker", broker.url, "--json",
         "--config", str(write_config(broker))],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert status.returncode == 0, status.stderr
    (row,) = json.loads(status.stdout)
    assert row["name"] == "totem-1" and row["online"] is False
    assert row["state"].startswith("offline since ")


def write_config(broker: Broker, password: str = BROKER_PASSWORD) -> Path:
    path = broker.folder / "status-config.toml"
    path.write_text(
        f'[health]\nbroker = "{broker.url}"\nusername = "{BROKER_USER}"\npassword = "{password}"\n'
    )
    return path


def test_only_check_updates_is_accepted_from_the_broker(
    broker: Broker, watcher: Watcher, caplog: pytest.LogCaptureFixture
) -> None:
    asked = threading.Event()
    # A retained command would be replayed at every connection: it is refused.
    watcher.send(topic("front-desk", "command"), b"check-updates", retain=True)
    kiosk = publisher(broker, on_check=asked.set)
    with caplog.at_level(logging.WARNING, "kiosk.fleet.health"):
        kiosk.start()
        try:
            watcher.wait_for(topic("front-desk", "status"))
            watcher.send(topic("front-desk", "command"), b"")  # clears the retained one
            watcher.send(topic("front-desk", "command"), b"rollback")
            watcher.send(topic("front-desk", "command"), b"check-updates; rm -rf /")
            time.sleep(0.5)
            assert not asked.is_set()
            ignored = [r for r in caplog.records if "ignored a message" in r.getMessage()]
            assert len(ignored) == 4, "retained, empty, rollback, and the injection"
            watcher.send(topic("all", "command"), b"check-updates")
            assert asked.wait(5), "the fleet-wide command asks for a check"
            asked.clear()
            watcher.send(topic("front-desk", "command"), b"check-updates")
            assert asked.wait(5)
        finally:
            kiosk.stop()


def test_a_broker_that_refuses_the_credentials_is_one_line_and_no_delay(
    broker: Broker, caplog: pytest.LogCaptureFixture
) -> None:
    kiosk = publisher(broker, password="wrong")
    with caplog.at_level(logging.WARNING, "kiosk.fleet.health"):
        kiosk.start()
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not kiosk.problem:
            time.sleep(0.05)
        started = time.monotonic()
        for _ in range(100):
            kiosk.notify()
        assert time.monotonic() - started < 0.1
        time.sleep(2.5)  # paho tries again meanwhile: still one line
        kiosk.stop()
    assert not kiosk.connected
    lines = [r.getMessage() for r in caplog.records if r.name == "kiosk.fleet.health"]
    assert len(lines) == 1, lines
    assert lines[0].startswith("health: the broker refused the credentials")
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "fleet", "status", "--config",
         str(write_config(broker, "wrong"))],
        cwd=REPO, capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 1
    assert result.stderr.startswith("cri-kiosk fleet: the broker refused the connection")


@pytest.mark.slow
def test_status_resumes_when_a_broker_that_disappeared_comes_back(
    broker: Broker, caplog: pytest.LogCaptureFixture
) -> None:
    kiosk = publisher(broker)
    kiosk.start()
    try:
        watcher = Watcher(broker)
        watcher.wait_for(topic("front-desk", "status"))
        watcher.close()
        with caplog.at_level(logging.INFO, "kiosk.fleet.health"):
            broker.stop()  # the broker disappears (killed)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and kiosk.connected:
                time.sleep(0.05)
            assert not kiosk.connected
            started = time.monotonic()
            kiosk.notify()
            assert time.monotonic() - started < 0.05
            broker.start()  # a fresh broker: nothing retained any more
            watcher = Watcher(broker)
            status = json.loads(watcher.wait_for(topic("front-desk", "status"), timeout=15))
            watcher.close()
        assert status["name"] == "front-desk"
        assert status["broker_note"].startswith("health: lost the broker")
        messages = [r.getMessage() for r in caplog.records if r.name == "kiosk.fleet.health"]
        assert any(m.startswith("health: lost the broker") for m in messages)
        assert any("status resumes" in m for m in messages if "again" in m)
    finally:
        kiosk.stop()


def test_a_broker_that_never_answers_never_holds_up_the_caller() -> None:
    # A port that accepts connections and then says nothing (a hung broker).
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen()
    kiosk = publisher(f"mqtt://127.0.0.1:{silent.getsockname()[1]}")
    try:
        started = time.monotonic()
        kiosk.start()
        for _ in range(50):
            kiosk.notify()
        assert time.monotonic() - started < 0.5
        assert not kiosk.connected
    finally:
        stopped = time.monotonic()
        kiosk.stop()
        assert time.monotonic() - stopped < 6
        silent.close()


def test_fleet_status_and_stats_show_every_kiosk(broker: Broker, tmp_path: Path) -> None:
    first = publisher(broker, "front-desk", stats=stats_database(tmp_path, {"2026-12-01": 3}))
    second = publisher(
        broker, "totem-2", stats=stats_database(tmp_path, {"2026-12-01": 1, "2026-11-30": 4})
    )
    for kiosk in (first, second):
        kiosk.start()
    watcher = Watcher(broker)
    for name in ("front-desk", "totem-2"):
        watcher.wait_for(topic(name, "visits"))
    watcher.close()
    config = write_config(broker)
    try:
        table = subprocess.run(
            [sys.executable, "-m", "kiosk", "fleet", "status", "--config", str(config)],
            cwd=REPO, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert table.returncode == 0, table.stderr
        header, *lines = table.stdout.splitlines()
        assert header.split()[:3] == ["kiosk", "state", "release"]
        assert lines[0].split()[:3] == ["front-desk", "online", "3"]
        assert lines[1].split()[:3] == ["totem-2", "online", "3"]
        stats = subprocess.run(
            [sys.executable, "-m", "kiosk", "fleet", "stats", "--json", "--config", str(config)],
            cwd=REPO, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        assert stats.returncode == 0, stats.stderr
        figures = json.loads(stats.stdout)
        assert figures["kiosks"] == 2
        # Only the last seven days are reported; these dates may be older than that.
        days = figures["visits_per_day"]
        assert all(isinstance(v, int) for v in days.values())
    finally:
        first.stop()
        second.stop()


def certificate_authority(folder: Path, name: str) -> tuple[Path, Path, Path]:
    """A CA and a server certificate for 127.0.0.1 signed by it: (ca, cert, key) files."""
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    def certificate(subject: str, key: ec.EllipticCurvePrivateKey, issuer: x509.Name,
                    signer: ec.EllipticCurvePrivateKey, ca: bool) -> x509.Certificate:  # fmt: skip
        now = datetime.datetime.now(datetime.UTC)
        builder = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
            .issuer_name(issuer)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        )
        if not ca:
            builder = builder.add_extension(
                x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                critical=False,
            )
        return builder.sign(signer, hashes.SHA256())

    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    ca = certificate(name, ca_key, ca_name, ca_key, ca=True)
    server_key = ec.generate_private_key(ec.SECP256R1())
    server = certificate("127.0.0.1", server_key, ca_name, ca_key, ca=False)
    files = (folder / f"{name}-ca.pem", folder / f"{name}-server.pem", folder / f"{name}-key.pem")
    files[0].write_bytes(ca.public_bytes(serialization.Encoding.PEM))
    files[1].write_bytes(server.public_bytes(serialization.Encoding.PEM))
    files[2].write_bytes(
        server_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return files


# paho-mqtt 2.2 leaves the socket of a failed TLS handshake to the garbage collector.
@pytest.mark.filterwarnings("ignore::ResourceWarning")
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_tls_to_a_broker_with_a_trusted_certificate_only(
    broker: Broker, caplog: pytest.LogCaptureFixture
) -> None:
    ca, cert, key = certificate_authority(broker.folder, "cri-test-ca")
    broker.stop()
    broker.configure(f"cafile {ca}", f"certfile {cert}", f"keyfile {key}")
    broker.start()
    url = f"mqtts://127.0.0.1:{broker.port}"
    good = HealthPublisher(
        BrokerSettings(url, BROKER_USER, BROKER_PASSWORD, ca),
        KioskFacts("tls-kiosk", lambda: (1, ""), None, ErrorCounter()),
    )
    good.start()
    try:
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not good.published:
            time.sleep(0.05)
        assert good.published, "status sent over TLS"
    finally:
        good.stop()
    # A broker whose certificate this kiosk does not trust (another CA): never connected.
    other_ca, _, _ = certificate_authority(broker.folder, "someone-else")
    with caplog.at_level(logging.WARNING, "kiosk.fleet.health"):
        wary = HealthPublisher(
            BrokerSettings(url, BROKER_USER, BROKER_PASSWORD, other_ca),
            KioskFacts("tls-kiosk", lambda: (1, ""), None, ErrorCounter()),
        )
        wary.start()
        time.sleep(2.5)
        wary.stop()
        gc.collect()  # the leaked socket's warning belongs to this test, not a later one
    assert not wary.published
    lines = [r.getMessage() for r in caplog.records if r.name == "kiosk.fleet.health"]
    assert lines == [
        f"health: cannot connect to {url} (unreachable, down, or its TLS certificate not "
        "trusted); status resumes when it is reachable"
    ]
