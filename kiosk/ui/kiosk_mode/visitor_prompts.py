"""Between visitors: the "Still there?" countdown (the attract loop is attract_screen.py)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.i18n import fill
from kiosk.ui.follows_language import FollowsLanguage
from kiosk.ui.overlay import Overlay


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
