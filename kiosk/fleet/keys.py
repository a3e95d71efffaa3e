"""Signing keys of a fleet repository: Ed25519, stored as PEM, the root key encrypted."""

from __future__ import annotations

import os
from pathlib import Path

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.serialization import (
    BestAvailableEncryption,
    Encoding,
    NoEncryption,
    PrivateFormat,
    load_pem_private_key,
)
from securesystemslib.signer import CryptoSigner

# The smallest passphrase accepted for the offline root key.
MIN_PASSPHRASE = 8


class KeyFileError(Exception):
    """A key cannot be written or read; the message says which file and why."""


def new_signer() -> CryptoSigner:
    return CryptoSigner(Ed25519PrivateKey.generate())


def save_signer(signer: CryptoSigner, path: Path, passphrase: str | None = None) -> None:
    """Write the private key to ``path`` (mode 0600), encrypted when a passphrase is given."""
    key = load_pem_private_key(signer.private_bytes, password=None)
    encryption = (
        BestAvailableEncryption(passphrase.encode("utf-8")) if passphrase else NoEncryption()
    )
    data = key.private_bytes(Encoding.PEM, PrivateFormat.PKCS8, encryption)
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as file:
        file.write(data)


def load_signer(path: Path, passphrase: str | None = None) -> CryptoSigner:
    """The signer whose private key is in ``path``."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise KeyFileError(f"cannot read the key {path}: {error.strerror}") from None
    try:
        key = load_pem_private_key(data, password=passphrase.encode() if passphrase else None)
    except (ValueError, TypeError):
        raise KeyFileError(f"cannot open the key {path}: wrong passphrase or not a key") from None
    return CryptoSigner(key)
