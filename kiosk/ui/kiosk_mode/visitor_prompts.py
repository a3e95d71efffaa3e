"""Between visitors: the "Still there?" countdown and the attract screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QMouseEvent, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.content.model import Language
from kiosk.font_families import families_for
from kiosk.i18n import fill
from kiosk.ui.follows_language import FollowsLanguage
from kiosk.ui.overlay import Overlay
from kiosk.ui.style import icons
from kiosk.ui.style.fonts import set_label_text
from kiosk.ui.style.theme import active_palette

ATTRACT_CYCLE_MS = 3500
ATTRACT_CONTEXT = "AttractScreen"
# Marked for translation here, shown by the attract screen in every language at once.
TOUCH_TO_START = str(QT_TRANSLATE_NOOP("AttractScreen", "Touch the screen to start"))


class StillTherePrompt(FollowsLanguage, Overlay):
    """A dimmed window with a card: "Still there?", the seconds left and Continue.

    A touch anywhere counts as an answer (the idle watcher sees it); the button is
    there because a visitor expects something to press.
    """

    continue_requested = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("IdlePrompt")
        self.setAutoFillBackground(False)
        self.card = QFrame(self)
        self.card.setObjectName("PromptCard")
        self.title = QLabel(self.card)
        self.title.setObjectName("PromptTitle")
        self.countdown = QLabel(self.card)
        self.countdown.setObjectName("PromptText")
        self.continue_button = QPushButton(self.card)
        self.continue_button.setObjectName("PromptButton")
        self.continue_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.continue_button.clicked.connect(self.continue_requested)
        for label in (self.title, self.countdown):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        card_layout = QVBoxLayout(self.card)
        card_layout.addWidget(self.title)
        card_layout.addWidget(self.countdown)
        card_layout.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.card, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        self._seconds = 0
        self.retranslate_ui()

    def show_countdown(self, seconds: int) -> None:
        self._seconds = seconds
        self._fill_countdown()
        self.open_overlay()

    def retranslate_ui(self) -> None:
        self.title.setText(self.tr("Still there?"))
        self.continue_button.setText(self.tr("Continue"))
        self.continue_button.setAccessibleName(self.tr("Continue"))
        self._fill_countdown()

    def spoken_text(self, seconds: int) -> list[str]:
        """What speech mode says when the prompt appears."""
        return [
            self.tr("Still there?"),
            fill(self.tr("Back to the start in %1 s"), seconds),
            self.tr("Touch the screen to continue."),
        ]

    def _fill_countdown(self) -> None:
        self.countdown.setText(fill(self.tr("Back to the start in %1 s"), self._seconds))


class AttractScreen(Overlay):
    """Full-window invitation cycling through the languages, with the CRI identity.

    The first touch only wakes the kiosk: the press and release land here, not on the
    screen underneath, and ``woken`` is emitted on release.
    """

    woken = Signal()

    def __init__(
        self,
        parent: QWidget,
        languages: tuple[Language, ...],
        text_in: Callable[[str, str, str], str],
        identity: Callable[[str, str], str],
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AttractScreen")
        self._languages = languages
        self._text_in = text_in
        self._identity = identity
        self._index = 0
        self._pressed = False
        self.icon = QLabel(self)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name = QLabel(self)
        self.name.setObjectName("AttractName")
        self.tagline = QLabel(self)
        self.tagline.setObjectName("AttractTagline")
        self.invitation = QLabel(self)
        self.invitation.setObjectName("AttractInvitation")
        for label in (self.name, self.tagline, self.invitation):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            label.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(self.name)
        layout.addWidget(self.tagline)
        layout.addStretch(1)
        layout.addWidget(self.icon)
        layout.addWidget(self.invitation)
        layout.addStretch(2)
        self._timer = QTimer(self)
        self._timer.setInterval(ATTRACT_CYCLE_MS)
        self._timer.timeout.connect(self._next_language)
        self.opened.connect(self._start_cycle)
        self.closed.connect(self._timer.stop)

    def shown_language(self) -> str:
        return self._languages[self._index].code if self._languages else ""

    @Slot()
    def _start_cycle(self) -> None:
        self._index = 0
        self._pressed = False
        self._fill()
        self._timer.start()

    @Slot()
    def _next_language(self) -> None:
        if self._languages:
            self._index = (self._index + 1) % len(self._languages)
        self._fill()

    def _fill(self) -> None:
        if not self._languages:
            return
        language = self._languages[self._index]
        direction = (
            Qt.LayoutDirection.RightToLeft if language.is_rtl else Qt.LayoutDirection.LeftToRight
        )
        size = max(24, min(self.width(), self.height()) // 14)
        families = ", ".join(f'"{family}"' for family in families_for(language.is_rtl))
        for label, text, scale in (
            (self.name, self._identity("name", language.code), 1.0),
            (self.tagline, self._identity("tagline", language.code), 0.55),
            (self.invitation, self._text_in(language.code, ATTRACT_CONTEXT, TOUCH_TO_START), 0.9),
        ):
            # The window's sheet sets the current language's families; this screen shows
            # every language in turn, each in its own script's font (and line spacing).
            weight = 400 if label is self.tagline else 700
            label.setStyleSheet(
                f"font-family: {families}; font-size: {max(16, int(size * scale))}px; "
                f"font-weight: {weight};"
            )
            label.setLayoutDirection(direction)
            set_label_text(label, text)
        self.icon.setPixmap(
            icons.icon("fa5s.hand-pointer", active_palette().brand_ink).pixmap(size * 2, size * 2)
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.isVisible():
            self._fill()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._pressed = True
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        event.accept()
        if self._pressed:
            self._pressed = False
            self.woken.emit()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        event.accept()
