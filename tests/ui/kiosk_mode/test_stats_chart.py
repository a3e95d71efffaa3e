"""The admin panel's visits chart: one bar per day, today highlighted, totals written."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.palette import PALETTE
from kiosk.stats.report import DayFigure
from kiosk.ui.kiosk_mode.stats_chart import StatsChart

TODAY = date(2026, 11, 20)
WEEK = [
    DayFigure(TODAY - timedelta(days=6 - n), sessions, 150.0 if sessions else 0.0)
    for n, sessions in enumerate([3, 0, 6, 2, 0, 4, 5])
]


def plain(text: str) -> str:
    return text.replace("\u2068", "").replace("\u2069", "")


def make_chart(qtbot: QtBot) -> StatsChart:
    chart = StatsChart()
    qtbot.addWidget(chart)
    chart.resize(700, 400)
    chart.set_days(WEEK, TODAY)
    chart.show()
    qtbot.waitExposed(chart)
    return chart


def test_totals_of_today_and_the_week(qapp: QApplication, qtbot: QtBot) -> None:
    chart = make_chart(qtbot)

    assert plain(chart.headline()) == (
        "Today: 5 visits · This week: 20 visits · median visit 2 min 30 s"
    )
    assert plain(chart.accessibleDescription()) == plain(chart.headline())


def test_bars_are_proportional_and_today_is_highlighted(qapp: QApplication, qtbot: QtBot) -> None:
    chart = make_chart(qtbot)

    rects = chart.bar_rects()
    image = chart.grab().toImage()

    assert len(rects) == 7
    assert rects[1].height() == 0
    assert abs(rects[2].height() - 2 * rects[0].height()) < 1
    assert [r.left() for r in rects] == sorted(r.left() for r in rects)
    today = rects[-1].center().toPoint()
    monday = rects[2].center().toPoint()
    assert image.pixelColor(today) == QColor(PALETTE.accent)
    assert image.pixelColor(monday) == QColor(PALETTE.brand)


def test_right_to_left_puts_today_on_the_left(qapp: QApplication, qtbot: QtBot) -> None:
    chart = make_chart(qtbot)

    chart.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    rects = chart.bar_rects()

    assert rects[-1].left() < rects[0].left()


def test_empty_week(qapp: QApplication, qtbot: QtBot) -> None:
    chart = StatsChart()
    qtbot.addWidget(chart)

    chart.set_days([DayFigure(TODAY, 0, 0.0)], TODAY)

    assert chart.headline() == "No visits recorded yet."
    chart.resize(300, 200)
    chart.grab()
