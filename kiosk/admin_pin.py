"""The admin PIN: salted scrypt hashes (never the PIN itself) and the lock-out rule."""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import secrets
import time
from collections.abc import Callable

log = logging.getLogger("kiosk.admin")

SCHEME = "scrypt"
# scrypt cost: about 50 ms and 16 MB on a small kiosk box, slow enough for offline guessing.
N, R, P = 2**14, 8, 1
MIN_DIGITS, MAX_DIGITS = 4, 12
MAX_ATTEMPTS = 5
LOCKOUT_SECONDS = 5 * 60


class PinFormatError(ValueError):
    """A PIN that is not 4 to 12 digits, or a stored hash that cannot be read."""


def validate_pin(pin: str) -> str:
    pin = pin.strip()
    if not pin.isdigit() or not pin.isascii() or not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        raise PinFormatError(f"a PIN is {MIN_DIGITS} to {MAX_DIGITS} digits (0-9)")
    return pin


def hash_pin(pin: str, salt: bytes | None = None) -> str:
    """``scrypt$N$r$p$salt$hash`` (base64), to paste into the config as admin.pin_hash."""
    pin = validate_pin(pin)
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=N, r=R, p=P, dklen=32)
    return "$".join((SCHEME, str(N), str(R), str(P), _b64(salt), _b64(digest)))


def check_hash_format(stored: str) -> None:
    """Raise PinFormatError when ``stored`` is not a hash made by ``hash_pin``."""
    _parse(stored)


def verify_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` matches ``stored``; a malformed hash matches nothing."""
    try:
        n, r, p, salt, expected = _parse(stored)
    except PinFormatError:
        return False
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, dklen=len(expected))
    return hmac.compare_digest(digest, expected)


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes]:
    parts = stored.strip().split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        raise PinFormatError("not a PIN hash made by `cri-kiosk admin hash-pin`")
    try:
        n, r, p = (int(part) for part in parts[1:4])
        salt = base64.b64decode(parts[4], validate=True)
        expected = base64.b64decode(parts[5], validate=True)
    except ValueError:
        message = "damaged PIN hash: make a new one with `cri-kiosk admin hash-pin`"
        raise PinFormatError(message) from None
    if n < 2**10 or n > 2**20 or n & (n - 1) or not 1 <= r <= 32 or not 1 <= p <= 16:
        raise PinFormatError("PIN hash with unsafe cost parameters")
    if len(salt) < 8 or len(expected) < 16:
        raise PinFormatError("PIN hash too short")
    return n, r, p, salt, expected


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


class PinGate:
    """Counts wrong PINs: after MAX_ATTEMPTS the pad locks for LOCKOUT_SECONDS."""

    def __init__(self, stored_hash: str, clock: Callable[[], float] = time.monotonic) -> None:
        self._hash = stored_hash
        self._clock = clock
        self._failures = 0
        self._locked_until = 0.0

    @property
    def enabled(self) -> bool:
        """Without a (valid) hash there is no admin exit at all."""
        try:
            _parse(self._hash)
        except PinFormatError:
            return False
        return True

    def seconds_locked(self) -> int:
        """Seconds left before the pad accepts PINs again (0 when open)."""
        left = self._locked_until - self._clock()
        return max(0, int(left + 0.999))

    def try_pin(self, pin: str) -> bool:
        """True for the right PIN while not locked out. Failures are logged."""
        if self.seconds_locked():
            log.warning("admin PIN tried while locked out")
            return False
        if self.enabled and verify_pin(pin, self._hash):
            self._failures = 0
            log.info("admin PIN accepted")
            return True
        self._failures += 1
        log.warning("wrong admin PIN (%d of %d)", self._failures, MAX_ATTEMPTS)
        if self._failures >= MAX_ATTEMPTS:
            self._failures = 0
            self._locked_until = self._clock() + LOCKOUT_SECONDS
            log.warning(
                "admin PIN pad locked for %d s after %d wrong PINs: possible break-in attempt",
                LOCKOUT_SECONDS,
                MAX_ATTEMPTS,
            )
        return False
