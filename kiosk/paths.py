"""Where the bundled data lives: source tree, installed wheel or frozen build."""

from __future__ import annotations

import sys
from functools import cache
from importlib.util import find_spec
from pathlib import Path, PurePosixPath

DATA_FOLDERS = ("resources", "content", "translations")


@cache
def data_root() -> Path:
    """The folder holding resources/, content/ and translations/.

    An installed wheel carries them in ``kiosk/_data``; a frozen build in its bundle
    folder; a source checkout (editable install) at the repository root.
    """
    package = Path(__file__).resolve().parent
    candidates = [package / "_data", package.parent]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        candidates.insert(0, Path(frozen))
    for candidate in candidates:
        if (candidate / "resources").is_dir():
            return candidate
    return candidates[-1]


def data_path(relative: str) -> Path:
    """A bundled file or folder, e.g. ``data_path("resources/fonts")``.

    Refuses absolute paths and ``..`` so that no caller can reach outside the bundle.
    """
    parts = PurePosixPath(relative.replace("\\", "/"))
    if parts.is_absolute() or ".." in parts.parts or not parts.parts:
        raise ValueError(f"not a bundled data path: {relative!r}")
    if parts.parts[0] not in DATA_FOLDERS:
        raise ValueError(f"bundled data lives in {', '.join(DATA_FOLDERS)}: {relative!r}")
    return data_root().joinpath(*parts.parts)


def qtawesome_dir() -> Path | None:
    """qtawesome's package folder, for its icon fonts (kiosk.ui.style.icons); None if missing.

    A frozen build carries the folder's fonts as data (the module itself is never
    imported); otherwise it is the installed package, found without importing it.
    """
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen) / "qtawesome"
    spec = find_spec("qtawesome")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def default_content_dir() -> Path:
    return data_path("content")


def translations_dir() -> Path:
    return data_path("translations")


def fonts_dir() -> Path:
    return data_path("resources/fonts")
