"""The fleet's TUF repository: created once, then one signed release per publish.

Layout of ``DIR`` (what goes where is also printed by ``fleet init`` and in README):

- ``DIR/public/``: what kiosks download; serve it as it is (``fleet serve``, any static
  HTTP server, a CDN, an object store, a USB stick). ``metadata/`` holds the signed
  TUF metadata (consistent snapshots: ``N.root.json``, ``N.targets.json``,
  ``N.snapshot.json``, ``timestamp.json``), ``targets/`` the release archives, each
  named after its SHA-256.
- ``DIR/keys/``: the online keys (targets, snapshot, timestamp) that ``publish`` signs
  with; never served.
- ``DIR/root.json``: the first root metadata, the trust anchor copied to every kiosk.
- the root key, encrypted with a passphrase, is written where ``init`` is told and
  belongs offline; it is only needed to change keys or renew the root.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tuf.api.metadata import (
    Metadata,
    MetaFile,
    Root,
    Snapshot,
    TargetFile,
    Targets,
    Timestamp,
)
from tuf.api.serialization.json import JSONSerializer

from kiosk.fleet.archive import content_hash, pack, sync_folder
from kiosk.fleet.keys import load_signer, new_signer, save_signer

# The one target every release replaces: kiosks ask for it by this name.
RELEASE_TARGET = "release.tar"
ONLINE_ROLES = (Targets.type, Snapshot.type, Timestamp.type)
ROOT_DAYS = 365
TARGETS_DAYS = 365
# Snapshot and timestamp expire soon, so that a repository frozen by an attacker (or a
# stale USB stick) is noticed: publish again, or let `fleet serve` re-sign them.
DEFAULT_VALID_DAYS = 7
# Release archives kept in public/targets (kiosks may still be downloading older ones).
KEEP_ARCHIVES = 3
PRETTY = JSONSerializer(compact=False)


class RepositoryError(Exception):
    """The repository cannot be created or written; the message says why."""


@dataclass(frozen=True)
class ReleaseInfo:
    """What the signed targets metadata says about a release (its "custom" field)."""

    version: int
    published: str
    content_sha256: str

    def as_custom(self) -> dict[str, Any]:
        return {
            "release": self.version,
            "published": self.published,
            "content_sha256": self.content_sha256,
        }

    @classmethod
    def from_custom(cls, custom: Any) -> ReleaseInfo | None:
        """None when the field is missing or malformed (never trusted blindly)."""
        if not isinstance(custom, dict):
            return None
        version, published, sha = (
            custom.get("release"),
            custom.get("published"),
            custom.get("content_sha256"),
        )
        if type(version) is not int or version < 1:
            return None
        if not isinstance(published, str) or not isinstance(sha, str) or len(sha) != 64:
            return None
        return cls(version, published, sha)


def _expires(now: datetime, days: float) -> datetime:
    return now.replace(microsecond=0) + timedelta(days=days)


def _write_atomically(path: Path, data: bytes) -> None:
    """Replace ``path`` in one step, so a server never hands out half a file."""
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        # Served as it is: readable by any web server (mkstemp makes it private).
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    sync_folder(path.parent)


class FleetRepository:
    """A repository folder on the publisher's machine."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.public = folder / "public"
        self.metadata_dir = self.public / "metadata"
        self.targets_dir = self.public / "targets"
        self.keys_dir = folder / "keys"
        self.trusted_root = folder / "root.json"

    # ------------------------------------------------------------------ creation

    @classmethod
    def create(
        cls, folder: Path, root_key: Path, passphrase: str, now: datetime | None = None
    ) -> FleetRepository:
        """A new repository: keys, root, and empty targets, snapshot and timestamp."""
        repo = cls(folder)
        if repo.metadata_dir.exists() or repo.keys_dir.exists():
            raise RepositoryError(f"{folder} already holds a repository")
        if root_key.exists():
            raise RepositoryError(f"{root_key} exists; refusing to overwrite a root key")
        now = now or datetime.now(UTC)
        root_signer = new_signer()
        signers = {role: new_signer() for role in ONLINE_ROLES}
        root = Metadata(Root(expires=_expires(now, ROOT_DAYS)))
        root.signed.add_key(root_signer.public_key, Root.type)
        for role, signer in signers.items():
            root.signed.add_key(signer.public_key, role)
        root.sign(root_signer)
        repo.metadata_dir.mkdir(parents=True)
        repo.targets_dir.mkdir(parents=True)
        save_signer(root_signer, root_key, passphrase)
        for role, signer in signers.items():
            save_signer(signer, repo.keys_dir / f"{role}.pem")
        root_bytes = root.to_bytes(PRETTY)
        _write_atomically(repo.metadata_dir / "1.root.json", root_bytes)
        _write_atomically(repo.trusted_root, root_bytes)
        targets = Metadata(Targets(expires=_expires(now, TARGETS_DAYS)))
        repo._write_online(targets, DEFAULT_VALID_DAYS, now)
        return repo

    # ------------------------------------------------------------------ reading

    def _load(self, name: str) -> Metadata[Any]:
        try:
            return Metadata.from_file(str(self.metadata_dir / name))
        except Exception as error:  # securesystemslib's StorageError, DeserializationError
            raise RepositoryError(f"cannot read {self.metadata_dir / name}: {error}") from None

    def timestamp(self) -> Metadata[Timestamp]:
        return self._load("timestamp.json")

    def snapshot(self) -> Metadata[Snapshot]:
        version = self.timestamp().signed.snapshot_meta.version
        return self._load(f"{version}.snapshot.json")

    def targets(self) -> Metadata[Targets]:
        version = self.snapshot().signed.meta["targets.json"].version
        return self._load(f"{version}.targets.json")

    def latest_release(self) -> ReleaseInfo | None:
        target = self.targets().signed.targets.get(RELEASE_TARGET)
        return None if target is None else ReleaseInfo.from_custom(target.custom)

    def _signer(self, role: str) -> Any:
        if not self.keys_dir.is_dir():
            raise RepositoryError(f"{self.folder} is not a fleet repository (no keys/ folder)")
        return load_signer(self.keys_dir / f"{role}.pem")

    # ------------------------------------------------------------------ writing

    def publish(
        self,
        content_dir: Path,
        valid_days: float = DEFAULT_VALID_DAYS,
        now: datetime | None = None,
    ) -> ReleaseInfo:
        """Sign ``content_dir`` as the next release (the caller has checked it)."""
        now = now or datetime.now(UTC)
        targets = self.targets()
        previous = self.latest_release()
        info = ReleaseInfo(
            version=(previous.version + 1) if previous else 1,
            published=now.replace(microsecond=0).isoformat(),
            content_sha256=content_hash(content_dir),
        )
        with tempfile.TemporaryDirectory(dir=self.folder) as scratch:
            archive = Path(scratch) / RELEASE_TARGET
            pack(content_dir, archive)
            target = TargetFile.from_file(RELEASE_TARGET, str(archive))
            target.unrecognized_fields["custom"] = info.as_custom()
            # Consistent snapshots: the archive is served under its own hash, so a new
            # release never overwrites the file a kiosk may be downloading.
            stored = self.targets_dir / f"{target.hashes['sha256']}.{RELEASE_TARGET}"
            shutil.move(archive, stored)
            sync_folder(self.targets_dir)
        targets.signed.targets[RELEASE_TARGET] = target
        targets.signed.version += 1
        targets.signed.expires = _expires(now, TARGETS_DAYS)
        self._write_online(targets, valid_days, now)
        self._prune_archives(target.hashes["sha256"])
        return info

    def _write_online(self, targets: Metadata[Targets], valid_days: float, now: datetime) -> None:
        """Sign and write targets, then snapshot, then timestamp: a client reading at any
        moment sees either the old or the new consistent set."""
        targets.signatures.clear()
        targets.sign(self._signer(Targets.type))
        _write_atomically(
            self.metadata_dir / f"{targets.signed.version}.targets.json", targets.to_bytes(PRETTY)
        )
        try:
            snapshot = self.snapshot()
            snapshot.signed.version += 1
        except RepositoryError:
            snapshot = Metadata(Snapshot())
        snapshot.signed.meta["targets.json"] = MetaFile(version=targets.signed.version)
        snapshot.signed.expires = _expires(now, valid_days)
        snapshot.signatures.clear()
        snapshot.sign(self._signer(Snapshot.type))
        _write_atomically(
            self.metadata_dir / f"{snapshot.signed.version}.snapshot.json",
            snapshot.to_bytes(PRETTY),
        )
        self._write_timestamp(snapshot.signed.version, valid_days, now)

    def _write_timestamp(self, snapshot_version: int, valid_days: float, now: datetime) -> None:
        try:
            timestamp = self.timestamp()
            timestamp.signed.version += 1
        except RepositoryError:
            timestamp = Metadata(Timestamp())
        timestamp.signed.snapshot_meta = MetaFile(version=snapshot_version)
        timestamp.signed.expires = _expires(now, valid_days)
        timestamp.signatures.clear()
        timestamp.sign(self._signer(Timestamp.type))
        _write_atomically(self.metadata_dir / "timestamp.json", timestamp.to_bytes(PRETTY))

    def renew_root(
        self, root_key: Path, passphrase: str, now: datetime | None = None
    ) -> Metadata[Root]:
        """The next root version, same keys, a new year of validity, signed offline.

        Kiosks follow it by themselves (TUF walks the chain of root versions); without it
        every kiosk refuses the repository once the root has expired.
        """
        now = now or datetime.now(UTC)
        versions = sorted(
            int(path.name.split(".")[0]) for path in self.metadata_dir.glob("*.root.json")
        )
        if not versions:
            raise RepositoryError(f"{self.metadata_dir} has no root metadata")
        root: Metadata[Root] = self._load(f"{versions[-1]}.root.json")
        signer = load_signer(root_key, passphrase)
        if signer.public_key.keyid not in root.signed.roles[Root.type].keyids:
            raise RepositoryError(f"{root_key} is not this repository's root key")
        root.signed.version += 1
        root.signed.expires = _expires(now, ROOT_DAYS)
        root.signatures.clear()
        root.sign(signer)
        _write_atomically(
            self.metadata_dir / f"{root.signed.version}.root.json", root.to_bytes(PRETTY)
        )
        return root

    def renew_timestamp(self, valid_days: float = DEFAULT_VALID_DAYS) -> datetime:
        """Sign the timestamp again (same release); returns its new expiry."""
        now = datetime.now(UTC)
        self._write_timestamp(self.snapshot().signed.version, valid_days, now)
        return self.timestamp().signed.expires

    def _prune_archives(self, newest: str) -> None:
        archives = sorted(
            self.targets_dir.glob(f"*.{RELEASE_TARGET}"),
            key=lambda path: (path.stat().st_mtime, path.name),
            reverse=True,
        )
        kept = [a for a in archives if a.name.startswith(newest)]
        kept += [a for a in archives if a not in kept][: KEEP_ARCHIVES - 1]
        for archive in archives:
            if archive not in kept:
                archive.unlink(missing_ok=True)
