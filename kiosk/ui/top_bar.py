"""The always-visible top bar: Home, Back, where-am-I title and the language switcher."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QButtonGroup, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.content.model import Language
from kiosk.ui import icons
from kiosk.ui.theme import PALETTE, Metrics


class TopBar(QFrame):
    """Navigation and language controls. Emits what the visitor asked for."""

    home_requested = Signal()
    back_requested = Signal()
    language_requested = Signal(str)

    def __init__(self, languages: tuple[Language, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TopBar")
        self.home_button = QPushButton(self)
        self.back_button = QPushButton(self)
        for button in (self.home_button, self.back_button):
            button.setObjectName("BarButton")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("BarTitle")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._full_title = ""

        self._language_group = QButtonGroup(self)
        self._language_group.setExclusive(True)
        self.language_buttons: dict[str, QPushButton] = {}
        layout = QHBoxLayout(self)
        self._layout = layout
        layout.addWidget(self.home_button)
        layout.addWidget(self.back_button)
        layout.addWidget(self.title_label, 1)
        for language in languages:
            button = QPushButton(language.name, self)
            button.setObjectName("LanguageButton")
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            # Each language is named in its own language, in its own direction.
            button.setLayoutDirection(
                Qt.LayoutDirection.RightToLeft
                if language.is_rtl
                else Qt.LayoutDirection.LeftToRight
            )
            button.clicked.connect(
                lambda _=False, code=language.code: self.language_requested.emit(code)
            )
            self._language_group.addButton(button)
            self.language_buttons[language.code] = button
            layout.addWidget(button)

        self.home_button.clicked.connect(self.home_requested)
        self.back_button.clicked.connect(self.back_requested)
        self._icon_size = QSize(40, 40)
        self.retranslate_ui()

    def set_title(self, title: str) -> None:
        self._full_title = title
        self.title_label.setToolTip("")
        self._elide_title()

    def set_current_language(self, code: str) -> None:
        button = self.language_buttons.get(code)
        if button is not None:
            button.setChecked(True)

    def set_back_enabled(self, enabled: bool) -> None:
        self.back_button.setEnabled(enabled)

    def apply_metrics(self, metrics: Metrics) -> None:
        pad = metrics.px(16)
        self._layout.setContentsMargins(pad, pad // 2, pad, pad // 2)
        self._layout.setSpacing(metrics.px(12))
        side = metrics.px(40)
        self._icon_size = QSize(side, side)
        self._refresh_icons()
        self._elide_title()

    def retranslate_ui(self) -> None:
        self.home_button.setText(self.tr("Home"))
        self.back_button.setText(self.tr("Back"))
        self.home_button.setAccessibleName(self.tr("Home"))
        self.back_button.setAccessibleName(self.tr("Back"))
        for code, button in self.language_buttons.items():
            button.setAccessibleName(button.text())
            button.setProperty("language", code)
        self._refresh_icons()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        elif event.type() == QEvent.Type.LayoutDirectionChange:
            self._refresh_icons()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide_title()

    def _refresh_icons(self) -> None:
        # The back arrow points against the reading direction.
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        back = "mdi6.arrow-right" if rtl else "mdi6.arrow-left"
        self.back_button.setIcon(icons.icon(back, PALETTE.brand_ink))
        self.home_button.setIcon(icons.icon("mdi6.home", PALETTE.brand_ink))
        for button in (self.home_button, self.back_button):
            button.setIconSize(self._icon_size)

    def _elide_title(self) -> None:
        metrics = self.title_label.fontMetrics()
        width = max(0, self.title_label.width() - 8)
        shown = metrics.elidedText(self._full_title, Qt.TextElideMode.ElideRight, width)
        self.title_label.setText(shown)
        self.title_label.setAccessibleName(self._full_title)
