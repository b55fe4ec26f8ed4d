"""Linear referencing and line operations against GEOS 3.11 (through Shapely 1.8), with Shapely 2's rules for
missing, empty and non-linear inputs: every fixture type, empties, Z, None, and random lines."""

import math

import numpy as np
import pytest
import shapely.ops
import shapely.wkt
from shapely.geometry import LineString, MultiLineString, Point

import sharply
from fixtures import WKT, normalized, shapely_fixtures, to_shapely, to_sharply
import geos_reference

EXTRA_WKT = [
    "LINESTRING (1 1, 1 1)",
    "LINESTRING (0 0, 0 0, 2 0, 2 0, 2 2)",
    "MULTILINESTRING ((0 0, 3 0), (3 0, 3 4))",
    "MULTILINESTRING Z ((0 0 0, 3 0 3), (10 0 1, 10 4 5))",
    "GEOMETRYCOLLECTION (LINESTRING (0 0, 1 0), LINESTRING (5 5, 5 8))",
    "GEOMETRYCOLLECTION (LINESTRING (0 0, 1 0), POINT (5 5))",
    "MULTILINESTRING (EMPTY, (0 0, 3 0))",
]
LINES = shapely_fixtures() + [shapely.wkt.loads(text) for text in EXTRA_WKT]
LINE_ARRAY = to_sharply(LINES)


def _random_lines(count, seed):
    rng = np.random.default_rng(seed)
    return [LineString(rng.normal(0, 100, (rng.integers(2, 12), 2))) for _ in range(count)]


RANDOM = _random_lines(200, 6)
RANDOM_ARRAY = to_sharply(RANDOM)


def _linear_parts(geometry):
    parts = list(geometry.geoms) if hasattr(geometry, "geoms") else [geometry]
    return all(p.geom_type in ("LineString", "LinearRing") for p in parts)


def _expected_point(line, distance, is_normalized):
    """Shapely 2's line_interpolate_point: its checks, then GEOSInterpolate; an exception type when it raises."""
    if line is None or math.isnan(distance):
        return None
    if line.geom_type in ("Point", "MultiPoint"):
        return TypeError
    if line.is_empty:
        return Point()
    if line.geom_type in ("MultiLineString", "GeometryCollection"):
        first = line.geoms[0]
        if first.geom_type not in ("LineString", "LinearRing"):
            return TypeError
        if first.is_empty:
            return Point()
    if not _linear_parts(line):
        return sharply.errors.GeometryOperationError
    return geos_reference.interpolate(line, distance, is_normalized)


def _same_point(actual, expected):
    if expected.is_empty:
        return actual is not None and actual.is_empty
    return actual.has_z == expected.has_z and np.array_equal(np.array(actual.coords), np.array(expected.coords))


@pytest.mark.parametrize("is_normalized", [False, True])
@pytest.mark.parametrize("distance", [0.0, 1.5, -1.5, 4.0, 3.0, 100.0, -100.0, 0.25, -0.5, math.nan])
def test_line_interpolate_point_matches_geos_row_by_row(distance, is_normalized):
    for i, line in enumerate(LINES):
        expected = _expected_point(line, distance, is_normalized)
        if isinstance(expected, type):
            with pytest.raises(expected, match=r"row 0"):
                sharply.line_interpolate_point(LINE_ARRAY[i : i + 1], distance, normalized=is_normalized)
            continue
        actual = sharply.line_interpolate_point(LINE_ARRAY[i], distance, normalized=is_normalized)
        if expected is None:
            assert actual is None, (line, distance)
        else:
            assert _same_point(to_shapely(actual), expected), (line, distance, actual, expected.wkt)


def test_line_interpolate_point_broadcasts_distances_and_lines():
    rng = np.random.default_rng(1)
    distances = rng.uniform(-300, 300, len(RANDOM))
    actual = to_shapely(sharply.line_interpolate_point(RANDOM_ARRAY, distances))
    for line, d, a in zip(RANDOM, distances, actual):
        assert _same_point(a, geos_reference.interpolate(line, d)), (line.wkt, d)
    fractions = np.linspace(-1.2, 1.2, 41)
    along = sharply.line_interpolate_point(RANDOM_ARRAY[3], fractions, normalized=True)
    assert isinstance(along, sharply.GeometryArray) and len(along) == 41
    for f, a in zip(fractions, to_shapely(along)):
        assert _same_point(a, geos_reference.interpolate(RANDOM[3], f, True))
    assert len(sharply.line_interpolate_point(RANDOM_ARRAY, 0.5)) == len(RANDOM)
    with pytest.raises(ValueError, match="broadcast"):
        sharply.line_interpolate_point(RANDOM_ARRAY, [1.0, 2.0])


def test_line_interpolate_point_scalars_and_methods():
    line = sharply.from_wkt("LINESTRING (0 2, 0 10)")
    assert isinstance(sharply.line_interpolate_point(line, 2), sharply.Geometry)
    assert line.interpolate(2).wkt == "POINT (0 4)"
    assert line.line_interpolate_point(0.5, normalized=True).wkt == "POINT (0 6)"
    assert sharply.line_interpolate_point(None, 1.0) is None
    assert sharply.line_interpolate_point(line, math.nan) is None
    assert isinstance(sharply.line_interpolate_point(line, [1.0]), sharply.GeometryArray)


def _expected_measure(line, point, is_normalized):
    if line is None or point is None or line.is_empty or point.is_empty:
        return math.nan
    if point.geom_type != "Point" or not _linear_parts(line):
        return sharply.errors.GeometryOperationError
    if line.geom_type == "MultiLineString" and any(part.is_empty for part in line.geoms):
        # GEOS crashes on empty lines inside a MultiLineString; they add nothing to the measure
        line = MultiLineString([part for part in line.geoms if not part.is_empty])
    return geos_reference.project(line, point, is_normalized)


POINTS = [Point(1, 1), Point(4, 4), Point(-3, 0.5), Point(2.5, -1, 7)]


@pytest.mark.parametrize("is_normalized", [False, True])
def test_line_locate_point_matches_geos_row_by_row(is_normalized):
    for point in POINTS + [None, Point(), shapely.wkt.loads("POLYGON ((0 0, 1 0, 1 1, 0 0))")]:
        other = to_sharply([point])
        for i, line in enumerate(LINES):
            expected = _expected_measure(line, point, is_normalized)
            if isinstance(expected, type):
                with pytest.raises(expected, match=r"row 0"):
                    sharply.line_locate_point(LINE_ARRAY[i : i + 1], other, normalized=is_normalized)
                continue
            actual = sharply.line_locate_point(LINE_ARRAY[i], other[0], normalized=is_normalized)
            assert isinstance(actual, float)
            assert actual == expected or (math.isnan(actual) and math.isnan(expected)), (line, point, actual, expected)


def test_line_locate_point_on_random_lines_is_exact():
    rng = np.random.default_rng(2)
    points = [Point(xy) for xy in rng.normal(0, 100, (len(RANDOM), 2))]
    actual = sharply.line_locate_point(RANDOM_ARRAY, to_sharply(points))
    assert actual.dtype == np.float64
    np.testing.assert_array_equal(actual, [geos_reference.project(l, p) for l, p in zip(RANDOM, points)])
    fractions = sharply.line_locate_point(RANDOM_ARRAY[0], to_sharply(points), normalized=True)
    np.testing.assert_array_equal(fractions, [geos_reference.project(RANDOM[0], p, True) for p in points])
    # interpolate(project(p)) lands on the line, at the point nearest to p
    nearest = to_shapely(sharply.line_interpolate_point(RANDOM_ARRAY, actual))
    for line, p, q in zip(RANDOM, points, nearest):
        assert math.isclose(p.distance(q), p.distance(line), rel_tol=1e-9, abs_tol=1e-9)
    assert sharply.from_wkt("LINESTRING (0 2, 0 10)").project(sharply.points(4.0, 4.0)) == 2.0


def _expected_shortest(a, b):
    if a is None or b is None or a.is_empty or b.is_empty:
        return None
    return LineString(shapely.ops.nearest_points(a, b))


def test_shortest_line_matches_geos_on_every_pair_of_fixtures():
    geometries = shapely_fixtures()
    n = len(geometries)
    left, right = np.repeat(np.arange(n), n), np.tile(np.arange(n), n)
    array = to_sharply(geometries)
    actual = to_shapely(sharply.shortest_line(array[left], array[right]))
    for i, j, got in zip(left, right, actual):
        expected = _expected_shortest(geometries[i], geometries[j])
        if expected is None:
            assert got is None, (geometries[i], geometries[j])
            continue
        assert got.geom_type == "LineString" and len(got.coords) == 2
        assert math.isclose(got.length, expected.length, rel_tol=1e-12, abs_tol=1e-12), (geometries[i].wkt, geometries[j].wkt)
        assert geometries[i].distance(Point(got.coords[0])) < 1e-9 and geometries[j].distance(Point(got.coords[1])) < 1e-9


def test_shortest_line_on_random_lines_equals_geos():
    rng = np.random.default_rng(3)
    other = _random_lines(len(RANDOM), 4)
    actual = to_shapely(sharply.shortest_line(RANDOM_ARRAY, to_sharply(other)))
    for a, b, got in zip(RANDOM, other, actual):
        expected = _expected_shortest(a, b)
        assert math.isclose(got.length, expected.length, rel_tol=1e-12, abs_tol=1e-12)
    point = Point(rng.normal(0, 10, 2))
    scalar = sharply.shortest_line(sharply.from_shapely(point), RANDOM_ARRAY[5])
    assert isinstance(scalar, sharply.Geometry)
    assert np.array_equal(np.array(to_shapely(scalar).coords), np.array(_expected_shortest(point, RANDOM[5]).coords))


MERGE_WKT = [
    "MULTILINESTRING ((0 2, 0 10), (0 10, 5 10))",
    "MULTILINESTRING ((0 2, 0 10), (0 11, 5 10))",
    "MULTILINESTRING ((0 0, 1 0), (0 0, 3 0))",
    "MULTILINESTRING ((10 160, 60 120), (120 140, 60 120), (120 140, 180 120), (100 180, 120 140))",
    "MULTILINESTRING ((0 0, 1 1), (1 1, 2 2), (2 2, 0 0))",
    "MULTILINESTRING ((0 0, 1 1), (2 2, 1 1), (2 2, 3 3), (3 3, 4 4))",
    "MULTILINESTRING ((1 1, 0 0), (1 1, 2 2))",
    "MULTILINESTRING Z ((0 0 1, 1 1 2), (1 1 2, 2 2 3))",
    "MULTILINESTRING ((0 0, 0 0), (0 0, 1 0))",
    "GEOMETRYCOLLECTION (LINESTRING (0 0, 1 0), POINT (3 3), LINESTRING (1 0, 2 0))",
]


@pytest.mark.parametrize("directed", [False, True])
def test_line_merge_matches_geos_after_normalize(directed):
    geometries = shapely_fixtures() + [shapely.wkt.loads(text) for text in MERGE_WKT]
    actual = to_shapely(sharply.line_merge(to_sharply(geometries), directed=directed))
    for geometry, got in zip(geometries, actual):
        if geometry is None:
            assert got is None
            continue
        expected = geos_reference.line_merge(geometry, directed)
        assert got.geom_type == expected.geom_type, (geometry.wkt, got.wkt, expected.wkt)
        assert normalized(got).equals_exact(normalized(expected), 0), (geometry.wkt, got.wkt, expected.wkt)
        assert got.has_z == expected.has_z


def test_line_merge_scalar():
    merged = sharply.line_merge(sharply.from_wkt("MULTILINESTRING ((0 2, 0 10), (0 10, 5 10))"))
    assert isinstance(merged, sharply.Geometry) and merged.wkt == "LINESTRING (0 2, 0 10, 5 10)"
    assert sharply.line_merge(None) is None


# Constructive functions of the same batch (python/sharply/constructive.py, measurement.py), against GEOS 3.11.
FIXTURES = shapely_fixtures()
FIXTURE_ARRAY = to_sharply(FIXTURES)


def test_oriented_envelope_has_geos_type_and_at_most_its_area():
    # GEOS 3.11 returns the rectangle of least width; ours has the least area, so never more.
    for function in (sharply.oriented_envelope, sharply.minimum_rotated_rectangle):
        actual = to_shapely(function(FIXTURE_ARRAY))
        for geometry, got in zip(FIXTURES, actual):
            if geometry is None:
                assert got is None
                continue
            expected = geos_reference.minimum_rotated_rectangle(geometry)
            assert got.geom_type == expected.geom_type and (" Z " in got.wkt) == (" Z " in expected.wkt), (got.wkt, expected.wkt)
            assert got.area <= expected.area + 1e-9 and got.area >= geometry.convex_hull.area - 1e-9
            assert geometry.is_empty or got.buffer(1e-9).covers(geometry)


def test_minimum_bounding_circle_and_radius_match_geos():
    circles = to_shapely(sharply.minimum_bounding_circle(FIXTURE_ARRAY))
    radii = sharply.minimum_bounding_radius(FIXTURE_ARRAY)
    assert radii.dtype == np.float64
    for geometry, got, radius in zip(FIXTURES, circles, radii):
        if geometry is None:
            assert got is None and math.isnan(radius)
            continue
        expected, expected_radius = geos_reference.minimum_bounding_circle(geometry)
        assert got.geom_type == expected.geom_type, (geometry.wkt, got.wkt)
        assert math.isclose(got.area, expected.area, rel_tol=1e-9, abs_tol=1e-12)
        assert math.isclose(radius, expected_radius, rel_tol=1e-12, abs_tol=1e-12), geometry.wkt
    assert sharply.minimum_bounding_radius(sharply.from_wkt("MULTIPOINT ((0 0), (2 0))")) == 1.0


@pytest.mark.parametrize("tolerance", [0.3, 1.5, 7.0])
def test_segmentize_matches_geos_densify(tolerance):
    actual = to_shapely(sharply.segmentize(FIXTURE_ARRAY, tolerance))
    for geometry, got in zip(FIXTURES, actual):
        if geometry is None:
            assert got is None
            continue
        expected = geos_reference.densify(geometry, tolerance)
        assert got.geom_type == expected.geom_type
        assert normalized(got).equals_exact(normalized(expected), 1e-12), (geometry.wkt, got.wkt, expected.wkt)


def test_segmentize_splits_segments_into_equal_pieces():
    line = sharply.from_wkt("LINESTRING (0 0, 10 0, 10 1)")
    coords = sharply.get_coordinates(sharply.segmentize(line, 3.0))
    # ceil(10 / 3) = 4 pieces of 2.5, the short segment stays whole
    np.testing.assert_array_equal(coords, [[0, 0], [2.5, 0], [5, 0], [7.5, 0], [10, 0], [10, 1]])
    with pytest.raises(ValueError, match="greater than 0"):
        sharply.segmentize(line, 0.0)


def _vertices(geometry):
    """All vertices of a Shapely 1.8 geometry in order (x, y, and z when it has z)."""
    parts = list(geometry.geoms) if hasattr(geometry, "geoms") else [geometry]
    dim = 3 if geometry.has_z else 2
    return np.array([c for part in parts for c in part.coords], dtype=float).reshape(-1, dim)


def _random_densify_lines(count, seed):
    """Random lines with repeated vertices, half of them with z, and some MultiLineStrings."""
    rng = np.random.default_rng(seed)
    lines = []
    for i in range(count):
        xy = rng.normal(0, 100, (rng.integers(2, 15), 3 if i % 2 else 2))
        repeat = rng.integers(0, len(xy))
        line = LineString(np.insert(xy, repeat, xy[repeat], axis=0))
        lines.append(MultiLineString([line, LineString(xy[::-1] + 1000)]) if i % 5 == 0 else line)
    return lines


@pytest.mark.parametrize("max_length", [0.37, 7.0, 55.5, 1e9])
def test_segmentize_lines_bit_identical_to_geos_densify(max_length):
    lines = _random_densify_lines(150, 11)
    actual = sharply.segmentize(to_sharply(lines + [None]), max_length)
    assert sharply.is_missing(actual)[-1]
    for row, line in enumerate(lines):
        expected = geos_reference.densify(line, max_length)
        got = sharply.get_coordinates(actual[row], include_z=line.has_z)
        assert sharply.get_type_id(actual[row]) == (1 if line.geom_type == "LineString" else 5)
        np.testing.assert_array_equal(got, _vertices(expected), err_msg=line.wkt)
        if max_length == 1e9:
            assert sharply.get_num_coordinates(actual[row]) == len(_vertices(line)) - 1


def test_segmentize_points_collections_empties_as_geos():
    wkt = [
        "POINT Z (1 2 3)",
        "MULTIPOINT ((1 1), (1 1))",
        "GEOMETRYCOLLECTION (POINT (0 0), LINESTRING (0 0, 5 0))",
        "LINESTRING (0 0, 1 0, 1 0, 2 0, 0 0)",
        "LINESTRING (0 0, NaN 0, 5 0)",
        "LINESTRING EMPTY",
        "MULTILINESTRING EMPTY",
        "POINT EMPTY",
        "GEOMETRYCOLLECTION EMPTY",
    ]
    geometries = [shapely.wkt.loads(text) for text in wkt]
    actual = to_shapely(sharply.segmentize(to_sharply(geometries), 3.0))
    for geometry, got in zip(geometries, actual):
        expected = geos_reference.densify(geometry, 3.0)
        assert got.geom_type == expected.geom_type and got.is_empty == expected.is_empty, geometry.wkt
        if not expected.is_empty:
            np.testing.assert_array_equal(_vertices(got), _vertices(expected), err_msg=geometry.wkt)


def test_segmentize_raises_where_geos_fails():
    for text, max_length in [("LINESTRING (1 1, 1 1)", 3.0), ("LINESTRING (0 0, 1e9 0)", 1e-2)]:
        with pytest.raises(geos_reference.GEOSError):
            geos_reference.densify(shapely.wkt.loads(text), max_length)
        with pytest.raises(sharply.errors.GeometryOperationError, match="row 1"):
            sharply.segmentize(sharply.from_wkt(["LINESTRING (0 0, 1 0)", text]), max_length)
