"""Between visitors: the "Still there?" countdown (the attract loop is attract_screen.py)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.i18n import fill
from kiosk.ui.follows_language import FollowsLanguage
from kiosk.ui.overlay import Overlay
from kiosk.ui.style.theme import Metrics, active_palette, metrics_for


class CountdownRing(QWidget):
    """The seconds left, large, in a ring that empties as they run out."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CountdownRing")
        self.seconds = 0
        self.total = 1
        self._side = 180

    def set_seconds(self, seconds: int, total: int) -> None:
        self.seconds = max(0, seconds)
        self.total = max(1, total, seconds)
        self.update()

    def share_left(self) -> float:
        return self.seconds / self.total

    def set_side(self, side: int) -> None:
        self._side = side
        self.setFixedSize(side, side)

    def sizeHint(self) -> QSize:
        return QSize(self._side, self._side)

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = active_palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = max(4.0, self.width() * 0.09)
        ring = QRectF(self.rect()).adjusted(width / 2, width / 2, -width / 2, -width / 2)
        painter.setPen(QPen(QColor(palette.line), width))
        painter.drawEllipse(ring)
        pen = QPen(QColor(palette.brand), width)
        pen.setCapStyle(Qt.PenCapStyle.RoundCap)
        painter.setPen(pen)
        # From twelve o'clock, clockwise; what is left of the time is drawn.
        painter.drawArc(ring, 90 * 16, -round(360 * 16 * self.share_left()))
        font = QFont(self.font())
        font.setPixelSize(max(12, round(self.height() * 0.42)))
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(QColor(palette.brand))
        painter.drawText(self.rect(), int(Qt.AlignmentFlag.AlignCenter), str(self.seconds))
        painter.end()


class StillTherePrompt(FollowsLanguage, Overlay):
    """A dimmed window with a card: "Still there?", a countdown ring and Continue.

    The card says what happens when the time runs out, where the visitor is: on a
    page, the kiosk goes back to the home screen; already on the home screen, it is
    made ready for the next visitor. A touch anywhere counts as an answer (the idle
    watcher sees it); the button is there because a visitor expects something to press.
    """

    continue_requested = Signal()

    def __init__(self, parent: QWidget, at_home: Callable[[], bool] = lambda: False) -> None:
        super().__init__(parent)
        self.setObjectName("IdlePrompt")
        self.setAutoFillBackground(False)
        self._at_home = at_home
        self.card = QFrame(self)
        self.card.setObjectName("PromptCard")
        self.title = QLabel(self.card)
        self.title.setObjectName("PromptTitle")
        self.ring = CountdownRing(self.card)
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
        self._card_layout = card_layout
        card_layout.addWidget(self.title)
        card_layout.addWidget(self.ring, 0, Qt.AlignmentFlag.AlignCenter)
        card_layout.addWidget(self.countdown)
        card_layout.addWidget(self.continue_button, 0, Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.card, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch(1)
        self._seconds = 0
        self._total = 1
        self._card_width = 0
        self.apply_metrics(Metrics(1.0))
        self.retranslate_ui()

    def apply_metrics(self, metrics: Metrics) -> None:
        self.ring.set_side(metrics.px(190))
        self._card_layout.setSpacing(metrics.px(20))
        pad = metrics.px(24)
        self._card_layout.setContentsMargins(pad, pad, pad, pad)
        # A card of known width, so that its wrapped sentence gets the height it needs
        # (a centred widget is given its size hint, which knows nothing of wrapping).
        self._card_width = min(metrics.px(680), self.width() - 2 * metrics.margin)
        self.card.setFixedWidth(self._card_width)
        self._fit_text()

    def _fit_text(self) -> None:
        margins = self._card_layout.contentsMargins()
        self.card.ensurePolished()
        # The card's own padding (style sheet) narrows the text as well as the layout's.
        padding = self.card.contentsMargins()
        width = (
            self._card_width - margins.left() - margins.right() - padding.left() - padding.right()
        )
        if width <= 0:
            return  # not laid out yet
        for label in (self.title, self.countdown):
            # The style sheet's type scale sets the font when the label is polished; a
            # label measured before that (the prompt is filled while hidden) would get
            # the height of a smaller font, and its text would run over the ring.
            label.ensurePolished()
            label.setMinimumHeight(max(0, label.heightForWidth(width)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.apply_metrics(metrics_for(self.width(), self.height()))

    def show_countdown(self, seconds: int) -> None:
        """Open with ``seconds`` to go, or show the seconds left of an open countdown."""
        if not self.isVisible() or seconds > self._total:
            self._total = max(1, seconds)
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
        return [self.tr("Still there?"), self._sentence(seconds)]

    def _sentence(self, seconds: int) -> str:
        """What happens when the time runs out, where the visitor is."""
        if self._at_home():
            # Nothing to go back to: the screen is made ready for someone else.
            text = self.tr("Touch the screen to stay. In %1 s it gets ready for the next visitor.")
        else:
            text = self.tr(
                "Touch the screen to keep reading. In %1 s it goes back to the home screen."
            )
        return fill(text, seconds)

    def _fill_countdown(self) -> None:
        self.ring.set_seconds(self._seconds, self._total)
        self.countdown.setText(self._sentence(self._seconds))
        self._fit_text()
        self.ring.setAccessibleName(fill(self.tr("%1 seconds left"), self._seconds))
