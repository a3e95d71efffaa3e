"""Fleet test set-up: a real repository served over HTTP on 127.0.0.1, a real Mosquitto."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from kiosk.fleet.content_check import content_errors
from kiosk.fleet.release_store import ReleaseStore
from kiosk.fleet.repository import FleetRepository
from kiosk.fleet.serve import RepositoryHandler, RepositoryServer
from kiosk.fleet.updater import UpdateClient, UpdateSettings
from tests.conftest import CONTENT

PASSPHRASE = "correct horse battery"
BROKER_USER = "kiosk"
BROKER_PASSWORD = "s3cret-broker"


def edited_content(tmp_path: Path, name: str, title: str) -> Path:
    """A copy of the shipped content whose agropole page has another French title."""
    folder = tmp_path / name
    shutil.copytree(CONTENT, folder)
    page = folder / "fr" / "agropole-berkane.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(
        text.replace('title = "Agropole de Berkane"', f'title = "{title}"', 1), encoding="utf-8"
    )
    return folder


@pytest.fixture
def repo(tmp_path: Path) -> FleetRepository:
    """A repository with release 1: the shipped content."""
    repository = FleetRepository.create(tmp_path / "repo", tmp_path / "root-key.pem", PASSPHRASE)
    repository.publish(CONTENT)
    return repository


class FaultyHandler(RepositoryHandler):
    """Serves the repository, misbehaving on release archives as the test asks."""

    server: FaultyServer

    def do_GET(self) -> None:
        self.server.requests.append((self.path, self.headers.get("Range", "")))
        fault = self.server.fault
        if fault and self.path.endswith(".release.tar"):
            if fault == "truncate-once":
                self.server.fault = ""
                return self._truncated()
            if fault == "truncate":
                return self._truncated()
            if fault == "endless":
                return self._endless()
            if fault == "drip":
                return self._drip()
        super().do_GET()

    def _file(self) -> bytes:
        return Path(self.translate_path(self.path)).read_bytes()

    def _truncated(self) -> None:
        data = self._file()
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data[: len(data) // 2])
        self.wfile.flush()
        self.close_connection = True

    def _endless(self) -> None:
        self.send_response(200)
        self.end_headers()
        block = b"\0" * 65536
        try:
            for _ in range(100_000):  # 6.5 GB: "for ever" for the kiosk
                self.wfile.write(block)
        except OSError:
            pass
        self.close_connection = True

    def _drip(self) -> None:
        data = self._file()
        self.send_response(200)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        try:
            for offset in range(0, len(data), 64):
                self.wfile.write(data[offset : offset + 64])
                self.wfile.flush()
                time.sleep(0.2)
        except OSError:
            pass
        self.close_connection = True


class FaultyServer(RepositoryServer):
    def __init__(self, folder: Path) -> None:
        super().__init__(folder)
        self.RequestHandlerClass = lambda *a, **k: FaultyHandler(  # type: ignore[assignment]
            *a, directory=str(folder), **k
        )
        self.fault = ""
        self.requests: list[tuple[str, str]] = []


@pytest.fixture
def server(repo: FleetRepository) -> Iterator[FaultyServer]:
    """The repository's public folder over HTTP on 127.0.0.1 (a free port)."""
    http = FaultyServer(repo.public)
    http.start_in_thread()
    yield http
    http.shutdown()
    http.server_close()


@pytest.fixture
def store(tmp_path: Path) -> ReleaseStore:
    return ReleaseStore(tmp_path / "kiosk-releases")


def make_client(
    server: RepositoryServer | str, repo: FleetRepository, store: ReleaseStore, **settings: object
) -> UpdateClient:
    url = server if isinstance(server, str) else server.url
    options = {"socket_timeout": 2.0, "retry_pause_s": 0.1, **settings}
    return UpdateClient(
        UpdateSettings(url, repo.trusted_root, store.folder, **options),  # type: ignore[arg-type]
        store,
        content_errors,
    )


# --------------------------------------------------------------------------- MQTT broker


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Broker:
    """A Mosquitto started by the test on 127.0.0.1, with one user and no anonymous access."""

    folder: Path
    port: int
    process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"mqtt://127.0.0.1:{self.port}"

    def configure(self, *extra: str, anonymous: bool = False) -> None:
        lines = [f"listener {self.port} 127.0.0.1", *extra, "persistence false", "log_dest none"]
        if anonymous:
            lines.append("allow_anonymous true")
        else:
            lines += ["allow_anonymous false", f"password_file {self.folder / 'passwords'}"]
        if os.getuid() == 0:
            lines.append("user root")  # else it drops to "mosquitto", who cannot read tmp_path
        (self.folder / "mosquitto.conf").write_text("\n".join(lines) + "\n")

    def start(self) -> None:
        self.process = subprocess.Popen(
            [mosquitto_program(), "-c", str(self.folder / "mosquitto.conf")],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError("mosquitto did not start")

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill()
            self.process.wait(5)
            self.process = None


def mosquitto_program() -> str:
    return shutil.which("mosquitto") or "/usr/sbin/mosquitto"


@pytest.fixture
def broker(tmp_path: Path) -> Iterator[Broker]:
    if not Path(mosquitto_program()).exists():
        pytest.skip("mosquitto is not installed (packaging/linux/debian-deps.sh test)")
    folder = tmp_path / "mosquitto"
    folder.mkdir()
    passwords = folder / "passwords"
    subprocess.run(
        ["mosquitto_passwd", "-b", "-c", str(passwords), BROKER_USER, BROKER_PASSWORD],
        check=True,
        capture_output=True,
    )
    running = Broker(folder, free_port())
    running.configure()
    running.start()
    yield running
    running.stop()
