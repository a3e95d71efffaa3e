"""The always-visible top bar: Home, Back, the reading aids and the language switcher."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from kiosk.content.model import Language
from kiosk.i18n import fill
from kiosk.ui.follows_language import FollowsLanguage
from kiosk.ui.screens.graphics.numbers import western_digits
from kiosk.ui.style import icons
from kiosk.ui.style.theme import TEXT_STEPS, Metrics, active_palette


class TopBar(FollowsLanguage, QFrame):
    """Navigation and language controls. Emits what the visitor asked for."""

    home_requested = Signal()
    back_requested = Signal()
    language_requested = Signal(str)
    text_step_requested = Signal(int)
    high_contrast_requested = Signal(bool)
    speech_requested = Signal(bool)

    def __init__(self, languages: tuple[Language, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("TopBar")
        self.home_button = QPushButton(self)
        self.back_button = QPushButton(self)
        for button in (self.home_button, self.back_button):
            button.setObjectName("BarButton")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Reading aids: a three-step text size (cycles on each tap) and high contrast.
        self.text_size_button = QPushButton(self)
        self.text_size_button.setObjectName("BarButton")
        self.text_size_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.contrast_button = QPushButton(self)
        self.contrast_button.setObjectName("BarButton")
        self.contrast_button.setCheckable(True)
        self.contrast_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # Speech mode (screen read aloud): first among the aids, on every screen.
        self.speech_button = QPushButton(self)
        self.speech_button.setObjectName("BarButton")
        self.speech_button.setCheckable(True)
        self.speech_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.speech_button.clicked.connect(self.speech_requested)
        self._text_step = 0
        self.text_size_button.clicked.connect(
            lambda: self.text_step_requested.emit((self._text_step + 1) % len(TEXT_STEPS))
        )
        self.contrast_button.clicked.connect(self.high_contrast_requested)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("BarTitle")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The title takes what the buttons leave (it elides itself); it must never
        # squeeze the buttons' own words.
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        # Never shown: every screen names itself once, in its own header (the home
        # screen's hero, a page's header). The label keeps the name for the bar's
        # accessible description and the window title.
        self.title_label.hide()
        self._full_title = ""

        self._language_group = QButtonGroup(self)
        self._language_group.setExclusive(True)
        self.language_buttons: dict[str, QPushButton] = {}
        # Controls on one row; the title joins them when it fits unelided, else it
        # takes a second row (portrait screens) so it is never cut.
        layout = QGridLayout(self)
        self._layout = layout
        self._controls = QHBoxLayout()
        self._languages_row = QHBoxLayout()
        self._controls.addWidget(self.home_button)
        self._controls.addWidget(self.back_button)
        # The reading aids sit before the languages on one-row bars, and beside the
        # title on the second row of narrow (portrait) bars.
        self._aids = QWidget(self)
        self._aids_row = QHBoxLayout(self._aids)
        self._aids_row.setContentsMargins(0, 0, 0, 0)
        self._aids_row.addWidget(self.speech_button)
        self._aids_row.addWidget(self.text_size_button)
        self._aids_row.addWidget(self.contrast_button)
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
            self._languages_row.addWidget(button)
        layout.addLayout(self._controls, 0, 0)
        layout.addLayout(self._languages_row, 0, 3)
        layout.setColumnStretch(1, 1)
        self._title_on_own_row: bool | None = None

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

    def set_text_step(self, step: int) -> None:
        """Show which of the TEXT_STEPS is in use (0 = normal)."""
        self._text_step = step
        self.retranslate_ui()

    def set_high_contrast(self, on: bool) -> None:
        self.contrast_button.setChecked(on)
        self.retranslate_ui()

    def set_speech_on(self, on: bool) -> None:
        self.speech_button.setChecked(on)
        self.retranslate_ui()

    def apply_metrics(self, metrics: Metrics) -> None:
        pad = metrics.px(16)
        self._layout.setContentsMargins(pad, pad // 2, pad, pad // 2)
        self._layout.setHorizontalSpacing(metrics.px(12))
        self._layout.setVerticalSpacing(pad // 2)
        self._controls.setSpacing(metrics.px(12))
        self._languages_row.setSpacing(metrics.px(12))
        self._aids_row.setSpacing(metrics.px(12))
        side = metrics.px(40)
        self._icon_size = QSize(side, side)
        self._refresh_icons()
        self._elide_title()

    def retranslate_ui(self) -> None:
        self.home_button.setText(self.tr("Home"))
        self.back_button.setText(self.tr("Back"))
        self.home_button.setAccessibleName(self.tr("Home"))
        self.back_button.setAccessibleName(self.tr("Back"))
        percent = QLocale().toString(round(TEXT_STEPS[self._text_step] * 100))
        # Western digits everywhere, Arabic included (see README, "Numbers").
        self.text_size_button.setText(fill(self.tr("%1 %"), western_digits(percent)))
        self.text_size_button.setAccessibleName(
            fill(
                self.tr("Text size: step %1 of %2, tap for the next"),
                self._text_step + 1,
                len(TEXT_STEPS),
            )
        )
        self.contrast_button.setAccessibleName(
            self.tr("High contrast: on")
            if self.contrast_button.isChecked()
            else self.tr("High contrast: off")
        )
        self.speech_button.setAccessibleName(
            self.tr("Speech: on, tap to stop")
            if self.speech_button.isChecked()
            else self.tr("Speech: off, tap to hear the screen")
        )
        for code, button in self.language_buttons.items():
            button.setAccessibleName(button.text())
            button.setProperty("language", code)
        self._refresh_icons()

    def direction_changed(self) -> None:
        self._refresh_icons()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide_title()

    def _refresh_icons(self) -> None:
        # The back arrow points against the reading direction.
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        back = "mdi6.arrow-right" if rtl else "mdi6.arrow-left"
        self.back_button.setIcon(icons.icon(back, active_palette().brand_ink))
        self.home_button.setIcon(icons.icon("mdi6.home", active_palette().brand_ink))
        self.text_size_button.setIcon(icons.icon("mdi6.format-size", active_palette().brand_ink))
        self.contrast_button.setIcon(
            icons.icon("mdi6.circle-half-full", active_palette().brand_ink)
        )
        speech = "mdi6.volume-high" if self.speech_button.isChecked() else "mdi6.volume-off"
        self.speech_button.setIcon(icons.icon(speech, active_palette().brand_ink))
        for button in (
            self.speech_button,
            self.home_button,
            self.back_button,
            self.text_size_button,
            self.contrast_button,
        ):
            button.setIconSize(self._icon_size)

    def _elide_title(self) -> None:
        self._place_title()
        metrics = self.title_label.fontMetrics()
        width = max(0, self.title_label.width() - 8)
        shown = metrics.elidedText(self._full_title, Qt.TextElideMode.ElideRight, width)
        self.title_label.setText(shown)
        self.title_label.setAccessibleName(self._full_title)

    def _place_title(self) -> None:
        """Title beside the controls when there is room, else on a row of its own."""
        spacing = self._layout.horizontalSpacing()
        margins = self._layout.contentsMargins()
        controls = (
            self._controls.sizeHint().width()
            + self._languages_row.sizeHint().width()
            + self._aids.sizeHint().width()
            + margins.left()
            + margins.right()
            + 3 * spacing
        )
        # Decided by the bar's width alone, so the bar keeps its height from one screen
        # to the next. The bar shows no title: each screen names itself once, below it.
        own_row = self.width() < controls
        if own_row == self._title_on_own_row:
            return
        self._title_on_own_row = own_row
        self._layout.removeWidget(self.title_label)
        self._layout.removeWidget(self._aids)
        if own_row:
            self._layout.addWidget(self._aids, 1, 0)
            self._layout.addWidget(self.title_label, 1, 1, 1, 3)
        else:
            self._layout.addWidget(self.title_label, 0, 1)
            self._layout.addWidget(self._aids, 0, 2)
