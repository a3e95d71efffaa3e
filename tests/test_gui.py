"""One real-window smoke test: the kiosk on the xcb platform under Xvfb."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator

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
