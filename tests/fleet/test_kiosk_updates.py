"""The running kiosk with [updates]: a release goes on screen only at the reset between
visitors, is confirmed once painted, and a release that crashes the kiosk is rolled back."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import KioskRun, RunOptions, create_application
from kiosk.config import Config, LoadedConfig
from kiosk.fleet.release_store import MAX_TRIAL_STARTS, ReleaseStore
from kiosk.fleet.repository import FleetRepository
from kiosk.ui.navigator import HOME
from kiosk.ui.window import MainWindow
from tests.conftest import CONTENT, REPO
from tests.fleet.conftest import FaultyServer, edited_content, make_client
from tests.ui.visitor import tap_home_tile


def agropole_title(run: KioskRun) -> str:
    window = run.window
    assert isinstance(window, MainWindow)
    return window.home.tiles["agropole-berkane"].accessibleName()


@pytest.fixture
def started(qtbot: QtBot) -> Iterator[list[KioskRun]]:
    runs: list[KioskRun] = []
    yield runs
    for run in runs:
        run.stop()  # the fleet threads, kiosk mode, the window and the run itself


def test_an_unconfigured_kiosk_has_no_fleet(qtbot: QtBot, started: list[KioskRun]) -> None:
    run = KioskRun(create_application(), RunOptions(LoadedConfig(Config(content_dir=CONTENT))))
    started.append(run)
    assert run.start()
    assert run.fleet is None


def test_a_new_release_goes_on_screen_at_the_reset_after_the_visitor(
    qtbot: QtBot,
    started: list[KioskRun],
    server: FaultyServer,
    repo: FleetRepository,
    tmp_path: Path,
) -> None:
    releases = tmp_path / "releases"
    store = ReleaseStore(releases)
    assert make_client(server, repo, store).check().state == "ready"  # release 1
    config = Config(
        mode="kiosk",
        content_dir=CONTENT,
        idle_timeout=1,
        idle_countdown=1,
        attract_delay=600,
        stats_enabled=False,
        updates_repository=server.url,
        updates_trusted_root=repo.trusted_root,
        updates_releases_dir=releases,
    )
    run = KioskRun(create_application(), RunOptions(LoadedConfig(config)))
    started.append(run)
    assert run.start()
    qtbot.waitExposed(run.window)
    release_one = store.current()
    assert release_one is not None and release_one.info.version == 1, "taken at start"
    qtbot.waitUntil(lambda: not store.pointer().trial, timeout=5000)  # painted: confirmed
    assert agropole_title(run) == "Agropole de Berkane"

    repo.publish(edited_content(tmp_path, "v2", "Agropole de Berkane, nouvelle version"))
    assert run.fleet is not None and run.fleet.updates is not None
    run.fleet.updates.check_now()
    # A visitor is browsing meanwhile: nothing changes under their finger.
    window = run.window
    assert isinstance(window, MainWindow)
    tap_home_tile(qtbot, window, "pole-medest")
    qtbot.waitUntil(lambda: store.pending() is not None, timeout=10_000)
    assert run.window is window and agropole_title(run) == "Agropole de Berkane"
    # The visitor walks away: prompt, reset, and then the new release.
    qtbot.waitUntil(lambda: run.window is not window, timeout=10_000)
    assert isinstance(run.window, MainWindow)
    qtbot.waitExposed(run.window)
    assert run.window.current_screen() == HOME
    assert agropole_title(run) == "Agropole de Berkane, nouvelle version"
    current = store.current()
    assert current is not None and current.info.version == 2
    qtbot.waitUntil(lambda: not store.pointer().trial, timeout=5000)
    assert store.last_event() == "release 2 is shown"
    assert run.mode is not None and run.mode.lockdown is not None


KIOSK_CONFIG = """mode = "kiosk"
content_dir = "{content}"
log_dir = "{logs}"

[stats]
enabled = false

[updates]
repository = "{url}"
trusted_root = "{root}"
releases_dir = "{releases}"
"""


@pytest.mark.slow
def test_a_release_that_crashes_the_kiosk_at_start_is_rolled_back(
    server: FaultyServer, repo: FleetRepository, tmp_path: Path
) -> None:
    releases = tmp_path / "releases"
    store = ReleaseStore(releases)
    assert make_client(server, repo, store).check().state == "ready"
    store.begin_start()
    store.confirm()
    repo.publish(edited_content(tmp_path, "v2", "Agropole (v2)"))
    assert make_client(server, repo, store).check().state == "ready"
    config = tmp_path / "config.toml"
    logs = tmp_path / "logs"
    config.write_text(
        KIOSK_CONFIG.format(
            content=CONTENT, logs=logs, url=server.url, root=repo.trusted_root, releases=releases
        )
    )
    command = [sys.executable, "-m", "kiosk", "run", "--config", str(config)]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    # Release 2 "crashes" the kiosk at every start, before the home screen is painted.
    for start in range(1, MAX_TRIAL_STARTS + 1):
        kiosk_process = subprocess.Popen(command, cwd=REPO, env=env, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            pointer = json.loads(store.pointer_path.read_bytes())
            if pointer["trial"] and pointer["trial_starts"] == start:
                break
            time.sleep(0.01)
        kiosk_process.send_signal(signal.SIGKILL)
        kiosk_process.wait(10)
        current = store.current()
        assert current is not None and current.info.version == 2
    # The next start goes back to release 1 by itself, and paints.
    result = subprocess.run(
        [*command, "--exit-after-startup"], cwd=REPO, env=env, capture_output=True,
        text=True, timeout=60,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    current = store.current()
    assert current is not None and current.info.version == 1
    log = (logs / "cri-kiosk.log").read_text(encoding="utf-8")
    assert (
        f"crash loop: release 2 did not paint the home screen in {MAX_TRIAL_STARTS} starts; "
        "rolled back to release 1" in log
    )
    assert f"showing release 1 from {current.folder}" in log
    assert store.last_event().endswith("rolled back to release 1")


def test_a_release_that_does_not_paint_in_time_is_rolled_back_at_once(
    qtbot: QtBot,
    started: list[KioskRun],
    server: FaultyServer,
    repo: FleetRepository,
    tmp_path: Path,
) -> None:
    releases = tmp_path / "releases"
    store = ReleaseStore(releases)
    assert make_client(server, repo, store).check().state == "ready"
    store.begin_start()
    store.confirm()
    repo.publish(edited_content(tmp_path, "v2", "Agropole (v2)"))
    assert make_client(server, repo, store).check().state == "ready"
    config = Config(
        mode="kiosk", content_dir=CONTENT, idle_timeout=1, idle_countdown=1, attract_delay=600,
        stats_enabled=False, updates_repository=server.url,
        updates_trusted_root=repo.trusted_root, updates_releases_dir=releases,
    )  # fmt: skip
    run = KioskRun(create_application(), RunOptions(LoadedConfig(config)))
    started.append(run)
    assert run.start()
    qtbot.waitExposed(run.window)
    assert run.fleet is not None
    # A start is between visitors too: release 2 goes on at once, and paints.
    qtbot.waitUntil(lambda: not store.pointer().trial, timeout=5000)
    assert agropole_title(run) == "Agropole (v2)"
    repo.publish(edited_content(tmp_path, "v3", "Agropole (v3)"))
    assert make_client(server, repo, store).check().state == "ready"
    run.fleet.paint_bound_ms = 300
    # Release 3's window never gets painted (as if its first frame hung).
    run.fleet.content_switch.connect(lambda folder: run.window.setUpdatesEnabled(False))
    window = run.window
    assert isinstance(window, MainWindow)
    tap_home_tile(qtbot, window, "pole-medest")  # a visitor, who then walks away
    qtbot.waitUntil(lambda: "rolled back" in store.last_event(), timeout=10_000)
    assert store.last_event() == ("home screen not painted within 0.3 s; rolled back to release 2")
    assert run.window is not window
    assert agropole_title(run) == "Agropole (v2)"
