"""Logging set-up: named loggers, Qt's own messages routed into Python logging."""

from __future__ import annotations

import logging
import sys
from types import TracebackType

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def setup_logging(verbose: bool = False) -> None:
    """Log to stderr; Qt warnings go through the ``qt`` logger."""
    logging.basicConfig(
        level=logging.DEBUG if verbose else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        stream=sys.stderr,
    )
    qt_log = logging.getLogger("qt")

    def handle(kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        qt_log.log(_QT_LEVELS.get(kind, logging.WARNING), "%s", message)

    qInstallMessageHandler(handle)
    sys.excepthook = _log_uncaught


def _log_uncaught(
    kind: type[BaseException], value: BaseException, traceback: TracebackType | None
) -> None:
    """Log an exception raised in a Qt event handler; the event loop carries on."""
    logging.getLogger("kiosk").error("unexpected error", exc_info=(kind, value, traceback))
