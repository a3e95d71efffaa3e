"""A calm full-window message when the content cannot be shown at all."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.font_families import families_for
from kiosk.ui.style.theme import metrics_for, style_sheet

# Shown without translations on purpose: when content is unusable, the language
# files may be too. French and Arabic first, as visitors at CRI desks read them.
MESSAGES = (
    (
        "Le contenu de la borne est momentanément indisponible.",
        "Merci de vous adresser à l\u2019accueil.",
    ),
    ("محتوى هذه الشاشة التفاعلية غير متاح مؤقتًا.", "يرجى التوجه إلى مكتب الاستقبال."),
    ("The kiosk content is temporarily unavailable.", "Please ask at the reception desk."),
)


class ErrorScreen(QWidget):
    """Replaces the main window when content is unusable; details go to the log only."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ErrorScreen")
        self._close_allowed = True
        self.setStyleSheet(style_sheet(metrics_for(1366, 768), families_for(is_rtl=False)))
        layout = QVBoxLayout(self)
        # No minimum window size: kiosk platforms without a window manager ignore it.
        layout.setSizeConstraint(QVBoxLayout.SizeConstraint.SetNoConstraint)
        layout.addStretch(1)
        for title, text in MESSAGES:
            title_label = QLabel(title, self)
            title_label.setObjectName("ErrorTitle")
            text_label = QLabel(text, self)
            text_label.setObjectName("ErrorText")
            for label in (title_label, text_label):
                label.setAlignment(Qt.AlignmentFlag.AlignCenter)
                label.setWordWrap(True)
                layout.addWidget(label)
            layout.addSpacing(40)
        layout.addStretch(1)

    def set_close_allowed(self, allowed: bool) -> None:
        """In kiosk mode this screen stays up until the content can be shown."""
        self._close_allowed = allowed

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._close_allowed:
            super().closeEvent(event)
        else:
            event.ignore()
