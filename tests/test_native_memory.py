"""Big blocks freed by the kiosk go back to the operating system (kiosk.native_memory)."""

from __future__ import annotations

import subprocess
import sys

import pytest

# Page images are rendered on QtPdf's worker threads: big blocks from a thread's malloc
# arena, freed later on the GUI thread. glibc's own accounting (mallinfo2) says where
# they were: in their own mappings (hblkhd, unmapped when freed) or in a heap (arena).
SCRIPT = """
import ctypes, sys, threading
from kiosk.native_memory import return_large_blocks_to_os

class MallInfo2(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in (
        "arena", "ordblks", "smblks", "hblks", "hblkhd",
        "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]

mallinfo2 = ctypes.CDLL(None).mallinfo2
mallinfo2.restype = MallInfo2
if sys.argv[1] == "on":
    assert return_large_blocks_to_os()
blocks = []

def render(pages):
    for _ in range(pages):
        blocks.append(bytes(4 << 20))
        blocks.append(bytes(100))

MB = 1 << 20
thread = threading.Thread(target=render, args=(1,)); thread.start(); thread.join()
blocks.clear()  # the first big free: glibc raises its threshold unless it is fixed
before = mallinfo2()
thread = threading.Thread(target=render, args=(40,)); thread.start(); thread.join()
during = mallinfo2()
kept = blocks[1::2]
blocks.clear()
after = mallinfo2()
print((during.hblkhd - before.hblkhd) // MB, (after.hblkhd - before.hblkhd) // MB,
      (after.arena - before.arena) // MB)
"""


def mapped_and_kept(mode: str) -> tuple[int, int, int]:
    """MB in own mappings while rendering, MB of them left, MB of heap grown."""
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, mode], capture_output=True, text=True, check=True
    )
    during, left, heap = (int(part) for part in result.stdout.split())
    return during, left, heap


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")
def test_freed_page_images_are_given_back_to_the_system() -> None:
    during, left, heap = mapped_and_kept("on")
    assert during >= 150  # the 40 pages of 4 MB each had their own mapping...
    assert left == 0  # ...unmapped when freed...
    assert heap < 8  # ...and none of them grew a heap that glibc would keep.


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")
def test_without_the_setting_glibc_keeps_them_in_its_heaps() -> None:
    # What the kiosk avoids: after the first big free, later blocks come from a heap
    # (which glibc trims only from its top: 59 MB of the 160 MB stayed in one run).
    during, _left, _heap = mapped_and_kept("off")
    assert during < 8


def test_in_use_bytes_counts_what_is_allocated_and_not_freed() -> None:
    from kiosk.native_memory import in_use_bytes

    before = in_use_bytes()
    if before is None:
        pytest.skip("not glibc 2.33 or later")
    kept = [bytes(100_000) for _ in range(50)]  # 5 MB in blocks below the mmap threshold
    during = in_use_bytes()
    assert during is not None and during - before >= 4_900_000
    del kept
    after = in_use_bytes()
    assert after is not None and after < during - 4_900_000
