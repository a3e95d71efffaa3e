"""Pictures in pages: where they live, their kind and pixel size read from file headers."""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

# A kiosk shows a picture at most at screen size (1920x1080, or 1080x1920 upright);
# bigger files only cost memory and seconds of a frozen screen while they load.
MAX_IMAGE_BYTES = 2_000_000
MAX_IMAGE_SIDE = 4096
_HEADER_BYTES = 64 * 1024
_SVG_TAG = re.compile(rb"<svg\b[^>]*>", re.IGNORECASE | re.DOTALL)
_SVG_LENGTH = re.compile(r"^\s*([0-9]*\.?[0-9]+)\s*(px)?\s*$")


@dataclass(frozen=True)
class ImageInfo:
    """An image file's kind (PNG, JPEG or SVG), size in bytes and pixel size if known."""

    kind: str
    size_bytes: int
    width: int | None
    height: int | None


class ImageError(Exception):
    """An image reference that cannot be shown; the message says how to fix it."""


def resolve_image(src: str, page_path: Path) -> Path:
    """The file an image link in ``page_path`` points at, inside the content folder.

    Paths are relative to the page's file (``../images/logo.png``) and may not leave
    the content folder (the parent of the language folders).
    """
    parts = urlsplit(src)
    if parts.scheme or parts.netloc:
        raise ImageError(
            f"image '{src}' is not a file of the content folder: the kiosk never loads "
            "pictures from the web; put the file in content/images/ and write "
            "../images/name.png"
        )
    relative = PurePosixPath(unquote(parts.path).replace("\\", "/"))
    if relative.is_absolute() or not relative.parts:
        raise ImageError(
            f"image '{src}' must be a path relative to the page, such as ../images/logo.png"
        )
    root = page_path.parent.parent
    target = (page_path.parent / Path(*relative.parts)).resolve()
    if not target.is_relative_to(root.resolve()):
        raise ImageError(f"image '{src}' is outside the content folder: put it in content/images/")
    return target


def read_image_info(path: Path) -> ImageInfo:
    """Kind and pixel size of a PNG, JPEG or SVG file, read from its first bytes only."""
    try:
        size = path.stat().st_size
        with path.open("rb") as stream:
            head = stream.read(_HEADER_BYTES)
    except OSError as error:
        raise ImageError(f"cannot read the image: {error.strerror}") from None
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        if len(head) < 24 or head[12:16] != b"IHDR":
            raise ImageError("the PNG file is damaged: save it again")
        width, height = struct.unpack(">II", head[16:24])
        return ImageInfo("PNG", size, width, height)
    if head.startswith(b"\xff\xd8"):
        width, height = _jpeg_size(path)
        return ImageInfo("JPEG", size, width, height)
    match = _SVG_TAG.search(head)
    if match is not None:
        width_svg, height_svg = _svg_size(match.group(0).decode("utf-8", "replace"))
        return ImageInfo("SVG", size, width_svg, height_svg)
    raise ImageError("the file is not a PNG, JPEG or SVG image: save it in one of these formats")


def _jpeg_size(path: Path) -> tuple[int, int]:
    """Width and height from the JPEG frame header (SOFn), walking the segments."""
    with path.open("rb") as stream:
        stream.read(2)
        while True:
            marker = stream.read(2)
            while len(marker) == 2 and marker[0] == 0xFF and marker[1] == 0xFF:
                marker = marker[1:] + stream.read(1)
            if len(marker) < 2 or marker[0] != 0xFF:
                break
            code = marker[1]
            if code in (0xD8, 0x01) or 0xD0 <= code <= 0xD7:
                continue
            length_bytes = stream.read(2)
            if len(length_bytes) < 2:
                break
            (length,) = struct.unpack(">H", length_bytes)
            if 0xC0 <= code <= 0xCF and code not in (0xC4, 0xC8, 0xCC):
                frame = stream.read(5)
                if len(frame) < 5:
                    break
                height, width = struct.unpack(">xHH", frame)
                return width, height
            if length < 2:
                break
            stream.seek(length - 2, 1)
    raise ImageError("the JPEG file is damaged (no image size found): save it again")


def _svg_size(tag: str) -> tuple[int | None, int | None]:
    """Pixel size an SVG declares: width/height in px, else its viewBox; None if unknown."""

    def attribute(name: str) -> str | None:
        found = re.search(rf'\s{name}\s*=\s*["\']([^"\']*)["\']', tag)
        return found.group(1) if found else None

    width, height = attribute("width"), attribute("height")
    lengths = [_SVG_LENGTH.match(value) if value else None for value in (width, height)]
    if lengths[0] and lengths[1]:
        return round(float(lengths[0].group(1))), round(float(lengths[1].group(1)))
    view_box = attribute("viewBox")
    if view_box:
        numbers = view_box.replace(",", " ").split()
        try:
            return round(float(numbers[2])), round(float(numbers[3]))
        except (IndexError, ValueError):
            pass
    return None, None


def image_limit_problem(info: ImageInfo) -> str | None:
    """Why an image is too large for the kiosk, or None when it is fine."""
    if info.size_bytes > MAX_IMAGE_BYTES:
        return (
            f"is too large for the kiosk ({info.size_bytes // 1000} kB, at most "
            f"{MAX_IMAGE_BYTES // 1000} kB): reduce it, for example to 1920 pixels wide "
            "as JPEG"
        )
    sides = [side for side in (info.width, info.height) if side is not None]
    if sides and max(sides) > MAX_IMAGE_SIDE:
        return (
            f"is too large for the kiosk ({info.width}x{info.height} pixels, at most "
            f"{MAX_IMAGE_SIDE} on a side): reduce it, for example to 1920 pixels wide"
        )
    return None
