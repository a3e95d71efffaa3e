"""CRI Oriental touch kiosk: investor information on the Industrial Acceleration Plan."""

import sys

__version__ = "0.1.0"


def _immortalize_singletons() -> None:
    """Make None, True and False immortal, as Python 3.12 does.

    PySide6 6.12 on CPython 3.11 drops one reference to None on every call of a method
    returning void (``QLabel.setText``), and one to a bool on signal emissions. Upstream
    report: PYSIDE-3474 (https://qt-project.atlassian.net/browse/PYSIDE-3474); projects
    that cite it trace it to the 6.12 wheels being built with Python 3.12's headers
    (PYSIDE-3424), where these objects are immortal, and find every 6.12.x affected.
    Measured here with PySide6 6.12.0 and Python 3.11.7: a bare script aborts
    ("none_dealloc: deallocating None") within 10 000 ``setText`` calls, which a kiosk
    makes in minutes. Giving the objects a reference count no process can exhaust is
    what 3.12 does by design (PEP 683).

    Remove this function (and the immortality check of tests/test_singletons.py) when
    requires-python is ">=3.12", or when the PySide6 release that PySide6-Pdf pins no
    longer drops references: ``sys.getrefcount(None)`` then stays level over 100 000
    ``QLabel.setText`` calls in a Python 3.11 that has not imported kiosk.
    """
    import ctypes

    for singleton in (None, True, False):
        refcount = ctypes.c_ssize_t.from_address(id(singleton))
        if refcount.value < 1 << 60:
            refcount.value += 1 << 60


if sys.version_info < (3, 12) and sys.implementation.name == "cpython":
    _immortalize_singletons()
