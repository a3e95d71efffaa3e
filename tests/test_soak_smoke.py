"""The soak (make soak) in miniature: its visitor and its counting must keep working."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO

# psutil comes with the bench extra only: the soak must run without it (make test).
SCRIPT = """
import sys
from pathlib import Path
sys.modules["psutil"] = None
from benchmarks.soak import main
sys.exit(main(sys.argv[1:]))
"""


@pytest.mark.slow
def test_a_short_soak_passes_with_every_kind_of_interaction(tmp_path: Path) -> None:
    plot = tmp_path / "rss.png"
    args = ["--interactions", "150", "--checkpoint-every", "75", "--idle", "1,1,0"]
    args += ["--plot", str(plot)]
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, *args, "--seed", "3", "--json", "--quiet"],
        cwd=REPO,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    figures = {figure["name"]: figure for figure in json.loads(result.stdout)["figures"]}
    assert figures["interactions"]["value"] == 150
    assert figures["exceptions and errors"]["value"] == 0
    assert figures["Qt warnings"]["value"] == 0
    # The kiosk really reset itself (twice, at the checkpoints) and was visited again.
    assert figures["idle resets (attract screen shown)"]["value"] >= 2
    assert figures["visits recorded"]["value"] >= 2
    assert figures["language switches"]["value"] >= 1
    assert "soak: the visitor did: " in result.stderr
    # RSS after every interaction, with no document open and without one.
    assert figures["RSS max, no document open (after every interaction)"]["value"] > 0
    # The plot needs matplotlib (the bench extra), which make test does not install.
    has_matplotlib = importlib.util.find_spec("matplotlib") is not None
    assert plot.exists() == has_matplotlib
