"""What a visitor can touch on the screen shown, in reading order, and what each is called.

One list serves the keypad's focus order and speech mode's description of a screen: the
open overlay's controls if one is open, else the top bar's, the speech bar's and the
screen's. Reading order is by rows, then along the row in the reading direction (right
to left in Arabic). Names are the accessible names (QAccessible), never a widget's text
compared with anything.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QWidget

from kiosk.ui.overlay import open_overlays


def accessible_name(widget: QWidget) -> str:
    """The name assistive technology reads for ``widget`` (its accessible interface)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    name = interface.text(QAccessible.Text.Name) if interface is not None else ""
    return (name or widget.accessibleName()).strip()


def layer_roots(window: QWidget) -> list[QWidget]:
    """The widgets whose controls are in front: the top overlay, else the screen parts."""
    overlays = open_overlays(window)
    if overlays:
        return [overlays[-1]]
    return [window]


def spoken_language(widget: QWidget) -> str:
    """The language a control's name is in when it is not the screen's: each language
    button is named in its own language, and must be spoken by that language's voice."""
    code = widget.property("language")
    return code if isinstance(code, str) else ""


def window_rect(widget: QWidget, window: QWidget) -> QRect:
    """Where ``widget`` is in ``window``, as if no scroll area around it were scrolled:
    the reading order must not change when the keypad scrolls a control into view."""
    rect = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea):
            rect.translate(parent.horizontalScrollBar().value(), parent.verticalScrollBar().value())
        parent = parent.parentWidget()
    return rect


def controls(window: QWidget, rtl: bool) -> list[QAbstractButton]:
    """The touchable controls in front, in reading order."""
    found: list[QAbstractButton] = []
    overlays: set[QWidget] = set(open_overlays(window))
    for root in layer_roots(window):
        for button in root.findChildren(QAbstractButton):
            if not button.isVisibleTo(root) or not button.isEnabled():
                continue
            if root is window and _inside_any(button, overlays):
                continue
            if _scrolled_out(button) or not button.isVisible():
                continue
            found.append(button)
    return reading_order(found, window, rtl)


def reading_order(
    widgets: list[QAbstractButton], window: QWidget, rtl: bool
) -> list[QAbstractButton]:
    """Rows from the top; along each row from the leading edge. Controls share a row when
    each one's middle is level with the other (buttons of different heights, one bar)."""
    rects = {id(w): window_rect(w, window) for w in widgets}
    ordered = sorted(widgets, key=lambda w: (rects[id(w)].center().y(), rects[id(w)].left()))
    rows: list[list[QAbstractButton]] = []
    band = QRect()
    for widget in ordered:
        rect = rects[id(widget)]
        middle = rect.center().y()
        if rows and band.top() <= middle <= band.bottom() and rect.top() <= band.center().y():
            rows[-1].append(widget)
            band = band.united(rect)
            continue
        rows.append([widget])
        band = QRect(rect)
    result: list[QAbstractButton] = []
    for row in rows:
        row.sort(key=lambda w: rects[id(w)].center().x(), reverse=rtl)
        result.extend(row)
    return result


def _inside_any(widget: QWidget, ancestors: set[QWidget]) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if parent in ancestors:
            return True
        parent = parent.parentWidget()
    return False


def _scrolled_out(widget: QWidget) -> bool:
    """Inside a scroll area but not in its viewport: still reachable (the keypad scrolls
    to it), so only widgets hidden by their parents count as out."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return False
        if not parent.isVisible():
            return True
        parent = parent.parentWidget()
    return False


def scroll_into_view(widget: QWidget) -> None:
    """Scroll every scroll area around ``widget`` so that it is shown."""
    from PySide6.QtWidgets import QScrollArea

    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            parent.ensureWidgetVisible(widget)
        parent = parent.parentWidget()


def control_at(widget: QWidget | None) -> QAbstractButton | None:
    """The control a touch on ``widget`` activates (the tile around its label...)."""
    while widget is not None:
        if isinstance(widget, QAbstractButton):
            return widget
        if widget.isWindow():
            return None
        widget = widget.parentWidget()
    return None
