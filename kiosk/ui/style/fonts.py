"""Fonts on widgets: line spacing suited to each script, families set widget by widget."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QFont, QFontInfo, QFontMetricsF, QTextLayout, QTextOption
from PySide6.QtWidgets import QLabel, QWidget

from kiosk.font_families import families_for

# Noto Sans Arabic's line spacing is 2.11 em, about 1.55 times Noto Sans's at the same
# size (room for stacked marks); wrapped Arabic titles would look double-spaced and push
# tiles off screen. Three quarters of it (1.58 em between baselines) keeps a line's dots
# and marks clear of the next line's (ink spans at most 0.95 em above the baseline, أ,
# and 0.5 em below, kasratan) and reads like the Latin text.
ARABIC_LINE_HEIGHT_PERCENT = 75
# A tightened line keeps the font's ascent above its baseline but loses part of its
# descent: the last line would lose the dots under ي and ب. An empty closing line of
# this share of the spacing gives back what the deepest mark needs (0.5 em below the
# baseline, less the 0.21 em a tightened line keeps, plus a hair): 0.31 em = 15 %.
ARABIC_LAST_LINE_PERCENT = 16
# Above its baseline a line keeps the font's whole ascent (1.37 em) while Arabic ink
# reaches 0.95 em at most (the hamza of أ): a label's first line starts this far from
# its top, and the rest is trimmed so wrapped Arabic sits where Latin text would.
ARABIC_INK_ABOVE_EM = 1.0
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
        _trim_top(label)
        return
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setText(tight_arabic_html(text))
    if label.findChild(_ArabicTopTrim) is None:
        _ArabicTopTrim(label)
    _trim_top(label)


class _ArabicTopTrim(QObject):
    """Trims a label's top again when the style sheet gives it another font size."""

    def __init__(self, label: QLabel) -> None:
        super().__init__(label)
        label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange and isinstance(watched, QLabel):
            _trim_top(watched)
        return False


def _trim_top(label: QLabel) -> None:
    """Pull an Arabic label's first line up to its ink (a negative top margin); undo it
    for other text. A label the style sheet gives padding or a border keeps its box."""
    margins = label.contentsMargins()
    ours = int(label.property("arabicTopTrim") or 0)
    if margins.top() not in (0, -ours) or margins.bottom() > 0:
        return
    trim = 0
    if label.textFormat() == Qt.TextFormat.RichText and uses_arabic_script(label.accessibleName()):
        metrics = QFontMetricsF(label.font())
        em = QFontInfo(label.font()).pixelSize()
        trim = max(0, int(metrics.ascent() - ARABIC_INK_ABOVE_EM * em))
    if trim != ours or margins.top() != -trim:
        label.setProperty("arabicTopTrim", trim)
        label.setContentsMargins(margins.left(), -trim, margins.right(), margins.bottom())


def tight_arabic_html(text: str) -> str:
    """Plain ``text`` as HTML with Arabic line spacing and room for the last line's dots."""
    escaped = html.escape(text).replace("\n", "<br>")
    return (
        f'<p style="line-height:{ARABIC_LINE_HEIGHT_PERCENT}%; margin:0">{escaped}</p>'
        f'<p style="line-height:{ARABIC_LAST_LINE_PERCENT}%; margin:0">&nbsp;</p>'
    )


def text_block(
    text: str, font: QFont, width: float, option: QTextOption
) -> tuple[QTextLayout, float]:
    """``text`` wrapped to ``width`` as a painted picture sets it: lines positioned
    (Arabic at ARABIC_LINE_HEIGHT_PERCENT of the font's spacing), and the height the
    block needs, room for the last line's dots included."""
    metrics = QFontMetricsF(font)
    spacing = metrics.lineSpacing()
    arabic = uses_arabic_script(text)
    advance = spacing * ARABIC_LINE_HEIGHT_PERCENT / 100 if arabic else spacing
    layout = QTextLayout(text, font)
    layout.setTextOption(option)
    layout.beginLayout()
    count = 0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(max(1.0, width))
        line.setPosition(QPointF(0, count * advance))
        count += 1
    layout.endLayout()
    height = count * advance
    if arabic and count:
        height += spacing * ARABIC_LAST_LINE_PERCENT / 100
    return layout, height


def set_script_families(root: QWidget, is_rtl: bool) -> None:
    """Give ``root`` and every widget in it the font families of a script.

    Style sheets stop Qt's font propagation (a parent's new font never reaches a
    styled child), and putting the families in the sheet costs a re-polish of every
    widget on each switch between scripts. Setting the families on each widget keeps
    its sheet's size and weight (a later re-polish resolves the sheet over this font),
    and widgets created later take them from their parent. Widgets whose own sheet
    names a family keep theirs (the attract screen paints each script in its own font).
    """
    families = families_for(is_rtl)
    for widget in (root, *root.findChildren(QWidget)):
        if widget.font().families() == families or "font-family" in widget.styleSheet():
            continue
        font = QFont(widget.font())
        font.setFamilies(families)
        widget.setFont(font)
