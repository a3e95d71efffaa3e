"""Logging set-up: named loggers, rotating files, Qt messages and uncaught errors."""

from __future__ import annotations

import collections
import faulthandler
import logging
import logging.handlers
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import IO

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOG_FILE = "cri-kiosk.log"
CRASH_FILE = "crash.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
RECENT = 50

log = logging.getLogger("kiosk")


class ConsoleHandler(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is at the time of each message.

    A handler that kept the stream it started with would write into a closed file
    once that stream is swapped (pytest's capture, an embedding program).
    """

    @property
    def stream(self) -> IO[str]:
        return sys.stderr

    @stream.setter
    def stream(self, value: IO[str]) -> None:
        pass  # always the current sys.stderr


class RecentProblems(logging.Handler):
    """The last warnings and errors, for the admin panel."""

    def __init__(self, size: int = RECENT) -> None:
        super().__init__(logging.WARNING)
        self.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s", "%H:%M:%S"))
        self.records: collections.deque[str] = collections.deque(maxlen=size)

    def emit(self, record: logging.LogRecord) -> None:
        try:
            line = self.format(record).splitlines()[0]
        except Exception:  # a log handler must never raise
            return
        self.records.append(line)


recent_problems = RecentProblems()
_recover: list[Callable[[], None]] = []
_crash_file: list[IO[str]] = []


def setup_logging(verbose: bool = False, log_dir: Path | None = None) -> Path | None:
    """Log to stderr and, with ``log_dir``, to rotating files there.

    Returns the log file in use, or None when the folder cannot be written (said on
    stderr: the kiosk still runs). Qt messages go through the ``qt`` logger, uncaught
    exceptions from event handlers are logged and do not stop the kiosk, and a hard
    crash leaves a Python traceback in ``crash.log``.
    """
    root = logging.getLogger()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    for handler in list(root.handlers):
        if getattr(handler, "_kiosk", False):
            root.removeHandler(handler)
            handler.close()
    console = ConsoleHandler()
    console.setFormatter(logging.Formatter(FORMAT))
    _add(root, console)
    _add(root, recent_problems)
    log_file = _file_handler(root, log_dir) if log_dir is not None else None

    qt_log = logging.getLogger("qt")

    def handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)

    qInstallMessageHandler(handle)
    sys.excepthook = _log_uncaught
    return log_file


def _add(root: logging.Logger, handler: logging.Handler) -> None:
    handler._kiosk = True  # type: ignore[attr-defined]
    if handler not in root.handlers:
        root.addHandler(handler)


def _file_handler(root: logging.Logger, log_dir: Path) -> Path | None:
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(
            log_dir / LOG_FILE, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
        crash = open(log_dir / CRASH_FILE, "a", encoding="utf-8")  # noqa: SIM115 - kept open
    except OSError as error:
        log.error("cannot write logs to %s (%s): logging to the console only", log_dir, error)
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    _add(root, handler)
    for old in _crash_file:
        old.close()
    _crash_file[:] = [crash]
    faulthandler.enable(crash)
    return log_dir / LOG_FILE


def on_uncaught_exception(recover: Callable[[], None] | None) -> None:
    """Call ``recover`` (e.g. take the visitor home) after any uncaught exception."""
    _recover[:] = [recover] if recover is not None else []


def _log_uncaught(
    kind: type[BaseException], value: BaseException, traceback: TracebackType | None
) -> None:
    """Log an exception raised in a Qt event handler; the event loop carries on."""
    log.error("unexpected error", exc_info=(kind, value, traceback))
    for recover in list(_recover):
        try:
            recover()
        except Exception:  # recovering must not raise again
            log.exception("could not recover from the error")
