"""Fonts on widgets: line spacing suited to each script, families set widget by widget."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.font_families import families_for

# Noto Sans Arabic's line spacing is about 1.55 times Noto Sans's at the same size
# (room for stacked marks); wrapped Arabic titles would look double-spaced and push
# tiles off screen. This share of the font's own spacing reads like the Latin text.
ARABIC_LINE_HEIGHT_PERCENT = 75
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")


def uses_arabic_script(text: str) -> bool:
    return _ARABIC_SCRIPT.search(text) is not None


def set_label_text(label: QLabel, text: str, tight_lines: bool = True) -> None:
    """Show plain ``text`` in a wrapping label, with line spacing suited to its script.

    ``tight_lines=False`` keeps the font's own spacing: tightened Arabic lines lose the
    bottom of the last line's descenders, which shows on large single-line titles.
    """
    label.setAccessibleName(text)
    if not tight_lines or not uses_arabic_script(text):
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setText(text)
        return
    label.setTextFormat(Qt.TextFormat.RichText)
    escaped = html.escape(text).replace("\n", "<br>")
    label.setText(f'<p style="line-height:{ARABIC_LINE_HEIGHT_PERCENT}%">{escaped}</p>')


def set_script_families(root: QWidget, is_rtl: bool) -> None:
    """Give ``root`` and every widget in it the font families of a script.

    Style sheets stop Qt's font propagation (a parent's new font never reaches a
    styled child), and putting the families in the sheet costs a re-polish of every
    widget on each switch between scripts. Setting the families on each widget keeps
    its sheet's size and weight (a later re-polish resolves the sheet over this font),
    and widgets created later take them from their parent. Widgets whose own sheet
    names a family (the attract screen shows every script in turn) keep theirs.
    """
    families = families_for(is_rtl)
    for widget in (root, *root.findChildren(QWidget)):
        if widget.font().families() == families or "font-family" in widget.styleSheet():
            continue
        font = QFont(widget.font())
        font.setFamilies(families)
        widget.setFont(font)
