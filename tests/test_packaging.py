"""The wheel carries the data folders and compiled translations, and installs and starts.

Builds the wheel of this repository with the build hook (hatch_build.py), installs it
into a throw-away virtualenv that sees the already-installed dependencies (no
downloads), and runs the installed ``cri-kiosk`` from outside the repository.
"""

from __future__ import annotations

import fnmatch
import os
import site
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
LANGUAGES = ("ar", "en", "fr")
# First 16 bytes of every Qt .qm file.
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")

pytestmark = pytest.mark.slow


def _run(
    cmd: list[str], *, cwd: Path, timeout: float, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    try:
        proc = subprocess.run(
            cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
        )
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"timed out after {timeout} s: {cmd}\n{exc.stdout}\n{exc.stderr}")
    assert proc.returncode == 0, (
        f"exit code {proc.returncode}: {cmd}\n"
        f"--- stdout ---\n{proc.stdout}\n--- stderr ---\n{proc.stderr}"
    )
    return proc


def _clean_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    for name in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "VIRTUAL_ENV"):
        env.pop(name, None)
    env["PYTHONNOUSERSITE"] = "1"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env.update(extra)
    return env


def _venv_paths(python: Path, cwd: Path) -> tuple[Path, Path]:
    """Return (site-packages, scripts dir) of the virtualenv that ``python`` belongs to."""
    proc = _run(
        [
            str(python),
            "-c",
            "import sysconfig; p = sysconfig.get_paths(); print(p['purelib']); print(p['scripts'])",
        ],
        cwd=cwd,
        timeout=60,
        env=_clean_env(),
    )
    purelib, scripts = proc.stdout.strip().splitlines()
    return Path(purelib), Path(scripts)


def _build_wheel(out_dir: Path, cwd: Path) -> Path:
    _run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "-w",
            str(out_dir),
            str(REPO),
        ],
        cwd=cwd,
        timeout=600,
        env=_clean_env(),
    )
    wheels = sorted(out_dir.glob("cri_kiosk-*.whl"))
    assert len(wheels) == 1, f"expected one cri_kiosk wheel in {out_dir}, found {wheels}"
    return wheels[0]


def _check_wheel_contents(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as zf:
        names = zf.namelist()
        assert len(names) == len(set(names)), "duplicate entries in the wheel"

        def has(pattern: str) -> bool:
            return any(fnmatch.fnmatchcase(name, pattern) for name in names)

        assert "kiosk/__init__.py" in names
        assert has("kiosk/_data/resources/fonts/*.ttf"), "fonts missing from the wheel"
        assert "kiosk/_data/content/site.toml" in names
        assert has("kiosk/_data/content/fr/*.md"), "French content missing from the wheel"
        for lang in LANGUAGES:
            qm = f"kiosk/_data/translations/kiosk_{lang}.qm"
            assert qm in names, f"{qm} missing: the build hook did not compile kiosk_{lang}.ts"
            assert zf.read(qm)[:16] == QM_MAGIC, f"{qm} is not a compiled Qt translation"
        entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
        assert "cri-kiosk = kiosk.cli:main" in zf.read(entry_points).decode()


def test_wheel_contains_data_and_installed_app_starts(tmp_path: Path) -> None:
    wheel = _build_wheel(tmp_path / "dist", cwd=tmp_path)
    _check_wheel_contents(wheel)

    # A fresh virtualenv that sees this environment's packages (PySide6, ...) through a
    # .pth file. Directories added by a .pth line do not get their own .pth files
    # processed, so the editable install of kiosk in this environment stays invisible.
    venv_dir = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", str(venv_dir)], cwd=tmp_path, timeout=300)
    venv_python = venv_dir / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    venv_site, venv_scripts = _venv_paths(venv_python, cwd=tmp_path)
    outer_site = [p for p in site.getsitepackages() if Path(p).is_dir()]
    (venv_site / "_outer_site_packages.pth").write_text(
        "".join(f"{p}\n" for p in outer_site), encoding="utf-8"
    )

    _run(
        [str(venv_python), "-m", "pip", "install", "--no-deps", "--no-index", str(wheel)],
        cwd=tmp_path,
        timeout=300,
        env=_clean_env(),
    )

    # Everything below runs outside the repository, on the installed copy only.
    run_dir = tmp_path / "elsewhere"
    run_dir.mkdir()
    env = _clean_env(QT_QPA_PLATFORM="offscreen")

    proc = _run(
        [
            str(venv_python),
            "-c",
            "import pathlib, kiosk; print(pathlib.Path(kiosk.__file__).resolve())",
        ],
        cwd=run_dir,
        timeout=60,
        env=env,
    )
    kiosk_file = Path(proc.stdout.strip().splitlines()[-1])
    assert kiosk_file.is_relative_to(venv_dir.resolve()), (
        f"kiosk was imported from {kiosk_file}, not from the wheel installed in {venv_dir}"
    )
    data = kiosk_file.parent / "_data"
    for lang in LANGUAGES:
        assert (data / "translations" / f"kiosk_{lang}.qm").is_file()

    cli = venv_scripts / ("cri-kiosk.exe" if os.name == "nt" else "cri-kiosk")
    assert cli.is_file(), f"console script {cli} was not installed"
    _run([str(cli), "check"], cwd=run_dir, timeout=60, env=env)
    _run([str(cli), "run", "--exit-after-startup"], cwd=run_dir, timeout=60, env=env)
