"""fleet: simulated kiosks (the real update and health code, in processes) against one
repository (``fleet serve``'s server) and one Mosquitto broker on this machine.

For each fleet size: every kiosk first takes release 1 (the shipped content); then a
release with a 20 MB document is published and the broker tells every kiosk to check
at once (``cri-kiosk/all/command``, the worst case: all download together). Figures:
time until every kiosk reports the new release through the broker (and the median and
95th percentile kiosk), bytes the repository served for it, broker messages per minute
once the fleet is steady (status every minute), and memory per simulated kiosk.

50 kiosks run as 50 processes; 500 as 50 processes of 10 kiosks (threads) each, as 500
Python processes would not fit a small machine. ``python -m benchmarks.fleet --kiosks N``
runs one size alone.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.measure import ROOT, Figure, percentile

GROUP = "fleet"
RELEASE_MB = 20
# Sizes measured by `make bench`; 500 only when the machine has room for it.
SIZES = (50, 500)
PROCESSES = 50
STEADY_S = 60.0
PASSPHRASE = "benchmark passphrase"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _big_content(folder: Path) -> Path:
    """The shipped content plus a 20 MB PDF document (incompressible, like scans)."""
    shutil.copytree(ROOT / "content", folder)
    documents = folder / "documents"
    documents.mkdir(exist_ok=True)
    with (documents / "bench-20mb.pdf").open("wb") as pdf:
        pdf.write(b"%PDF-1.4\n% benchmark payload\n")
        pdf.write(os.urandom(RELEASE_MB * 2**20))
        pdf.write(b"\n%%EOF\n")
    with (folder / "documents.toml").open("a", encoding="utf-8") as manifest:
        manifest.write(
            '\n[[documents]]\nid = "bench-20mb"\nlanguage = "fr"\n'
            'file = "documents/bench-20mb.pdf"\n[documents.title]\n'
            'fr = "Document de mesure"\nar = "وثيقة القياس"\nen = "Benchmark document"\n'
        )
    return folder


class Broker:
    """Mosquitto on 127.0.0.1 for the benchmark (anonymous, no persistence)."""

    def __init__(self, folder: Path) -> None:
        program = shutil.which("mosquitto") or "/usr/sbin/mosquitto"
        if not Path(program).exists():
            raise RuntimeError("mosquitto is missing: packaging/linux/debian-deps.sh bench")
        self.port = _free_port()
        config = folder / "mosquitto.conf"
        lines = [f"listener {self.port} 127.0.0.1", "allow_anonymous true",
                 "persistence false", "log_dest none", "max_queued_messages 10000"]  # fmt: skip
        if os.getuid() == 0:
            lines.append("user root")
        config.write_text("\n".join(lines) + "\n")
        self.process = subprocess.Popen(
            [program, "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("mosquitto did not start")

    @property
    def url(self) -> str:
        return f"mqtt://127.0.0.1:{self.port}"

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


class Watcher:
    """Reads every kiosk's status from the broker, as `fleet status` does, and counts."""

    def __init__(self, broker: Broker) -> None:
        from kiosk.fleet.health import BrokerSettings, new_client

        self.releases: dict[str, int | None] = {}
        self.reached: dict[str, float] = {}
        self.target: int | None = None
        self.messages = 0
        self._lock = threading.Lock()
        self.client = new_client(BrokerSettings(broker.url), "bench-watcher")
        self.client.on_connect = lambda c, *a: c.subscribe("cri-kiosk/+/+", qos=0)
        self.client.on_message = self._on_message
        self.client.connect("127.0.0.1", broker.port)
        self.client.loop_start()

    def _on_message(self, client: object, userdata: object, message: object) -> None:
        topic = message.topic  # type: ignore[attr-defined]
        with self._lock:
            self.messages += 1
            name, leaf = topic.split("/")[1:3]
            if leaf != "status":
                return
            try:
                release = json.loads(message.payload).get("release")  # type: ignore[attr-defined]
            except ValueError:
                return
            self.releases[name] = release
            if self.target is not None and release == self.target and name not in self.reached:
                self.reached[name] = time.monotonic()

    def count_at(self, release: int) -> int:
        with self._lock:
            return sum(1 for value in self.releases.values() if value == release)

    def command_all(self) -> None:
        self.client.publish("cri-kiosk/all/command", b"check-updates", qos=1).wait_for_publish(5)

    def stop(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()


def _wait(condition: object, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():  # type: ignore[operator]
            return
        time.sleep(0.1)
    raise RuntimeError(f"fleet benchmark: {what} did not happen within {timeout:.0f} s")


def measure(kiosks: int, steady_s: float = STEADY_S) -> list[Figure]:
    """One fleet size: returns its figures."""
    import psutil

    from kiosk.fleet.repository import FleetRepository
    from kiosk.fleet.serve import RepositoryServer

    label = f"{kiosks} kiosks"
    processes = min(kiosks, PROCESSES)
    per_process = math.ceil(kiosks / processes)
    with tempfile.TemporaryDirectory(prefix="kiosk-fleet-bench-") as temp:
        base = Path(temp)
        repo = FleetRepository.create(base / "repo", base / "root-key.pem", PASSPHRASE)
        repo.publish(ROOT / "content")
        server = RepositoryServer(repo.public)
        server.start_in_thread()
        broker = Broker(base)
        watcher = Watcher(broker)
        children: list[subprocess.Popen[str]] = []
        try:
            names = [f"kiosk-{n:04d}" for n in range(kiosks)]
            for start in range(0, kiosks, per_process):
                group = names[start : start + per_process]
                command = [
                    sys.executable, "-m", "benchmarks.fleet_kiosk", "--repository", server.url,
                    "--root", str(repo.trusted_root), "--broker", broker.url,
                    "--base", str(base / "kiosks"), "--names", ",".join(group),
                ]  # fmt: skip
                children.append(
                    subprocess.Popen(
                        command,
                        cwd=ROOT,
                        stdin=subprocess.PIPE,
                        stdout=subprocess.DEVNULL,
                        text=True,
                    )
                )
            _wait(lambda: watcher.count_at(1) == kiosks, 1800, f"{label} on release 1")
            content = _big_content(base / "content-v2")
            started = time.monotonic()
            repo.publish(content)
            publish_s = time.monotonic() - started
            archive = max(repo.targets_dir.glob("*.tar"), key=lambda p: p.stat().st_mtime)
            size = archive.stat().st_size
            served_before = server.bytes_sent
            watcher.target = 2
            asked = time.monotonic()
            watcher.command_all()
            _wait(lambda: len(watcher.reached) == kiosks, 1800, f"{label} on the new release")
            times = sorted(t - asked for t in watcher.reached.values())
            served = server.bytes_sent - served_before
            memory = sum(psutil.Process(child.pid).memory_info().rss for child in children)
            before = watcher.messages
            time.sleep(steady_s)
            per_minute = (watcher.messages - before) * 60.0 / steady_s
        finally:
            for child in children:
                if child.stdin is not None:
                    child.stdin.close()
            for child in children:
                try:
                    child.wait(15)
                except subprocess.TimeoutExpired:
                    child.kill()
            watcher.stop()
            broker.stop()
            server.shutdown()
            server.server_close()
    return [
        Figure(GROUP, f"{label}: processes x kiosks each", processes, f"x {per_process}"),
        Figure(GROUP, f"{label}: publish a {size / 2**20:.0f} MB release", publish_s, "s"),
        Figure(GROUP, f"{label}: check-updates to all showing it", times[-1], "s"),
        Figure(GROUP, f"{label}: median kiosk showing it", percentile(times, 50), "s"),
        Figure(GROUP, f"{label}: 95th percentile kiosk", percentile(times, 95), "s"),
        Figure(GROUP, f"{label}: bytes served for it", served / 2**20, "MB"),
        Figure(GROUP, f"{label}: served / (kiosks x release)", served / (kiosks * size), "x"),
        Figure(GROUP, f"{label}: repository throughput", served / 2**20 / times[-1], "MB/s"),
        Figure(GROUP, f"{label}: broker messages per minute, steady", per_minute, "/min"),
        Figure(GROUP, f"{label}: memory per simulated kiosk", memory / kiosks / 2**20, "MB"),
    ]


def _room_for(kiosks: int) -> bool:
    """Enough memory and disk for ``kiosks`` (each keeps ~2 copies of the release)."""
    import psutil

    need = kiosks * RELEASE_MB * 2**20 * 3
    disk = shutil.disk_usage(tempfile.gettempdir()).free
    return disk > need + 10 * 2**30 and psutil.virtual_memory().available > 8 * 2**30


def run(runs: int) -> list[Figure]:
    """Each size of SIZES the machine has room for (``runs`` does not apply: one each)."""
    figures: list[Figure] = []
    for kiosks in SIZES:
        if kiosks > SIZES[0] and not _room_for(kiosks):
            print(f"bench: fleet: no room for {kiosks} kiosks here; skipped", file=sys.stderr)
            continue
        print(f"bench: fleet: {kiosks} kiosks ...", file=sys.stderr, flush=True)
        figures.extend(measure(kiosks))
    return figures


def main(argv: list[str] | None = None) -> int:
    from benchmarks.report import write

    parser = argparse.ArgumentParser(prog="python -m benchmarks.fleet", description=__doc__)
    parser.add_argument("--kiosks", type=int, default=50)
    parser.add_argument("--steady", type=float, default=STEADY_S, help="seconds (default 60)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    write(measure(args.kiosks, args.steady), args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
