"""The kiosk-box files in packaging/linux: systemd unit, PAM stack, .desktop, install script.

The unit is linted with ``systemd-analyze verify`` and the .desktop file with
``desktop-file-validate`` when those tools are installed; the command lines both files
start are checked against the real ``cri-kiosk`` argument parser.
"""

from __future__ import annotations

import configparser
import os
import re
import shlex
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from kiosk.cli import build_parser
from kiosk.config import load_config
from tests.conftest import REPO

LINUX = REPO / "packaging" / "linux"
UNIT = LINUX / "cri-kiosk.service"
DESKTOP = LINUX / "cri-kiosk.desktop"
INSTALL = LINUX / "install.sh"
FLEET_DROP_IN = LINUX / "cri-kiosk-fleet.conf"
DEPS = LINUX / "debian-deps.sh"
CONFIG = LINUX / "config.toml"
PREFIX = "/opt/cri-kiosk"
PROGRAM = f"{PREFIX}/bin/cri-kiosk"


def parse_unit(path: Path) -> dict[str, dict[str, list[str]]]:
    """Sections of a systemd unit file; a key may repeat (Environment=, After=)."""
    sections: dict[str, dict[str, list[str]]] = {}
    current: dict[str, list[str]] | None = None
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith(("#", ";")):
            continue
        assert not line.endswith("\\"), f"{path}:{number}: no continued lines, please"
        if line.startswith("["):
            assert line.endswith("]"), f"{path}:{number}: bad section header {line!r}"
            current = sections.setdefault(line[1:-1], {})
            continue
        assert current is not None, f"{path}:{number}: key outside a section"
        key, sep, value = line.partition("=")
        assert sep, f"{path}:{number}: not a key=value line: {line!r}"
        current.setdefault(key.strip(), []).append(value.strip())
    return sections


def environment(service: dict[str, list[str]]) -> dict[str, str]:
    env: dict[str, str] = {}
    for value in service.get("Environment", []):
        for assignment in shlex.split(value):
            name, _, setting = assignment.partition("=")
            env[name] = setting
    return env


def one(section: dict[str, list[str]], key: str) -> str:
    values = section.get(key, [])
    assert len(values) == 1, f"expected exactly one {key}=, found {values}"
    return values[0]


def exec_start() -> list[str]:
    return shlex.split(one(parse_unit(UNIT)["Service"], "ExecStart"))


# --------------------------------------------------------------------------- unit


def test_unit_starts_the_kiosk_in_cage_with_kiosk_mode_and_the_system_config() -> None:
    argv = exec_start()
    assert argv[0] == "/usr/bin/cage"
    assert "--" in argv, "cage needs -- before the program's own options"
    cage_options = argv[1 : argv.index("--")]
    assert "-s" not in cage_options, "VT switching would let a keyboard leave the kiosk"
    program, *args = argv[argv.index("--") + 1 :]
    assert program == PROGRAM
    parsed = build_parser().parse_args(args)
    assert parsed.command == "run"
    assert parsed.kiosk is True
    assert parsed.config == Path("/etc/cri-kiosk/config.toml")


def test_unit_runs_as_an_unprivileged_user_in_a_logind_session_on_tty1() -> None:
    unit = parse_unit(UNIT)
    service = unit["Service"]
    assert one(service, "User") == "cri-kiosk"
    assert one(service, "TTYPath") == "/dev/tty1"
    assert one(service, "StandardInput").startswith("tty")
    assert "getty@tty1.service" in unit["Unit"]["Conflicts"]
    pam_name = one(service, "PAMName")
    pam = (LINUX / "pam.d" / pam_name).read_text(encoding="utf-8")
    assert re.search(r"^session\s+required\s+pam_systemd\.so", pam, re.MULTILINE)
    assert one(unit["Install"], "WantedBy") == "graphical.target"


def test_unit_restarts_the_kiosk_with_a_rate_limit() -> None:
    unit = parse_unit(UNIT)
    assert one(unit["Service"], "Restart") == "always"
    assert float(one(unit["Service"], "RestartSec")) >= 1
    # Rate limits belong in [Unit] since systemd 230; in [Service] they are ignored.
    assert int(one(unit["Unit"], "StartLimitBurst")) >= 3
    assert int(one(unit["Unit"], "StartLimitIntervalSec")) > 0
    assert "StartLimitBurst" not in unit["Service"]


def test_unit_asks_qt_for_wayland_with_an_x11_fallback() -> None:
    env = environment(parse_unit(UNIT)["Service"])
    assert env["QT_QPA_PLATFORM"].split(";") == ["wayland", "xcb"]
    assert env["WLR_LIBINPUT_NO_DEVICES"] == "1"


def test_unit_is_hardened_but_keeps_its_state_log_and_cache_folders_writable() -> None:
    service = parse_unit(UNIT)["Service"]
    for key, value in {
        "NoNewPrivileges": "yes",
        "ProtectSystem": "strict",
        "ProtectHome": "yes",
        "PrivateTmp": "yes",
        "CapabilityBoundingSet": "",
        "StateDirectory": "cri-kiosk",
        "LogsDirectory": "cri-kiosk",
        "CacheDirectory": "cri-kiosk",
    }.items():
        assert one(service, key) == value, key
    # The Wayland socket lives in XDG_RUNTIME_DIR=/run/user/<uid>.
    assert "-/run/user" in service["ReadWritePaths"]
    env = environment(service)
    # kiosk.config.default_state_dir() is $XDG_STATE_HOME/cri-kiosk = StateDirectory.
    assert env["XDG_STATE_HOME"] == "%S"
    assert env["HOME"] == "%S/cri-kiosk"
    assert env["XDG_CACHE_HOME"] == "%C/cri-kiosk"


def test_unit_allows_no_network_unless_the_fleet_drop_in_is_installed() -> None:
    service = parse_unit(UNIT)["Service"]
    assert one(service, "RestrictAddressFamilies").split() == ["AF_UNIX", "AF_NETLINK"]
    # The fleet's drop-in adds TCP over IPv4 and IPv6 (repository, broker) and nothing else.
    drop_in = parse_unit(FLEET_DROP_IN)
    assert drop_in == {"Service": {"RestrictAddressFamilies": ["AF_INET AF_INET6"]}}


def test_install_script_adds_the_network_drop_in_only_for_a_fleet() -> None:
    target = "/etc/systemd/system/cri-kiosk.service.d/fleet.conf"
    plain = run_install().stdout.splitlines()
    assert f"+ rm -f {target}" in plain
    assert not any(step.startswith("+ install") and target in step for step in plain)
    fleet = run_install("--fleet").stdout.splitlines()
    assert f"+ install -D -m 0644 {FLEET_DROP_IN} {target}" in fleet
    uninstall = run_install("--uninstall").stdout.splitlines()
    assert any(step.startswith("+ rm -f ") and step.endswith(f" {target}") for step in uninstall)


def test_shipped_config_writes_logs_where_systemd_lets_the_service_write() -> None:
    config = tomllib.loads(CONFIG.read_text(encoding="utf-8"))
    logs = one(parse_unit(UNIT)["Service"], "LogsDirectory")
    assert config["log_dir"] == f"/var/log/{logs}"


def test_shipped_config_is_read_without_a_single_problem() -> None:
    loaded = load_config(CONFIG, explicit=True)
    assert loaded.problems == ()
    assert loaded.config.kiosk
    assert loaded.config.log_dir == Path("/var/log/cri-kiosk")
    assert loaded.config.hide_cursor


def _verify(unit: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["systemd-analyze", "verify", str(unit)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env=dict(os.environ, SYSTEMD_LOG_COLOR="0", SYSTEMD_PAGER=""),
    )


def _verifiable_copy(tmp_path: Path, extra_line: str = "") -> Path:
    """The unit under its own name; cage replaced by a stand-in when it is not installed.

    verify fails on a missing ExecStart program; cage is only installed on a kiosk box
    (debian-deps.sh kiosk), and the test above checks that the unit names it.
    """
    text = UNIT.read_text(encoding="utf-8")
    if not Path("/usr/bin/cage").is_file():
        stand_in = tmp_path / "cage"
        stand_in.write_text("#!/bin/sh\n", encoding="utf-8")
        stand_in.chmod(0o755)
        text = text.replace("ExecStart=/usr/bin/cage ", f"ExecStart={stand_in} ")
    if extra_line:
        text = text.replace("[Service]\n", f"[Service]\n{extra_line}\n")
    copy = tmp_path / "units" / UNIT.name
    copy.parent.mkdir()
    copy.write_text(text, encoding="utf-8")
    return copy


needs_systemd_analyze = pytest.mark.skipif(
    shutil.which("systemd-analyze") is None,
    reason="systemd-analyze is not installed (Debian package: systemd)",
)


@needs_systemd_analyze
def test_systemd_analyze_verify_accepts_the_unit(tmp_path: Path) -> None:
    result = _verify(_verifiable_copy(tmp_path))
    # Warnings about the host's own units are not ours; any line naming our unit is.
    ours = [line for line in result.stderr.splitlines() if "cri-kiosk" in line]
    assert result.returncode == 0 and not ours, result.stderr


@needs_systemd_analyze
def test_systemd_analyze_verify_would_catch_a_mistake(tmp_path: Path) -> None:
    result = _verify(_verifiable_copy(tmp_path, extra_line="ProtectSytem=strict"))
    assert "Unknown key 'ProtectSytem'" in result.stderr


# --------------------------------------------------------------------------- desktop


def read_desktop() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"), source=str(DESKTOP))
    assert parser.sections() == ["Desktop Entry"]
    return parser["Desktop Entry"]


def test_desktop_launcher_opens_the_windowed_presentation_mode() -> None:
    entry = read_desktop()
    assert entry["Type"] == "Application"
    assert entry["Terminal"] == "false"
    assert entry["TryExec"] == "cri-kiosk"
    program, *args = shlex.split(entry["Exec"])
    assert program == "cri-kiosk"
    assert not any(arg.startswith("%") for arg in args), "the kiosk opens no files or URLs"
    parsed = build_parser().parse_args(args)
    assert parsed.command == "run"
    assert not parsed.fullscreen
    assert not getattr(parsed, "kiosk", False), "a laptop launcher must not lock the screen"


def test_desktop_launcher_follows_the_desktop_entry_spec() -> None:
    entry = read_desktop()
    registered = {
        "Type", "Version", "Name", "GenericName", "Comment", "Exec", "TryExec", "Icon",
        "Terminal", "Categories", "Keywords", "StartupNotify", "StartupWMClass",
    }  # fmt: skip
    for key in entry:
        assert key.split("[")[0] in registered, f"{DESKTOP}: unexpected key {key}"
    for key in ("Name", "Exec", "Type"):
        assert entry.get(key), f"{DESKTOP}: {key} is required"
    assert entry["Version"] == "1.4"
    for key in ("Categories", "Keywords"):
        assert entry[key].endswith(";"), f"{DESKTOP}: {key} must end with ';'"
    for key in ("Terminal", "StartupNotify"):
        assert entry[key] in ("true", "false")


@pytest.mark.skipif(
    shutil.which("desktop-file-validate") is None,
    reason="desktop-file-validate is not installed (Debian package: desktop-file-utils)",
)
def test_desktop_file_validate_accepts_the_launcher() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


# --------------------------------------------------------------------------- install.sh


def run_install(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(INSTALL), "--dry-run", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=dict(os.environ, PYTHON=sys.executable),
    )


def test_install_script_is_valid_bash() -> None:
    result = subprocess.run(["bash", "-n", str(INSTALL)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_install_script_sets_up_user_program_config_and_service() -> None:
    result = run_install()
    assert result.returncode == 0, result.stderr
    steps = result.stdout.splitlines()
    assert any(s.startswith("+ PYTHON=") and s.endswith("debian-deps.sh kiosk") for s in steps)
    if subprocess.run(["getent", "passwd", "cri-kiosk"], capture_output=True).returncode:
        assert any(s.startswith("+ useradd --system") and s.endswith(" cri-kiosk") for s in steps)
    # The venv's console script PREFIX/bin/cri-kiosk is the unit's ExecStart program.
    assert f"+ {shlex.quote(sys.executable)} -m venv {PREFIX}" in steps
    assert f"+ {PREFIX}/bin/python -m pip install --quiet {shlex.quote(str(REPO))}" in steps
    if not Path("/etc/cri-kiosk/config.toml").exists():
        assert (
            f"+ install -m 0640 -o root -g cri-kiosk {CONFIG} /etc/cri-kiosk/config.toml"
        ) in steps
    assert f"+ install -m 0644 {UNIT} /etc/systemd/system/cri-kiosk.service" in steps
    assert f"+ install -m 0644 {LINUX}/pam.d/cri-kiosk /etc/pam.d/cri-kiosk" in steps
    assert "+ systemctl enable cri-kiosk.service" in steps


def test_install_script_links_a_frozen_build_where_the_unit_expects_it(tmp_path: Path) -> None:
    build = tmp_path / "cri-kiosk"
    build.mkdir()
    (build / "cri-kiosk").write_text("#!/bin/sh\n", encoding="utf-8")
    (build / "cri-kiosk").chmod(0o755)
    result = run_install("--frozen", str(build))
    assert result.returncode == 0, result.stderr
    steps = result.stdout.splitlines()
    assert f"+ cp -a {build} {PREFIX}/app" in steps
    assert f"+ ln -s ../app/cri-kiosk {PROGRAM}" in steps
    assert not any(" -m venv " in step for step in steps)


def test_install_script_refuses_a_folder_without_a_frozen_build(tmp_path: Path) -> None:
    result = run_install("--frozen", str(tmp_path))
    assert result.returncode == 1
    assert f"{tmp_path}/cri-kiosk is missing" in result.stderr
    assert "+ " not in result.stdout


def test_install_script_uninstalls_program_and_service_but_keeps_the_config() -> None:
    result = run_install("--uninstall")
    assert result.returncode == 0, result.stderr
    assert "+ systemctl disable --now cri-kiosk.service" in result.stdout
    assert f"+ rm -rf {PREFIX}" in result.stdout
    assert "/etc/cri-kiosk" not in "".join(s for s in result.stdout.splitlines() if "rm " in s)


def test_install_script_rejects_unknown_options() -> None:
    result = run_install("--bogus")
    assert result.returncode == 2
    assert "unknown option: --bogus" in result.stderr


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck is not installed")
@pytest.mark.parametrize("script", [INSTALL, DEPS], ids=lambda p: p.name)
def test_shellcheck_accepts_the_scripts(script: Path) -> None:
    result = subprocess.run(["shellcheck", str(script)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout


# --------------------------------------------------------------------------- debian-deps.sh


def wanted_packages(mode: str, tmp_path: Path) -> set[str]:
    """The packages debian-deps.sh asks for, with every package reported missing.

    Stand-ins for dpkg-query (nothing installed) and id (not root) make the script
    print its list instead of installing anything.
    """
    stubs = tmp_path / "stubs"
    stubs.mkdir(exist_ok=True)
    for name, body in {"dpkg-query": "exit 1", "id": "echo 1000"}.items():
        (stubs / name).write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        (stubs / name).chmod(0o755)
    result = subprocess.run(
        ["bash", str(DEPS), mode],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=dict(os.environ, PATH=f"{stubs}{os.pathsep}{os.environ['PATH']}", PYTHON="python3"),
    )
    assert result.returncode == 1, result.stdout + result.stderr
    line = next(s for s in result.stdout.splitlines() if s.startswith("Missing Debian packages:"))
    return set(line.split(":", 1)[1].split())


def test_kiosk_and_test_groups_bring_cage_and_the_wayland_libraries(tmp_path: Path) -> None:
    kiosk = wanted_packages("kiosk", tmp_path)
    run = wanted_packages("run", tmp_path)
    test = wanted_packages("test", tmp_path)
    assert {"cage", "xwayland", "libwayland-client0", "libwayland-cursor0"} <= kiosk
    assert run <= kiosk, "a kiosk box also needs the xcb fallback"
    # tests/stack/ runs the kiosk box's stack and judges it from the compositor's
    # screenshots; a kiosk box needs no screenshot tool.
    assert kiosk | {"grim"} <= test, "make test runs the kiosk in cage (tests/stack/)"
    assert "grim" not in kiosk
    assert "binutils" in test, "make test builds the frozen app (PyInstaller runs objdump)"
    assert "binutils" in wanted_packages("freeze", tmp_path)


def _debian_package(soname: str) -> str:
    """Debian's package name for a library: libfoo.so.1 -> libfoo1, libfoo2.so.1 -> libfoo2-1."""
    stem, _, version = soname.partition(".so.")
    return f"{stem}-{version}" if stem[-1].isdigit() else f"{stem}{version}"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")
def test_kiosk_group_covers_every_wayland_library_qt_wayland_plugins_load(
    tmp_path: Path,
) -> None:
    import PySide6

    plugins = Path(PySide6.__file__).parent / "Qt" / "plugins"
    binaries = [plugins / "platforms" / "libqwayland.so"]
    # The client side; wayland-graphics-integration-server/ is for Qt Wayland compositors.
    for folder in ("wayland-shell-integration", "wayland-decoration-client"):
        binaries += sorted((plugins / folder).glob("*.so"))
    binaries += sorted((plugins / "wayland-graphics-integration-client").glob("*.so"))
    assert binaries[0].is_file(), "PySide6 no longer ships Qt's wayland platform plugin"
    needed: set[str] = set()
    for binary in binaries:
        result = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=False)
        needed.update(re.findall(r"^\s*(libwayland-[\w-]+\.so\.\d+)", result.stdout, re.MULTILINE))
    assert "libwayland-client.so.0" in needed
    kiosk = wanted_packages("kiosk", tmp_path)
    missing = {_debian_package(name) for name in needed} - kiosk
    assert not missing, f"add to kiosk_pkgs in {DEPS}: {sorted(missing)}"
