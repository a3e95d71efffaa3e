"""Every key name the config accepts for the keypad is a real key to Qt, and only those."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from kiosk.config import KEY_NAMES
from kiosk.ui.access.keypad import key_code


def test_every_allowed_key_name_is_a_key(qapp: QApplication) -> None:
    codes = [key_code(name) for name in KEY_NAMES if name]
    assert None not in codes, [n for n in KEY_NAMES if n and key_code(n) is None]
    assert len(set(codes)) == len(codes)  # no two names for one key


def test_combinations_and_unknown_names_are_refused(qapp: QApplication) -> None:
    for name in ("Ctrl+A", "Alt+F4", "PageUp", "Right, Left", "NoSuchKey"):
        assert key_code(name) is None, name
