"""Every screen, every size: nothing outside the window, every control at least 9 mm.

Sizes: landscape 1920x1080, portrait totem 1080x1920, laptop 1366x768, in every language
at normal and largest text size; and 4K (3840x2160 device pixels) at device-pixel-ratio 2,
in a subprocess started with QT_SCALE_FACTOR=2 (the window is then 1920x1080 logical
pixels drawn on 3840x2160 device pixels). How millimetres are computed: size_walk.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QApplication

from tests.conftest import REPO

from .conftest import WindowFactory
from .size_walk import walk


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1366, 768)])
def test_every_screen_fits_and_is_touchable(
    make_window: WindowFactory, app: QApplication, size: tuple[int, int]
) -> None:
    window = make_window(size=size)
    problems = walk(window, app, size)
    assert not problems, "\n".join(problems[:20])


@pytest.mark.slow
def test_4k_at_device_pixel_ratio_2() -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR="2")
    result = subprocess.run(
        [sys.executable, "-m", "tests.ui.size_walk", "1920x1080"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.stdout.strip(), result.stderr[-2000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["dpr"] == 2.0, "the window must be drawn at device-pixel-ratio 2"
    assert not report["problems"], "\n".join(report["problems"][:20])
    assert result.returncode == 0, result.stderr[-2000:]
