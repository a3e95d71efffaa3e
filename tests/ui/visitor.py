"""What a visitor can do to the kiosk, expressed as real input events."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QTextBrowser, QWidget
from pytestqt.qtbot import QtBot

from kiosk.content.links import section_url
from kiosk.ui.navigator import HOME
from kiosk.ui.screens.text_fragments import scroll_to_link
from kiosk.ui.screens.tile import Tile
from kiosk.ui.window import MainWindow


def tap(qtbot: QtBot, widget: QWidget, pos: QPoint | None = None) -> None:
    """One short tap (press and release, no double click)."""
    assert widget.isVisible(), f"cannot tap hidden {widget!r}"
    assert widget.isEnabled(), f"cannot tap disabled {widget!r}"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or widget.rect().center())
    QApplication.processEvents()


def home_tile(window: MainWindow, page_id: str) -> Tile:
    tile = window.home.tiles[page_id]
    assert tile.isVisible(), f"home tile {page_id} is not visible"
    return tile


def related_tile(window: MainWindow, page_id: str) -> QAbstractButton:
    """What leads to ``page_id`` from a section page: a tile of the related-sections
    strip or, on a page with a picture, the picture's block or pin."""
    for tile in window.section.related_tiles:
        if tile.isVisible() and tile.page_id == page_id:
            return tile
    graphic = window.section.graphic
    if graphic is not None:
        for part in graphic.findChildren(QAbstractButton):
            if part.isVisible() and getattr(part, "page_id", None) == page_id:
                return part
    raise AssertionError(f"no visible related tile or picture part for {page_id}")


def tap_home_tile(qtbot: QtBot, window: MainWindow, page_id: str) -> None:
    """Tap Home if needed, then the section's tile on the home screen."""
    if window.current_screen() != HOME:
        tap(qtbot, window.top_bar.home_button)
    tile = home_tile(window, page_id)
    window.home.scroll_area.ensureWidgetVisible(tile)
    tap(qtbot, tile)


def tap_language(qtbot: QtBot, window: MainWindow, code: str) -> None:
    tap(qtbot, window.top_bar.language_buttons[code])


def tap_button(qtbot: QtBot, button: QAbstractButton) -> None:
    tap(qtbot, button)


def held_move(widget: QWidget, point: QPoint) -> None:
    """Move to ``point`` with the left button held (QTest's own mouseMove drops it)."""
    move = QMouseEvent(
        QEvent.Type.MouseMove,
        QPointF(point),
        QPointF(widget.mapToGlobal(point)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(widget, move)


def drag(qtbot: QtBot, widget: QWidget, start: QPoint, end: QPoint) -> None:
    """A finger (or mouse) drag from ``start`` to ``end`` in ``widget`` coordinates.

    Moves carry the held button (QTest's own mouseMove does not) and come one
    frame apart, as from a real touch screen, so flick gestures see a velocity.
    """
    qtbot.mousePress(widget, Qt.MouseButton.LeftButton, pos=start)
    steps = 8
    point = start
    for step in range(1, steps + 1):
        qtbot.wait(16)
        point = start + (end - start) * (step / steps)
        held_move(widget, point)
    qtbot.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=end)
    QApplication.processEvents()


def swipe(qtbot: QtBot, window: MainWindow, leftwards: bool) -> None:
    """A horizontal swipe across the section text."""
    viewport = window.section.text.viewport()
    middle = viewport.rect().center()
    offset = QPoint(viewport.width() // 3, 0)
    start, end = (
        (middle + offset, middle - offset) if leftwards else (middle - offset, middle + offset)
    )
    drag(qtbot, viewport, start, end)


def link_position(browser: QTextBrowser, page_id: str) -> QPoint:
    """Viewport position of the first link to section ``page_id``, scrolled into view."""
    return anchor_position(browser, section_url(page_id))


def anchor_position(browser: QTextBrowser, target: str) -> QPoint:
    """Viewport position of the first link to ``target`` (an href), scrolled into view."""
    position = scroll_to_link(browser, target)
    if position is None:
        raise AssertionError(f"no link to {target} in the page")
    QApplication.processEvents()
    return position


def shown_title(window: MainWindow) -> str:
    """The where-am-I title the visitor reads (the page header, or the top bar on home)."""
    if window.current_screen() == HOME:
        return window.top_bar.title_label.accessibleName()
    assert window.stack.currentWidget() is window.section
    return window.section.title_label.accessibleName()
