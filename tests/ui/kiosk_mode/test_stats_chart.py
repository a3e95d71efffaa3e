"""The admin panel's visits chart: one bar per day, today highlighted, totals written."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.palette import PALETTE
from kiosk.stats.report import DayFigure
from kiosk.ui.kiosk_mode.stats_chart import StatsChart
from tests.conftest import REPO

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


def headline_in(code: str, qapp: QApplication, chart: StatsChart, days: list[DayFigure]) -> str:
    translator = QTranslator()
    assert translator.load(f"kiosk_{code}", str(REPO / "translations"))
    qapp.installTranslator(translator)
    try:
        chart.set_days(days, TODAY)
        return plain(chart.headline())
    finally:
        qapp.removeTranslator(translator)


@pytest.mark.parametrize(
    ("today", "week", "expected"),
    [
        (1, 1, "اليوم: زيارة واحدة · هذا الأسبوع: زيارة واحدة"),
        (2, 3, "اليوم: زيارتان · هذا الأسبوع: 3 زيارات"),
        (11, 105, "اليوم: 11 زيارة · هذا الأسبوع: 105 زيارات"),
    ],
)
def test_arabic_counts_take_the_plural_form_of_their_number(
    qapp: QApplication, qtbot: QtBot, today: int, week: int, expected: str
) -> None:
    chart = StatsChart()
    qtbot.addWidget(chart)
    days = [DayFigure(TODAY - timedelta(days=1), week - today, 0.0), DayFigure(TODAY, today, 0.0)]

    headline = headline_in("ar", qapp, chart, days)

    assert headline.split(" · ")[:2] == expected.split(" · ")


def test_english_and_french_counts_say_one_visit(qapp: QApplication, qtbot: QtBot) -> None:
    chart = StatsChart()
    qtbot.addWidget(chart)
    days = [DayFigure(TODAY, 1, 40.0)]

    assert headline_in("en", qapp, chart, days) == (
        "Today: 1 visit · This week: 1 visit · median visit 40 s"
    )
    assert headline_in("fr", qapp, chart, days).startswith(
        "Aujourd\u2019hui : 1 visite · Cette semaine : 1 visite · "
    )
