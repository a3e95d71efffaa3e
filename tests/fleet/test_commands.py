"""``cri-kiosk fleet init | publish | serve`` as the CRI team runs them."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from kiosk.fleet.keys import KeyFileError, load_signer
from kiosk.fleet.release_store import ReleaseStore
from kiosk.fleet.repository import FleetRepository
from tests.conftest import REPO
from tests.fleet.conftest import PASSPHRASE, edited_content, free_port, make_client


def fleet(*args: str, passphrase: str | None = PASSPHRASE) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    env.pop("CRI_FLEET_ROOT_PASSPHRASE", None)
    if passphrase is not None:
        env["CRI_FLEET_ROOT_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "fleet", *args],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
    )  # fmt: skip


def test_init_writes_each_key_where_it_belongs_and_says_so(tmp_path: Path) -> None:
    repo_dir = tmp_path / "cri-fleet"
    result = fleet("init", "--repo", str(repo_dir), "--root-key", str(tmp_path / "root.pem"))
    assert result.returncode == 0, result.stderr
    for shown in (f"{repo_dir}/public/", f"{repo_dir}/keys/", f"{repo_dir}/root.json",
                  f"{tmp_path}/root.pem", "ROOT KEY", "offline"):  # fmt: skip
        assert shown in result.stdout
    # The root key is encrypted: useless without the passphrase.
    with pytest.raises(KeyFileError, match="wrong passphrase"):
        load_signer(tmp_path / "root.pem")
    with pytest.raises(KeyFileError, match="wrong passphrase"):
        load_signer(tmp_path / "root.pem", "not the passphrase")
    assert load_signer(tmp_path / "root.pem", PASSPHRASE).public_key.keytype == "ed25519"
    for key in ("targets", "snapshot", "timestamp"):
        assert (repo_dir / "keys" / f"{key}.pem").stat().st_mode & 0o777 == 0o600
    # Nothing private in what is served; everything there readable by a web server.
    for path in (repo_dir / "public").rglob("*"):
        if path.is_file():
            assert b"PRIVATE KEY" not in path.read_bytes(), path
            assert path.stat().st_mode & 0o444 == 0o444, path
    again = fleet("init", "--repo", str(repo_dir), "--root-key", str(tmp_path / "other.pem"))
    assert again.returncode == 1
    assert "already holds a repository" in again.stderr


def test_init_wants_a_real_passphrase(tmp_path: Path) -> None:
    result = fleet("init", "--repo", str(tmp_path / "r"), passphrase="short")
    assert result.returncode == 2
    assert "at least 8 characters" in result.stderr
    assert not (tmp_path / "r").exists()


def test_publish_refuses_content_that_fails_check(repo: FleetRepository, tmp_path: Path) -> None:
    broken = edited_content(tmp_path, "broken", "Agropole")
    page = broken / "fr" / "agropole-berkane.md"
    page.write_text(page.read_text(encoding="utf-8").replace("+++", "+++\nid = 3", 1), "utf-8")
    before = repo.targets().signed.version
    result = fleet("publish", "--repo", str(repo.folder), "--content", str(broken))
    assert result.returncode == 1
    assert f"{page}:" in result.stderr and ": error: " in result.stderr
    assert "not published" in result.stderr
    assert repo.targets().signed.version == before


def test_publish_signs_the_next_release_and_can_renew_the_timestamp(
    repo: FleetRepository, tmp_path: Path
) -> None:
    content = edited_content(tmp_path, "v2", "Agropole (v2)")
    result = fleet("publish", "--repo", str(repo.folder), "--content", str(content))
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("published release 2 (")
    release = repo.latest_release()
    assert release is not None and release.version == 2
    timestamp = repo.timestamp().signed.version
    renewed = fleet("publish", "--repo", str(repo.folder), "--timestamp-only")
    assert renewed.returncode == 0, renewed.stderr
    assert repo.timestamp().signed.version == timestamp + 1
    assert repo.latest_release() == release


@pytest.mark.slow
def test_serve_gives_kiosks_the_repository_and_nothing_else(
    repo: FleetRepository, tmp_path: Path
) -> None:
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "fleet", "serve", "--repo", str(repo.folder),
         "--host", "127.0.0.1", "--port", str(port)],
        cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(url + "metadata/timestamp.json", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        store = ReleaseStore(tmp_path / "kiosk")
        result = make_client(url, repo, store).check()
        assert (result.state, result.version) == ("ready", 1), result.message
        for private in ("keys/targets.pem", "../keys/targets.pem", "targets/", ""):
            with pytest.raises(urllib.error.HTTPError) as refused:
                urllib.request.urlopen(url + private, timeout=5)
            assert refused.value.code == 404
            refused.value.close()
        archive = next(repo.targets_dir.glob("*.tar"))
        request = urllib.request.Request(
            f"{url}targets/{archive.name}", headers={"Range": "bytes=1000-"}
        )
        with urllib.request.urlopen(request, timeout=5) as response:
            assert response.status == 206
            assert response.read() == archive.read_bytes()[1000:]
    finally:
        server.terminate()
        server.communicate(timeout=10)


def test_a_renewed_root_is_followed_by_the_kiosks(repo: FleetRepository, tmp_path: Path) -> None:
    from tests.fleet.conftest import FaultyServer

    store = ReleaseStore(tmp_path / "kiosk")
    server = FaultyServer(repo.public)
    server.start_in_thread()
    try:
        assert make_client(server, repo, store).check().state == "ready"
        wrong = fleet(
            "renew-root", "--repo", str(repo.folder), "--root-key", str(tmp_path / "root-key.pem"),
            passphrase="not the passphrase",
        )  # fmt: skip
        assert wrong.returncode == 1 and "wrong passphrase" in wrong.stderr
        renewed = fleet(
            "renew-root", "--repo", str(repo.folder), "--root-key", str(tmp_path / "root-key.pem")
        )
        assert renewed.returncode == 0, renewed.stderr
        assert renewed.stdout.startswith("root version 2 signed, valid until ")
        repo.publish(edited_content(tmp_path, "v2", "Agropole (v2)"))
        assert make_client(server, repo, store).check().state == "ready"
        trusted = (store.folder / "tuf" / "root.json").read_text()
        assert '"version": 2' in trusted, "the kiosk now trusts the renewed root"
    finally:
        server.shutdown()
        server.server_close()
