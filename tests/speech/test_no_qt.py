"""The speech engine never imports Qt: ``cri-kiosk speak`` works without a display."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.conftest import REPO

SCRIPT = textwrap.dedent(
    """
    import sys
    from importlib.abc import MetaPathFinder

    class NoQt(MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("PySide6", "shiboken6"):
                raise ImportError(f"Qt is blocked in this test: import {name}")
            return None

    sys.meta_path.insert(0, NoQt())
    from kiosk.speech.speaker import Speaker

    speaker = Speaker()
    clip = speaker.synthesize("Bonjour.", "fr")
    speaker.close()
    print(clip.seconds > 0.3, sorted(n for n in sys.modules if n.startswith("PySide6")))
    """
)


def test_the_speech_engine_runs_without_qt() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT], cwd=REPO, capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["True", "[]"], proc.stdout
