"""Parts, rings, vertices and dimension changes: Shapely 1.8 and Sharply on the same data.

Shapely 1.8 has no vectorized accessors, so its side is what a user writes with it: a loop over the
geometry objects reading ``geoms``, ``exterior``, ``interiors`` and ``coords``. The countries are
tiled to make the arrays large; Sharply's parts and rings of them share the input's memory.
"""

import sys
import warnings

import geopandas
import numpy as np
from shapely.geometry import LineString, Point, box as shapely_box
from shapely.ops import transform

import sharply
from common import print_speedups


def countries():
    """The 177 naturalearth_lowres countries (Shapely 1.8 Polygons and MultiPolygons)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return list(geopandas.read_file(geopandas.datasets.get_path("naturalearth_lowres")).geometry)


def main(quick: bool):
    copies = 5 if quick else 50
    shapes = countries() * copies
    geometries = sharply.from_shapely(shapes)
    parts_peer = [p for g in shapes for p in (g.geoms if g.geom_type == "MultiPolygon" else [g])]
    parts = sharply.get_parts(geometries)
    lines_peer = [LineString(p.exterior.coords) for p in parts_peer]
    lines = sharply.get_exterior_ring(parts)
    rng = np.random.default_rng(0)
    bounds = np.sort(rng.random((len(parts_peer), 2, 2)), axis=1).reshape(-1, 4)[:, [0, 2, 1, 3]]
    repeat = 3 if quick else 5

    cases = [
        ("get_parts, countries", lambda: [p for g in shapes for p in (g.geoms if g.geom_type == "MultiPolygon" else [g])],
         lambda: sharply.get_parts(geometries)),
        ("get_rings, polygons", lambda: [r for p in parts_peer for r in [p.exterior, *p.interiors]], lambda: sharply.get_rings(parts)),
        ("get_exterior_ring, polygons", lambda: [p.exterior for p in parts_peer], lambda: sharply.get_exterior_ring(parts)),
        ("get_geometry(-1), countries", lambda: [g.geoms[-1] if g.geom_type == "MultiPolygon" else g for g in shapes],
         lambda: sharply.get_geometry(geometries, -1)),
        ("get_point(0), rings", lambda: [Point(line.coords[0]) for line in lines_peer], lambda: sharply.get_point(lines, 0)),
        ("force_3d, polygons", lambda: [transform(lambda x, y: (x, y, np.zeros_like(x)), p) for p in parts_peer],
         lambda: sharply.force_3d(parts)),
        ("box, bounds", lambda: [shapely_box(*b) for b in bounds], lambda: sharply.box(*bounds.T)),
    ]
    print_speedups(f"Parts, rings and vertices: {len(shapes):,} countries ({len(parts_peer):,} polygons), time per call (ms)", cases, repeat)


if __name__ == "__main__":
    main(quick="--quick" in sys.argv)
