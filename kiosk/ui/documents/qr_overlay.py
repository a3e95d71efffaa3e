"""QR codes for web addresses: a sharp code widget and the overlay a web link opens."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from kiosk.i18n import fill
from kiosk.ui.follows_language import FollowsLanguage
from kiosk.ui.overlay import Overlay
from kiosk.ui.style import icons
from kiosk.ui.style.document_style import documents_style
from kiosk.ui.style.fonts import set_label_text
from kiosk.ui.style.theme import Metrics, active_palette

QUIET_ZONE = 4  # modules of white around the code, as the QR standard asks


class QrCodeWidget(QWidget):
    """Draws the QR code of an address with whole-pixel modules (never blurred)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("QrCode")
        self._address = ""
        self._rows: list[list[bool]] = []
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    @property
    def address(self) -> str:
        return self._address

    def set_address(self, address: str) -> None:
        """Show ``address`` as a QR code; an empty address shows nothing."""
        self._address = address
        if address:
            # segno takes tens of milliseconds to import: not at start-up.
            import segno

            code = segno.make(address, error="m", micro=False)
            self._rows = [
                [bool(module) for module in row] for row in code.matrix_iter(border=QUIET_ZONE)
            ]
        else:
            self._rows = []
        self.update()

    def module_count(self) -> int:
        """Modules per side, quiet zone included (0 without an address)."""
        return len(self._rows)

    def is_dark(self, row: int, column: int) -> bool:
        return self._rows[row][column]

    def sizeHint(self) -> QSize:
        return QSize(320, 320)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return width

    def paintEvent(self, event: QPaintEvent) -> None:
        count = len(self._rows)
        if not count:
            return
        side = min(self.width(), self.height())
        module = max(1, side // count)
        origin_x = (self.width() - module * count) // 2
        origin_y = (self.height() - module * count) // 2
        painter = QPainter(self)
        painter.fillRect(
            QRect(origin_x, origin_y, module * count, module * count), Qt.GlobalColor.white
        )
        dark = QColor("#000000")
        for y, row in enumerate(self._rows):
            for x, is_dark in enumerate(row):
                if is_dark:
                    painter.fillRect(
                        origin_x + x * module, origin_y + y * module, module, module, dark
                    )
        painter.end()


class QrOverlay(FollowsLanguage, Overlay):
    """Shows a web address as a QR code for the visitor's phone; nothing is ever opened."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("QrOverlay")
        self._caption = ""
        self.card = QFrame(self)
        self.card.setObjectName("QrCard")
        self.title_label = QLabel(self.card)
        self.title_label.setObjectName("QrTitle")
        self.text_label = QLabel(self.card)
        self.text_label.setObjectName("QrText")
        self.code = QrCodeWidget(self.card)
        self.address_label = QLabel(self.card)
        self.address_label.setObjectName("QrAddress")
        # The address reads left to right even in Arabic.
        self.address_label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.address_label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.close_button = QPushButton(self.card)
        self.close_button.setObjectName("PageButton")
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(self.close_overlay)
        for label in (self.title_label, self.text_label, self.address_label):
            label.setWordWrap(True)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self.card)
        self._card_layout = layout
        layout.addWidget(self.title_label)
        layout.addWidget(self.text_label)
        layout.addWidget(self.code, 1, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.address_label)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignHCenter)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(1)
        self.apply_metrics(Metrics(1.0))
        self.retranslate_ui()

    @property
    def address(self) -> str:
        return self.code.address

    def show_address(self, address: str, caption: str) -> None:
        """Open over the window with the QR code of ``address``, titled ``caption``."""
        self._caption = caption
        self.code.set_address(address)
        self.address_label.setText(address)
        self.retranslate_ui()
        self.open_overlay()

    def close_overlay(self) -> None:
        super().close_overlay()
        # Forget the address: the next visitor must not find it.
        self._caption = ""
        self.code.set_address("")
        self.address_label.clear()

    def apply_metrics(self, metrics: Metrics) -> None:
        self.setStyleSheet(documents_style(metrics))
        side = metrics.px(420)
        self.code.setFixedSize(side, side)
        self.card.setFixedWidth(metrics.px(760))
        pad = metrics.px(36)
        self._card_layout.setContentsMargins(pad, pad, pad, pad)
        self._card_layout.setSpacing(metrics.px(20))
        self.close_button.setIcon(icons.icon("mdi6.close", active_palette().brand))
        self.close_button.setIconSize(QSize(metrics.px(36), metrics.px(36)))

    def retranslate_ui(self) -> None:
        title = self._caption or self.tr("Web address")
        set_label_text(self.title_label, title)
        set_label_text(
            self.text_label,
            self.tr("Scan this code with your phone's camera to open the address on your phone."),
        )
        self.close_button.setText(self.tr("Close"))
        self.code.setAccessibleName(fill(self.tr("QR code of %1"), self.address))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        # A tap beside the card closes too: the visitor cannot get stuck.
        if not self.card.geometry().contains(event.position().toPoint()):
            self.close_overlay()
        super().mouseReleaseEvent(event)
