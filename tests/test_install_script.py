"""packaging/linux/install.sh into a temporary root: every path and account it names
agrees with the unit, the PAM stack and the shipped config, and nothing outside the root
would be changed."""

from __future__ import annotations

import os
import shlex
import subprocess
import tomllib
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.stack.cage_session import INSTALLED_CONFIG, read_unit

LINUX = REPO / "packaging" / "linux"
INSTALL = LINUX / "install.sh"
UNIT = LINUX / "cri-kiosk.service"
# Commands that change files, and which of their arguments are files they write.
SYSTEM_TOOLS = {"useradd", "usermod", "systemctl"}


def unit_settings() -> dict[str, str]:
    settings = {}
    for line in UNIT.read_text(encoding="utf-8").splitlines():
        name, sep, value = line.partition("=")
        if sep and name[:1].isupper() and name != "Environment":
            settings[name] = value
    return settings


def dry_run(root: Path, *options: str) -> list[list[str]]:
    done = subprocess.run(
        ["bash", str(INSTALL), "--dry-run", "--root", str(root), *options],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    return [shlex.split(line[2:]) for line in done.stdout.splitlines() if line.startswith("+ ")]


def written_paths(command: list[str]) -> list[str]:
    """The files or folders a printed command creates, changes or removes."""
    tool, *args = command
    if tool == "install":
        if "-d" in args:
            return [arg for arg in args if arg.startswith("/")]
        return [args[-1]]
    if tool in ("rm", "mkdir", "chmod"):
        return [arg for arg in args if arg.startswith("/")]
    if tool in ("cp", "ln"):
        return [args[-1]]
    if tool.endswith("python3") and args[:2] == ["-m", "venv"]:
        return [args[2]]
    return []


@pytest.fixture
def image(tmp_path: Path) -> Path:
    root = tmp_path / "image"
    (root / "etc").mkdir(parents=True)
    # An image with the groups a Debian system has, and no kiosk user yet.
    (root / "etc" / "group").write_text("root:x:0:\nvideo:x:44:\nrender:x:105:\n")
    (root / "etc" / "passwd").write_text("root:x:0:0:root:/root:/bin/bash\n")
    return root


@pytest.mark.parametrize("mode", ["venv", "frozen"])
def test_install_into_a_root_agrees_with_the_unit(image: Path, tmp_path: Path, mode: str) -> None:
    options: tuple[str, ...] = ()
    if mode == "frozen":
        build = tmp_path / "dist" / "cri-kiosk"
        build.mkdir(parents=True)
        (build / "cri-kiosk").write_text("#!/bin/sh\n")
        os.chmod(build / "cri-kiosk", 0o755)
        options = ("--frozen", str(build))
    commands = dry_run(image, *options)
    unit, settings = read_unit(UNIT), unit_settings()
    user = settings["User"]

    # Nothing outside the image is written; the sources read are the repository's.
    for command in commands:
        for path in written_paths(command):
            assert Path(path).is_relative_to(image), shlex.join(command)
        if command[0] in SYSTEM_TOOLS:
            assert f"--root={image}" in command or ["--root", str(image)] == command[1:3], (
                shlex.join(command)
            )
        if command[0] == "install" and "-d" not in command:
            assert Path(command[-2]).is_relative_to(LINUX) and Path(command[-2]).is_file()

    # The account: the unit's User=, home in its StateDirectory, in video and render.
    useradd = next(c for c in commands if c[0] == "useradd")
    assert useradd[-1] == user
    home = useradd[useradd.index("--home-dir") + 1]
    assert home == f"/var/lib/{settings['StateDirectory']}"
    joined = {c[c.index("--groups") + 1] for c in commands if c[0] == "usermod"}
    assert joined == {"video", "render"}

    # The program is where ExecStart looks for it.
    program = image / unit.program.lstrip("/")
    prefix = program.parents[1]
    if mode == "frozen":
        link = next(c for c in commands if c[0] == "ln")
        assert link[-1] == str(program)
        assert (program.parent / link[-2]).resolve() == (prefix / "app" / "cri-kiosk").resolve()
    else:
        venv = next(c for c in commands if c[1:3] == ["-m", "venv"])
        # A venv puts its programs in bin/: the wheel's console script is bin/cri-kiosk.
        assert venv[3] == str(prefix) and program.parent.name == "bin"
        assert [c for c in commands if c[0].startswith(str(prefix)) and str(REPO) in c]

    # The config is where ExecStart's --config points, readable by the kiosk's group.
    config_install = next(c for c in commands if c[-1].endswith("config.toml"))
    assert INSTALLED_CONFIG in unit.arguments
    assert config_install[-1] == str(image / INSTALLED_CONFIG.lstrip("/"))
    assert config_install[config_install.index("-g") + 1] == user
    shipped = tomllib.loads((LINUX / "config.toml").read_text(encoding="utf-8"))
    assert shipped["log_dir"] == f"/var/log/{settings['LogsDirectory']}"

    # The unit and its PAM stack (named by PAMName=) go where systemd and PAM look.
    targets = {c[-1] for c in commands if c[0] == "install" and "-d" not in c}
    assert str(image / "etc/systemd/system" / UNIT.name) in targets
    assert str(image / "etc/pam.d" / settings["PAMName"]) in targets
    assert (LINUX / "pam.d" / settings["PAMName"]).is_file()
    enable = next(c for c in commands if c[0] == "systemctl" and "enable" in c)
    assert enable[-1] == UNIT.name


def test_an_existing_user_is_kept(image: Path) -> None:
    with (image / "etc" / "passwd").open("a") as passwd:
        passwd.write("cri-kiosk:x:999:999::/var/lib/cri-kiosk:/usr/sbin/nologin\n")
    commands = dry_run(image)
    assert not [c for c in commands if c[0] == "useradd"]


def test_the_fleet_network_drop_in_goes_beside_the_unit_only_when_asked(image: Path) -> None:
    drop_in = str(image / "etc/systemd/system" / f"{UNIT.name}.d" / "fleet.conf")
    fleet = dry_run(image, "--fleet")
    (install,) = [c for c in fleet if c[0] == "install" and c[-1] == drop_in]
    assert install[-2] == str(LINUX / "cri-kiosk-fleet.conf")
    plain = dry_run(image)
    assert not [c for c in plain if c[0] == "install" and c[-1] == drop_in]
    assert ["rm", "-f", drop_in] in plain, "a plain install removes a stale drop-in"
