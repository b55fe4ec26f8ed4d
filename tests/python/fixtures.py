"""Shared test inputs: a fixture set of every geometry type (empties, Z, None), the nybb boroughs and the
naturalearth countries, as Shapely 1.8 objects and as Sharply arrays built from their WKB.

Shapely 1.8 (GEOS 3.11) is the reference: tests compute expected values with it on the same inputs.
"""

import functools
import warnings

import numpy as np
import shapely.wkb
import shapely.wkt
from shapely.geos import lgeos

import sharply

#: Every geometry type, valid and invalid, empties, Z, and None (a missing geometry).
WKT = [
    "POINT (1 2)",
    "POINT Z (1 2 3)",
    "POINT EMPTY",
    "POINT (3 3)",
    "POINT (10 5)",
    "LINESTRING (0 0, 1 1, 2 0)",
    "LINESTRING (0 0, 4 0, 4 4, 0 4, 0 0)",
    "LINESTRING (0 0, 2 2, 2 0, 0 2)",
    "LINESTRING (0 5, 10 5)",
    "LINESTRING Z (0 0 1, 3 4 2)",
    "LINESTRING EMPTY",
    "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))",
    "POLYGON ((5 5, 15 5, 15 15, 5 15, 5 5))",
    "POLYGON ((1 1, 3 1, 3 3, 1 3, 1 1))",
    "POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))",
    "POLYGON Z ((0 0 1, 4 0 2, 4 4 3, 0 0 1))",
    "POLYGON EMPTY",
    "MULTIPOINT ((0 0), (3 3), (10 10))",
    "MULTIPOINT EMPTY",
    "MULTILINESTRING ((0 0, 1 0), (5 5, 5 8))",
    "MULTILINESTRING ((0 0, 1 0, 1 1, 0 0), (5 5, 6 5, 5 5))",
    "MULTILINESTRING EMPTY",
    "MULTIPOLYGON (((20 20, 30 20, 30 30, 20 30, 20 20)), ((0 0, 1 0, 1 1, 0 0)))",
    "MULTIPOLYGON EMPTY",
    "GEOMETRYCOLLECTION (POINT (2 3), LINESTRING (0 0, 0 5), POLYGON ((10 10, 12 10, 12 12, 10 10)))",
    "GEOMETRYCOLLECTION EMPTY",
    None,
]


def shapely_fixtures():
    """The fixture set as Shapely 1.8 geometries (None stays None)."""
    return [None if text is None else shapely.wkt.loads(text) for text in WKT]


def to_sharply(geometries):
    """A GeometryArray of Shapely 1.8 geometries (None = missing), through WKB."""
    return sharply.from_wkb(np.array([None if g is None else g.wkb for g in geometries], dtype=object))


def to_shapely(result):
    """Shapely 1.8 geometries (or None) of a GeometryArray, or the one geometry of a Geometry / None."""
    if result is None:
        return None
    if isinstance(result, sharply.Geometry):
        return shapely.wkb.loads(result.wkb)
    return [None if value is None else shapely.wkb.loads(value) for value in sharply.to_wkb(result)]


def normalized(geometry):
    """A normalized copy (GEOS's normal form) of a Shapely 1.8 geometry."""
    copy = shapely.wkb.loads(geometry.wkb)
    lgeos.GEOSNormalize(copy._geom)
    return copy


@functools.lru_cache(maxsize=None)
def nybb():
    """The five New York boroughs (Shapely 1.8 MultiPolygons, EPSG:2263)."""
    import geopandas

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = geopandas.read_file(geopandas.datasets.get_path("nybb"))
    return list(frame.geometry)


@functools.lru_cache(maxsize=None)
def countries():
    """The 177 naturalearth_lowres countries (Shapely 1.8 Polygons and MultiPolygons)."""
    import geopandas

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        frame = geopandas.read_file(geopandas.datasets.get_path("naturalearth_lowres"))
    return list(frame.geometry)


def neighbour_pairs(geometries):
    """Index pairs (i, j), i != j, whose bounding boxes overlap: the candidates for every predicate."""
    boxes = np.array([g.bounds for g in geometries])
    overlap = (
        (boxes[:, None, 0] <= boxes[None, :, 2])
        & (boxes[None, :, 0] <= boxes[:, None, 2])
        & (boxes[:, None, 1] <= boxes[None, :, 3])
        & (boxes[None, :, 1] <= boxes[:, None, 3])
    )
    np.fill_diagonal(overlap, False)
    return np.nonzero(overlap)
