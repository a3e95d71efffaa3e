"""make bench: run the benchmarks and print the table (python -m benchmarks --help)."""

from __future__ import annotations

import argparse
import importlib
import sys

from benchmarks.measure import Figure
from benchmarks.report import write

# Group name -> module with ``run(runs: int) -> list[Figure]``, in the table's order.
GROUPS = {
    "startup": "benchmarks.startup",
    "interaction": "benchmarks.interaction",
    "attract": "benchmarks.attract",
    "documents": "benchmarks.documents",
    "scale": "benchmarks.scale",
    "speech": "benchmarks.speech",
    "fleet": "benchmarks.fleet",
    "restyle": "benchmarks.restyle",
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks",
        description="Measure the kiosk (offscreen) and print a table of figures and targets. "
        "The soak test is separate: python -m benchmarks.soak (make soak).",
    )
    parser.add_argument("--json", action="store_true", help="JSON on stdout, table on stderr")
    parser.add_argument(
        "--only", choices=sorted(GROUPS), action="append", help="run only this group (repeatable)"
    )
    parser.add_argument(
        "--runs", type=int, default=7, help="runs per process figure, median taken (default 7)"
    )
    args = parser.parse_args(argv)
    figures: list[Figure] = []
    for name, module in GROUPS.items():
        if args.only and name not in args.only:
            continue
        print(f"bench: {name} ...", file=sys.stderr, flush=True)
        figures.extend(importlib.import_module(module).run(args.runs))
    write(figures, args.json)
    missed = [f for f in figures if f.ok is False]
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
