"""Accessors (parts, members, rings, vertices, z, dimensions) against Shapely 1.8 / GEOS 3.11.

Shapely 1.8 has no vectorized accessors: the oracle applies Shapely 2's rules to each geometry's ``geoms``,
``exterior``, ``interiors`` and ``coords`` (GEOS's own functions for dimensions). Geometries are compared
by their WKB (GEOS writes a LinearRing as a LineString, so rings compare with Sharply's LineStrings).
"""

import ctypes
import math

import numpy as np
import pytest
import shapely.geometry
import shapely.wkb
import shapely.wkt
from shapely.geometry.base import geom_factory
from shapely.geos import lgeos

import sharply
from fixtures import WKT, countries, nybb, shapely_fixtures, to_sharply
from test_collection_members import WKTS as COLLECTIONS

SHAPES = shapely_fixtures()

_coordinate_dimension = lgeos._lgeos.GEOSGeom_getCoordinateDimension_r
_coordinate_dimension.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
_coordinate_dimension.restype = ctypes.c_int
INDICES = [-4, -3, -2, -1, 0, 1, 2, 3, 2**40, -(2**40)]


@pytest.fixture(scope="module")
def array():
    return to_sharply(SHAPES)


def hexes(result):
    """WKB hex of each row of a GeometryArray (None for missing rows)."""
    return list(sharply.to_wkb(result, hex=True))


def members(shape):
    """Shapely 2's parts of one geometry: itself for a single geometry, its members as GEOS counts them otherwise
    (Shapely 1.8's ``geoms`` of a collection of empty members is empty)."""
    if shape is None:
        return []
    if shape.geom_type.startswith("Multi") or shape.geom_type == "GeometryCollection":
        count = lgeos.GEOSGetNumGeometries(shape._geom)
        return [geom_factory(lgeos.GEOSGeom_clone(lgeos.GEOSGetGeometryN(shape._geom, i))) for i in range(count)]
    return [shape]


def rings(shape):
    if shape is None or shape.geom_type != "Polygon" or shape.is_empty:
        return []
    return [shape.exterior, *shape.interiors]


def pick(items, index):
    """Shapely 2's indexing rule: negative from the end, out of range gives None."""
    resolved = index + len(items) if index < 0 else index
    return items[resolved] if 0 <= resolved < len(items) else None


def wkb_hex(shape):
    return None if shape is None else shape.wkb_hex


def test_get_parts_matches_members(array):
    parts, index = sharply.get_parts(array, return_index=True)
    expected = [(row, m) for row, shape in enumerate(SHAPES) for m in members(shape)]
    assert hexes(parts) == [m.wkb_hex for _, m in expected]
    assert index.dtype == np.int64 and index.tolist() == [row for row, _ in expected]
    assert len(sharply.get_parts(array)) == len(expected) == 29


@pytest.mark.parametrize("text", COLLECTIONS)
def test_get_parts_keeps_collection_members(text):
    shape = shapely.wkt.loads(text)
    assert hexes(sharply.get_parts(sharply.from_wkt(text))) == [m.wkb_hex for m in members(shape)]


def test_get_parts_of_scalars_and_none():
    point = sharply.from_wkt("POINT (1 2)")
    assert isinstance(sharply.get_parts(point), sharply.GeometryArray)
    assert sharply.to_wkt(sharply.get_parts(point)).tolist() == ["POINT (1 2)"]
    parts, index = sharply.get_parts(None, return_index=True)
    assert len(parts) == 0 and index.tolist() == []


@pytest.mark.parametrize("wkts", [
    ["MULTIPOINT (0 0, 1 1)", "MULTIPOINT EMPTY", None, "MULTIPOINT (2 2, 3 3, 4 4)"],
    ["MULTILINESTRING ((0 0, 1 1), (2 2, 3 3))", None, "MULTILINESTRING ((5 5, 6 6))"],
    ["MULTIPOLYGON (((0 0, 4 0, 4 4, 0 0), (1 0.5, 3 0.5, 3 2.5, 1 0.5)), ((9 9, 10 9, 10 10, 9 9)))", "MULTIPOLYGON EMPTY"],
    ["POINT (1 2)", "POINT EMPTY", None, "POINT (3 4)"],
    ["LINESTRING Z (0 0 1, 1 1 2)", "LINESTRING (0 0, 1 1)"],
])
def test_get_parts_of_slices(wkts):
    """Slices start inside the buffers: the shared parts must start there too."""
    shapes = [None if w is None else shapely.wkt.loads(w) for w in wkts] * 3
    array = to_sharply(shapes)
    for start in range(len(wkts) + 1):
        parts, index = sharply.get_parts(array[start:], return_index=True)
        expected = [(row, m) for row, shape in enumerate(shapes[start:]) for m in members(shape)]
        assert hexes(parts) == [m.wkb_hex for _, m in expected]
        assert index.tolist() == [row for row, _ in expected]


@pytest.mark.parametrize("index", INDICES)
def test_get_geometry_matches_members(array, index):
    result = sharply.get_geometry(array, index)
    assert hexes(result) == [wkb_hex(pick(members(shape), index)) for shape in SHAPES]


def test_get_geometry_broadcasts(array):
    indices = np.arange(len(SHAPES)) % 4 - 2
    assert hexes(sharply.get_geometry(array, indices)) == [
        wkb_hex(pick(members(shape), int(i))) for shape, i in zip(SHAPES, indices)
    ]
    multi = array[17]
    assert hexes(sharply.get_geometry(multi, [0, 2, 3, -3, -4])) == [
        wkb_hex(pick(members(SHAPES[17]), i)) for i in [0, 2, 3, -3, -4]
    ]
    assert sharply.get_geometry(multi, np.int32(1)).wkt == "POINT (3 3)"
    assert sharply.get_geometry(None, 0) is None
    with pytest.raises(ValueError, match="broadcast"):
        sharply.get_geometry(array, [0, 1])


@pytest.mark.parametrize("text", COLLECTIONS)
def test_get_geometry_of_collections(text):
    shape = shapely.wkt.loads(text)
    geometry = sharply.from_wkt(text)
    assert [sharply.to_wkb(sharply.get_geometry(geometry, i), hex=True) for i in range(-4, 4)] == [
        wkb_hex(pick(members(shape), i)) for i in range(-4, 4)
    ]


@pytest.mark.parametrize("bad", [1.5, "0", [0.5], np.array([True]), np.zeros((1, 1), dtype=int)])
@pytest.mark.parametrize("function", [sharply.get_geometry, sharply.get_interior_ring, sharply.get_point])
def test_bad_indices_are_refused(array, function, bad):
    with pytest.raises((TypeError, ValueError), match="index"):
        function(array, bad)


def test_get_exterior_ring(array):
    expected = [
        None if shape is None or shape.geom_type != "Polygon" else ("010200000000000000" if shape.is_empty else shape.exterior.wkb_hex)
        for shape in SHAPES
    ]
    assert hexes(sharply.get_exterior_ring(array)) == expected
    assert sharply.get_exterior_ring(array[11]).wkt == "LINESTRING (0 0, 10 0, 10 10, 0 10, 0 0)"
    assert sharply.get_exterior_ring(array[0]) is None and sharply.get_exterior_ring(None) is None


@pytest.mark.parametrize("index", INDICES)
def test_get_interior_ring(array, index):
    assert hexes(sharply.get_interior_ring(array, index)) == [
        wkb_hex(pick([] if shape is None or shape.geom_type != "Polygon" else list(shape.interiors), index))
        for shape in SHAPES
    ]


def test_get_rings(array):
    result, index = sharply.get_rings(array, return_index=True)
    expected = [(row, r) for row, shape in enumerate(SHAPES) for r in rings(shape)]
    assert hexes(result) == [r.wkb_hex for _, r in expected]
    assert index.dtype == np.int64 and index.tolist() == [row for row, _ in expected]
    assert len(sharply.get_rings(array[11])) == 2


@pytest.mark.parametrize("dataset", [nybb, countries])
def test_rings_and_parts_of_real_polygons(dataset):
    shapes = dataset()
    array = to_sharply(shapes)
    parts, part_index = sharply.get_parts(array, return_index=True)
    expected_parts = [(row, m) for row, shape in enumerate(shapes) for m in members(shape)]
    assert hexes(parts) == [m.wkb_hex for _, m in expected_parts]
    assert part_index.tolist() == [row for row, _ in expected_parts]
    polygons = [m for _, m in expected_parts]
    assert hexes(sharply.get_rings(parts)) == [r.wkb_hex for p in polygons for r in rings(p)]
    assert hexes(sharply.get_exterior_ring(parts)) == [p.exterior.wkb_hex for p in polygons]
    assert hexes(sharply.get_interior_ring(parts, -1)) == [wkb_hex(pick(list(p.interiors), -1)) for p in polygons]


@pytest.mark.parametrize("index", INDICES)
def test_get_point(array, index):
    result = sharply.get_point(array, index)
    expected = []
    for shape in SHAPES:
        coordinates = list(shape.coords) if shape is not None and shape.geom_type == "LineString" else []
        expected.append(pick(coordinates, index))
    assert [None if g is None else g.coords.tolist()[0] for g in result] == [None if c is None else list(c) for c in expected]
    assert sharply.get_type_id(result).tolist() == [-1 if c is None else 0 for c in expected]


def test_get_point_broadcasts_and_keeps_z():
    line = sharply.from_wkt("LINESTRING Z (0 0 1, 1 1 2, 2 2 3)")
    assert sharply.to_wkt(sharply.get_point(line, [0, -1, 3])).tolist() == ["POINT Z (0 0 1)", "POINT Z (2 2 3)", None]
    assert sharply.get_point(line, -2).wkt == "POINT Z (1 1 2)"


def test_get_z(array):
    expected = [
        shape.z if shape is not None and shape.geom_type == "Point" and not shape.is_empty and shape.has_z else math.nan
        for shape in SHAPES
    ]
    np.testing.assert_array_equal(sharply.get_z(array), expected)
    assert sharply.get_z(array[1]) == 3.0
    assert math.isnan(sharply.get_z(array[0])) and math.isnan(sharply.get_z(None))


def test_get_dimensions(array):
    expected = [-1 if shape is None else lgeos.GEOSGeom_getDimensions(shape._geom) for shape in SHAPES]
    assert sharply.get_dimensions(array).tolist() == expected
    collections = [shapely.wkt.loads(text) for text in COLLECTIONS]
    assert sharply.get_dimensions(sharply.from_wkt(COLLECTIONS)).tolist() == [
        lgeos.GEOSGeom_getDimensions(shape._geom) for shape in collections
    ]
    assert sharply.get_dimensions(array).dtype == np.int32


def test_get_coordinate_dimension(array):
    expected = [-1 if shape is None else _coordinate_dimension(lgeos.geos_handle, shape._geom) for shape in SHAPES]
    assert sharply.get_coordinate_dimension(array).tolist() == expected
    assert sharply.get_coordinate_dimension(None) == -1


def test_is_geometry(array):
    assert sharply.is_geometry(array).tolist() == [shape is not None for shape in SHAPES]
    assert sharply.is_geometry(array[0]) is True and sharply.is_geometry(None) is False


def test_fixture_set_covers_every_case():
    assert len(WKT) == len(SHAPES) == 27


def test_force_2d_matches_geos_2d_wkb(array):
    expected = [None if shape is None else shapely.wkb.dumps(shape, hex=True, output_dimension=2) for shape in SHAPES]
    assert hexes(sharply.force_2d(array)) == expected
    assert sharply.has_z(sharply.force_2d(array)).sum() == 0 and sharply.has_z(array).sum() == 3
    assert sharply.force_2d(None) is None


@pytest.mark.parametrize("z", [0.0, 7.5, "per row"])
def test_force_3d_keeps_z_and_fills_the_rest(array, z):
    values = np.arange(len(SHAPES), dtype=float) + 0.5 if z == "per row" else z
    result = sharply.force_3d(array, values)
    coords, index = sharply.get_coordinates(result, include_z=True, return_index=True)
    before, before_index = sharply.get_coordinates(array, include_z=True, return_index=True)
    filled = before[:, 2].copy()
    fill = np.broadcast_to(values, len(SHAPES))[before_index]
    filled[np.isnan(filled)] = fill[np.isnan(filled)]
    np.testing.assert_array_equal(index, before_index)
    np.testing.assert_array_equal(coords[:, :2], before[:, :2])
    np.testing.assert_array_equal(coords[:, 2], filled)
    assert sharply.get_type_id(result).tolist() == sharply.get_type_id(array).tolist()
    assert sharply.has_z(result).tolist() == [s is not None and not s.is_empty for s in SHAPES]


def test_force_3d_broadcasts_a_scalar_geometry():
    point = sharply.points(1.0, 2.0)
    assert sharply.force_3d(point, 3).wkt == "POINT Z (1 2 3)"
    assert sharply.to_wkt(sharply.force_3d(point, [3, 4])).tolist() == ["POINT Z (1 2 3)", "POINT Z (1 2 4)"]
    with pytest.raises(ValueError, match="z has 2 values for 3"):
        sharply.force_3d(sharply.from_wkt(["POINT (0 0)"] * 3), [1, 2])


@pytest.mark.parametrize("ccw", [True, False])
def test_box_matches_shapely(ccw):
    rng = np.random.default_rng(6)
    xmin, ymin = rng.uniform(-10, 10, (2, 50))
    xmax, ymax = xmin + rng.uniform(0, 5, 50), ymin + rng.uniform(0, 5, 50)
    expected = [shapely.geometry.box(*b, ccw=ccw).wkb_hex for b in zip(xmin, ymin, xmax, ymax)]
    assert hexes(sharply.box(xmin, ymin, xmax, ymax, ccw=ccw)) == expected
    assert sharply.box(xmin[0], ymin[0], xmax[0], ymax[0], ccw=ccw).wkb == bytes.fromhex(expected[0])
    assert hexes(sharply.box(xmin, 0.0, xmax, [1.0] * 50, ccw=ccw)) == [
        shapely.geometry.box(a, 0.0, b, 1.0, ccw=ccw).wkb_hex for a, b in zip(xmin, xmax)
    ]


def test_box_gives_none_for_nan_and_refuses_mismatched_lengths():
    assert sharply.box(0, 0, float("nan"), 1) is None
    assert sharply.is_missing(sharply.box([0, np.nan], 0, 1, 1)).tolist() == [False, True]
    with pytest.raises(ValueError, match="broadcast"):
        sharply.box([0, 1], [0, 1, 2], 1, 1)


_coord_seq = lgeos._lgeos.GEOSGeom_getCoordSeq_r
_coord_seq.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
_coord_seq.restype = ctypes.c_void_p
_seq_is_ccw = lgeos._lgeos.GEOSCoordSeq_isCCW_r
_seq_is_ccw.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.POINTER(ctypes.c_char)]
_seq_is_ccw.restype = ctypes.c_int


def geos_is_ccw(shape):
    """Shapely 2's is_ccw: GEOS's test on the coordinates of LineStrings of 4 or more vertices, else False."""
    if shape is None or shape.geom_type != "LineString" or len(shape.coords) < 4:
        return False
    result = ctypes.c_char()
    assert _seq_is_ccw(lgeos.geos_handle, _coord_seq(lgeos.geos_handle, shape._geom), ctypes.byref(result)) == 1
    return result.value == b"\x01"


def random_lines(count, seed):
    """Closed and open lines on a small integer grid: flat tops, repeated vertices and folds are common."""
    rng = np.random.default_rng(seed)
    lines = []
    for _ in range(count):
        points = rng.integers(0, 4, (rng.integers(3, 9), 2)).tolist()
        if rng.random() < 0.8:
            points.append(points[0])
        lines.append(shapely.geometry.LineString(points))
    return lines


def test_is_ccw_matches_geos(array):
    assert sharply.is_ccw(array).tolist() == [geos_is_ccw(shape) for shape in SHAPES]
    lines = random_lines(2000, 6) + [shapely.wkt.loads("LINESTRING (0 0, 1 0, 1 1, 0 0)"), shapely.wkt.loads("LINESTRING (0 0, 1 1, 1 0, 0 0)")]
    expected = [geos_is_ccw(line) for line in lines]
    assert sharply.is_ccw(to_sharply(lines)).tolist() == expected
    assert 200 < sum(expected) < 1800
    assert sharply.is_ccw(to_sharply(lines)[-2]) is True and sharply.is_ccw(None) is False


def test_set_coordinates_replaces_them_in_order(array):
    coords = sharply.get_coordinates(array)
    moved = sharply.set_coordinates(array, coords * 2 + 1)
    np.testing.assert_array_equal(sharply.get_coordinates(moved), coords * 2 + 1)
    assert sharply.get_type_id(moved).tolist() == sharply.get_type_id(array).tolist()
    assert sharply.get_num_coordinates(moved).tolist() == sharply.get_num_coordinates(array).tolist()
    assert sharply.is_empty(moved).tolist() == sharply.is_empty(array).tolist()
    assert hexes(sharply.set_coordinates(array, coords)) == [
        None if s is None else shapely.wkb.dumps(s, hex=True, output_dimension=2) for s in SHAPES
    ]
    raised = sharply.set_coordinates(array, np.column_stack([coords, np.arange(len(coords), dtype=float)]))
    np.testing.assert_array_equal(sharply.get_coordinates(raised, include_z=True)[:, 2], np.arange(len(coords)))
    assert sharply.set_coordinates(array[5], [[9, 9], [8, 8], [7, 7]]).wkt == "LINESTRING (9 9, 8 8, 7 7)"
    with pytest.raises(ValueError, match="coordinates"):
        sharply.set_coordinates(array, coords[:-1])
    with pytest.raises(ValueError, match="coordinates"):
        sharply.set_coordinates(array, coords.ravel())


_unique_points = lgeos._lgeos.GEOSGeom_extractUniquePoints_r
_unique_points.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
_unique_points.restype = ctypes.c_void_p


def test_extract_unique_points_matches_geos(array):
    shapes = SHAPES + random_lines(300, 7) + [shapely.wkt.loads(text) for text in COLLECTIONS]
    expected = [None if s is None else geom_factory(_unique_points(lgeos.geos_handle, s._geom)).wkb_hex for s in shapes]
    assert hexes(sharply.extract_unique_points(to_sharply(shapes))) == expected
    assert sharply.extract_unique_points(array[5]).wkt == "MULTIPOINT (0 0, 1 1, 2 0)"
    assert sharply.extract_unique_points(None) is None
