"""A page written to freeze Markdown opens at once as plain text; the kiosk carries on."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from kiosk.ui.navigator import HOME
from tests.ui.conftest import WindowFactory
from tests.ui.visitor import shown_title, tap, tap_home_tile, tap_language

# A guard against freezes of minutes, not a speed target: CPU seconds of this process,
# so that other work on a busy machine does not count.
BOUND_SECONDS = 2.0
PAGE = "telechargements"

BODIES = {
    # The open bug: about 70 s of Python-Markdown on the UI thread.
    "nested brackets": "[" * 20_000 + "x",
    # One unbroken 400 kB line: the plain text must lay out fast too.
    "run of stars": "*" * 200_000 + "x" + "*" * 200_000,
    "lists nested by tabs": "".join("\t" * level + "- item\n" for level in range(900)),
    "tiny paragraphs": "x\n\n" * 150_000,
    # Not pathological: the longest page the limits let through, 5 000 short paragraphs.
    "longest formatted page": ("mot " * 25 + "\n\n") * 4_999,
}


def _break(content: Path, body: str) -> None:
    path = content / "fr" / f"{PAGE}.md"
    text = path.read_text(encoding="utf-8")
    front, _, _ = text.partition("\n+++\n")
    path.write_text(f"{front}\n+++\n\n{body}", encoding="utf-8")


@pytest.mark.parametrize("name", BODIES)
def test_a_page_that_would_freeze_markdown_opens_at_once(
    make_window: WindowFactory, qtbot: QtBot, content_copy: Path, name: str
) -> None:
    _break(content_copy, BODIES[name])
    window = make_window(content=content_copy)
    title = window.library.view(PAGE, "fr")
    assert title is not None

    started = time.process_time()
    tap_home_tile(qtbot, window, PAGE)
    assert time.process_time() - started < BOUND_SECONDS, name
    assert window.current_screen() == PAGE
    assert shown_title(window) == title.page.title
    shown = window.section.text.document().toPlainText()
    assert "".join(shown.split())[:5] == "".join(BODIES[name].split())[:5]

    # Still answering: another language, another page, home.
    started = time.process_time()
    tap_language(qtbot, window, "en")
    tap_home_tile(qtbot, window, "pole-medest")
    assert window.current_screen() == "pole-medest"
    tap(qtbot, window.top_bar.home_button)
    assert window.current_screen() == HOME
    tap_language(qtbot, window, "fr")
    tap_home_tile(qtbot, window, PAGE)
    assert window.current_screen() == PAGE
    assert time.process_time() - started < BOUND_SECONDS, name
