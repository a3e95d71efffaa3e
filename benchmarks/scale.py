"""scale: start-up and ``check`` time of a generated 500 pages x 4 languages content tree,
side by side with the shipped content."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from benchmarks.content_tree import generate_tree
from benchmarks.measure import ROOT, VENV_BIN, Figure, ProcessRun, mb, median, run_process
from benchmarks.startup import compile_bytecode, first_frame, isolated_env

GROUP = "scale"
PAGES = 500
# The 500-page tree must start within this many times the shipped content's start-up.
MAX_RATIO = 2.0
KIOSK = str(VENV_BIN / "cri-kiosk")


def _environment(folder: Path) -> dict[str, str]:
    """The start-up benchmark's: offscreen 1920x1080, no config, state or cache of this
    machine."""
    for name in ("home", "config", "state", "cache", "runtime"):
        (folder / name).mkdir(mode=0o700, parents=True, exist_ok=True)
    return isolated_env(folder)


def _runs(command: list[str], env: dict[str, str], runs: int) -> list[ProcessRun]:
    done = []
    for _ in range(runs):
        result = run_process(command, env)
        if result.returncode != 0:
            raise RuntimeError(
                f"{' '.join(command)} exited with {result.returncode}:\n{result.output[-2000:]}"
            )
        done.append(result)
    return done


def _startup(content: Path, env: dict[str, str], runs: int) -> list[ProcessRun]:
    command = [KIOSK, "run", "--fullscreen", "--exit-after-startup", "--content", str(content)]
    return _runs(command, env, runs)


def _check(content: Path, env: dict[str, str], runs: int) -> list[ProcessRun]:
    return _runs([KIOSK, "check", "--content", str(content)], env, runs)


def run(runs: int) -> list[Figure]:
    """Measure both contents; the generated one must pass ``check`` first."""
    shipped = ROOT / "content"
    compile_bytecode()
    with tempfile.TemporaryDirectory(prefix="kiosk-scale-") as temp:
        tree = generate_tree(Path(temp) / "content", PAGES)
        env = _environment(Path(temp) / "env")
        # An erroneous tree would measure the error path, not the kiosk.
        verdict = run_process([KIOSK, "check", "--content", str(tree.content_dir)], env)
        if verdict.returncode != 0:
            raise RuntimeError(f"the generated tree does not pass check:\n{verdict.output[-3000:]}")
        print(
            f"scale: {tree.pages_per_language} pages x {len(tree.languages)} languages, "
            f"{tree.top_sections} home sections, {tree.home_tiles} home tiles, "
            f"{tree.deepest_level} levels",
            file=sys.stderr,
        )
        # A first start of each warms the disk cache; it is not counted.
        _startup(shipped, env, 1)
        _startup(tree.content_dir, env, 1)
        # Alternate the two contents run by run, so a noisy moment hits both alike.
        small_start: list[ProcessRun] = []
        large_start: list[ProcessRun] = []
        for _ in range(runs):
            small_start += _startup(shipped, env, 1)
            large_start += _startup(tree.content_dir, env, 1)
        small_check = _check(shipped, env, runs)
        large_check = _check(tree.content_dir, env, runs)

    small = median([first_frame(r) for r in small_start])
    large = median([first_frame(r) for r in large_start])
    ratio = large / small
    label = f"{PAGES}x{len(tree.languages)}"
    return [
        Figure(GROUP, "shipped content: start to home painted", small * 1000, "ms"),
        Figure(GROUP, f"{label} pages: start to home painted", large * 1000, "ms"),
        Figure(
            GROUP,
            f"{label} / shipped start-up",
            ratio,
            "x",
            f"<= {MAX_RATIO:g}",
            ratio <= MAX_RATIO,
        ),
        Figure(GROUP, "shipped content: peak memory (RSS)", _peak(small_start), "MB"),
        Figure(GROUP, f"{label} pages: peak memory (RSS)", _peak(large_start), "MB"),
        Figure(GROUP, "shipped content: check", median([r.seconds for r in small_check]), "s"),
        Figure(GROUP, f"{label} pages: check", median([r.seconds for r in large_check]), "s"),
    ]


def _peak(runs: list[ProcessRun]) -> float:
    return mb(int(median([r.peak_rss for r in runs])))


if __name__ == "__main__":
    from benchmarks.report import write

    write(run(int(sys.argv[1]) if len(sys.argv) > 1 else 7), as_json=False)
