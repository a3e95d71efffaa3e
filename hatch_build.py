"""Hatchling build hook: put the data folders into the wheel, with compiled translations.

For the standard wheel (not for editable installs, which read the data straight from
the repository), this hook

* compiles every ``translations/*.ts`` to ``build/qm/*.qm`` with Qt's ``lrelease``
  taken from the PySide6-Essentials installed in the build environment, and
* force-includes into the wheel::

      resources/            -> kiosk/_data/resources/
      content/              -> kiosk/_data/content/
      translations/*.ts     -> kiosk/_data/translations/*.ts
      build/qm/*.qm         -> kiosk/_data/translations/*.qm

The build fails with a readable message when lrelease cannot be found or a ``.ts``
file does not compile. No ``.ts`` files (or no ``translations/`` folder) is fine.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

DATA_PREFIX = "kiosk/_data"
DATA_DIRS = ("resources", "content")
TRANSLATIONS_DIR = "translations"
QM_BUILD_DIR = Path("build") / "qm"


class KioskBuildError(RuntimeError):
    """A build problem with a message meant for humans."""


def _exe(name: str) -> str:
    return f"{name}.exe" if os.name == "nt" else name


def find_lrelease() -> list[str]:
    """Return the command that runs Qt's lrelease from the PySide6 of this environment."""
    candidates: list[Path] = []
    spec = importlib.util.find_spec("PySide6")  # locates the package without importing Qt
    if spec is not None and spec.submodule_search_locations:
        for location in spec.submodule_search_locations:
            base = Path(location)
            candidates += [
                base / _exe("lrelease"),
                base / "Qt" / "bin" / _exe("lrelease"),
                base / "Qt" / "libexec" / _exe("lrelease"),
            ]
    for candidate in candidates:
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return [str(candidate)]

    # Fall back to the console-script wrapper that PySide6-Essentials installs.
    scripts_dir = sysconfig.get_path("scripts")
    wrapper = Path(scripts_dir) / _exe("pyside6-lrelease") if scripts_dir else None
    if wrapper is not None and wrapper.is_file():
        return [str(wrapper)]
    on_path = shutil.which("pyside6-lrelease")
    if on_path:
        return [on_path]

    raise KioskBuildError(
        "Qt's lrelease was not found, so translations/*.ts cannot be compiled to .qm.\n"
        f"  Python running the build: {sys.executable}\n"
        f"  Looked in: {', '.join(str(c) for c in candidates) or '(PySide6 is not installed)'}\n"
        "  and for 'pyside6-lrelease' next to that Python and on PATH.\n"
        "Install PySide6-Essentials into the build environment (it is listed in "
        "[build-system] requires; with --no-build-isolation install it yourself: "
        "pip install PySide6-Essentials)."
    )


def compile_translations(root: Path, out_dir: Path) -> dict[str, str]:
    """Compile ``root/translations/*.ts`` into ``out_dir``; return {qm path: wheel path}."""
    ts_files = sorted((root / TRANSLATIONS_DIR).glob("*.ts"))
    if not ts_files:
        return {}

    lrelease = find_lrelease()
    if out_dir.exists():
        shutil.rmtree(out_dir)
    out_dir.mkdir(parents=True)

    compiled: dict[str, str] = {}
    for ts in ts_files:
        qm = out_dir / f"{ts.stem}.qm"
        command = [*lrelease, str(ts), "-qm", str(qm)]
        try:
            result = subprocess.run(command, capture_output=True, text=True, check=False)
        except OSError as exc:
            raise KioskBuildError(f"Could not run lrelease ({command[0]}): {exc}") from exc
        if result.returncode != 0 or not qm.is_file():
            output = "\n".join(s for s in (result.stdout.strip(), result.stderr.strip()) if s)
            raise KioskBuildError(
                f"lrelease failed to compile {ts.relative_to(root)} "
                f"(exit code {result.returncode}):\n{output or '(no output)'}"
            )
        compiled[str(qm)] = f"{DATA_PREFIX}/{TRANSLATIONS_DIR}/{qm.name}"
    return compiled


class KioskBuildHook(BuildHookInterface):
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel" or version == "editable":
            return

        root = Path(self.root)
        force_include: dict[str, str] = build_data.setdefault("force_include", {})

        for name in DATA_DIRS:
            source = root / name
            if not source.is_dir():
                raise KioskBuildError(
                    f"cri-kiosk build: the folder '{name}/' is missing in {root}; "
                    f"it must be shipped in the wheel as {DATA_PREFIX}/{name}/."
                )
            force_include[str(source)] = f"{DATA_PREFIX}/{name}"

        for ts in sorted((root / TRANSLATIONS_DIR).glob("*.ts")):
            force_include[str(ts)] = f"{DATA_PREFIX}/{TRANSLATIONS_DIR}/{ts.name}"

        try:
            compiled = compile_translations(root, root / QM_BUILD_DIR)
        except KioskBuildError as exc:
            # Hatchling shows the exception text; make it stand out in pip's output.
            raise KioskBuildError(f"cri-kiosk build failed:\n{exc}") from None
        force_include.update(compiled)
        if compiled:
            names = ", ".join(Path(qm).name for qm in compiled)
            self.app.display_info(f"Compiled translations: {names}")
