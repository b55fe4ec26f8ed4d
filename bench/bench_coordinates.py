"""Coordinate constructors, get_coordinates and ragged arrays: Shapely 1.8 and Sharply on the same data.

Shapely 1.8 has no vectorized constructors or coordinate export, so its side is what a user writes
with it: one geometry object per row, coordinates gathered geometry by geometry.
"""

import sys

import numpy as np
from shapely.geometry import LineString, Polygon

import sharply
from common import print_speedups


def main(quick: bool):
    rows, size = (20_000, 10) if quick else (200_000, 10)
    rng = np.random.default_rng(0)
    block = rng.random((rows, size, 2))
    lines_peer = [LineString(b) for b in block]
    lines = sharply.linestrings(block)
    rings = np.concatenate([block[:, :4], block[:, :1]], axis=1)
    polygons_peer = [Polygon(r) for r in rings]
    polygons = sharply.polygons(rings)
    repeat = 3 if quick else 5

    cases = [
        ("linestrings from (M, 10, 2)", lambda: [LineString(b) for b in block], lambda: sharply.linestrings(block)),
        ("polygons from (M, 5, 2)", lambda: [Polygon(r) for r in rings], lambda: sharply.polygons(rings)),
        (
            "get_coordinates, linestrings",
            lambda: np.concatenate([np.asarray(g.coords) for g in lines_peer]),
            lambda: sharply.get_coordinates(lines),
        ),
        (
            "to_ragged_array, polygons",
            lambda: (
                np.concatenate([np.asarray(p.exterior.coords) for p in polygons_peer]),
                np.cumsum([len(p.exterior.coords) for p in polygons_peer]),
            ),
            lambda: sharply.to_ragged_array(polygons),
        ),
        (
            "from_ragged_array, linestrings",
            lambda: [LineString(block.reshape(-1, 2)[i * size : (i + 1) * size]) for i in range(rows)],
            lambda: sharply.from_ragged_array("linestring", block.reshape(-1, 2), (np.arange(rows + 1) * size,)),
        ),
    ]
    print_speedups(f"Coordinates in and out: {rows:,} geometries, time per call (ms)", cases, repeat)


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
