"""The MedEst map file: small, well-formed, real geography; and the script that builds it."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kiosk.content import load_content
from kiosk.geography import MAP_FILE, medest_map, parse_map
from kiosk.paths import data_path

REPO = Path(__file__).resolve().parent.parent
MAX_BYTES = 20_000


def builder() -> ModuleType:
    path = REPO / "packaging" / "data" / "build_medest_map.py"
    spec = importlib.util.spec_from_file_location("build_medest_map", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_the_map_file_is_small_and_well_formed() -> None:
    path = data_path(MAP_FILE)
    assert path.stat().st_size < MAX_BYTES
    data = json.loads(path.read_text(encoding="utf-8"))
    assert "Natural Earth" in data["source"] and "public domain" in data["licence"]
    shapes = parse_map(data)
    assert shapes.west < shapes.east and shapes.south < shapes.north
    for ring in (*shapes.land, *shapes.neighbour):
        assert len(ring) >= 3
    assert shapes.land and shapes.neighbour and shapes.border
    margin = 0.2
    for ring in (*shapes.land, *shapes.neighbour, *shapes.border):
        for lon, lat in ring:
            assert shapes.west - margin <= lon <= shapes.east + margin
            assert shapes.south - margin <= lat <= shapes.north + margin


def test_the_map_has_the_true_coast_and_border() -> None:
    shapes = medest_map()
    coast = [point for ring in shapes.land for point in ring]
    # Cap des Trois Fourches reaches 35.4 N west of Nador; a sketch would not know it.
    cape = max(lat for lon, lat in coast if -3.1 < lon < -2.8)
    assert 35.40 < cape < 35.50
    # The border meets the sea at Saïdia (the Oued Kiss), 2.2 W, 35.1 N.
    border = [point for line in shapes.border for point in line]
    north_end = max(border, key=lambda point: point[1])
    assert -2.3 < north_end[0] < -2.1 and 35.0 < north_end[1] < 35.2
    # Algeria lies east of the border: its part of the map is all east of 2.25 W.
    assert all(lon > -2.25 for ring in shapes.neighbour for lon, _lat in ring)


def test_the_towns_of_the_content_are_on_land_inside_the_map() -> None:
    shapes = medest_map()
    library = load_content(REPO / "content").library
    places = library.places("fr")
    assert len(places) == 3
    for place in places:
        assert shapes.west < place.longitude < shapes.east
        assert shapes.south < place.latitude < shapes.north
        assert any(inside(place.longitude, place.latitude, ring) for ring in shapes.land)
        assert not any(inside(place.longitude, place.latitude, r) for r in shapes.neighbour)


def inside(x: float, y: float, ring: tuple[tuple[float, float], ...]) -> bool:
    """Even-odd rule."""
    result = False
    for (x0, y0), (x1, y1) in zip(ring, (*ring[1:], ring[0]), strict=True):
        if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
            result = not result
    return result


def test_the_builder_decodes_topojson_and_clips_to_the_frame() -> None:
    build = builder()
    topology = {
        "transform": {"scale": [0.5, 0.5], "translate": [-10, 30]},
        "arcs": [[[0, 0], [4, 0], [0, 4]], [[4, 4], [-4, 0], [0, -4]]],
    }
    arcs = build.decode_arcs(topology)
    assert arcs[0] == [(-10.0, 30.0), (-8.0, 30.0), (-8.0, 32.0)]
    square = build.ring(arcs, [0, 1])
    assert square[0] == square[-1] == (-10.0, 30.0)
    clipped = build.clip_ring(square, (-9.0, 29.0, -7.0, 31.0))
    assert {(round(x, 6), round(y, 6)) for x, y in clipped} == {
        (-9.0, 30.0),
        (-8.0, 30.0),
        (-8.0, 31.0),
        (-9.0, 31.0),
    }
    assert build.ring(arcs, [~0])[0] == (-8.0, 32.0)


@pytest.mark.parametrize("broken", [{}, {"frame": 3}, {"frame": {}, "land": []}])
def test_a_broken_map_file_is_refused(broken: dict[str, object]) -> None:
    with pytest.raises(ValueError, match="not a map file"):
        parse_map(broken)
