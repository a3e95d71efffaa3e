"""Small PDF files written byte by byte (no Qt): sound, truncated, password-protected."""

from __future__ import annotations

import hashlib
import struct

# The padding string of the PDF standard security handler (ISO 32000-1, 7.6.3.3).
_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")
_FILE_ID = bytes.fromhex("00112233445566778899aabbccddeeff")


def _rc4(key: bytes, data: bytes) -> bytes:
    state = list(range(256))
    j = 0
    for i in range(256):
        j = (j + state[i] + key[i % len(key)]) % 256
        state[i], state[j] = state[j], state[i]
    i = j = 0
    out = bytearray()
    for byte in data:
        i = (i + 1) % 256
        j = (j + state[i]) % 256
        state[i], state[j] = state[j], state[i]
        out.append(byte ^ state[(state[i] + state[j]) % 256])
    return bytes(out)


def _build(objects: list[bytes], trailer_extra: str = "") -> bytes:
    out = b"%PDF-1.4\n"
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for offset in offsets:
        out += f"{offset:010d} 00000 n \n".encode()
    out += (
        f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R {trailer_extra} >>\n"
        f"startxref\n{xref}\n%%EOF\n"
    ).encode()
    return out


def _page_objects(pages: int) -> list[bytes]:
    kids = " ".join(f"{3 + 2 * index} 0 R" for index in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        f"<< /Type /Pages /Kids [{kids}] /Count {pages} >>".encode(),
    ]
    for index in range(pages):
        content = f"0 0 1 rg 50 {600 - index % 500} 200 100 re f".encode()
        page = f"/Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {4 + 2 * index} 0 R"
        objects.append(f"<< {page} >>".encode())
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    return objects


def sound_pdf(pages: int = 2) -> bytes:
    """A valid PDF of ``pages`` A4 pages, each with a blue rectangle."""
    return _build(_page_objects(pages))


def truncated_pdf() -> bytes:
    """A valid PDF cut short, as an interrupted copy leaves it."""
    data = sound_pdf(3)
    return data[: len(data) // 2]


def password_pdf(user_password: bytes = b"secret") -> bytes:
    """A PDF (RC4 40-bit, revision 2) that opens only with ``user_password``."""
    owner_key = hashlib.md5((b"owner" + _PAD)[:32]).digest()[:5]
    owner = _rc4(owner_key, (user_password + _PAD)[:32])
    permissions = -4
    key = hashlib.md5(
        (user_password + _PAD)[:32] + owner + struct.pack("<i", permissions) + _FILE_ID
    ).digest()[:5]
    user = _rc4(key, _PAD)
    objects = _page_objects(1)
    objects.append(
        (
            f"<< /Filter /Standard /V 1 /R 2 /O <{owner.hex()}> /U <{user.hex()}> "
            f"/P {permissions} >>"
        ).encode()
    )
    encrypt = len(objects)
    return _build(objects, f"/Encrypt {encrypt} 0 R /ID [<{_FILE_ID.hex()}> <{_FILE_ID.hex()}>]")
