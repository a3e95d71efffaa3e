"""Kiosk screens on brand: a countdown ring worded for where the visitor is, a PIN field
of dots, an admin panel in the visitor's language and direction with Exit set apart."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from kiosk.admin_pin import hash_pin
from kiosk.config import Config
from kiosk.ui.kiosk_mode.kiosk_mode import KioskMode
from kiosk.ui.style.theme import active_palette
from kiosk.ui.window import MainWindow
from tests.ui.conftest import WindowFactory
from tests.ui.visitor import tap, tap_home_tile, tap_language

HOME_WORDS = {"fr": "accueil", "ar": "الصفحة الرئيسية", "en": "home screen"}
NEXT_VISITOR = {"fr": "visiteur suivant", "ar": "للزائر التالي", "en": "next visitor"}


@pytest.fixture
def kiosk(make_window: WindowFactory, qtbot: QtBot) -> tuple[MainWindow, KioskMode]:
    """A window with kiosk mode's screens built (not started: nothing is locked)."""
    window = make_window(size=(1080, 1920))
    config = Config(mode="kiosk", admin_pin_hash=hash_pin("2468"))
    mode = KioskMode(window, config, {"content": "/srv/content", "config": "-", "log": "-"}, [])
    window.set_close_allowed(True)
    # Kiosk mode's window flags hide the window (they re-create it): show it again.
    window.show()
    qtbot.waitExposed(window)
    return window, mode


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_still_there_says_what_happens_where_the_visitor_is(
    kiosk: tuple[MainWindow, KioskMode], qtbot: QtBot, lang: str
) -> None:
    window, mode = kiosk
    tap_language(qtbot, window, lang)
    mode.prompt.show_countdown(20)
    over_home = mode.prompt.countdown.text()
    assert HOME_WORDS[lang] not in over_home, "over the home screen it cannot go back home"
    assert NEXT_VISITOR[lang] in over_home
    mode.prompt.close_overlay()

    tap_home_tile(qtbot, window, "pole-medest")
    mode.prompt.show_countdown(20)
    over_page = mode.prompt.countdown.text()
    assert HOME_WORDS[lang] in over_page
    assert "20" in over_page
    mode.prompt.close_overlay()


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920), (1366, 768)])
@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_the_sentence_has_room_below_the_ring(
    make_window: WindowFactory, qtbot: QtBot, lang: str, size: tuple[int, int]
) -> None:
    """The card's padding narrows the sentence: measured without it, its last line had
    no room and the centred text ran up over the ring."""
    window = make_window(size=size)
    mode = KioskMode(window, Config(mode="kiosk"), {"content": "-", "config": "-", "log": "-"}, [])
    window.set_close_allowed(True)
    window.show()
    qtbot.waitExposed(window)
    tap_language(qtbot, window, lang)
    prompt = mode.prompt
    prompt.show_countdown(20)
    qtbot.waitUntil(prompt.countdown.isVisible)
    qtbot.wait(100)  # the card's layout settles on the next turns of the event loop
    label = prompt.countdown
    assert label.height() >= label.heightForWidth(label.width())
    assert prompt.ring.geometry().bottom() < label.geometry().top()
    assert label.geometry().bottom() < prompt.continue_button.geometry().top()
    prompt.close_overlay()


def test_the_ring_empties_with_the_seconds(kiosk: tuple[MainWindow, KioskMode]) -> None:
    _, mode = kiosk
    ring = mode.prompt.ring
    mode.prompt.show_countdown(20)
    assert ring.isVisible() and ring.share_left() == 1.0
    image = ring.grab().toImage()
    brand = QColor(active_palette().brand)
    top = image.pixelColor(image.width() // 2, max(2, round(image.height() * 0.04)))
    assert abs(top.red() - brand.red()) + abs(top.blue() - brand.blue()) < 60, "full ring"
    mode.prompt.show_countdown(10)
    assert ring.share_left() == 0.5
    assert ring.seconds == 10
    # Half gone: the left half of the ring (clockwise from twelve) is the empty track.
    image = ring.grab().toImage()
    left = image.pixelColor(max(2, round(image.width() * 0.04)), image.height() // 2)
    assert abs(left.red() - brand.red()) + abs(left.blue() - brand.blue()) > 60
    right = image.pixelColor(
        image.width() - max(3, round(image.width() * 0.04)), image.height() // 2
    )
    assert abs(right.red() - brand.red()) + abs(right.blue() - brand.blue()) < 60


def test_the_pin_field_shows_one_dot_per_digit(
    kiosk: tuple[MainWindow, KioskMode], qtbot: QtBot
) -> None:
    _, mode = kiosk
    pad = mode.pin_pad
    pad.open_overlay()
    dots = pad.display
    assert dots.isVisible() and dots.count == 0
    assert dots.height() >= mode.prompt.ring.height() // 4
    for typed, digit in enumerate("135", start=1):
        tap(qtbot, pad.keys[digit])
        assert dots.count == typed
        assert dots.accessibleName().strip("\u2068\u2069").endswith(str(typed))
    tap(qtbot, pad.keys["erase"])
    assert dots.count == 2
    tap(qtbot, pad.keys["ok"])  # wrong PIN: the field empties
    assert dots.count == 0
    assert "1" not in dots.accessibleName().replace("0", "")
    pad.close_overlay()


@pytest.mark.parametrize("lang", ["fr", "ar", "en"])
def test_the_admin_panel_speaks_the_visitor_language_and_sets_exit_apart(
    kiosk: tuple[MainWindow, KioskMode], qtbot: QtBot, lang: str
) -> None:
    window, mode = kiosk
    tap_language(qtbot, window, lang)
    admin = mode.admin
    admin.open_overlay()
    qtbot.wait(10)
    rtl = lang == "ar"
    assert admin.isRightToLeft() == rtl
    info = admin.info.text()
    if lang != "en":
        for english in ("content:", "config:", "log:", "Uptime"):
            assert english not in info, f"{english!r} left in English"
    assert "/srv/content" in info
    # Exit at the far end from Close, with room between them, in the danger colour.
    close, exit_ = admin.close_button, admin.exit_button
    assert (exit_.x() < close.x()) == rtl
    gap = abs(exit_.geometry().center().x() - close.geometry().center().x())
    assert gap > window.width() // 2
    image = exit_.grab().toImage()
    colour = image.pixelColor(exit_.width() // 2, exit_.height() // 8)
    danger = QColor(active_palette().accent)
    assert abs(colour.red() - danger.red()) + abs(colour.green() - danger.green()) < 40
    assert exit_.objectName() != close.objectName()
    # The problems list reads from the panel's side.
    assert admin.problems.alignment() & (Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
    admin.close_overlay()
