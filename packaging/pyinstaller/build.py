"""Build the one-folder PyInstaller bundle of cri-kiosk (Linux or Windows).

    python packaging/pyinstaller/build.py [--dist DIR] [--work DIR] [--smoke]

Run it with the Python of an environment that has the project and PyInstaller
installed (``pip install -e ".[freeze]"``; ``make frozen`` does all of it). It

1. compiles ``translations/*.ts`` to ``<work>/qm/*.qm`` with the lrelease that
   PySide6 ships,
2. runs PyInstaller on ``cri-kiosk.spec`` (next to this file) into ``<dist>/cri-kiosk/``,
3. prints the bundle size, and with ``--smoke`` starts the frozen program with
   ``run --exit-after-startup`` (offscreen unless QT_QPA_PLATFORM is set) and prints
   how long it took.

PyInstaller may warn that libgtk-3.so.0 and libgdk-3.so.0 cannot be resolved: they
belong to Qt's GTK theme plugin, which the spec leaves out of the bundle.

PyInstaller cannot cross-compile: build the Windows bundle on Windows. Exit codes:
0 built (and smoke test passed), 1 build or smoke test failed, 2 PyInstaller or
lrelease missing.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
SPEC = HERE / "cri-kiosk.spec"
APP_NAME = "cri-kiosk"


class BuildError(RuntimeError):
    """A build problem with a message meant for humans; ``code`` is the exit code."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def executable_name(name: str = APP_NAME) -> str:
    return f"{name}.exe" if os.name == "nt" else name


def find_lrelease() -> list[str]:
    """The command that runs Qt's lrelease from this environment's PySide6."""
    spec = importlib.util.find_spec("PySide6")  # finds the package without importing Qt
    locations = list(spec.submodule_search_locations or []) if spec else []
    for location in locations:
        for candidate in (Path(location) / executable_name("lrelease"),):
            if candidate.is_file() and os.access(candidate, os.X_OK):
                return [str(candidate)]
    scripts = sysconfig.get_path("scripts")
    wrapper = Path(scripts) / executable_name("pyside6-lrelease") if scripts else None
    if wrapper is not None and wrapper.is_file():
        return [str(wrapper)]
    on_path = shutil.which("pyside6-lrelease")
    if on_path:
        return [on_path]
    raise BuildError(
        f"Qt's lrelease was not found for {sys.executable}: install PySide6-Essentials "
        "into this environment (pip install -e .)",
        code=2,
    )


def compile_translations(out_dir: Path) -> list[Path]:
    """Compile every translations/*.ts into ``out_dir``; return the .qm files."""
    ts_files = sorted((REPO / "translations").glob("*.ts"))
    if not ts_files:
        raise BuildError(f"no translations/*.ts in {REPO}")
    lrelease = find_lrelease()
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)
    compiled = []
    for ts in ts_files:
        qm = out_dir / f"{ts.stem}.qm"
        result = subprocess.run(
            [*lrelease, "-silent", str(ts), "-qm", str(qm)],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0 or not qm.is_file():
            raise BuildError(
                f"lrelease could not compile {ts} (exit code {result.returncode}):\n"
                f"{result.stdout}{result.stderr}"
            )
        compiled.append(qm)
    return compiled


def run_pyinstaller(dist: Path, work: Path, qm_dir: Path) -> Path:
    """Run PyInstaller on the spec; return the path of the frozen executable."""
    if importlib.util.find_spec("PyInstaller") is None:
        raise BuildError(
            f"PyInstaller is not installed for {sys.executable}.\n"
            'Install the "freeze" extra: pip install -e ".[freeze]"  (or run: make frozen)',
            code=2,
        )
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--clean",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work / "pyinstaller"),
        str(SPEC),
        "--",
        "--qm-dir",
        str(qm_dir),
    ]
    print("+", " ".join(command), flush=True)
    if subprocess.run(command, cwd=REPO, check=False).returncode != 0:
        raise BuildError("PyInstaller failed; see its messages above")
    program = dist / APP_NAME / executable_name()
    if not program.is_file():
        raise BuildError(f"PyInstaller finished but {program} is missing")
    return program


def folder_size(folder: Path) -> tuple[int, int]:
    """Total bytes and number of files under ``folder`` (symbolic links not followed)."""
    total = files = 0
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            total += path.stat().st_size
            files += 1
    return total, files


def smoke_test(program: Path, timeout: float = 120) -> float:
    """Start the frozen program with --exit-after-startup; return the seconds it took."""
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    started = time.monotonic()
    try:
        result = subprocess.run(
            [str(program), "run", "--exit-after-startup"],
            env=env,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise BuildError(f"{program} did not exit within {timeout} s") from exc
    elapsed = time.monotonic() - started
    if result.returncode != 0:
        raise BuildError(
            f"{program} run --exit-after-startup exited with {result.returncode}:\n"
            f"{result.stdout}{result.stderr}"
        )
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--dist", type=Path, default=REPO / "dist", help="output folder (default: dist)"
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=REPO / "build" / "frozen",
        help="scratch folder (default: build/frozen)",
    )
    parser.add_argument(
        "--smoke", action="store_true", help="start the frozen app once and time it"
    )
    args = parser.parse_args(argv)
    dist, work = args.dist.resolve(), args.work.resolve()
    try:
        qm_files = compile_translations(work / "qm")
        print(f"compiled {', '.join(qm.name for qm in qm_files)}", flush=True)
        started = time.monotonic()
        program = run_pyinstaller(dist, work, work / "qm")
        size, files = folder_size(program.parent)
        print(
            f"built {program} in {time.monotonic() - started:.0f} s: "
            f"{size / 1e6:.1f} MB in {files} files",
            flush=True,
        )
        if args.smoke:
            elapsed = smoke_test(program)
            print(f"smoke test passed: started and exited in {elapsed:.2f} s", flush=True)
    except BuildError as error:
        print(f"build.py: error: {error}", file=sys.stderr)
        return error.code
    return 0


if __name__ == "__main__":
    sys.exit(main())
