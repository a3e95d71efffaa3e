"""Arabic set to a publication standard: the ink of every glyph stays inside its widget.

Every label, button and tile on every screen, in every language, at 1920x1080,
1080x1920 and 1366x768. The ink is the outline of each glyph as Qt lays the text out
(text_walk.py): the dots under a final ي, kasra and shadda included. It must lie inside
the widget's contents rectangle and inside every parent up to the screen, so a title
that grows out of its tile into the next one fails too. Text in a scrolled view may
scroll out of sight; that is not a cut.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QTextEdit, QWidget

from kiosk.ui.style.fonts import set_label_text

from .conftest import WindowFactory
from .text_walk import every_screen, text_runs, visible_text_widgets

SIZES = [(1920, 1080), (1080, 1920), (1366, 768)]
# Glyph outlines are exact; anti-aliasing may reach half a pixel past them.
TOLERANCE = 0.5


def _inside(ink: QRectF, box: QRectF) -> bool:
    grown = box.adjusted(-TOLERANCE, -TOLERANCE, TOLERANCE, TOLERANCE)
    return grown.contains(ink)


def ink_problems(widget: QWidget, window: QWidget) -> list[str]:
    """Where the ink of ``widget``'s text leaves its contents or one of its parents."""
    runs = text_runs(widget)
    if not runs:
        return []
    ink = QRectF()
    for run in runs:
        ink = ink.united(run.ink)
    text = runs[0].text.replace("\n", " ")[:40]
    name = f"{type(widget).__name__}#{widget.objectName()} {text!r}"
    contents = QRectF(widget.contentsRect()).intersected(QRectF(widget.rect()))
    if not _inside(ink, contents):
        return [f"{name}: ink {_box(ink)} outside its contents {_box(contents)}"]
    child, parent = widget, widget.parentWidget()
    while parent is not None:
        ink = ink.translated(child.pos().toPointF())
        scroll_area = parent.parentWidget()
        if isinstance(scroll_area, QAbstractScrollArea) and parent is scroll_area.viewport():
            break
        if not _inside(ink, QRectF(parent.rect())):
            parent_name = f"{type(parent).__name__}#{parent.objectName()}"
            return [f"{name}: ink {_box(ink)} leaves {parent_name} {_box(QRectF(parent.rect()))}"]
        if parent is window:
            break
        child, parent = parent, parent.parentWidget()
    return []


def _box(rect: QRectF) -> str:
    return f"({rect.left():.1f}, {rect.top():.1f})-({rect.right():.1f}, {rect.bottom():.1f})"


def test_the_dots_under_a_final_ya_are_ink_the_check_sees(
    make_window: WindowFactory, app: QApplication
) -> None:
    """The check itself: a label one line too short loses its dots and is caught."""
    window = make_window(lang="ar")
    label = window.home.hint
    set_label_text(label, "المركز الجهوي")
    label.setFixedHeight(label.heightForWidth(label.width()))
    app.processEvents()
    assert ink_problems(label, window) == []
    label.setFixedHeight(label.height() - label.fontMetrics().descent())
    app.processEvents()
    assert ink_problems(label, window), "a label cut through its descenders must fail"


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_no_ink_outside_its_widget(
    make_window: WindowFactory, app: QApplication, size: tuple[int, int]
) -> None:
    window = make_window(size=size)
    problems: dict[str, str] = {}
    checked = 0
    for screen in every_screen(window, app):
        for widget in visible_text_widgets(window):
            if isinstance(widget, QTextEdit):
                continue  # a page's text scrolls inside its view
            checked += 1
            for problem in ink_problems(widget, window):
                problems.setdefault(problem.split(": ink")[0], f"{screen}: {problem}")
    assert checked > 300, "the walk met too few texts to mean anything"
    assert not problems, "\n".join(problems.values())
