"""The shipped kiosk stack for tests: cri-kiosk in cage, started as the systemd unit does.

`packaging/linux/cri-kiosk.service` is read, not copied: its `Environment=` lines and its
`ExecStart=` (cage's options, the program and its arguments) are what runs, with only
the machine-specific parts replaced: the folders systemd would create (`%S`, `%C`,
`/var/log/cri-kiosk`), the program (this checkout's `cri-kiosk` instead of
`/opt/cri-kiosk/bin/cri-kiosk`), the config file, and the display: wlroots' headless
backend with the pixman renderer, since test machines have no screen and no GPU.

cage refuses to run as root, like the unit it runs as an unprivileged user. As root
the session runs as `nobody`, keeping only CAP_DAC_READ_SEARCH so that it can reach a
Python that lives under /root (pyenv); it still cannot regain root, which cage checks.
"""

from __future__ import annotations

import contextlib
import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from kiosk.admin_pin import hash_pin
from tests.stack.screen_picture import Picture

REPO = Path(__file__).resolve().parents[2]
UNIT = REPO / "packaging" / "linux" / "cri-kiosk.service"
SHIPPED_CONFIG = REPO / "packaging" / "linux" / "config.toml"
INSTALLED_PROGRAM = "/opt/cri-kiosk/bin/cri-kiosk"
INSTALLED_CONFIG = "/etc/cri-kiosk/config.toml"
INSTALLED_LOGS = "/var/log/cri-kiosk"
# What systemd gives a service without Environment=PATH.
SYSTEMD_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
# Everything the session may lack, with the Debian package that brings it.
TOOLS = {"cage": "cage", "grim": "grim", "Xwayland": "xwayland"}


def missing_tools() -> list[str]:
    """Debian packages the cage tests need and this machine lacks."""
    return sorted({package for tool, package in TOOLS.items() if shutil.which(tool) is None})


@dataclass(frozen=True)
class UnitCommand:
    """What the unit runs: its environment and ExecStart, split into cage and the kiosk."""

    environment: dict[str, str]
    cage_options: tuple[str, ...]
    program: str
    arguments: tuple[str, ...]


def read_unit(path: Path = UNIT) -> UnitCommand:
    """The `Environment=` assignments and the `ExecStart=` command of the unit file."""
    environment: dict[str, str] = {}
    exec_start: list[str] = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("Environment="):
            for assignment in shlex.split(line.removeprefix("Environment=")):
                name, _, value = assignment.partition("=")
                environment[name] = value
        elif line.startswith("ExecStart="):
            exec_start = shlex.split(line.removeprefix("ExecStart="))
    if not exec_start or "--" not in exec_start:
        raise ValueError(f"{path}: no ExecStart=cage ... -- PROGRAM ... line")
    split = exec_start.index("--")
    cage, options = exec_start[0], exec_start[1:split]
    if Path(cage).name != "cage":
        raise ValueError(f"{path}: ExecStart runs {cage}, not cage")
    program, *arguments = exec_start[split + 1 :]
    return UnitCommand(environment, tuple(options), program, tuple(arguments))


def kiosk_program() -> str:
    """This checkout's `cri-kiosk` (the venv's), standing for /opt/cri-kiosk/bin/cri-kiosk."""
    program = Path(sys.executable).with_name("cri-kiosk")
    if not program.exists():
        raise FileNotFoundError(f"{program} is missing: run make setup")
    return str(program)


def _as_unprivileged() -> tuple[list[str], tuple[int, int] | None]:
    """The command prefix that drops root, and the uid/gid the session's files need."""
    if os.geteuid() != 0:
        return [], None
    import pwd

    nobody = pwd.getpwnam("nobody")
    prefix = [
        "setpriv",
        f"--reuid={nobody.pw_uid}",
        f"--regid={nobody.pw_gid}",
        "--clear-groups",
        "--inh-caps=+dac_read_search",
        "--ambient-caps=+dac_read_search",
    ]
    return prefix, (nobody.pw_uid, nobody.pw_gid)


@dataclass
class CageSession:
    """One run of the unit's command in cage, on a headless output.

    ``transform`` rotates the output as cage's ``-r`` does (90 degrees each). The config
    is the shipped config.toml with ``settings`` (top-level TOML lines) put before it and
    ``admin`` (lines of its ``[admin]`` table, its last one) after it.
    """

    root: Path
    settings: str = ""
    admin: str = ""
    transform: int = 0
    program: str = field(default_factory=kiosk_program)
    process: subprocess.Popen[bytes] | None = None

    def __post_init__(self) -> None:
        self.unit = read_unit()
        self.runtime = self.root / "run"
        self.state = self.root / "state"
        self.cache = self.root / "cache"
        self.logs = self.root / "logs"
        self.config_file = self.root / "config.toml"
        self.output = self.root / "cage-output.txt"

    @property
    def log_file(self) -> Path:
        return self.logs / "cri-kiosk.log"

    def environment(self) -> dict[str, str]:
        """The unit's environment with the folders systemd and PAM would provide."""
        env = {"PATH": SYSTEMD_PATH, "LANG": "C.UTF-8"}
        for name, value in self.unit.environment.items():
            env[name] = value.replace("%S", str(self.state)).replace("%C", str(self.cache))
        env.update(
            XDG_RUNTIME_DIR=str(self.runtime),
            WLR_BACKENDS="headless",
            WLR_RENDERER="pixman",
        )
        return env

    def command(self) -> list[str]:
        arguments = [
            str(self.config_file) if argument == INSTALLED_CONFIG else argument
            for argument in self.unit.arguments
        ]
        program = self.program if self.unit.program == INSTALLED_PROGRAM else self.unit.program
        rotate = ["-r"] * (self.transform // 90 % 4)
        return ["cage", *self.unit.cage_options, *rotate, "--", program, *arguments]

    def start(self) -> None:
        prefix, owner = _as_unprivileged()
        for folder in (self.runtime, self.state, self.cache, self.logs):
            folder.mkdir(parents=True, exist_ok=True)
        self.runtime.chmod(0o700)
        shipped = SHIPPED_CONFIG.read_text(encoding="utf-8")
        if INSTALLED_LOGS not in shipped:
            raise ValueError(f"{SHIPPED_CONFIG} no longer sets log_dir = {INSTALLED_LOGS!r}")
        tables = [line for line in shipped.splitlines() if line.startswith("[")]
        if self.admin and tables[-1:] != ["[admin]"]:
            raise ValueError(f"{SHIPPED_CONFIG}: [admin] is no longer its last table")
        shipped = shipped.replace(INSTALLED_LOGS, str(self.logs))
        self.config_file.write_text(f"{self.settings}\n{shipped}\n{self.admin}\n", encoding="utf-8")
        if owner is not None:
            for path in [self.root, *self.root.rglob("*")]:
                os.chown(path, *owner)
        with self.output.open("wb") as output:
            self.process = subprocess.Popen(
                [*prefix, *self.command()],
                env=self.environment(),
                stdout=output,
                stderr=subprocess.STDOUT,
                cwd=self.root,
                start_new_session=True,
            )

    def screenshot(self, name: str) -> Path | None:
        """The compositor's own picture of its output (grim), or None before it has one."""
        path = self.root / f"{name}.png"
        path.unlink(missing_ok=True)
        env = {
            "PATH": SYSTEMD_PATH,
            "XDG_RUNTIME_DIR": str(self.runtime),
            "WAYLAND_DISPLAY": "wayland-0",
        }
        try:
            done = subprocess.run(["grim", str(path)], env=env, capture_output=True, timeout=20)
        except subprocess.TimeoutExpired:
            return None
        return path if done.returncode == 0 and path.exists() else None

    def running(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def kiosk_pids(self) -> list[int]:
        """The session's processes (cage, Xwayland, the kiosk), from /proc."""
        if self.process is None:
            return []
        group = self.process.pid
        pids = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                if os.getpgid(int(entry.name)) == group:
                    pids.append(int(entry.name))
            except ProcessLookupError:
                continue
        return pids

    def stop(self, timeout: float = 10.0) -> float:
        """SIGTERM to every process of the session, as systemd stops the unit's control
        group; seconds until all are gone. Raises TimeoutError past ``timeout``
        (systemd's TimeoutStopSec), after killing them."""
        if self.process is None:
            return 0.0
        start = time.monotonic()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        deadline = start + timeout
        while time.monotonic() < deadline:
            self.process.poll()
            if not self.kiosk_pids():
                return time.monotonic() - start
            time.sleep(0.1)
        left = self.kiosk_pids()
        with_names = [Path(f"/proc/{pid}/comm").read_text().strip() for pid in left]
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=5)
        raise TimeoutError(f"still running {timeout:.0f} s after SIGTERM: {with_names}")

    def kiosk_log(self) -> str:
        return self.log_file.read_text(encoding="utf-8") if self.log_file.exists() else ""

    def compositor_output(self) -> str:
        return self.output.read_text(encoding="utf-8", errors="replace")


PAINT_TIMEOUT = 60.0  # seconds for cage, Xwayland and the kiosk to start on a busy CI box
SHOTS = REPO / "build" / "cage"  # the last screenshots, to look at


@dataclass
class Run:
    """What one session showed and how it ended."""

    name: str
    picture: Picture | None
    screenshot: Path | None
    kiosk_log: str
    compositor: str
    stop_seconds: float | None
    stop_error: str = ""

    def describe(self) -> str:
        tail = "\n".join(self.kiosk_log.splitlines()[-15:])
        compositor = "\n".join(self.compositor.splitlines()[-15:])
        return f"{self.name}: kiosk log:\n{tail}\ncage and Qt output:\n{compositor}"


def wait_for_home(session: CageSession, name: str) -> tuple[Picture | None, Path | None]:
    """The first screenshot that shows a painted screen covering the output, twice in a
    row (so that a frame mid-way through start-up does not count)."""
    deadline = time.monotonic() + PAINT_TIMEOUT
    last: tuple[Picture | None, Path | None] = (None, None)
    settled = 0
    while time.monotonic() < deadline and session.running():
        shot = session.screenshot(name)
        if shot is not None:
            picture = Picture.load(shot)
            last = (picture, shot)
            if picture.black_share() < 0.005 and picture.edges_covered():
                settled += 1
                if settled == 2:
                    return last
            else:
                settled = 0
        time.sleep(0.5)
    return last


def run_session(
    root: Path, name: str, language: str, transform: int, program: str | None = None
) -> Run:
    """Start the unit's command in ``language`` (with an admin PIN, so that the kiosk
    has nothing to warn about), wait for home, stop it as systemd would."""
    session = CageSession(
        root / name,
        settings=f'default_language = "{language}"',
        admin=f'pin_hash = "{hash_pin("2580")}"',
        transform=transform,
        program=program or kiosk_program(),
    )
    session.start()
    try:
        picture, shot = wait_for_home(session, name)
    finally:
        stop_seconds: float | None = None
        error = ""
        try:
            stop_seconds = session.stop()
        except TimeoutError as stuck:
            error = str(stuck)
    if shot is not None:
        SHOTS.mkdir(parents=True, exist_ok=True)
        shutil.copy(shot, SHOTS / f"{name}.png")
    return Run(
        name,
        picture,
        shot,
        session.kiosk_log(),
        session.compositor_output(),
        stop_seconds,
        error,
    )
