"""Build resources/maps/medest-map.json, the MedEst map's land, coast and border.

Source: Natural Earth 1:10m (public domain), version 4.1.0, as redistributed in TopoJSON
by the npm package ``world-atlas`` 2.0.2 (ISC licence). The package is downloaded with
``npm pack`` into a temporary folder (or read from ``--package FILE.tgz``) and never
committed; only the small reduced file is.

What the file holds, in degrees (WGS84, longitude first, west negative), rounded to
1e-4 degree (about 10 m, far below the 1:10m data's own precision):

* ``land``: the land polygons (Natural Earth ``land``: coastlines, no political lines)
  clipped to the frame plus a margin, so the coast is the true one;
* ``neighbour``: Algeria's part of the frame, to tint the other side of the border;
* ``border``: the Morocco-Algeria boundary (the arcs Morocco and Algeria share in
  Natural Earth ``countries``), as lines.

Run it from the repository root: ``python3 packaging/data/build_medest_map.py``.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path
from typing import Any

PACKAGE = "world-atlas@2.0.2"
OUTPUT = Path("resources/maps/medest-map.json")
# The frame shown: Cap des Trois Fourches to past the border, the coast to south of Oujda.
WEST, EAST, SOUTH, NORTH = -3.30, -1.50, 34.50, 35.50
# Clipping margin: the edges that clipping adds lie outside the frame the kiosk draws.
MARGIN = 0.05
# ISO 3166-1 numeric codes, the ids world-atlas gives the countries.
MOROCCO, ALGERIA = "504", "012"
DIGITS = 4

Point = tuple[float, float]


def fetch_package(folder: Path) -> Path:
    """``npm pack`` the package into ``folder``; the path of the .tgz."""
    result = subprocess.run(
        ["npm", "pack", PACKAGE, "--silent"],
        cwd=folder,
        check=True,
        capture_output=True,
        text=True,
    )
    return folder / result.stdout.strip().splitlines()[-1]


def read_topology(archive: Path, name: str) -> dict[str, Any]:
    with tarfile.open(archive) as tar:
        member = tar.extractfile(f"package/{name}")
        if member is None:
            raise SystemExit(f"{archive} has no {name}")
        data: dict[str, Any] = json.load(member)
        return data


def decode_arcs(topology: dict[str, Any]) -> list[list[Point]]:
    """Every arc in degrees (TopoJSON stores them quantized and delta-encoded)."""
    scale_x, scale_y = topology["transform"]["scale"]
    move_x, move_y = topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((x * scale_x + move_x, y * scale_y + move_y))
        arcs.append(points)
    return arcs


def ring(arcs: list[list[Point]], indexes: list[int]) -> list[Point]:
    """A closed ring from arc indexes (``~i`` is arc ``i`` reversed)."""
    points: list[Point] = []
    for index in indexes:
        arc = arcs[index] if index >= 0 else arcs[~index][::-1]
        points.extend(arc[1:] if points else arc)
    return points


def polygons(geometry: dict[str, Any], arcs: list[list[Point]]) -> list[list[list[Point]]]:
    """A Polygon or MultiPolygon geometry as a list of polygons (lists of rings)."""
    if geometry["type"] == "Polygon":
        return [[ring(arcs, r) for r in geometry["arcs"]]]
    if geometry["type"] == "MultiPolygon":
        return [[ring(arcs, r) for r in polygon] for polygon in geometry["arcs"]]
    return []


def clip_ring(points: list[Point], box: tuple[float, float, float, float]) -> list[Point]:
    """Sutherland-Hodgman clipping of a ring to a rectangle (west, south, east, north)."""
    west, south, east, north = box
    edges = (
        (lambda p: p[0] >= west, lambda a, b: _at_x(a, b, west)),
        (lambda p: p[0] <= east, lambda a, b: _at_x(a, b, east)),
        (lambda p: p[1] >= south, lambda a, b: _at_y(a, b, south)),
        (lambda p: p[1] <= north, lambda a, b: _at_y(a, b, north)),
    )
    for inside, cross in edges:
        if not points:
            break
        result: list[Point] = []
        previous = points[-1]
        for point in points:
            if inside(point):
                if not inside(previous):
                    result.append(cross(previous, point))
                result.append(point)
            elif inside(previous):
                result.append(cross(previous, point))
            previous = point
        points = result
    return points


def _at_x(a: Point, b: Point, x: float) -> Point:
    t = (x - a[0]) / (b[0] - a[0])
    return (x, a[1] + t * (b[1] - a[1]))


def _at_y(a: Point, b: Point, y: float) -> Point:
    t = (y - a[1]) / (b[1] - a[1])
    return (a[0] + t * (b[0] - a[0]), y)


def clip_line(points: list[Point], box: tuple[float, float, float, float]) -> list[list[Point]]:
    """The runs of a line that come inside the box, each with one point beyond either end."""
    west, south, east, north = box

    def inside(p: Point) -> bool:
        return west <= p[0] <= east and south <= p[1] <= north

    runs: list[list[Point]] = []
    current: list[Point] = []
    for index, point in enumerate(points):
        near = any(inside(points[j]) for j in (index - 1, index, index + 1) if 0 <= j < len(points))
        if near:
            current.append(point)
        elif current:
            runs.append(current)
            current = []
    if current:
        runs.append(current)
    return [run for run in runs if len(run) > 1]


def rounded(points: list[Point]) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in points:
        point = [round(x, DIGITS), round(y, DIGITS)]
        if not out or out[-1] != point:
            out.append(point)
    return out


def build(archive: Path) -> dict[str, Any]:
    box = (WEST - MARGIN, SOUTH - MARGIN, EAST + MARGIN, NORTH + MARGIN)
    land_topology = read_topology(archive, "land-10m.json")
    land_arcs = decode_arcs(land_topology)
    land = []
    for geometry in land_topology["objects"]["land"]["geometries"]:
        for polygon in polygons(geometry, land_arcs):
            for points in polygon:
                clipped = clip_ring(points, box)
                if len(clipped) >= 3:
                    land.append(rounded(clipped))
    countries = read_topology(archive, "countries-10m.json")
    country_arcs = decode_arcs(countries)
    by_id = {g.get("id"): g for g in countries["objects"]["countries"]["geometries"]}
    neighbour = []
    for polygon in polygons(by_id[ALGERIA], country_arcs):
        clipped = clip_ring(polygon[0], box)
        if len(clipped) >= 3:
            neighbour.append(rounded(clipped))
    morocco_arcs = _arc_indexes(by_id[MOROCCO]["arcs"])
    algeria_arcs = _arc_indexes(by_id[ALGERIA]["arcs"])
    border = []
    for index in sorted(morocco_arcs & algeria_arcs):
        for run in clip_line(country_arcs[index], box):
            border.append(rounded(run))
    return {
        "source": "Natural Earth 1:10m v4.1.0 (land, admin 0 countries), via npm "
        f"{PACKAGE}; built by packaging/data/build_medest_map.py",
        "licence": "Natural Earth: public domain; world-atlas packaging: ISC",
        "frame": {"west": WEST, "east": EAST, "south": SOUTH, "north": NORTH},
        "land": land,
        "neighbour": neighbour,
        "border": border,
    }


def _arc_indexes(nested: Any) -> set[int]:
    """Every arc index a geometry uses, direction ignored."""
    if isinstance(nested, int):
        return {nested if nested >= 0 else ~nested}
    found: set[int] = set()
    for item in nested:
        found |= _arc_indexes(item)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--package", type=Path, help="a world-atlas .tgz already downloaded")
    parser.add_argument("--out", type=Path, default=OUTPUT)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as folder:
        archive = args.package or fetch_package(Path(folder))
        data = build(archive)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    args.out.write_text(text + "\n", encoding="utf-8")
    points = sum(len(r) for key in ("land", "neighbour", "border") for r in data[key])
    print(f"{args.out}: {len(text)} bytes, {points} points", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
