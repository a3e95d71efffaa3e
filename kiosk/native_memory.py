"""Native memory: large blocks go back to the operating system as soon as they are freed.

glibc's malloc serves a block of 128 kB or more with its own mapping, but after the
first such block is freed it raises that threshold (up to 32 MB) and serves later big
blocks from its heaps, which it rarely gives back. A kiosk runs for months: after a
visitor scrolled a long PDF (QPdfView caches 20 rendered pages, ~20 MB each at 1920
pixels wide), the process kept ~400 MB it no longer used. A fixed threshold keeps every
page image, picture and pixmap of 1 MB or more in its own mapping, returned on free.
"""

from __future__ import annotations

import ctypes
import logging
import sys

log = logging.getLogger("kiosk.memory")

M_MMAP_THRESHOLD = -3  # glibc's <malloc.h>
MMAP_THRESHOLD_BYTES = 1 << 20


def return_large_blocks_to_os() -> bool:
    """Make glibc map blocks of 1 MB or more on their own; False where there is no glibc."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        # The C library the process already runs on (dlopen of the program itself).
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        # musl and other C libraries have no mallopt; their malloc returns memory itself.
        return False
    mallopt.argtypes = (ctypes.c_int, ctypes.c_int)
    mallopt.restype = ctypes.c_int
    if mallopt(M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES) != 1:
        log.warning("mallopt(M_MMAP_THRESHOLD) was refused: memory may be kept after use")
        return False
    return True


class _MallInfo2(ctypes.Structure):
    """glibc's struct mallinfo2 (<malloc.h>, glibc 2.33 and later)."""

    _fields_ = [
        (name, ctypes.c_size_t)
        for name in (
            "arena",
            "ordblks",
            "smblks",
            "hblks",
            "hblkhd",
            "usmblks",
            "fsmblks",
            "uordblks",
            "fordblks",
            "keepcost",
        )
    ]


def in_use_bytes() -> int | None:
    """Bytes the C allocator has handed out and not had back (glibc's mallinfo2:
    in-use heap chunks plus blocks in their own mappings); None without glibc 2.33+.

    Unlike resident memory, this does not move with what malloc keeps for reuse or
    with pages the kernel has not reclaimed yet: a leak of a few hundred bytes per
    action shows after a thousand actions (benchmarks/restyle.py).
    """
    if not sys.platform.startswith("linux"):
        return None
    try:
        mallinfo2 = ctypes.CDLL(None).mallinfo2
    except (OSError, AttributeError):
        return None
    mallinfo2.restype = _MallInfo2
    info = mallinfo2()
    return int(info.uordblks + info.hblkhd)
