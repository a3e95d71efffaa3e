"""CRI Oriental touch kiosk: investor information on the Industrial Acceleration Plan."""

import sys

__version__ = "0.1.0"


def _immortalize_singletons() -> None:
    """Make None, True and False immortal, as Python 3.12 does.

    PySide6 6.12.0 (the release PySide6-Pdf requires) drops one reference to
    None on every call of a method returning void, and to a bool on some signal
    emissions. On Python 3.11 those objects are ordinary reference-counted objects,
    so a kiosk crashes ("deallocating None") after some minutes of use. Giving them
    a reference count no process can exhaust is what 3.12 does by design.
    """
    import ctypes

    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        if refcount.value < 1 << 60:
            refcount.value += 1 << 60


if sys.version_info < (3, 12) and sys.implementation.name == "cpython":
    _immortalize_singletons()
