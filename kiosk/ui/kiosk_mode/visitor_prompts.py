"""Between visitors: the "Still there?" countdown and the attract screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QRectF, QSize, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.content.model import Language
from kiosk.font_families import families_for
from kiosk.i18n import fill
from kiosk.ui.follows_language import FollowsLanguage
from kiosk.ui.overlay import Overlay
from kiosk.ui.style import icons
from kiosk.ui.style.fonts import set_label_text
from kiosk.ui.style.theme import Metrics, active_palette, metrics_for

ATTRACT_CYCLE_MS = 3500
ATTRACT_CONTEXT = "AttractScreen"
# Marked for translation here, shown by the attract screen in every language at once.
TOUCH_TO_START = str(QT_TRANSLATE_NOOP("AttractScreen", "Touch the screen to start"))


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
        width = self._card_width - margins.left() - margins.right()
        if width <= 0:
            return  # not laid out yet
        for label in (self.title, self.countdown):
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
