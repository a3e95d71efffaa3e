"""The admin PIN: hashes only, lock-out after wrong PINs, and `cri-kiosk admin hash-pin`."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from kiosk.admin_pin import (
    LOCKOUT_SECONDS,
    MAX_ATTEMPTS,
    PinFormatError,
    PinGate,
    check_hash_format,
    hash_pin,
    verify_pin,
)
from tests.conftest import REPO


def test_hash_is_salted_and_verifies() -> None:
    first, second = hash_pin("1234"), hash_pin("1234")
    assert first != second, "each hash has its own salt"
    assert "1234" not in first
    assert verify_pin("1234", first) and verify_pin("1234", second)
    assert not verify_pin("1235", first)
    check_hash_format(first)


@pytest.mark.parametrize("pin", ["", "123", "12a4", "1234567890123", "١٢٣٤"])
def test_bad_pins_are_refused(pin: str) -> None:
    with pytest.raises(PinFormatError):
        hash_pin(pin)


@pytest.mark.parametrize(
    "stored", ["", "1234", "scrypt$16384$8$1$!!$??", "md5$1$2$3$4$5", "scrypt$3$8$1$AAAA$AAAA"]
)
def test_damaged_hashes_match_nothing(stored: str) -> None:
    assert not verify_pin("1234", stored)
    assert not PinGate(stored).enabled


def test_five_wrong_pins_lock_for_five_minutes() -> None:
    now = [1000.0]
    gate = PinGate(hash_pin("4321"), clock=lambda: now[0])
    for _ in range(MAX_ATTEMPTS):
        assert not gate.try_pin("0000")
    assert gate.seconds_locked() == LOCKOUT_SECONDS
    assert not gate.try_pin("4321"), "locked: even the right PIN is refused"
    now[0] += LOCKOUT_SECONDS - 1
    assert gate.seconds_locked() == 1
    now[0] += 1
    assert gate.seconds_locked() == 0
    assert gate.try_pin("4321")


def test_a_right_pin_resets_the_count() -> None:
    gate = PinGate(hash_pin("4321"))
    for _ in range(MAX_ATTEMPTS - 1):
        gate.try_pin("0000")
    assert gate.try_pin("4321")
    for _ in range(MAX_ATTEMPTS - 1):
        gate.try_pin("0000")
    assert gate.seconds_locked() == 0


def hash_pin_command(stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kiosk", "admin", "hash-pin"],
        input=stdin,
        cwd=REPO,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_hash_pin_command_prints_a_config_line() -> None:
    result = hash_pin_command("975310\n")
    assert result.returncode == 0, result.stderr
    line = result.stdout.strip()
    assert line.startswith('pin_hash = "scrypt$')
    assert "975310" not in result.stdout + result.stderr
    assert verify_pin("975310", line.split('"')[1])


def test_hash_pin_command_refuses_a_bad_pin() -> None:
    result = hash_pin_command("12\n")
    assert result.returncode == 2
    assert "a PIN is 4 to 12 digits" in result.stderr
    assert result.stdout == ""
