"""The kiosk on the stack a kiosk box runs: cage, started as cri-kiosk.service starts it.

Each session runs the unit's own command and environment (see cage_session.py) and is
judged from the compositor's screenshots (grim): home painted, covering the whole
output, mirrored in Arabic, in landscape and on a portrait output; then the session is
stopped as systemd stops the unit and every process must be gone cleanly.

Landscape runs on an output turned 180 degrees. cage 0.1.4 (Debian 12) hands a window
that exactly covers the output straight to the output ("direct scan-out"); on wlroots
0.15's headless backend such frames never reach the compositor's screenshots, which
then keep a stale or black picture, whatever the client (a bare QLabel too). A turned
output makes cage compose every frame, as it does on a real DRM output for the shared
memory buffers Qt's software rendering gives. Debian 12's cage has no output-management
protocol (wlr-randr reports it unsupported), so portrait is a new session on an output
turned 90 degrees rather than a rotation of the running one.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.stack.cage_session import Run, missing_tools, run_session
from tests.stack.screen_picture import mirrored

pytestmark = [pytest.mark.slow, pytest.mark.cage]


@pytest.fixture(scope="module")
def runs(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Run]]:
    missing = missing_tools()
    if missing:
        pytest.skip(
            f"cage stack not installed: apt-get install {' '.join(missing)} "
            "(make test installs it as root)"
        )
    root = tmp_path_factory.mktemp("cage")
    root.chmod(0o755)
    results = {}
    for language in ("fr", "ar"):
        for orientation, transform in (("landscape", 180), ("portrait", 90)):
            name = f"{language}-{orientation}"
            results[name] = run_session(root, name, language, transform)
    yield results


@pytest.mark.parametrize("name", ["fr-landscape", "ar-landscape", "fr-portrait", "ar-portrait"])
def test_home_is_painted_over_the_whole_output(runs: dict[str, Run], name: str) -> None:
    run = runs[name]
    assert run.picture is not None, f"no screenshot at all\n{run.describe()}"
    picture = run.picture
    portrait = name.endswith("portrait")
    assert (picture.height > picture.width) == portrait, (picture.width, picture.height)
    assert picture.black_share() < 0.005, (
        f"{picture.black_share():.1%} of the output is black: {run.screenshot}\n{run.describe()}"
    )
    assert picture.edges_covered(), f"the window leaves an edge uncovered: {run.screenshot}"
    # Home has text, tiles and icons, not one flat colour.
    assert picture.colours() >= 24, f"only {picture.colours()} colours: {run.screenshot}"


@pytest.mark.parametrize("orientation", ["landscape", "portrait"])
def test_arabic_home_is_the_mirror_of_french(runs: dict[str, Run], orientation: str) -> None:
    french, arabic = runs[f"fr-{orientation}"].picture, runs[f"ar-{orientation}"].picture
    assert french is not None and arabic is not None
    assert mirrored(french, arabic)
    assert not mirrored(french, french)


@pytest.mark.parametrize("name", ["fr-landscape", "ar-landscape", "fr-portrait", "ar-portrait"])
def test_the_kiosk_does_not_fight_the_compositor(runs: dict[str, Run], name: str) -> None:
    """No warning at all in the kiosk's log: in particular no "restoring it" from the
    lock-down, which on Wayland used to take the compositor's first configure (no
    fullscreen state yet) for a visitor leaving fullscreen."""
    run = runs[name]
    assert "kiosk mode" in run.kiosk_log or "statistics" in run.kiosk_log, run.describe()
    problems = [
        line
        for line in run.kiosk_log.splitlines()
        if " WARNING " in line or " ERROR " in line or " CRITICAL " in line
    ]
    assert problems == [], run.describe()
    assert "Could not load the Qt platform plugin" not in run.compositor, run.describe()


@pytest.mark.parametrize("name", ["fr-landscape", "ar-portrait"])
def test_stopping_the_unit_ends_the_kiosk_cleanly(runs: dict[str, Run], name: str) -> None:
    run = runs[name]
    assert run.stop_error == "", run.stop_error
    assert run.stop_seconds is not None and run.stop_seconds < 10.0
    assert "stopping on signal 15" in run.kiosk_log, run.describe()
    assert "Traceback" not in run.kiosk_log + run.compositor, run.describe()
