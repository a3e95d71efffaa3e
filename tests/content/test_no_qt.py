"""The content model never imports Qt (like napari's model/view split).

``kiosk.content`` must stay usable without a display and without PySide6, so that
``cri-kiosk check`` logic, tools and tests can load content anywhere. This is checked
in a fresh interpreter where every Qt import fails.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

from .conftest import REPO, SHIPPED_CONTENT

SCRIPT = textwrap.dedent(
    """
    import sys
    from importlib.abc import MetaPathFinder

    BLOCKED = ("PySide6", "shiboken6", "qtpy", "qtawesome", "PyQt5", "PyQt6")

    class NoQt(MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ImportError(f"Qt is blocked in this test: import {name}")
            return None

    sys.meta_path.insert(0, NoQt())

    from pathlib import Path

    import kiosk.content
    from kiosk.content import load_content, render_markdown, validate_library

    result = load_content(Path(sys.argv[1]))
    library = result.library
    problems = [*result.problems, *validate_library(library)]
    for lang in library.site.language_codes:
        for page in library.pages_in(lang).values():
            render_markdown(page, library.has_page, library.documents.has)
    loaded = sorted(name for name in sys.modules if name.split(".")[0] in BLOCKED)
    print(len(library.page_ids), len(problems), loaded)
    """
)


def test_content_layer_loads_without_qt() -> None:
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(SHIPPED_CONTENT)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert proc.returncode == 0, f"--- stdout ---\n{proc.stdout}\n--- stderr ---\n{proc.stderr}"
    assert proc.stdout.split() == ["10", "0", "[]"], proc.stdout


def test_blocking_really_blocks_qt() -> None:
    """The guard of the test above works: importing Qt with it fails."""
    script = SCRIPT.split("from pathlib import Path")[0] + "import PySide6.QtCore\n"
    proc = subprocess.run(
        [sys.executable, "-c", script],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert proc.returncode != 0
    assert "Qt is blocked in this test: import PySide6" in proc.stderr
