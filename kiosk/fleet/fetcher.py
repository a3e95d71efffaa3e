"""Downloads for the TUF client: bounded in time and size, resumed after a cut."""

from __future__ import annotations

import contextlib
import hashlib
import time
from collections.abc import Iterator
from pathlib import Path
from typing import IO
from urllib.parse import unquote, urlsplit

import urllib3
from tuf.api import exceptions
from tuf.ngclient.fetcher import FetcherInterface

CHUNK = 256 * 1024


class BoundedFetcher(FetcherInterface):
    """HTTP(S) and local-folder downloads that never hang and never grow without end.

    - connecting and every gap between two received blocks are bounded by
      ``socket_timeout``; a whole download by ``grace_s + length / min_rate``, so a server
      that drips bytes cannot hold the update thread for ever;
    - TUF's own check stops a download longer than its signed length;
    - with ``partial_dir``, release archives (not metadata) are kept as they arrive and
      the next attempt asks only for the rest (HTTP Range); a file that then fails its
      hash is removed by the caller (``forget_partial``) and fetched whole again.
    """

    def __init__(
        self,
        socket_timeout: float = 10.0,
        min_rate: float = 16_000.0,
        partial_dir: Path | None = None,
        user_agent: str = "cri-kiosk",
        grace_s: float = 30.0,
    ) -> None:
        self.socket_timeout = socket_timeout
        self.grace_s = grace_s
        self.min_rate = min_rate
        self.partial_dir = partial_dir
        self._limit = 0
        self._pool = urllib3.PoolManager(headers={"User-Agent": user_agent}, retries=False)
        self.received = 0  # bytes received over the network (figures, benchmarks)

    @contextlib.contextmanager
    def download_file(self, url: str, max_length: int) -> Iterator[IO[bytes]]:
        self._limit = max_length
        with super().download_file(url, max_length) as file:
            yield file

    def _deadline(self) -> float:
        return time.monotonic() + self.grace_s + self._limit / self.min_rate

    def partial_path(self, url: str) -> Path | None:
        if self.partial_dir is None or url.endswith(".json"):
            return None
        name = hashlib.sha256(url.encode()).hexdigest()[:32]
        return self.partial_dir / f"{name}.part"

    def forget_partial(self, url: str) -> None:
        path = self.partial_path(url)
        if path is not None:
            path.unlink(missing_ok=True)

    def _fetch(self, url: str) -> Iterator[bytes]:
        if urlsplit(url).scheme == "file":
            return self._file_chunks(Path(unquote(urlsplit(url).path)))
        return self._http_chunks(url)

    def _file_chunks(self, path: Path) -> Iterator[bytes]:
        # A USB stick or a mounted folder: no network, but still the same checks by TUF.
        try:
            file = path.open("rb")
        except FileNotFoundError:
            raise exceptions.DownloadHTTPError(f"{path} not found", 404) from None
        except OSError as error:
            raise exceptions.DownloadError(f"cannot read {path}: {error.strerror}") from None
        return self._read_file(file)

    @staticmethod
    def _read_file(file: IO[bytes]) -> Iterator[bytes]:
        with file:
            while chunk := file.read(CHUNK):
                yield chunk

    def _request(self, url: str, start: int) -> urllib3.BaseHTTPResponse:
        headers = {"Range": f"bytes={start}-"} if start else {}
        timeout = urllib3.Timeout(connect=self.socket_timeout, read=self.socket_timeout)
        try:
            # The length is checked here, not by urllib3, which would drop the last
            # block received before a cut; every byte that arrived can then be kept.
            return self._pool.request(
                "GET",
                url,
                headers=headers,
                preload_content=False,
                timeout=timeout,
                enforce_content_length=False,
            )
        except urllib3.exceptions.TimeoutError as error:
            raise exceptions.SlowRetrievalError(f"{url}: timed out") from error
        except urllib3.exceptions.HTTPError as error:
            raise exceptions.DownloadError(f"{url}: {error}") from error

    def _http_chunks(self, url: str) -> Iterator[bytes]:
        partial = self.partial_path(url)
        have = partial.stat().st_size if partial is not None and partial.exists() else 0
        if have > self._limit:
            partial.unlink()  # type: ignore[union-attr]
            have = 0
        response = self._request(url, have)
        if response.status == 416 and have:
            # The kept part is already whole (or wrong): start again from nothing.
            response.release_conn()
            partial.unlink()  # type: ignore[union-attr]
            have = 0
            response = self._request(url, 0)
        if response.status >= 400:
            response.release_conn()
            raise exceptions.DownloadHTTPError(
                f"{url}: HTTP status {response.status}", response.status
            )
        resumed = have > 0 and response.status == 206
        return self._stream(response, partial, have if resumed else 0)

    def _stream(
        self, response: urllib3.BaseHTTPResponse, partial: Path | None, have: int
    ) -> Iterator[bytes]:
        deadline = self._deadline()
        announced = response.headers.get("Content-Length")
        expected = int(announced) if announced and announced.isdigit() else None
        arrived = 0
        keep: IO[bytes] | None = None
        try:
            if partial is not None:
                partial.parent.mkdir(parents=True, exist_ok=True)
                if have:
                    with partial.open("rb") as earlier:
                        while chunk := earlier.read(CHUNK):
                            yield chunk
                keep = partial.open("ab" if have else "wb")
            # read1: whatever has arrived, so that the deadline is checked even when a
            # server drips a few bytes at a time (read() would wait for a whole block).
            while chunk := response.read1(CHUNK):
                if time.monotonic() > deadline:
                    raise exceptions.SlowRetrievalError(
                        f"download slower than {self.min_rate / 1000:.0f} kB/s: stopped"
                    )
                self.received += len(chunk)
                arrived += len(chunk)
                if keep is not None:
                    keep.write(chunk)
                    keep.flush()
                yield chunk
            if expected is not None and arrived < expected:
                raise exceptions.DownloadError(f"download cut after {arrived} of {expected} bytes")
        except urllib3.exceptions.TimeoutError as error:
            raise exceptions.SlowRetrievalError(
                f"no data for {self.socket_timeout:g} s: stopped"
            ) from error
        except urllib3.exceptions.HTTPError as error:
            # A cut connection (fewer bytes than announced): what arrived is kept.
            raise exceptions.DownloadError(f"download cut: {error}") from error
        finally:
            if keep is not None:
                keep.close()
            response.release_conn()
