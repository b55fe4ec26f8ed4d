"""clip_by_rect, offset_curve and the Geometry members of constructive functions, against GEOS 3.11 (through
Shapely 1.8's library, tests/python/geos_reference.py) on every fixture type, empties, Z, None, random lines
and the New York boroughs."""

import math

import numpy as np
import pytest
import shapely.geometry
import shapely.ops
import shapely.wkb
import shapely.wkt
from shapely.validation import make_valid
from shapely.geometry import LineString, Point

import sharply
from fixtures import normalized, nybb, shapely_fixtures, to_shapely, to_sharply
import geos_reference

FIXTURES = shapely_fixtures()
FIXTURE_ARRAY = to_sharply(FIXTURES)

CLIP_WKT = [
    "LINESTRING (-1 0, 0 0, 0 5, 5 5, 5 -2)",
    "LINESTRING (10 0, 10 10)",
    "LINESTRING (5 5, 5 5)",
    "LINESTRING Z (-5 1 0, 5 1 10)",
    "LINESTRING Z (1 1 0, 5 1 10)",
    "LINESTRING (-5 -5, 15 15, 15 -5, -5 15)",
    "POINT (0 0)",
    "POINT Z (1 1 1)",
    "MULTIPOINT ((1 1), (0 0), (20 20))",
    "POLYGON ((-5 -5, 5 -5, 5 5, -5 5, -5 -5))",
    "POLYGON ((-5 -5, 0 -5, 0 5, -5 5, -5 -5))",
    "POLYGON Z ((-5 -5 1, 5 -5 2, 5 5 3, -5 5 4, -5 -5 1))",
    "POLYGON ((-1 -1, 11 -1, 11 11, -1 11, -1 -1), (2 2, 3 2, 3 3, 2 3, 2 2))",
    "POLYGON ((-1 4, 11 4, 11 6, -1 6, -1 4))",
    "POLYGON ((-1 1, 11 1, 11 2, -1 2, -1 1), (-2 -2, -1 -2, -1 -1, -2 -2))",
    "POLYGON ((-2 -2, 12 -2, 12 12, -2 12, -2 -2), (-1 -1, 11 -1, 11 11, -1 11, -1 -1))",
    "MULTIPOLYGON (((-1 1, 3 1, 3 3, -1 3, -1 1)), ((7 7, 12 7, 12 12, 7 12, 7 7)))",
    "GEOMETRYCOLLECTION (POINT (1 1), LINESTRING (-1 1, 11 1), POLYGON ((-5 -5, 5 -5, 5 5, -5 5, -5 -5)))",
]
CLIP_GEOMETRIES = FIXTURES + [shapely.wkt.loads(text) for text in CLIP_WKT]


def _flat(geometry):
    return shapely.wkb.loads(shapely.wkb.dumps(geometry, output_dimension=2))


def _same_clip(got, expected):
    """Equal after normalize, else the same type, area, length and point set (vertex order may differ). Clipped
    lines and areas are 2D where GEOS keeps the z of the vertices it did not move: compared in 2D."""
    if got.geom_type != expected.geom_type:
        return False
    got, expected = _flat(got), _flat(expected)
    if normalized(got).equals_exact(normalized(expected), 1e-9):
        return True
    return (
        math.isclose(got.area, expected.area, rel_tol=1e-9, abs_tol=1e-9)
        and math.isclose(got.length, expected.length, rel_tol=1e-9, abs_tol=1e-9)
        and got.symmetric_difference(expected).area <= 1e-9 * max(expected.area, 1)
        and got.equals(expected)
    )


@pytest.mark.parametrize("rectangle", [(0.0, 0.0, 10.0, 10.0), (1.5, 0.5, 4.0, 3.0), (-3.0, -3.0, 0.5, 25.0)])
def test_clip_by_rect_matches_geos(rectangle):
    actual = to_shapely(sharply.clip_by_rect(to_sharply(CLIP_GEOMETRIES), *rectangle))
    for geometry, got in zip(CLIP_GEOMETRIES, actual):
        if geometry is None:
            assert got is None
            continue
        if geometry.is_empty:  # as shapely.ops.clip_by_rect (GEOS 3.11 fails on POINT EMPTY)
            assert got.wkt == geometry.wkt
            continue
        if geometry.geom_type.endswith("Polygon") and not geometry.is_valid:
            geometry = make_valid(geometry)  # repaired first (GEOS traces the self-crossing rings)
        expected = geos_reference.clip_by_rect(geometry, *rectangle)
        assert _same_clip(got, expected), (geometry.wkt, got.wkt, expected.wkt)


def test_clip_by_rect_random_lines_and_boroughs_match_geos():
    rng = np.random.default_rng(11)
    lines = [LineString(rng.uniform(-50, 150, (rng.integers(2, 20), 2))) for _ in range(300)]
    actual = to_shapely(sharply.clip_by_rect(to_sharply(lines), 0.0, 0.0, 100.0, 100.0))
    for line, got in zip(lines, actual):
        expected = geos_reference.clip_by_rect(line, 0.0, 0.0, 100.0, 100.0)
        assert math.isclose(got.length, expected.length, rel_tol=1e-12, abs_tol=1e-9), (line.wkt, got.wkt, expected.wkt)
        assert got.is_empty == expected.is_empty and (got.is_empty or got.hausdorff_distance(expected) < 1e-9)
    boroughs = nybb()
    box = (960000.0, 150000.0, 1010000.0, 220000.0)
    for borough, got in zip(boroughs, to_shapely(sharply.clip_by_rect(to_sharply(boroughs), *box))):
        expected = geos_reference.clip_by_rect(borough, *box)
        assert got.geom_type == expected.geom_type
        assert math.isclose(got.area, expected.area, rel_tol=1e-9)
        assert got.symmetric_difference(expected).area <= 1e-6 * expected.area


POLYGON_CLIP_WKT = [
    "POLYGON ((-5 -5, 15 -5, 15 15, -5 15, -5 -5), (-2 4, 3 4, 3 6, -2 6, -2 4))",  # hole crossing one side
    "POLYGON ((-5 -5, 15 -5, 15 15, -5 15, -5 -5), (-1 4, 11 4, 11 6, -1 6, -1 4))",  # hole cutting it in two
    "POLYGON ((-5 -5, 15 -5, 15 15, -5 15, -5 -5), (2 2, 3 2, 3 3, 2 3, 2 2))",  # contains it, hole inside
    "POLYGON ((-5 -5, 15 -5, 15 15, -5 15, -5 -5), (-1 -1, 11 -1, 11 11, -1 11, -1 -1))",  # it lies in a hole
    "POLYGON ((-5 -5, 15 -5, 15 15, -5 15, -5 -5), (-1 -1, 5 -1, 5 5, -1 5, -1 -1), (6 6, 7 6, 7 7, 6 7, 6 6))",
    "POLYGON ((0 5, 5 0, 10 5, 5 10, 0 5))",  # touches every side at a vertex
    "POLYGON ((0 0, 5 0, 5 5, 0 5, 0 0))",  # along two sides
    "POLYGON ((-3 2, 4 2, 4 8, -3 8, -3 2), (0 3, 2 3, 2 4, 0 4, 0 3))",  # hole touching the boundary along a side
    "POLYGON ((2 -3, 3 5, 4 -3, 5 5, 6 -3, 7 13, 1 13, 2 -3))",  # comb: several pieces through one side
    "POLYGON ((-5 5, 5 -5, 15 5, 5 15, -5 5))",  # corners cut off
    "POLYGON ((-5 -5, 0 -5, 0 15, -5 15, -5 -5))",  # outside, along a side
    "POLYGON ((10 10, 20 10, 20 20, 10 20, 10 10))",  # touches a corner only
    "MULTIPOLYGON (((-1 -1, 4 -1, 4 4, -1 4, -1 -1)), ((6 6, 11 6, 11 11, 6 11, 6 6)), ((4.5 4.5, 5.5 4.5, 5 5.5, 4.5 4.5)))",
]


@pytest.mark.parametrize("text", POLYGON_CLIP_WKT)
def test_clip_by_rect_polygons_equal_geos_after_normalize(text):
    """Both ring orientations (GEOS walks clockwise shells, Sharply counter-clockwise ones)."""
    geometry = shapely.wkt.loads(text)
    clockwise = shapely.geometry.polygon.orient(geometry, -1) if geometry.geom_type == "Polygon" else geometry
    for oriented in (geometry, clockwise):
        got = to_shapely(sharply.clip_by_rect(to_sharply([oriented]), 0.0, 0.0, 10.0, 10.0))[0]
        expected = geos_reference.clip_by_rect(oriented, 0.0, 0.0, 10.0, 10.0)
        assert normalized(got).wkt == normalized(expected).wkt, (text, got.wkt, expected.wkt)


def test_clip_by_rect_boroughs_equal_geos_after_normalize():
    boroughs = nybb()
    array = to_sharply(boroughs)
    x0, y0, x1, y1 = sharply.total_bounds(array)
    w, h = x1 - x0, y1 - y0
    rectangles = [
        (x0 + w / 4, y0 + h / 4, x1 - w / 4, y1 - h / 4),  # middle quarter
        (x0 - 1, y0 - 1, x0 + w / 3, y0 + h / 3),  # one corner
        (x0 - 1, y0 + 0.45 * h, x1 + 1, y0 + 0.47 * h),  # thin strip
        (x0 + 0.6 * w, y0 - 1, x0 + 0.61 * w, y1 + 1),  # thin vertical strip
        (x0 - 1, y0 - 1, x1 + 1, y1 + 1),  # everything
        (x0, y0, x1, y1),  # everything, touching
        (x1 + 1, y1 + 1, x1 + 5, y1 + 5),  # nothing
    ]
    for rectangle in rectangles:
        for borough, got in zip(boroughs, to_shapely(sharply.clip_by_rect(array, *rectangle))):
            expected = geos_reference.clip_by_rect(borough, *rectangle)
            assert math.isclose(got.area, expected.area, rel_tol=1e-9)
            assert normalized(got).wkt == normalized(expected).wkt, rectangle


def test_clip_by_rect_invalid_polygons_are_repaired():
    """A bowtie and a hole outside its shell: overlay of the repaired polygon, not GEOS's traced rings."""
    for text in ["POLYGON ((0 0, 20 20, 20 0, 0 20, 0 0))", "POLYGON ((-1 1, 11 1, 11 2, -1 2, -1 1), (6 -2, 7 -2, 7 -1, 6 -2))"]:
        geometry = shapely.wkt.loads(text)
        got = to_shapely(sharply.clip_by_rect(to_sharply([geometry]), 5.0, -5.0, 25.0, 15.0))[0]
        expected = make_valid(geometry).intersection(shapely.geometry.box(5.0, -5.0, 25.0, 15.0))
        assert math.isclose(got.area, expected.area, rel_tol=1e-12) and got.symmetric_difference(expected).area < 1e-9


def test_clip_by_rect_scalar_and_errors():
    inside = sharply.from_wkt("LINESTRING Z (1 1 0, 5 1 10)")
    assert sharply.clip_by_rect(inside, 0.0, 0.0, 10.0, 10.0) == inside
    assert sharply.clip_by_rect(None, 0.0, 0.0, 1.0, 1.0) is None
    assert sharply.clip_by_rect(sharply.from_wkt("POINT (5 5)"), 0, 0, 1, 1).wkt == "GEOMETRYCOLLECTION EMPTY"
    with pytest.raises(ValueError, match="non-empty"):
        sharply.clip_by_rect(inside, 0.0, 0.0, 0.0, 10.0)
    with pytest.raises(ValueError, match="finite"):
        sharply.clip_by_rect(inside, math.nan, 0.0, 1.0, 10.0)
    bad = sharply.from_wkt(["POINT (1 1)", "LINESTRING (0 0, nan 5)"])
    with pytest.raises(ValueError, match="row 1"):
        sharply.clip_by_rect(bad, 0.0, 0.0, 10.0, 10.0)


# GEOS 3.11's GEOSOffsetCurve still trims a single-sided buffer; NTS's OffsetCurve is the algorithm of GEOS 3.12
# (Shapely 2.1's wheels). They agree where no join folds back: these are compared with GEOS 3.11.
OFFSET_WKT = [
    "LINESTRING (0 0, 10 0)",
    "LINESTRING (0 0, 10 0, 10 10)",
    "LINESTRING (0 0, 10 0, 15 10, 20 0, 30 0)",
    "LINESTRING Z (0 0 1, 10 0 2)",
    "MULTILINESTRING ((0 0, 10 0), (0 5, 10 5))",
    "GEOMETRYCOLLECTION (LINESTRING (0 0, 10 0), POINT (1 1))",
]
OFFSET_GEOMETRIES = [shapely.wkt.loads(text) for text in OFFSET_WKT]
JOIN_CODES = {"round": 1, "mitre": 2, "bevel": 3}


@pytest.mark.parametrize("join_style", ["round", "mitre", "bevel"])
@pytest.mark.parametrize("distance", [1.0, -1.0, 2.5])
def test_offset_curve_matches_geos_without_folds(distance, join_style):
    actual = to_shapely(sharply.offset_curve(to_sharply(OFFSET_GEOMETRIES), distance, join_style=join_style))
    for geometry, got in zip(OFFSET_GEOMETRIES, actual):
        expected = geos_reference.offset_curve(geometry, distance, 8, JOIN_CODES[join_style], 5.0)
        assert got.geom_type == expected.geom_type and not got.has_z, (geometry.wkt, got.wkt, expected.wkt)
        assert math.isclose(got.length, expected.length, rel_tol=1e-9), (geometry.wkt, got.wkt, expected.wkt)
        assert got.hausdorff_distance(expected) < 1e-9, (geometry.wkt, got.wkt, expected.wkt)


def _parts(geometry):
    return list(geometry.geoms) if hasattr(geometry, "geoms") else [geometry]


def _distance_to_lines(geometry, point):
    """The distance from the point to the lines and polygon boundaries of the geometry."""
    return min((part.boundary if part.geom_type == "Polygon" else part).distance(point) for part in _parts(geometry))


@pytest.mark.parametrize("distance", [1.0, -0.5, 2.5])
def test_offset_curve_vertices_lie_at_the_distance(distance):
    """Every fixture, and 100 random lines: with round joins each vertex of the curve is at |distance| from the
    input's lines and boundaries (up to the sagitta of two arc segments where a section of the curve
    ends inside an arc); points and empties give LINESTRING EMPTY; None stays None. Invalid polygons are left
    out (their boundaries cross)."""
    rng = np.random.default_rng(5)
    geometries = FIXTURES + [LineString(rng.uniform(0, 100, (rng.integers(2, 8), 2))) for _ in range(100)]
    actual = to_shapely(sharply.offset_curve(to_sharply(geometries), distance))
    for geometry, got in zip(geometries, actual):
        if geometry is None:
            assert got is None
            continue
        assert got.geom_type in ("LineString", "MultiLineString") and not got.has_z, (geometry.wkt, got.wkt)
        if geometry.is_empty or geometry.geom_type in ("Point", "MultiPoint"):
            assert got.wkt == "LINESTRING EMPTY"
            continue
        if not geometry.is_valid and geometry.geom_type.endswith("Polygon"):
            continue
        if geometry.geom_type == "LineString" and not geometry.is_closed:
            assert not got.is_empty, geometry.wkt
        chord = abs(distance) * (1 - math.cos(math.pi / 16))
        for line in _parts(got):
            for x, y in line.coords:
                found = _distance_to_lines(geometry, Point(x, y))
                assert abs(distance) - chord - 1e-9 <= found <= abs(distance) * (1 + 1e-9), (geometry.wkt, got.wkt, x, y)


def test_offset_curve_scalar_nan_and_errors():
    line = sharply.from_wkt("LINESTRING (0 0, 10 0)")
    assert sharply.offset_curve(line, -2.0).wkt == "LINESTRING (0 -2, 10 -2)"
    assert line.offset_curve(1.0).wkt == "LINESTRING (0 1, 10 1)"
    assert sharply.offset_curve(line, math.nan) is None
    assert sharply.offset_curve(None, 1.0) is None
    assert sharply.offset_curve(sharply.from_wkt("POINT (1 1)"), 1.0).wkt == "LINESTRING EMPTY"
    with pytest.raises(ValueError, match="join_style"):
        sharply.offset_curve(line, 1.0, join_style="pointy")
    with pytest.raises(ValueError, match="finite"):
        sharply.offset_curve(line, math.inf)
    with pytest.raises(ValueError, match="row 1"):
        sharply.offset_curve(sharply.from_wkt(["LINESTRING (0 0, 1 1)", "LINESTRING (0 0, inf 5)"]), 1.0)


def test_geometry_members_match_functions():
    for geometry in FIXTURE_ARRAY:
        if geometry is None:
            continue
        assert geometry.oriented_envelope == sharply.oriented_envelope(geometry)
        assert geometry.minimum_rotated_rectangle == sharply.minimum_rotated_rectangle(geometry)
        assert geometry.segmentize(0.5) == sharply.segmentize(geometry, 0.5)
        assert geometry.segmentize(max_segment_length=2.0) == sharply.segmentize(geometry, 2.0)
    square = sharply.from_wkt("MULTIPOINT ((0 0), (10 0), (10 10))")
    assert square.oriented_envelope.area == 100.0
    assert sharply.from_wkt("LINESTRING (0 0, 0 10)").segmentize(5.0).wkt == "LINESTRING (0 0, 0 5, 0 10)"


def _normalized_parts(geometry):
    return sorted(normalized(part).wkt for part in _parts(geometry)) if not geometry.is_empty else []


SITES_WKT = [
    "MULTIPOINT ((0 0), (1 0), (0 1))",
    "MULTIPOINT ((0 0), (1 0))",
    "MULTIPOINT ((0 0), (10 0), (10 10), (0 10), (5 5))",
    "MULTIPOINT ((0 0), (0.01 0), (3 1), (1 4))",
    "LINESTRING (0 0, 1 0, 1 1)",
]
SITES = FIXTURES + [shapely.wkt.loads(text) for text in SITES_WKT]


def _random_sites(seed):
    rng = np.random.default_rng(seed)
    return shapely.geometry.MultiPoint(rng.uniform(0, 100, (40, 2)))


@pytest.mark.parametrize("only_edges", [False, True])
@pytest.mark.parametrize("tolerance", [0.0, 0.05])
def test_delaunay_triangles_match_geos(tolerance, only_edges):
    geometries = SITES + [_random_sites(seed) for seed in range(5)]
    actual = to_shapely(sharply.delaunay_triangles(to_sharply(geometries), tolerance, only_edges=only_edges))
    for geometry, got in zip(geometries, actual):
        if geometry is None:
            assert got is None
            continue
        expected = geos_reference.delaunay_triangles(geometry, tolerance, only_edges)
        assert got.geom_type == expected.geom_type, (geometry.wkt, got.wkt, expected.wkt)
        assert _normalized_parts(got) == _normalized_parts(expected), (geometry.wkt, got.wkt, expected.wkt)


@pytest.mark.parametrize("extend_to", [None, "POLYGON ((-50 -50, 200 -50, 200 200, -50 200, -50 -50))"])
def test_voronoi_polygons_match_geos(extend_to):
    geometries = SITES + [_random_sites(seed) for seed in range(5)]
    extend = None if extend_to is None else shapely.wkt.loads(extend_to)
    sharply_extend = None if extend is None else sharply.from_wkt(extend_to)
    cells = to_shapely(sharply.voronoi_polygons(to_sharply(geometries), extend_to=sharply_extend))
    edges = to_shapely(sharply.voronoi_polygons(to_sharply(geometries), extend_to=sharply_extend, only_edges=True))
    for geometry, got, got_edges in zip(geometries, cells, edges):
        if geometry is None:
            assert got is None and got_edges is None
            continue
        expected = geos_reference.voronoi_polygons(geometry, 0.0, extend, False)
        assert got.geom_type == expected.geom_type, (geometry.wkt, got.wkt, expected.wkt)
        assert len(_parts(got)) == len(_parts(expected)) if not expected.is_empty else got.is_empty
        for cell in [] if expected.is_empty else _parts(expected):
            match = [part for part in _parts(got) if part.representative_point().within(cell)]
            assert len(match) == 1 and match[0].symmetric_difference(cell).area < 1e-6, (geometry.wkt, cell.wkt)
        expected_edges = geos_reference.voronoi_polygons(geometry, 0.0, extend, True)
        assert got_edges.is_empty == expected_edges.is_empty, (geometry.wkt, got_edges.wkt, expected_edges.wkt)
        if not expected_edges.is_empty:
            assert math.isclose(got_edges.length, expected_edges.length, rel_tol=1e-9)
            assert got_edges.hausdorff_distance(expected_edges) < 1e-6


@pytest.mark.parametrize("tolerance", [0.0, 0.25, 0.5])
def test_snap_matches_geos(tolerance):
    """Tolerances where each vertex has at most one reference vertex within reach: with several, NTS snaps to
    the first and GEOS to the closest."""
    reference = shapely.wkt.loads("MULTIPOINT ((0.3 0.2), (10.4 -0.3), (4.8 4.9), (2.2 2.1))")
    actual = to_shapely(sharply.snap(FIXTURE_ARRAY, sharply.from_wkt(reference.wkt), tolerance))
    for geometry, got in zip(FIXTURES, actual):
        if geometry is None:
            assert got is None
            continue
        if geometry.is_empty:
            assert got.wkt == geometry.wkt
            continue
        expected = geos_reference.snap(geometry, reference, tolerance)
        assert got.geom_type == expected.geom_type and got.has_z == expected.has_z, (geometry.wkt, got.wkt)
        assert got.equals_exact(expected, 0) or normalized(got).equals_exact(normalized(expected), 0), (got.wkt, expected.wkt)
    paired = sharply.snap(FIXTURE_ARRAY[:3], FIXTURE_ARRAY[3:6], 5.0)
    assert len(paired) == 3 and paired[0] == sharply.snap(FIXTURE_ARRAY[0], FIXTURE_ARRAY[3], 5.0)
    assert sharply.snap(FIXTURE_ARRAY[0], FIXTURE_ARRAY[3], math.nan) is None


@pytest.mark.parametrize("densify", [None, 0.5, 0.1])
def test_frechet_distance_matches_geos(densify):
    rng = np.random.default_rng(3)
    lines = [LineString(rng.uniform(0, 100, (rng.integers(2, 9), 2))) for _ in range(60)]
    a, b = lines[:30], lines[30:]
    actual = sharply.frechet_distance(to_sharply(a), to_sharply(b), densify=densify)
    assert actual.dtype == np.float64 and actual.shape == (30,)
    for x, y, got in zip(a, b, actual):
        assert math.isclose(got, geos_reference.frechet_distance(x, y, densify), rel_tol=1e-12)
    fixtures = sharply.frechet_distance(FIXTURE_ARRAY, FIXTURE_ARRAY[5], densify=densify)
    for geometry, got in zip(FIXTURES, fixtures):
        if geometry is None or geometry.is_empty:
            assert math.isnan(got)
        else:
            assert math.isclose(got, geos_reference.frechet_distance(geometry, FIXTURES[5], densify), rel_tol=1e-12), geometry.wkt
    with pytest.raises(ValueError, match="densify"):
        sharply.frechet_distance(FIXTURE_ARRAY[5], FIXTURE_ARRAY[6], densify=1.5)


def test_minimum_clearance_matches_geos():
    geometries = FIXTURES + nybb()
    actual = sharply.minimum_clearance(to_sharply(geometries))
    assert actual.dtype == np.float64
    for geometry, got in zip(geometries, actual):
        if geometry is None:
            assert math.isnan(got)
            continue
        assert math.isclose(got, geos_reference.minimum_clearance(geometry), rel_tol=1e-12), geometry.wkt
    assert sharply.minimum_clearance(sharply.from_wkt("POINT (1 1)")) == math.inf


def test_polygonize_matches_geos():
    lines = [shapely.wkt.loads(text) for text in [
        "LINESTRING (0 0, 1 1)", "LINESTRING (0 0, 0 1)", "LINESTRING (0 1, 1 1)", "LINESTRING (1 1, 1 0)",
        "LINESTRING (1 0, 0 0)", "LINESTRING (5 5, 6 6)", "POLYGON ((10 10, 11 10, 11 11, 10 10))",
    ]]
    got = to_shapely(sharply.polygonize(to_sharply(lines + [None])))
    expected = shapely.geometry.GeometryCollection(list(shapely.ops.polygonize(lines)))
    assert got.geom_type == "GeometryCollection"
    assert _normalized_parts(got) == _normalized_parts(expected)
    assert sharply.polygonize(to_sharply([None])).wkt == "GEOMETRYCOLLECTION EMPTY"
    grid = [LineString([(x, 0), (x, 10)]) for x in range(11)] + [LineString([(0, y), (10, y)]) for y in range(11)]
    noded = shapely.ops.unary_union(grid)
    assert len(sharply.polygonize(sharply.from_wkt(noded.wkt)).geoms) == 100


def test_symmetric_difference_all_folds_in_order():
    squares = [shapely.geometry.box(i, i, i + 2, i + 2) for i in range(4)]
    got = to_shapely(sharply.symmetric_difference_all(to_sharply(squares + [None])))
    expected = squares[0]
    for square in squares[1:]:
        expected = expected.symmetric_difference(square)
    assert got.symmetric_difference(expected).area < 1e-12 and math.isclose(got.area, expected.area)
    assert sharply.symmetric_difference_all(to_sharply([None])).wkt == "GEOMETRYCOLLECTION EMPTY"
    with pytest.raises(ValueError, match="axis"):
        sharply.symmetric_difference_all(to_sharply(squares), axis=1)
