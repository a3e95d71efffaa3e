"""The PyInstaller one-folder build: where it finds its data, and that it builds and starts.

The build test runs packaging/pyinstaller/build.py into a temporary folder and starts
the frozen program from outside the repository. It needs PyInstaller (the "freeze"
extra, which ``make test`` installs) and installs nothing by itself; without it, it is
skipped with the command to run.
"""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk import paths
from tests.conftest import CONTENT, REPO
from tests.stack.cage_session import missing_tools, run_session

BUILD_SCRIPT = REPO / "packaging" / "pyinstaller" / "build.py"
LANGUAGES = ("ar", "en", "fr")
QM_MAGIC = bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")
EXE = "cri-kiosk.exe" if os.name == "nt" else "cri-kiosk"


@pytest.fixture
def fresh_data_root() -> Iterator[None]:
    paths.data_root.cache_clear()
    yield
    paths.data_root.cache_clear()


def test_frozen_build_reads_data_from_the_bundle_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_data_root: None
) -> None:
    bundle = tmp_path / "_internal"
    (bundle / "resources" / "fonts").mkdir(parents=True)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert paths.data_root() == bundle
    assert paths.fonts_dir() == bundle / "resources" / "fonts"
    assert paths.default_content_dir() == bundle / "content"


def test_without_a_bundle_the_source_tree_is_used(
    monkeypatch: pytest.MonkeyPatch, fresh_data_root: None
) -> None:
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    assert paths.data_root() == REPO


# --------------------------------------------------------------------------- build


def _run(
    args: list[str], *, cwd: Path, timeout: float = 120
) -> tuple[subprocess.CompletedProcess[str], float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_STATE_HOME"] = str(cwd / "state")  # log files stay in the test's folder
    started = time.monotonic()
    result = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    return result, time.monotonic() - started


@pytest.mark.slow
def test_frozen_build_carries_its_data_and_starts(tmp_path: Path) -> None:
    if importlib.util.find_spec("PyInstaller") is None:
        pytest.skip('PyInstaller is not installed: pip install -e ".[freeze]" (make setup does)')
    build = subprocess.run(
        [
            sys.executable,
            str(BUILD_SCRIPT),
            "--dist",
            str(tmp_path / "dist"),
            "--work",
            str(tmp_path / "work"),
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    folder = tmp_path / "dist" / "cri-kiosk"
    program = folder / EXE
    assert program.is_file()

    data = folder / "_internal"
    assert (data / "content" / "site.toml").is_file()
    assert len(list((data / "content" / "fr").glob("*.md"))) == len(
        list((CONTENT / "fr").glob("*.md"))
    )
    assert list((data / "resources" / "fonts").glob("NotoSansArabic-*.ttf"))
    # The icons: qtawesome's fonts and character maps, never its Python code.
    assert list((data / "qtawesome" / "fonts").glob("materialdesignicons6-*.ttf"))
    assert list((data / "qtawesome" / "fonts").glob("materialdesignicons6-*charmap*.json"))
    assert not list((data / "qtawesome").glob("*.py"))
    assert not (data / "qtpy").exists()
    for lang in LANGUAGES:
        qm = data / "translations" / f"kiosk_{lang}.qm"
        assert qm.read_bytes()[:16] == QM_MAGIC, f"{qm} is not a compiled translation"
        # The brochure covers are translated from the sources.
        assert (data / "translations" / f"kiosk_{lang}.ts").is_file()
    # Speech: eSpeak NG with the dictionaries of the kiosk's languages only.
    espeak_data = data / "espeakng_loader" / "espeak-ng-data"
    assert sorted(p.name for p in espeak_data.glob("*_dict")) == sorted(
        f"{lang}_dict" for lang in LANGUAGES
    )
    qt = data / "PySide6" / "Qt"
    # Qt's own translations: only those the language service loads.
    assert sorted(p.name for p in (qt / "translations").iterdir()) == [
        f"qtbase_{lang}.qm" for lang in LANGUAGES
    ]
    if sys.platform.startswith("linux"):
        platforms = {p.name for p in (qt / "plugins" / "platforms").iterdir()}
        assert {"libqwayland.so", "libqxcb.so", "libqoffscreen.so"} <= platforms
        assert not (qt / "plugins" / "platformthemes" / "libqgtk3.so").exists()

    # Started from elsewhere, with nothing of this environment's Python to lean on.
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    started, seconds = _run([str(program), "run", "--exit-after-startup"], cwd=elsewhere)
    assert started.returncode == 0, started.stderr
    assert seconds < 60
    assert "Traceback" not in started.stderr
    assert "icon" not in started.stderr, started.stderr  # e.g. "cannot load the icon font"
    arabic, _ = _run([str(program), "run", "--lang", "ar", "--exit-after-startup"], cwd=elsewhere)
    assert arabic.returncode == 0, arabic.stderr
    # The kiosk box's command line (packaging/linux/cri-kiosk.service), logs kept here.
    kiosk_box, _ = _run(
        [
            str(program),
            "run",
            "--kiosk",
            "--config",
            str(REPO / "packaging" / "linux" / "config.toml"),
            "--log-dir",
            str(elsewhere / "logs"),
            "--exit-after-startup",
        ],
        cwd=elsewhere,
    )
    assert kiosk_box.returncode == 0, kiosk_box.stderr
    assert "error:" not in kiosk_box.stderr
    assert list((elsewhere / "logs").iterdir()), "no log file written"
    # The voices speak from the bundle, with nothing of this environment to lean on.
    wav = elsewhere / "ar.wav"
    spoken, _ = _run([str(program), "speak", "--lang", "ar", "--out", str(wav), "مرحبا بكم"],
                     cwd=elsewhere)  # fmt: skip
    assert spoken.returncode == 0, spoken.stderr
    assert "voice 'ar'" in spoken.stdout
    assert wav.stat().st_size > 20_000  # about a second of 22 kHz 16-bit sound
    # The kiosk box's stack: the frozen program in cage as the unit starts it.
    if not missing_tools():
        shown = run_session(tmp_path / "cage", "frozen-ar-landscape", "ar", 180, str(program))
        assert shown.picture is not None, shown.describe()
        assert shown.picture.black_share() < 0.005, shown.describe()
        assert shown.picture.edges_covered(), shown.describe()
        assert shown.stop_error == "" and "stopping on signal 15" in shown.kiosk_log
    checked, _ = _run([str(program), "check"], cwd=elsewhere)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "0 error(s)" in checked.stderr

    # The content really comes from the bundle: without it the kiosk says so.
    (data / "content").rename(data / "content-away")
    missing, _ = _run([str(program), "run", "--exit-after-startup"], cwd=elsewhere)
    assert missing.returncode == 1
    assert "content unusable" in missing.stderr
