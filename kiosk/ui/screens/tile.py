"""A large tappable tile: icon, title and optional one-line summary."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.ui.style import icons
from kiosk.ui.style.fonts import set_label_text
from kiosk.ui.style.theme import Metrics, active_palette


class Tile(QPushButton):
    """A section tile. ``kind`` is "parent" (a section with sub-sections) or "page".

    Compact tiles (related sections on a page) lay out icon and title in one row.
    The tile carries the page id it leads to; behaviour never depends on its text.
    """

    # The style sheet gave a label another font (script or text size): the tile's
    # height for a given width has changed.
    fonts_changed = Signal()

    def __init__(
        self, page_id: str, kind: str = "page", compact: bool = False, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.page_id = page_id
        self.kind = kind
        self.compact = compact
        self._icon_name = ""
        self._icon_size = 48
        self._hero = False
        self._icon_key: tuple[str, str, int, float] | None = None
        self.setObjectName("Tile")
        self.setProperty("kind", kind)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

        self._icon = QLabel(self)
        self._title = QLabel(self)
        self._summary = QLabel(self)
        self._title.setObjectName("TileTitle")
        self._summary.setObjectName("TileSummary")
        for label in (self._icon, self._title, self._summary):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            label.setProperty("kind", kind)
            label.installEventFilter(self)
        self._title.setProperty("compact", "true" if compact else "false")
        self._title.setWordWrap(True)
        self._summary.setWordWrap(True)
        self._summary.setVisible(not compact)

        # Icon beside the title saves a row of height; the summary goes underneath.
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(self._icon, 0, Qt.AlignmentFlag.AlignVCenter)
        head.addWidget(self._title, 1)
        self._head = head
        layout = QVBoxLayout(self)
        self._layout = layout
        layout.addLayout(head)
        if not compact:
            layout.addWidget(self._summary)
            layout.addStretch(1)

    def set_texts(self, title: str, summary: str, icon_name: str) -> None:
        """Fill the tile for the current language."""
        set_label_text(self._title, title)
        set_label_text(self._summary, summary)
        self._summary.setVisible(not self.compact and bool(summary))
        self.setAccessibleName(title)
        self.setAccessibleDescription(summary)
        self._icon_name = icon_name
        self._refresh_icon()

    def title(self) -> str:
        return self._title.accessibleName()

    def set_hero(self, hero: bool) -> None:
        """A pillar's card: its title and summary in larger type (style sheet ``hero``)."""
        self._hero = hero
        for label in (self._title, self._summary):
            label.setProperty("hero", "true" if hero else "false")
            label.style().unpolish(label)
            label.style().polish(label)

    def watch_fonts(self, label: QLabel) -> None:
        """Refit when ``label`` (a part a subclass adds) gets another font."""
        label.installEventFilter(self)

    def apply_metrics(self, metrics: Metrics) -> None:
        """Resize paddings and icon for the window's type scale."""
        pad = metrics.px(18 if self.compact else 20 if self._hero else 26)
        self._layout.setContentsMargins(pad, pad, pad, pad)
        self._layout.setSpacing(metrics.px(10))
        self._head.setSpacing(metrics.px(16))
        self._icon_size = metrics.px(40 if self.compact else 64 if self._hero else 52)
        self.setMinimumHeight(metrics.touch)
        self._refresh_icon()

    def set_icon_size(self, side: int) -> None:
        self._icon_size = side
        self._refresh_icon()

    def _refresh_icon(self) -> None:
        if not self._icon_name:
            return
        color = active_palette().brand_ink if self.kind == "parent" else active_palette().brand
        # Drawing an icon is not free: a new language alone keeps the one shown.
        key = (self._icon_name, color, self._icon_size, self.devicePixelRatioF())
        if key == self._icon_key:
            return
        self._icon_key = key
        size = QSize(self._icon_size, self._icon_size)
        pixmap = icons.icon(self._icon_name, color).pixmap(size, self.devicePixelRatioF())
        self._icon.setPixmap(pixmap)
        self._icon.setFixedSize(size)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FontChange:
            self.fonts_changed.emit()
        return False

    # QPushButton sizes itself from its text; a tile's size comes from its layout.
    def sizeHint(self) -> QSize:
        return self._layout.sizeHint()

    def minimumSizeHint(self) -> QSize:
        return self._layout.minimumSize()

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout.totalHeightForWidth(width)
