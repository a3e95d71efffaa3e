"""A small bar chart of visits for the admin panel: this week per day, today highlighted."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from PySide6.QtCore import QLocale, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from kiosk.i18n import fill
from kiosk.stats.report import DayFigure, duration_text
from kiosk.ui.follows_language import FollowsLanguage
from kiosk.ui.style.theme import active_palette


class StatsChart(FollowsLanguage, QWidget):
    """Sessions per day for the last days (``set_days``), with today's and the week's totals."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("StatsChart")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._days: list[DayFigure] = []
        self._today: date | None = None
        self.retranslate_ui()

    def set_days(self, days: Sequence[DayFigure], today: date) -> None:
        """Show ``days`` (oldest first); the bar of ``today`` is highlighted."""
        self._days = list(days)
        self._today = today
        self.retranslate_ui()
        self.update()

    def headline(self) -> str:
        """Today's and this week's figures, as written above the bars."""
        if not any(day.sessions for day in self._days):
            return self.tr("No visits recorded yet.")
        today = next((d for d in self._days if d.day == self._today), None)
        today_count = today.sessions if today is not None else 0
        week = sum(day.sessions for day in self._days)
        parts = [
            self.tr("Today: %n visits", "", today_count),
            self.tr("This week: %n visits", "", week),
        ]
        if today is not None and today.sessions:
            parts.append(fill(self.tr("median visit %1"), duration_text(today.median_seconds)))
        return " · ".join(parts)

    def bar_rects(self) -> list[QRectF]:
        """Where each day's bar is drawn, in ``set_days`` order (mirrored right-to-left)."""
        if not self._days:
            return []
        area = self._plot_area()
        slot = area.width() / len(self._days)
        tallest = max(1, max(day.sessions for day in self._days))
        rects = []
        for index, day in enumerate(self._days):
            position = index
            if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
                position = len(self._days) - 1 - index
            height = area.height() * day.sessions / tallest
            left = area.left() + position * slot + slot * 0.18
            rects.append(QRectF(left, area.bottom() - height, slot * 0.64, height))
        return rects

    def retranslate_ui(self) -> None:
        self.setAccessibleName(self.tr("Visits this week"))
        self.setAccessibleDescription(self.headline())

    def sizeHint(self) -> QSize:
        line = self.fontMetrics().height()
        return QSize(line * 24, line * 12)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.fillRect(self.rect(), QColor(active_palette().surface))
        line = self.fontMetrics().height()
        painter.setPen(QColor(active_palette().ink))
        align = Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignVCenter
        painter.drawText(QRect(line, 0, self.width() - 2 * line, 2 * line), align, self.headline())
        locale = QLocale()
        for day, rect in zip(self._days, self.bar_rects(), strict=True):
            highlight = day.day == self._today
            colour = active_palette().accent if highlight else active_palette().brand
            painter.fillRect(rect, QColor(colour))
            centre = Qt.AlignmentFlag.AlignHCenter
            slot = QRect(
                round(rect.left() - rect.width() * 0.3), 0, round(rect.width() * 1.6), line
            )
            if day.sessions:
                count = slot.translated(0, round(rect.top()) - line)
                painter.setPen(QColor(active_palette().ink))
                painter.drawText(count, centre | Qt.AlignmentFlag.AlignBottom, str(day.sessions))
            weekday = locale.dayName(day.day.isoweekday(), QLocale.FormatType.ShortFormat)
            label = slot.translated(0, round(self._plot_area().bottom()) + line // 3)
            painter.setPen(QColor(active_palette().muted_ink))
            painter.drawText(label, centre | Qt.AlignmentFlag.AlignTop, weekday)
        painter.end()

    def _plot_area(self) -> QRectF:
        line = self.fontMetrics().height()
        return QRectF(line, 3.5 * line, self.width() - 2 * line, self.height() - 5.5 * line)
