"""The kiosk's update client: TUF-verified download of the newest release, in a thread."""

from __future__ import annotations

import logging
import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from tuf.api import exceptions
from tuf.ngclient import Updater, UpdaterConfig

from kiosk.fleet.fetcher import BoundedFetcher
from kiosk.fleet.release_store import ReleaseStore, StoreError
from kiosk.fleet.repository import RELEASE_TARGET, ReleaseInfo

log = logging.getLogger("kiosk.fleet.updates")

# Metadata is small: anything larger is refused before it is read.
METADATA_MAX_BYTES = 512_000
# After a failed check (network, a busy server), try again sooner than the interval:
# 30 s, 1 min, 2 min... up to the interval, each spread by +-25 % so that a fleet that
# failed together does not come back together.
RETRY_FIRST_S = 30.0


@dataclass(frozen=True)
class UpdateSettings:
    """Where releases come from and how patiently they are fetched."""

    repository: str  # http(s) URL or a folder (a USB stick, a mounted share)
    trusted_root: Path
    store_dir: Path
    interval_s: float = 900.0
    socket_timeout: float = 10.0
    min_rate: float = 16_000.0
    grace_s: float = 30.0
    attempts: int = 3
    retry_pause_s: float = 2.0


@dataclass(frozen=True)
class CheckResult:
    """One check: ``state`` is up-to-date, ready, refused or failed; ``message`` one line."""

    state: str
    message: str
    version: int | None = None


def repository_urls(repository: str) -> tuple[str, str]:
    """The metadata and targets base URLs of a repository URL or folder."""
    if urlsplit(repository).scheme in ("http", "https"):
        base = repository.rstrip("/") + "/"
        return base + "metadata/", base + "targets/"
    folder = Path(repository).expanduser().resolve()
    if (folder / "public" / "metadata").is_dir():
        folder = folder / "public"  # the publisher's own repository folder
    base = folder.as_uri().rstrip("/") + "/"
    return base + "metadata/", base + "targets/"


def describe(error: BaseException) -> str:
    """One line for the log and the status: what happened, in the fleet's words."""
    text = str(error) or type(error).__name__
    if isinstance(error, exceptions.ExpiredMetadataError):
        return f"refused: repository metadata expired (stale or frozen repository): {text}"
    if isinstance(error, exceptions.BadVersionNumberError):
        return f"refused: metadata older than or inconsistent with what is trusted: {text}"
    if isinstance(error, exceptions.UnsignedMetadataError):
        return f"refused: metadata not signed by the trusted keys: {text}"
    if isinstance(error, exceptions.LengthOrHashMismatchError):
        return f"refused: a download does not match its signed length or hash: {text}"
    if isinstance(error, exceptions.DownloadLengthMismatchError):
        return f"download failed: longer than its signed length, stopped: {text}"
    if isinstance(error, exceptions.SlowRetrievalError):
        return f"download failed: too slow: {text}"
    if isinstance(error, exceptions.DownloadError):
        return f"download failed: {text}"
    if isinstance(error, exceptions.RepositoryError):
        return f"refused: invalid repository metadata: {text}"
    if isinstance(error, OSError) and error.errno == 28:
        return "failed: disk full"
    return f"failed: {type(error).__name__}: {text}"


class UpdateClient:
    """One kiosk's view of the repository; ``check()`` does a whole update cycle."""

    def __init__(
        self,
        settings: UpdateSettings,
        store: ReleaseStore,
        check_content: Callable[[Path], list[str]],
    ) -> None:
        self.settings = settings
        self.store = store
        self._check_content = check_content
        self.metadata_dir = settings.store_dir / "tuf"
        self.bytes_received = 0

    def _updater(self, fetcher: BoundedFetcher) -> Updater:
        self.metadata_dir.mkdir(parents=True, exist_ok=True)
        metadata_url, targets_url = repository_urls(self.settings.repository)
        # The root this kiosk trusts: the configured file the first time, then the one
        # TUF keeps up to date (root rotations) in its metadata folder.
        cached = self.metadata_dir / "root.json"
        bootstrap = None if cached.exists() else self.settings.trusted_root.read_bytes()
        config = UpdaterConfig(
            root_max_length=METADATA_MAX_BYTES,
            timestamp_max_length=16_384,
            snapshot_max_length=METADATA_MAX_BYTES,
            targets_max_length=METADATA_MAX_BYTES,
        )
        return Updater(
            metadata_dir=str(self.metadata_dir),
            metadata_base_url=metadata_url,
            target_base_url=targets_url,
            target_dir=str(self.store.downloads),
            fetcher=fetcher,
            config=config,
            bootstrap=bootstrap,
        )

    def check(self) -> CheckResult:
        """Refresh the metadata; download, verify and install a newer release."""
        fetcher = BoundedFetcher(
            self.settings.socket_timeout,
            self.settings.min_rate,
            self.store.downloads,
            grace_s=self.settings.grace_s,
        )
        try:
            return self._check(fetcher)
        except (exceptions.RepositoryError, exceptions.DownloadError, OSError) as error:
            return CheckResult("failed" if _transient(error) else "refused", describe(error))
        finally:
            self.bytes_received += fetcher.received

    def _check(self, fetcher: BoundedFetcher) -> CheckResult:
        updater = self._updater(fetcher)
        updater.refresh()
        target = updater.get_targetinfo(RELEASE_TARGET)
        if target is None:
            return CheckResult("up-to-date", "the repository has no release yet")
        info = ReleaseInfo.from_custom(target.custom)
        if info is None:
            return CheckResult("refused", "refused: the release has no valid release number")
        refusal = self.store.wants(info)
        if refusal is not None:
            return CheckResult(refusal[0], refusal[1], info.version)
        archive = self._download(updater, fetcher, target)
        try:
            release = self.store.install(archive, info, self._check_content)
        except StoreError as error:
            return CheckResult("refused", str(error), info.version)
        finally:
            archive.unlink(missing_ok=True)
        return CheckResult(
            "ready", f"release {release.info.version} ready (published {info.published})",
            info.version,
        )  # fmt: skip

    def _download(self, updater: Updater, fetcher: BoundedFetcher, target: object) -> Path:
        """Download with a few attempts; a cut download resumes where it stopped."""
        from tuf.api.metadata import TargetFile

        assert isinstance(target, TargetFile)
        destination = self.store.downloads / f"{target.hashes['sha256']}.tar"
        url = _target_url(repository_urls(self.settings.repository)[1], target)
        attempts = max(1, self.settings.attempts)
        for attempt in range(1, attempts + 1):
            try:
                path = Path(updater.download_target(target, str(destination)))
                fetcher.forget_partial(url)
                return path
            except exceptions.LengthOrHashMismatchError:
                # Whatever was kept is wrong: never resume from it.
                fetcher.forget_partial(url)
                raise
            except exceptions.DownloadLengthMismatchError:
                fetcher.forget_partial(url)
                raise
            except exceptions.DownloadError as error:
                if attempt == attempts:
                    raise
                log.warning(
                    "update: %s; attempt %d of %d, resuming", describe(error), attempt, attempts
                )
                time.sleep(self.settings.retry_pause_s * attempt)
        raise AssertionError("unreachable")  # pragma: no cover


def _target_url(base: str, target: object) -> str:
    from tuf.api.metadata import TargetFile

    assert isinstance(target, TargetFile)
    return f"{base}{target.hashes['sha256']}.{target.path}"


def _transient(error: BaseException) -> bool:
    """Worth trying again later by itself (network, disk), not an attack or a bad release."""
    if isinstance(error, exceptions.DownloadLengthMismatchError):
        return False
    return isinstance(error, (exceptions.DownloadError, OSError))


class UpdateService:
    """Checks now and then in its own thread; never blocks the caller.

    ``on_result`` is called in the service's thread after each check.
    """

    def __init__(
        self,
        client: UpdateClient,
        on_result: Callable[[CheckResult], None],
    ) -> None:
        self.client = client
        self._on_result = on_result
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="fleet-updates", daemon=True)
        self.last: CheckResult | None = None
        self._failures = 0

    def start(self) -> None:
        self._thread.start()

    def check_now(self) -> None:
        """Check as soon as the current check (if any) is done. Thread-safe."""
        self._wake.set()

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                result = self.client.check()
            except Exception as error:  # never let the thread die silently
                log.exception("update check failed")
                result = CheckResult("failed", describe(error))
            self.last = result
            level = {"refused": logging.ERROR, "failed": logging.WARNING}.get(
                result.state, logging.INFO
            )
            log.log(level, "update: %s", result.message)
            try:
                self._on_result(result)
            except Exception:
                log.exception("update: reporting the result failed")
            self._wake.wait(self.pause_after(result))

    def pause_after(self, result: CheckResult) -> float:
        """Seconds until the next check: the interval, or a growing retry after failures."""
        interval = self.client.settings.interval_s
        if result.state != "failed":
            self._failures = 0
            return interval
        self._failures += 1
        retry = RETRY_FIRST_S * 2 ** min(self._failures - 1, 16)
        return min(interval, retry * random.uniform(0.75, 1.25))
