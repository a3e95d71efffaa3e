"""``cri-kiosk fleet serve``: the repository's public folder over HTTP, with Range requests."""

from __future__ import annotations

import logging
import os
import re
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

log = logging.getLogger("kiosk.fleet.serve")
RANGE = re.compile(r"bytes=(\d+)-$")


class RepositoryHandler(SimpleHTTPRequestHandler):
    """Static files only (no listing), and ``Range: bytes=N-`` so a cut download resumes."""

    server: RepositoryServer

    def list_directory(self, path: str | os.PathLike[str]) -> Any:
        self.send_error(404, "No listing")
        return None

    def log_message(self, format: str, *args: Any) -> None:
        log.debug("%s " + format, self.address_string(), *args)

    def send_head(self) -> Any:
        match = RANGE.match(self.headers.get("Range", ""))
        path = Path(self.translate_path(self.path))
        if match is None or not path.is_file():
            return super().send_head()
        size = path.stat().st_size
        start = int(match.group(1))
        if start >= size:
            self.send_response(416)
            self.send_header("Content-Range", f"bytes */{size}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        file = path.open("rb")
        file.seek(start)
        self.send_response(206)
        self.send_header("Content-Type", "application/octet-stream")
        self.send_header("Content-Range", f"bytes {start}-{size - 1}/{size}")
        self.send_header("Content-Length", str(size - start))
        self.end_headers()
        return file

    def copyfile(self, source: Any, outputfile: Any) -> None:
        before = source.tell()
        super().copyfile(source, outputfile)
        self.server.count(source.tell() - before)


class RepositoryServer(ThreadingHTTPServer):
    """Serves ``folder``; counts the bytes of file bodies sent (figures for the bench)."""

    daemon_threads = True
    # A stand's whole fleet may ask at once (after "check-updates"): queue them, never
    # refuse (the default backlog of 5 drops connections).
    request_queue_size = 1024

    def __init__(self, folder: Path, host: str = "127.0.0.1", port: int = 0) -> None:
        handler = partial(RepositoryHandler, directory=str(folder))
        super().__init__((host, port), handler)
        self.folder = folder
        self.bytes_sent = 0
        self._lock = threading.Lock()

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}/"

    def count(self, sent: int) -> None:
        with self._lock:
            self.bytes_sent += sent

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A kiosk that gave up on a download (a cut network) is no error of the server."""
        import sys

        error = sys.exc_info()[1]
        if isinstance(error, (ConnectionError, TimeoutError)):
            log.debug("%s: connection dropped (%s)", client_address[0], error)
            return
        log.exception("error while serving %s", client_address[0])

    def start_in_thread(self) -> threading.Thread:
        thread = threading.Thread(
            target=self.serve_forever, args=(0.1,), name="fleet-serve", daemon=True
        )
        thread.start()
        return thread
