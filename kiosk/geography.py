"""The MedEst map's geographic data (land, coast, border), read from resources/maps/.

The file is built from Natural Earth by packaging/data/build_medest_map.py; it is plain
data in degrees (WGS84, longitude first), so the map widget knows no file format.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from kiosk.paths import data_path

MAP_FILE = "resources/maps/medest-map.json"

Ring = tuple[tuple[float, float], ...]


@dataclass(frozen=True)
class MapData:
    """A map's frame and its shapes, in degrees (longitude, latitude)."""

    west: float
    south: float
    east: float
    north: float
    # land polygons (the true coastline), the neighbouring country's part, border lines
    land: tuple[Ring, ...]
    neighbour: tuple[Ring, ...]
    border: tuple[Ring, ...]
    source: str

    @property
    def frame(self) -> tuple[float, float, float, float]:
        """(west, south, east, north), as the content check takes it."""
        return (self.west, self.south, self.east, self.north)


@cache
def medest_map() -> MapData:
    """The bundled MedEst map (read once)."""
    data = json.loads(data_path(MAP_FILE).read_text(encoding="utf-8"))
    return parse_map(data)


def parse_map(data: dict[str, object]) -> MapData:
    """A MapData from the file's JSON object; ValueError when it is not one."""
    try:
        frame = data["frame"]
        if not isinstance(frame, dict):
            raise TypeError("frame is not a table")

        def rings(key: str) -> tuple[Ring, ...]:
            value = data[key]
            if not isinstance(value, list):
                raise TypeError(f"{key} is not a list")
            return tuple(tuple((float(x), float(y)) for x, y in ring) for ring in value)

        return MapData(
            west=float(frame["west"]),
            south=float(frame["south"]),
            east=float(frame["east"]),
            north=float(frame["north"]),
            land=rings("land"),
            neighbour=rings("neighbour"),
            border=rings("border"),
            source=str(data["source"]),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ValueError(f"not a map file: {error!r}") from error
