"""The update client against a real repository on 127.0.0.1: attacks and faults.

In every case the kiosk keeps its complete, verified release, and the result says what
happened in one line.
"""

from __future__ import annotations

import shutil
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.fleet.keys import new_signer, save_signer
from kiosk.fleet.release_store import ReleaseStore
from kiosk.fleet.repository import RELEASE_TARGET, FleetRepository
from tests.fleet.conftest import FaultyServer, edited_content, make_client


def installed(store: ReleaseStore) -> tuple[int | None, int | None]:
    """(current, pending) release numbers."""
    current, pending = store.current(), store.pending()
    return (current.info.version if current else None, pending.info.version if pending else None)


def first_release_shown(server: FaultyServer, repo: FleetRepository, store: ReleaseStore) -> None:
    result = make_client(server, repo, store).check()
    assert result.state == "ready", result.message
    assert store.begin_start() is not None  # a start: the waiting release goes on
    store.confirm()
    assert installed(store) == (1, None)


def archive_of(repo: FleetRepository, version: int | None = None) -> Path:
    target = repo.targets().signed.targets[RELEASE_TARGET]
    return repo.targets_dir / f"{target.hashes['sha256']}.{RELEASE_TARGET}"


def test_a_new_release_waits_for_the_next_reset_then_becomes_current(
    server: FaultyServer, repo: FleetRepository, store: ReleaseStore, tmp_path: Path
) -> None:
    first_release_shown(server, repo, store)
    repo.publish(edited_content(tmp_path, "v2", "Agropole de Berkane (v2)"))
    result = make_client(server, repo, store).check()
    assert (result.state, result.version) == ("ready", 2), result.message
    assert installed(store) == (1, 2), "nothing changes on screen before the reset"
    release = store.switch()
    assert release is not None and release.info.version == 2
    page = release.folder / "fr" / "agropole-berkane.md"
    assert 'title = "Agropole de Berkane (v2)"' in page.read_text(encoding="utf-8")
    assert make_client(server, repo, store).check().state == "up-to-date"


def test_a_tampered_archive_is_refused(
    server: FaultyServer, repo: FleetRepository, store: ReleaseStore, tmp_path: Path
) -> None:
    first_release_shown(server, repo, store)
    repo.publish(edited_content(tmp_path, "v2", "Agropole (v2)"))
    archive = archive_of(repo)
    data = bytearray(archive.read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte, same length
    archive.write_bytes(bytes(data))
    result = make_client(server, repo, store).check()
    assert result.state == "refused"
    assert "does not match its signed length or hash" in result.message
    assert "\n" not in result.message
    assert installed(store) == (1, None)


def test_a_release_signed_with_the_wrong_key_is_refused(
    server: FaultyServer, repo: FleetRepository, store: ReleaseStore, tmp_path: Path
) -> None:
    first_release_shown(server, repo, store)
    # An attacker with write access to the repository but not the targets key.
    (repo.keys_dir / "targets.pem").unlink()
    save_signer(new_signer(), repo.keys_dir / "targets.pem")
    repo.publish(edited_content(tmp_path, "evil", "Agropole (evil)"))
    result = make_client(server, repo, store).check()
    assert result.state == "refused"
    assert "not signed by the trusted keys" in result.message
    assert installed(store) == (1, None)


def test_an_older_repository_replayed_is_refused(
    server: FaultyServer, repo: FleetRepository, store: ReleaseStore, tmp_path: Path
) -> None:
    old_public = tmp_path / "old-public"
    shutil.copytree(repo.public, old_public)  # what the repository served for release 1
    repo.publish(edited_content(tmp_path, "v2", "Agropole (v2)"))
    assert make_client(server, repo, store).check().version == 2
    store.begin_start()
    store.confirm()
    # The attacker serves the older, validly signed metadata and release again.
    shutil.rmtree(repo.public)
    shutil.copytree(old_public, repo.public)
    result = make_client(server, repo, store).check()
    assert result.state == "refused"
    assert "older than or inconsistent" in result.message
    assert installed(store) == (2, None)


def test_expired_metadata_is_refused(
    server: FaultyServer, repo: FleetRepository, store: ReleaseStore, tmp_path: Path
) -> None:
    first_release_shown(server, repo, store)
    # A frozen repository: its timestamp ran out two days ago.
    repo.publish(
        edited_content(tmp_path, "v2", "Agropole (v2)"),
        valid_days=1,
        now=datetime.now(UTC) - timedelta(days=3),
    )
    result = make_client(server, repo, store).check()
    assert result.state == "refused"
    assert "expired" in result.message
    assert installed(store) == (1, None)


def test_metadata_mixed_from_two_releases_is_refused(
    server: FaultyServer, repo: FleetRepository, store: ReleaseStore, tmp_path: Path
) -> None:
    first_release_shown(server, repo, store)
    repo.publish(edited_content(tmp_path, "v2", "Agropole (v2)"))
    repo.publish(edited_content(tmp_path, "v3", "Agropole (v3)"))
    # The newest snapshot's file holds the previous snapshot (two releases mixed).
    metadata = repo.metadata_dir
    newest = repo.snapshot().signed.version
    shutil.copy(metadata / f"{newest - 1}.snapshot.json", metadata / f"{newest}.snapshot.json")
    result = make_client(server, repo, store).check()
    assert result.state == "refused"
    assert "snapshot" in result.message
    assert installed(store) == (1, None)


def test_a_cut_download_resumes_where_it_stopped(
    server: FaultyServer, repo: FleetRepository, store: ReleaseStore, tmp_path: Path
) -> None:
    first_release_shown(server, repo, store)
    repo.publish(edited_content(tmp_path, "v2", "Agropole (v2)"))
    size = archive_of(repo).stat().st_size
    server.fault = "truncate-once"
    client = make_client(server, repo, store)
    result = client.check()
    assert (result.state, result.version) == ("ready", 2), result.message
    ranges = [r for path, r in server.requests if path.endswith(RELEASE_TARGET) and r]
    assert ranges == [f"bytes={size // 2}-"], "the second attempt asked only for the rest"
    assert client.bytes_received < size * 1.2
    assert not list(store.downloads.glob("*.part")), "the kept part is removed once used"


def test_a_download_that_is_always_cut_fails_and_keeps_the_release(
    server: FaultyServer, repo: FleetRepository, store: ReleaseStore, tmp_path: Path
) -> None:
    first_release_shown(server, repo, store)
    repo.publish(edited_content(tmp_path, "v2", "Agropole (v2)"))
    server.fault = "truncate"
    result = make_client(server, repo, store, attempts=2).check()
    assert result.state == "failed"
    assert result.message.startswith("download failed: download cut after")
    assert installed(store) == (1, None)
    tries = [p for p, _ in server.requests if p.endswith(archive_of(repo).name)]
    assert len(tries) == 2
    assert list(store.downloads.glob("*.part")), "what arrived is kept for the next check"


def test_an_endless_download_stops_at_the_signed_length(
    server: FaultyServer, repo: FleetRepository, store: ReleaseStore, tmp_path: Path
) -> None:
    first_release_shown(server, repo, store)
    repo.publish(edited_content(tmp_path, "v2", "Agropole (v2)"))
    server.fault = "endless"
    client = make_client(server, repo, store)
    result = client.check()
    assert result.state == "refused"
    assert "longer than its signed length" in result.message
    assert client.bytes_received < 2 * archive_of(repo).stat().st_size + 2**20
    assert installed(store) == (1, None)


def test_a_dripping_server_is_given_up_on(
    server: FaultyServer, repo: FleetRepository, store: ReleaseStore, tmp_path: Path
) -> None:
    first_release_shown(server, repo, store)
    repo.publish(edited_content(tmp_path, "v2", "Agropole (v2)"))
    server.fault = "drip"  # 64 bytes every 0.2 s: never a gap long enough for a time-out
    started = time.monotonic()
    result = make_client(server, repo, store, grace_s=1.0, min_rate=1e6, attempts=1).check()
    assert result.state == "failed"
    assert "too slow" in result.message
    assert time.monotonic() - started < 5
    assert installed(store) == (1, None)


def test_a_release_whose_content_fails_check_is_refused_once_and_for_all(
    server: FaultyServer, repo: FleetRepository, store: ReleaseStore, tmp_path: Path
) -> None:
    first_release_shown(server, repo, store)
    broken = edited_content(tmp_path, "broken", "Agropole (broken)")
    (broken / "site.toml").write_text('default_language = "fr"\nlanguages = [\n', "utf-8")
    repo.publish(broken)  # the library call does not check; `fleet publish` would refuse
    result = make_client(server, repo, store).check()
    assert result.state == "refused"
    assert "fails check" in result.message and "site.toml" in result.message
    assert installed(store) == (1, None)
    assert not list(store.releases.glob("000002-*")), "nothing of it is kept"
    again = make_client(server, repo, store).check()
    assert again.state == "waiting", "not downloaded again and again"


def test_a_repository_on_a_usb_stick_is_used_the_same_way(
    repo: FleetRepository, store: ReleaseStore, tmp_path: Path
) -> None:
    stick = tmp_path / "usb"
    shutil.copytree(repo.public, stick / "cri-fleet")
    result = make_client(str(stick / "cri-fleet"), repo, store).check()
    assert (result.state, result.version) == ("ready", 1), result.message
    # Tampered on the stick: refused like over HTTP.
    for archive in (stick / "cri-fleet" / "targets").glob("*.tar"):
        archive.write_bytes(archive.read_bytes()[:-10] + b"x" * 10)
    other = ReleaseStore(tmp_path / "other-kiosk")
    refused = make_client(str(stick / "cri-fleet"), repo, other).check()
    assert refused.state == "refused"


def test_an_unreachable_repository_is_a_transient_failure(
    repo: FleetRepository, store: ReleaseStore
) -> None:
    from tests.fleet.conftest import free_port

    result = make_client(f"http://127.0.0.1:{free_port()}/", repo, store).check()
    assert result.state == "failed"
    assert result.message.startswith("download failed")
    assert installed(store) == (None, None)


def test_a_failed_check_is_tried_again_sooner_then_less_and_less_often(
    repo: FleetRepository, store: ReleaseStore
) -> None:
    from kiosk.fleet.updater import RETRY_FIRST_S, CheckResult, UpdateService

    service = UpdateService(make_client(server="http://127.0.0.1:9/", repo=repo, store=store,
                                        interval_s=900.0), lambda result: None)  # fmt: skip
    failed = CheckResult("failed", "download failed: no route")
    pauses = [service.pause_after(failed) for _ in range(7)]
    assert RETRY_FIRST_S * 0.75 <= pauses[0] <= RETRY_FIRST_S * 1.25
    assert pauses[1] >= RETRY_FIRST_S * 1.5 and pauses[-1] == 900.0
    assert all(p <= 900.0 for p in pauses)
    fine = CheckResult("up-to-date", "release 1 is the newest")
    assert service.pause_after(fine) == 900.0
    # A fleet that failed together spreads out.
    firsts = set()
    for _ in range(20):
        service.pause_after(fine)
        firsts.add(round(service.pause_after(failed), 3))
    assert len(firsts) > 1
    refused = CheckResult("refused", "refused: metadata expired")
    assert service.pause_after(refused) == 900.0, "an attack is not retried every 30 s"
