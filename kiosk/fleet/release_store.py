"""The releases on a kiosk: folders, an atomic pointer, switch, confirm and roll back.

Layout of the store folder (``updates.releases_dir``)::

    releases/<NNNNNN>-<hash>/   one complete, checked content folder per release
    incoming/                   a release being unpacked (wiped at every start)
    downloads/                  partial downloads, resumed by the next attempt
    pointer.json                current, previous and pending release, trial state

Every change of ``pointer.json`` is a write to a new file and a rename over the old one,
and a release folder is renamed into ``releases/`` only once it is complete and checked,
so a power cut at any moment leaves a pointer to a complete release.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from kiosk.fleet.archive import ArchiveError, content_hash, sync_folder, unpack
from kiosk.fleet.repository import ReleaseInfo

log = logging.getLogger("kiosk.fleet.store")

RELEASE_FILE = ".release.json"
# A switched-to release that has not painted the home screen after this many starts is
# a crash loop: the kiosk goes back to the previous release.
MAX_TRIAL_STARTS = 2
# Releases kept: the current one, the previous one and one more (or a pending one).
KEEP = 3
# Room left free besides the release itself (logs, statistics, caches go on writing).
SPARE_BYTES = 20 * 1024 * 1024


class StoreError(Exception):
    """A release cannot be installed; the message is the one line for the log and status."""


@dataclass(frozen=True)
class Pointer:
    """What ``pointer.json`` says."""

    current: str | None = None
    previous: str | None = None
    pending: str | None = None
    trial: bool = False
    trial_starts: int = 0
    bad: tuple[int, ...] = ()
    last_event: str = ""

    def as_json(self) -> bytes:
        data = asdict(self)
        data["bad"] = list(self.bad)
        return json.dumps(data, indent=1).encode()

    @classmethod
    def from_json(cls, data: Any) -> Pointer:
        if not isinstance(data, dict):
            raise ValueError("not an object")

        def name(key: str) -> str | None:
            value = data.get(key)
            return value if isinstance(value, str) and value else None

        bad = data.get("bad", [])
        return cls(
            current=name("current"),
            previous=name("previous"),
            pending=name("pending"),
            trial=data.get("trial") is True,
            trial_starts=int(data.get("trial_starts", 0)),
            bad=tuple(v for v in bad if type(v) is int) if isinstance(bad, list) else (),
            last_event=str(data.get("last_event", "")),
        )


@dataclass(frozen=True)
class Release:
    """An installed release: its folder and what the signed metadata said of it."""

    name: str
    folder: Path
    info: ReleaseInfo


@dataclass
class _Steps:
    """Observers of the apply steps (progress, tests that cut the power at each)."""

    callbacks: list[Callable[[str], None]] = field(default_factory=list)

    def __call__(self, step: str) -> None:
        for callback in self.callbacks:
            callback(step)


def release_name(info: ReleaseInfo) -> str:
    return f"{info.version:06d}-{info.content_sha256[:12]}"


class ReleaseStore:
    """The store folder of one kiosk. Not thread-safe: one owner at a time."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.releases = folder / "releases"
        self.incoming = folder / "incoming"
        self.downloads = folder / "downloads"
        self.pointer_path = folder / "pointer.json"
        self.steps = _Steps()

    # ------------------------------------------------------------------ pointer

    def pointer(self) -> Pointer:
        """The pointer; a missing or unreadable one is rebuilt from the complete releases."""
        try:
            return Pointer.from_json(json.loads(self.pointer_path.read_bytes()))
        except FileNotFoundError:
            # Never written, or a power cut between the first release's rename and its
            # pointer: a complete release waits for the next reset, as any other.
            names = self._complete_names()
            return Pointer(pending=names[-1] if names else None)
        except (OSError, ValueError, TypeError) as error:
            return self._rebuilt_pointer(f"pointer.json unreadable ({error}); ")

    def _rebuilt_pointer(self, why: str) -> Pointer:
        names = self._complete_names()
        if not names:
            return Pointer()
        log.error("%susing the newest complete release %s", why, names[-1])
        return Pointer(
            current=names[-1],
            previous=names[-2] if len(names) > 1 else None,
            last_event=f"{why}using release {names[-1]}",
        )

    def _save(self, pointer: Pointer) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        descriptor, temporary = tempfile.mkstemp(dir=self.folder, prefix=".pointer.")
        try:
            with os.fdopen(descriptor, "wb") as file:
                file.write(pointer.as_json())
                file.flush()
                os.fsync(file.fileno())
            os.replace(temporary, self.pointer_path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        sync_folder(self.folder)

    def release(self, name: str | None) -> Release | None:
        """The complete release called ``name``, or None."""
        if not name:
            return None
        folder = self.releases / name
        try:
            data = json.loads((folder / RELEASE_FILE).read_bytes())
        except (OSError, ValueError):
            return None
        info = ReleaseInfo.from_custom(data)
        return None if info is None else Release(name, folder, info)

    def _complete_names(self) -> list[str]:
        if not self.releases.is_dir():
            return []
        names = [p.name for p in self.releases.iterdir() if self.release(p.name) is not None]
        return sorted(names)

    def current(self) -> Release | None:
        return self.release(self.pointer().current)

    def pending(self) -> Release | None:
        return self.release(self.pointer().pending)

    def last_event(self) -> str:
        return self.pointer().last_event

    # ------------------------------------------------------------------ start-up

    def begin_start(self) -> Release | None:
        """At every kiosk start: clean up, count a trial start, roll back a crash loop.

        Returns the release to show (None: no release yet, use the configured content).
        """
        shutil.rmtree(self.incoming, ignore_errors=True)
        pointer = self.pointer()
        if pointer.current is not None and self.release(pointer.current) is None:
            # Cannot happen through this store; a folder removed by hand, a damaged disk.
            reason = f"release folder {pointer.current} is missing or incomplete"
            pointer = self._fall_back(pointer, reason)
        if pointer.pending is not None and self.release(pointer.pending) is None:
            pointer = replace(pointer, pending=None)
        names = self._complete_names()
        newest = self.release(names[-1]) if names else None
        known = (pointer.current, pointer.previous, pointer.pending)
        if (
            newest is not None
            and newest.name not in known
            and newest.name > (pointer.current or "")
            and newest.info.version not in pointer.bad
        ):
            # A power cut between a release's rename and its pointer: it is complete and
            # was checked, so it waits like any other.
            pointer = replace(pointer, pending=newest.name)
        if pointer.pending is not None and not pointer.trial:
            # Nobody is using a kiosk that is starting: a waiting release goes on now.
            self._save(pointer)
            self.switch()
            pointer = self.pointer()
        if pointer.trial:
            pointer = replace(pointer, trial_starts=pointer.trial_starts + 1)
            if pointer.trial_starts > MAX_TRIAL_STARTS:
                current = self.release(pointer.current)
                version = current.info.version if current else "?"
                reason = (
                    f"crash loop: release {version} did not paint the home screen in "
                    f"{MAX_TRIAL_STARTS} starts"
                )
                pointer = self._rolled_back(pointer, reason)
        self._save(pointer)
        return self.release(pointer.current)

    def _fall_back(self, pointer: Pointer, reason: str) -> Pointer:
        names = [n for n in self._complete_names() if n != pointer.current]
        chosen = pointer.previous if self.release(pointer.previous) else None
        chosen = chosen or (names[-1] if names else None)
        log.error("%s; going back to %s", reason, chosen or "the configured content")
        return replace(
            pointer,
            current=chosen,
            previous=None,
            trial=False,
            trial_starts=0,
            last_event=f"{reason}; back to {chosen or 'the configured content'}",
        )

    # ------------------------------------------------------------------ install

    def installed_versions(self) -> set[int]:
        return {r.info.version for n in self._complete_names() if (r := self.release(n))}

    def wants(self, info: ReleaseInfo) -> tuple[str, str] | None:
        """None when ``info`` should be installed, else (state, one line) saying why not.

        The state is "up-to-date" (installed already), "waiting" (it failed here before)
        or "refused" (older than a release here: a replayed or mistaken release).
        """
        pointer = self.pointer()
        newest = max(self.installed_versions(), default=0)
        if info.version in pointer.bad:
            return "waiting", f"release {info.version} failed here before; waiting for a newer one"
        if info.version < newest:
            return "refused", f"refused release {info.version}: older than release {newest} here"
        if info.version == newest:
            return "up-to-date", f"release {info.version} is the newest"
        return None

    def install(
        self,
        archive: Path,
        info: ReleaseInfo,
        check: Callable[[Path], list[str]],
    ) -> Release:
        """Unpack, verify, check and keep ``archive`` as the pending release.

        ``check`` returns the content's error lines (``cri-kiosk check``). StoreError says
        why a release was refused; the current release is never touched.
        """
        refusal = self.wants(info)
        if refusal is not None:
            raise StoreError(refusal[1])
        name = release_name(info)
        self.folder.mkdir(parents=True, exist_ok=True)
        free = shutil.disk_usage(self.folder).free
        needed = archive.stat().st_size + SPARE_BYTES
        if free < needed:
            raise StoreError(
                f"disk full: release {info.version} needs {needed // 2**20} MB, "
                f"{free // 2**20} MB free; keeping the current release"
            )
        shutil.rmtree(self.incoming, ignore_errors=True)
        self.incoming.mkdir(parents=True)
        work = self.incoming / name
        try:
            self.steps("unpack")
            unpack(archive, work, lambda n: self.steps(f"unpack-file-{n}"))
            self.steps("unpacked")
            if content_hash(work) != info.content_sha256:
                raise StoreError(
                    f"refused release {info.version}: unpacked content does not match its "
                    "signed hash"
                )
            errors = check(work)
            self.steps("checked")
            if errors:
                self._mark_bad(info.version, f"release {info.version} fails check: {errors[0]}")
                raise StoreError(
                    f"refused release {info.version}: its content fails check "
                    f"({len(errors)} error(s)), first: {errors[0]}"
                )
            marker = work / RELEASE_FILE
            marker.write_bytes(json.dumps(info.as_custom()).encode())
            with marker.open("rb+") as file:
                os.fsync(file.fileno())
            sync_folder(work)
            self.releases.mkdir(parents=True, exist_ok=True)
            final = self.releases / name
            shutil.rmtree(final, ignore_errors=True)
            os.replace(work, final)
            sync_folder(self.releases)
            self.steps("renamed")
        except ArchiveError as error:
            raise StoreError(f"refused release {info.version}: {error}") from None
        except OSError as error:
            if error.errno == 28:  # ENOSPC
                raise StoreError(
                    f"disk full while unpacking release {info.version}; keeping the current release"
                ) from None
            raise StoreError(f"cannot unpack release {info.version}: {error}") from None
        finally:
            shutil.rmtree(self.incoming, ignore_errors=True)
        pointer = self.pointer()
        event = f"release {info.version} ready; it is shown after the next visitor"
        self._save(replace(pointer, pending=name, last_event=event))
        self.steps("pending")
        self._prune()
        return Release(name, self.releases / name, info)

    def _mark_bad(self, version: int, event: str) -> None:
        pointer = self.pointer()
        self._save(replace(pointer, bad=(*pointer.bad, version)[-20:], last_event=event))

    # ------------------------------------------------------------------ switch

    def switch(self) -> Release | None:
        """Make the pending release current (between two visitors); None if none waits."""
        pointer = self.pointer()
        pending = self.release(pointer.pending)
        if pending is None:
            return None
        event = f"switched to release {pending.info.version}"
        self._save(
            replace(
                pointer,
                current=pending.name,
                previous=pointer.current,
                pending=None,
                trial=True,
                trial_starts=0,
                last_event=event,
            )
        )
        self.steps("switched")
        log.info("%s (%s)", event, pending.folder)
        return pending

    def confirm(self) -> None:
        """The current release painted the home screen: it is no longer on trial."""
        pointer = self.pointer()
        if not pointer.trial:
            return
        current = self.release(pointer.current)
        event = f"release {current.info.version if current else '?'} is shown"
        self._save(replace(pointer, trial=False, trial_starts=0, last_event=event))
        self.steps("confirmed")
        self._prune()

    def rollback(self, reason: str, or_configured: bool = False) -> Release | None:
        """Back to the previous release; returns the release now current.

        Without a previous release nothing changes (None), unless ``or_configured``: then
        the kiosk goes back to its configured content (also None), as after a crash loop.
        """
        pointer = self.pointer()
        if self.release(pointer.previous) is None and not or_configured:
            log.error("%s; no previous release to go back to", reason)
            self._save(replace(pointer, last_event=f"{reason}; no previous release"))
            return None
        pointer = self._rolled_back(pointer, reason)
        self._save(pointer)
        return self.release(pointer.current)

    def _rolled_back(self, pointer: Pointer, reason: str) -> Pointer:
        failed = self.release(pointer.current)
        target = self.release(pointer.previous)
        # Never installed again: only a newer release is tried.
        bad = (*pointer.bad, failed.info.version)[-20:] if failed is not None else pointer.bad
        if target is None:
            event = f"{reason}; back to the configured content"
            log.error("%s", event)
            return replace(
                pointer, current=None, previous=None, pending=None, trial=False,
                trial_starts=0, bad=bad, last_event=event,
            )  # fmt: skip
        older = [n for n in self._complete_names() if n < target.name]
        event = f"{reason}; rolled back to release {target.info.version}"
        log.error("%s", event)
        return replace(
            pointer,
            current=target.name,
            previous=older[-1] if older else None,
            pending=None,
            trial=False,
            trial_starts=0,
            bad=bad,
            last_event=event,
        )

    def _prune(self) -> None:
        """Keep the pointer's releases and the newest others, three in all."""
        pointer = self.pointer()
        keep = [n for n in (pointer.current, pointer.pending, pointer.previous) if n]
        for name in reversed(self._complete_names()):
            if len(keep) >= KEEP:
                break
            if name not in keep:
                keep.append(name)
        if not self.releases.is_dir():
            return
        for folder in self.releases.iterdir():
            if folder.name not in keep:
                shutil.rmtree(folder, ignore_errors=True)
