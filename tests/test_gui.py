"""One real-window smoke test: the kiosk on the xcb platform under Xvfb."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = [pytest.mark.gui, pytest.mark.slow]


@pytest.fixture
def xvfb_display() -> Iterator[str]:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb is not installed (make test installs it as root: apt-get install xvfb)")
    for number in range(90, 110):
        if not os.path.exists(f"/tmp/.X11-unix/X{number}") and not os.path.exists(
            f"/tmp/.X{number}-lock"
        ):
            break
    display = f":{number}"
    server = subprocess.Popen(
        [xvfb, display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        for _ in range(100):
            if os.path.exists(f"/tmp/.X11-unix/X{number}"):
                break
            if server.poll() is not None:
                pytest.fail(f"Xvfb exited with {server.returncode}")
            subprocess.run(["sleep", "0.05"], check=True)
        yield display
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.mark.parametrize("extra", [(), ("--fullscreen", "--lang", "ar")])
def test_real_window_starts_and_paints(xvfb_display: str, extra: tuple[str, ...]) -> None:
    env = dict(os.environ, DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb")
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "run", "--exit-after-startup", *extra],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "could not load the Qt platform plugin" not in result.stderr


# Real X key events (XTEST) a visitor or a stray keyboard could send, in xdotool's names.
XDOTOOL_BREAKOUTS = [
    "alt+F4", "ctrl+q", "ctrl+w", "ctrl+p", "ctrl+s", "ctrl+o", "ctrl+n", "ctrl+t",
    "Escape", "alt+space", "shift+F10", "Menu", "F1", "F5", "F11", "F12", "alt+Tab",
    "ctrl+plus", "ctrl+minus", "super",
]  # fmt: skip


def xdotool(display: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["xdotool", *args],
        env=dict(os.environ, DISPLAY=display),
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )


@contextlib.contextmanager
def running_kiosk(display: str, log_dir: Path, *args: str) -> Iterator[subprocess.Popen[str]]:
    """``cri-kiosk run ARGS`` on ``display``; stopped with SIGTERM, which must exit 0."""
    if shutil.which("xdotool") is None:
        pytest.skip("xdotool is not installed (make test installs it as root)")
    kiosk = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "run", "--log-dir", str(log_dir), *args],
        cwd=REPO,
        env=dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        yield kiosk
    finally:
        kiosk.terminate()
        _, stderr = kiosk.communicate(timeout=30)
    assert kiosk.returncode == 0, stderr
    assert "Traceback" not in stderr


def kiosk_windows(display: str) -> list[str]:
    """The kiosk's visible X windows, waiting for the first one to appear."""
    found = xdotool(display, "search", "--sync", "--onlyvisible", "--name", "Oriental")
    assert found.returncode == 0, found.stderr
    return found.stdout.split()


def test_kiosk_mode_survives_real_key_presses_without_window_manager(
    xvfb_display: str, tmp_path: Path
) -> None:
    with running_kiosk(xvfb_display, tmp_path, "--kiosk") as kiosk:
        window = kiosk_windows(xvfb_display)[0]
        geometry = xdotool(xvfb_display, "getwindowgeometry", window).stdout
        assert "1920x1080" in geometry, geometry
        xdotool(xvfb_display, "windowfocus", "--sync", window)
        for keys in XDOTOOL_BREAKOUTS:
            xdotool(xvfb_display, "key", "--clearmodifiers", keys)
        time.sleep(1.0)
        assert kiosk.poll() is None, "the kiosk quit on a key press"
        still = xdotool(xvfb_display, "search", "--onlyvisible", "--name", "Oriental")
        assert still.stdout.split() == [window], "the window went away or another appeared"
        assert "1920x1080" in xdotool(xvfb_display, "getwindowgeometry", window).stdout
    log_text = (tmp_path / "cri-kiosk.log").read_text(encoding="utf-8")
    assert "kiosk mode: blocked" in log_text


def test_the_window_takes_the_keyboard_focus_without_window_manager(
    xvfb_display: str, tmp_path: Path
) -> None:
    """A presenter's clicker types into whatever has the focus: it must be the kiosk."""
    with running_kiosk(xvfb_display, tmp_path):
        windows = set(kiosk_windows(xvfb_display))
        focused = ""
        for _ in range(50):
            focused = xdotool(xvfb_display, "getwindowfocus").stdout.strip()
            if focused in windows:
                break
            time.sleep(0.1)
        assert focused in windows, f"focus is on {focused}, not on the kiosk {windows}"


def test_a_clicker_walks_the_deck_in_a_real_window(xvfb_display: str, tmp_path: Path) -> None:
    """Page Down / Page Up as a wireless presenter sends them, through the X server."""

    def title_after(key: str, expected: str) -> str:
        xdotool(xvfb_display, "key", key)
        name = ""
        for _ in range(50):
            name = xdotool(xvfb_display, "getactivewindow", "getwindowname").stdout.strip()
            name = name or xdotool(xvfb_display, "getwindowfocus", "getwindowname").stdout.strip()
            if name.startswith(expected):
                break
            time.sleep(0.1)
        return name

    with running_kiosk(xvfb_display, tmp_path):
        kiosk_windows(xvfb_display)
        assert title_after("Next", "Plan").startswith("Plan d")
        assert title_after("Next", "Bloc 1").startswith("Bloc 1")
        assert title_after("Prior", "Plan").startswith("Plan d")
        assert title_after("Home", "Centre").startswith("Centre Régional d\u2019Investissement")


def test_the_keypad_and_speech_mode_in_a_real_kiosk_window(
    xvfb_display: str, tmp_path: Path
) -> None:
    """Keypad keys as X sends them: speech on, focus to a tile, open it, back; the
    break-out keys are still swallowed."""
    from kiosk.content import load_content

    library = load_content(REPO / "content").library
    first = library.page_ids[0]
    view = library.view(first, "fr")
    assert view is not None
    config = tmp_path / "config.toml"
    config.write_text(
        'mode = "kiosk"\n[keypad]\nnext = "Right"\nprevious = "Left"\nselect = "Return"\n'
        'back = "Backspace"\nhelp = "F1"\nspeech = "F2"\n',
        encoding="utf-8",
    )
    log_file = tmp_path / "cri-kiosk.log"

    def focused() -> str:
        lines = [line for line in log_file.read_text(encoding="utf-8").splitlines()
                 if "keypad focus: " in line]  # fmt: skip
        return lines[-1].split("keypad focus: ", 1)[1] if lines else ""

    def window_name() -> str:
        return xdotool(xvfb_display, "getwindowfocus", "getwindowname").stdout.strip()

    with running_kiosk(xvfb_display, tmp_path, "--config", str(config), "--verbose") as kiosk:
        window = kiosk_windows(xvfb_display)[0]
        xdotool(xvfb_display, "windowfocus", "--sync", window)
        home_name = window_name()
        xdotool(xvfb_display, "key", "F2")
        for _ in range(40):
            xdotool(xvfb_display, "key", "Right")
            time.sleep(0.1)
            if focused().startswith(view.page.title):
                break
        assert focused().startswith(view.page.title), focused()
        xdotool(xvfb_display, "key", "Return")
        for _ in range(50):
            if window_name().startswith(view.page.title):
                break
            time.sleep(0.1)
        assert window_name().startswith(view.page.title)
        xdotool(xvfb_display, "key", "BackSpace")
        for _ in range(50):
            if window_name() == home_name:
                break
            time.sleep(0.1)
        assert window_name() == home_name
        for keys in XDOTOOL_BREAKOUTS:
            xdotool(xvfb_display, "key", "--clearmodifiers", keys)
        time.sleep(1.0)
        assert kiosk.poll() is None, "the kiosk quit on a key press"
        still = xdotool(xvfb_display, "search", "--onlyvisible", "--name", "Oriental")
        assert still.stdout.split() == [window]
    log_text = log_file.read_text(encoding="utf-8")
    assert "speech mode on" in log_text
