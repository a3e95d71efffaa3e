"""A release as one file: the content folder packed into a tar, its hash, safe unpacking."""

from __future__ import annotations

import hashlib
import os
import tarfile
from collections.abc import Callable, Iterator
from pathlib import Path, PurePosixPath

CHUNK = 1 << 20
# Members of a release archive: this many at most (a content folder has a few hundred).
MAX_MEMBERS = 20_000


class ArchiveError(Exception):
    """The archive is not a release this kiosk can unpack; the message says why."""


def content_files(folder: Path) -> Iterator[tuple[str, Path]]:
    """Every regular file of a content folder, as (relative POSIX path, path), sorted.

    Hidden files and folders (".git", ".DS_Store") and symbolic links are left out: a
    release carries the content, never what happens to sit beside it.
    """
    found: list[tuple[str, Path]] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d != "__pycache__")
        for name in files:
            path = Path(root) / name
            if name.startswith(".") or path.is_symlink() or not path.is_file():
                continue
            found.append((path.relative_to(folder).as_posix(), path))
    yield from sorted(found)


def _file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        while chunk := file.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def content_hash(folder: Path) -> str:
    """One SHA-256 for a content folder: the hash of every file's name and hash, in order."""
    digest = hashlib.sha256()
    for name, path in content_files(folder):
        digest.update(f"{_file_hash(path)}  {name}\n".encode())
    return digest.hexdigest()


def pack(folder: Path, archive: Path) -> None:
    """Write the content folder as an uncompressed tar (PDFs and images do not shrink)."""
    with tarfile.open(archive, "w", format=tarfile.PAX_FORMAT) as tar:
        for name, path in content_files(folder):
            info = tar.gettarinfo(str(path), arcname=name)
            # Same bytes for the same content: no owner, fixed mode and time.
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            info.mode = 0o644
            info.mtime = 0
            with path.open("rb") as file:
                tar.addfile(info, file)


def _safe_name(name: str) -> PurePosixPath:
    path = PurePosixPath(name)
    if path.is_absolute() or not path.parts or any(p in ("..", "", ".") for p in path.parts):
        raise ArchiveError(f"refused archive member {name!r}: outside the release folder")
    if "\\" in name or ":" in name:
        raise ArchiveError(f"refused archive member {name!r}: not a portable file name")
    return path


def unpack(archive: Path, target: Path, on_file: Callable[[int], None] | None = None) -> int:
    """Unpack ``archive`` into the new folder ``target``; regular files only, each synced.

    Links, devices and names that leave the folder are refused (a release is data, never
    a way to write elsewhere). ``on_file`` is told the number of each file written.
    Returns the number of files. OSError (a full disk) is left to the caller.
    """
    target.mkdir(parents=True)
    count = 0
    try:
        tar = tarfile.open(archive, "r:")  # noqa: SIM115 - closed by the with below
    except tarfile.TarError as error:
        raise ArchiveError(f"not a release archive: {error}") from None
    with tar:
        for member in tar:
            if count >= MAX_MEMBERS:
                raise ArchiveError(f"refused archive: more than {MAX_MEMBERS} files")
            relative = _safe_name(member.name)
            if member.isdir():
                continue
            if not member.isreg():
                raise ArchiveError(f"refused archive member {member.name!r}: not a plain file")
            destination = target.joinpath(*relative.parts)
            destination.parent.mkdir(parents=True, exist_ok=True)
            source = tar.extractfile(member)
            assert source is not None  # a regular member always has data
            with destination.open("xb") as out:
                while chunk := source.read(CHUNK):
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            count += 1
            if on_file is not None:
                on_file(count)
    for root, _dirs, _files in os.walk(target):
        sync_folder(Path(root))
    return count


def sync_folder(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` survive a power cut (POSIX; no-op elsewhere)."""
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
