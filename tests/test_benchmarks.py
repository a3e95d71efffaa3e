"""The benchmark harness itself (make bench runs it; it is never timed in make test)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from benchmarks.measure import Figure, ProcessRun, percentile
from benchmarks.report import table, write
from tests.conftest import REPO


def test_percentiles_interpolate_between_ranks() -> None:
    values = [10.0, 20.0, 30.0, 40.0, 50.0]
    assert percentile(values, 50) == 30.0
    assert percentile(values, 95) == pytest.approx(48.0)
    assert percentile([7.0], 95) == 7.0
    with pytest.raises(ValueError):
        percentile([], 50)


def test_a_process_reports_its_first_frame_on_the_monotonic_clock() -> None:
    run = ProcessRun(0.5, 0, 0, "log line\nhome screen painted at 105.25 s (monotonic clock)\n",
                     started_at=105.0)  # fmt: skip
    assert run.painted() == pytest.approx(0.25)
    assert ProcessRun(0.5, 0, 0, "no paint", started_at=1.0).painted() is None


def test_the_table_marks_missed_targets(capsys: pytest.CaptureFixture[str]) -> None:
    figures = [
        Figure("startup", "kiosk / bare window", 2.4, "x", "<= 2", False),
        Figure("navigation", "p95", 9.26, "ms", "<= 16.7", True),
        Figure("soak", "exceptions", 0, "", "= 0", True),
    ]
    text = table(figures)
    assert "| startup | kiosk / bare window | 2.40x | <= 2 | **no** |" in text
    assert "| navigation | p95 | 9.3 ms | <= 16.7 | yes |" in text
    write(figures, as_json=True)
    out = capsys.readouterr()
    document = json.loads(out.out)
    assert [f["ok"] for f in document["figures"]] == [False, True, True]
    assert document["machine"]["date"]
    assert "| soak | exceptions |" in out.err


def test_the_command_line_lists_its_groups() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--help"],
        cwd=REPO, capture_output=True, text=True, check=True, timeout=60,
    )  # fmt: skip
    groups = ("startup", "interaction", "attract", "documents", "scale", "speech", "fleet")
    for group in (*groups, "restyle"):
        assert group in result.stdout
