"""The way up from a sub-section: an arrow and the parent section's title, in the header."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

from kiosk.ui.style import icons
from kiosk.ui.style.fonts import set_label_text
from kiosk.ui.style.theme import Metrics, active_palette

# Design sizes (px at 1080) of the title: the tile type size, down to the smallest
# text the kiosk shows (the visitor's larger text steps start above it).
LINK_SIZE = 24
FLOOR_SIZE = 24


class ParentLink(QPushButton):
    """A button whose title wraps on two lines: long parent titles are never cut."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ParentLink")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.icon_label = QLabel(self)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("ParentLinkTitle")
        self.title_label.setWordWrap(True)
        for label in (self.icon_label, self.title_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QHBoxLayout(self)
        self._layout = layout
        layout.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(self.title_label, 1, Qt.AlignmentFlag.AlignVCenter)
        self._metrics = Metrics(1.0)
        self._rtl = False

    def set_title(self, title: str, rtl: bool) -> None:
        # The font's own line spacing: tightened Arabic lines lose the dots below.
        set_label_text(self.title_label, title, tight_lines=False)
        self._rtl = rtl
        self._refresh_icon()

    def title(self) -> str:
        return self.title_label.accessibleName()

    def fit(self, widest: int, height: int) -> None:
        """At most ``widest`` wide and ``height`` high: the largest type size at which
        the title fits (it wraps), so a long parent title is never cut."""
        self.setFixedHeight(height)
        margins = self._layout.contentsMargins()
        width = widest - margins.left() - margins.right()
        width -= self.icon_label.width() + self._layout.spacing()
        room = height - margins.top() - margins.bottom()
        chosen = self._metrics.px(FLOOR_SIZE)
        for size in range(self._metrics.font(LINK_SIZE), chosen - 1, -1):
            font = QFont(self.title_label.font())
            font.setPixelSize(size)
            box = QFontMetrics(font).boundingRect(
                0, 0, max(1, width), 100 * room, int(Qt.TextFlag.TextWordWrap), self.title()
            )
            if box.height() <= room:
                chosen = size
                break
        font = QFont(self.title_label.font())
        font.setPixelSize(chosen)
        one_line = QFontMetrics(font).horizontalAdvance(self.title()) + 2
        self.setFixedWidth(min(widest, widest - width + one_line))
        sheet = f"font-size: {chosen}px;"
        if self.title_label.styleSheet() != sheet:
            self.title_label.setStyleSheet(sheet)

    def apply_metrics(self, metrics: Metrics) -> None:
        self._metrics = metrics
        pad = metrics.px(8)
        self._layout.setContentsMargins(metrics.px(12), pad, metrics.px(16), pad)
        self._layout.setSpacing(metrics.px(10))
        self._refresh_icon()

    def _refresh_icon(self) -> None:
        side = self._metrics.px(36)
        name = "mdi6.arrow-up-right" if self._rtl else "mdi6.arrow-up-left"
        pixmap = icons.icon(name, active_palette().brand).pixmap(
            QSize(side, side), self.devicePixelRatioF()
        )
        self.icon_label.setPixmap(pixmap)
        self.icon_label.setFixedSize(side, side)

    # QPushButton sizes itself from its text; this one from its layout.
    def sizeHint(self) -> QSize:
        return self._layout.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self._layout.minimumSize()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout.totalHeightForWidth(width)
