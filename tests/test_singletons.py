"""The kiosk survives PySide6's lost references to None (see kiosk/__init__.py)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

import kiosk  # noqa: F401  (importing kiosk is what protects the singletons)


def test_many_void_calls_do_not_exhaust_none(qtbot: QtBot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(200_000):
        label.setText("x")
        label.setVisible(False)
    if sys.version_info < (3, 12):  # 3.12 makes None immortal by itself
        assert sys.getrefcount(None) > 1 << 40, "None must stay alive for months of use"
    assert sys.getrefcount(None) <= before + 1000
