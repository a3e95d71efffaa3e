"""The real program starts, paints its home screen and exits, from the command line."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from tests.conftest import CONTENT, REPO

pytestmark = pytest.mark.slow


def run_kiosk(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-m", "kiosk", *args],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def test_exit_after_startup_paints_home_and_exits_zero() -> None:
    started = time.monotonic()
    result = run_kiosk("--exit-after-startup")
    elapsed = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    assert elapsed < 60
    assert "Traceback" not in result.stderr


def test_the_home_screen_loads_only_what_it_shows() -> None:
    # Start-up time (benchmarks/startup.py): Python-Markdown comes with the first page,
    # QtPdf with the first document, the validator with `check` or a reload; qtawesome's
    # Python code (and qtpy's star imports) never, only its fonts (kiosk/ui/style/icons.py).
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "kiosk", "--exit-after-startup"],
        cwd=REPO, env=env, capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    imported = {
        line.rsplit("|", 1)[1].strip()
        for line in result.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    }
    assert "kiosk.ui.window" in imported
    unwanted = ("markdown", "qtawesome", "qtpy", "PySide6.QtPdf", "kiosk.content.validate",
                "kiosk.ui.screens.error_screen")  # fmt: skip
    assert sorted(name for name in imported if name.split(".")[0] in unwanted
                  or name in unwanted) == []  # fmt: skip


@pytest.mark.parametrize("args", [("run", "--lang", "ar"), ("--lang", "en", "--fullscreen")])
def test_run_options(args: tuple[str, ...]) -> None:
    result = run_kiosk(*args, "--exit-after-startup")
    assert result.returncode == 0, result.stderr


def test_unknown_language_starts_in_the_default_one() -> None:
    result = run_kiosk("--lang", "xx", "--exit-after-startup")
    assert result.returncode == 0, result.stderr
    assert "unknown language 'xx'" in result.stderr


def test_broken_content_still_starts_and_logs_file_and_line(content_copy: Path) -> None:
    (content_copy / "fr" / "agropole-berkane.md").write_bytes(b"+++\nid = 'x\n+++\n")
    (content_copy / "en" / "pole-medest.md").write_bytes(b"\xff\xfe broken")
    result = run_kiosk("--content", str(content_copy), "--exit-after-startup")
    assert result.returncode == 0, result.stderr
    assert f"{content_copy / 'fr' / 'agropole-berkane.md'}:2: error:" in result.stderr
    assert f"{content_copy / 'en' / 'pole-medest.md'}:1: error:" in result.stderr


def test_unusable_content_shows_a_calm_screen_instead_of_crashing(tmp_path: Path) -> None:
    result = run_kiosk("--content", str(tmp_path / "missing"), "--exit-after-startup")
    assert result.returncode == 1
    assert "content unusable" in result.stderr
    assert "Traceback" not in result.stderr


def test_tour_renders_every_screen(tmp_path: Path) -> None:
    out = tmp_path / "tour"
    result = run_kiosk("tour", "--out", str(out), "--size", "1024x768", "--lang", "ar")
    assert result.returncode == 0, result.stderr
    shots = sorted(p.name for p in (out / "ar" / "1024x768").iterdir())
    pages = len(list((CONTENT / "ar").glob("*.md")))
    assert shots[0] == "00-home.png"
    assert "01-plan-acceleration-industrielle.png" in shots
    sections = [name for name in shots if "-kiosk-" not in name and "-document-" not in name]
    assert len(sections) == pages + 1
    # After the sections, the first page of each document in the viewer.
    documents = ("brochure-fr", "brochure-ar", "brochure-en")
    assert [name for name in shots if "-document-" in name] == [
        f"{pages + 1 + index:02d}-document-{doc_id}.png" for index, doc_id in enumerate(documents)
    ]
    kiosk_screens = {name.split("-", 1)[1] for name in shots if "-kiosk-" in name}
    assert kiosk_screens == {
        "kiosk-still-there.png",
        "kiosk-still-there-on-a-page.png",
        "kiosk-attract.png",
        "kiosk-attract-map.png",
        "kiosk-pin-pad.png",
        "kiosk-admin.png",
    }
    assert all((out / "ar" / "1024x768" / name).stat().st_size > 10_000 for name in shots)


def test_tour_renders_4k_at_device_pixel_ratio_2(tmp_path: Path) -> None:
    out = tmp_path / "tour"
    result = run_kiosk(
        "tour", "--out", str(out), "--size", "3840x2160", "--dpr", "2", "--lang", "fr"
    )
    assert result.returncode == 0, result.stderr
    home = QImage(str(out / "fr" / "3840x2160@2x" / "00-home.png"))
    assert (home.width(), home.height()) == (3840, 2160)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("tour", "--out", "x", "--dpr", "9"), "--dpr must be between 1 and 4"),
        (("tour", "--out", "x", "--size", "big"), "size must look like 1920x1080"),
        (("tour", "--out", "x", "--lang", "de"), "unknown language 'de'"),
    ],
)
def test_tour_rejects_bad_arguments_clearly(
    tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    result = run_kiosk(*args)
    assert result.returncode == 2
    assert message in result.stderr


def test_a_bad_config_is_reported_and_the_kiosk_still_starts(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('mode = "presentation"\n\n[idle]\ntimeout = "soon"\n', encoding="utf-8")
    result = run_kiosk("--config", str(config), "--exit-after-startup")
    assert result.returncode == 0, result.stderr
    assert f"{config}:4: error: idle.timeout: must be a whole number from 10 to 3600" in (
        result.stderr
    )


def test_kiosk_flag_starts_locked_down_and_logs_to_files(tmp_path: Path) -> None:
    logs = tmp_path / "logs"
    result = run_kiosk("--kiosk", "--log-dir", str(logs), "--exit-after-startup")
    assert result.returncode == 0, result.stderr
    assert "no admin exit" in result.stderr
    assert (logs / "cri-kiosk.log").is_file()
    assert "no admin exit" in (logs / "cri-kiosk.log").read_text(encoding="utf-8")


def test_missing_content_folder_in_kiosk_mode_exits_nonzero_after_startup(tmp_path: Path) -> None:
    result = run_kiosk(
        "--kiosk",
        "--content",
        str(tmp_path / "absent"),
        "--log-dir",
        str(tmp_path),
        "--exit-after-startup",
    )
    assert result.returncode == 1
    assert "content unusable" in result.stderr
