"""Coordinate constructors, compared with the same geometries built by Shapely 1.8."""

import numpy as np
import pytest
from shapely.geometry import LinearRing, LineString, MultiLineString, MultiPoint, MultiPolygon, Point, Polygon

import sharply
from shapely_reference import assert_ragged_equal, to_ragged_array as reference_ragged


def assert_same(result, expected, include_z=False):
    """``result`` (Geometry or GeometryArray) holds the Shapely geometries ``expected`` (one or a list)."""
    scalar = not isinstance(expected, list)
    assert isinstance(result, sharply.Geometry if scalar else sharply.GeometryArray)
    geometries = [expected] if scalar else expected
    assert_ragged_equal(sharply.to_ragged_array(result, include_z=include_z), reference_ragged(geometries, include_z))
    np.testing.assert_allclose(np.atleast_1d(sharply.area(result)), [g.area for g in geometries])
    np.testing.assert_allclose(np.atleast_1d(sharply.length(result)), [g.length for g in geometries])


BLOCK = np.array([[[0, 0], [3, 0], [3, 3], [0, 3]], [[5, 5], [6, 5], [6, 7], [5, 7]]], dtype=float)
BLOCK_Z = np.concatenate([BLOCK, np.arange(8.0).reshape(2, 4, 1)], axis=2)


class TestLinestrings:
    def test_one_from_coordinates(self):
        assert_same(sharply.linestrings(BLOCK[0]), LineString(BLOCK[0]))

    def test_many_from_a_block(self):
        assert_same(sharply.linestrings(BLOCK), [LineString(b) for b in BLOCK])

    def test_z(self):
        assert_same(sharply.linestrings(BLOCK_Z), [LineString(b) for b in BLOCK_Z], include_z=True)

    def test_x_y_z_columns(self):
        result = sharply.linestrings(BLOCK_Z[..., 0], BLOCK_Z[..., 1], BLOCK_Z[..., 2])
        assert_same(result, [LineString(b) for b in BLOCK_Z], include_z=True)

    def test_indices(self):
        coords = BLOCK.reshape(-1, 2)
        result = sharply.linestrings(coords, indices=[0, 0, 0, 1, 1, 2, 2, 2])
        assert_same(result, [LineString(coords[:3]), LineString(coords[3:5]), LineString(coords[5:])])

    def test_one_coordinate_is_an_error(self):
        with pytest.raises(ValueError, match="linestring 1 has 1 coordinate"):
            sharply.linestrings(BLOCK.reshape(-1, 2)[:3], indices=[0, 0, 1])


class TestLinearrings:
    def test_open_rings_are_closed_like_shapely(self):
        assert_same(sharply.linearrings(BLOCK), [LineString(LinearRing(b).coords) for b in BLOCK])

    def test_closed_ring_is_kept(self):
        closed = np.vstack([BLOCK[0], BLOCK[0][:1]])
        result = sharply.linearrings(closed)
        np.testing.assert_array_equal(sharply.get_coordinates(result), closed)

    def test_three_coordinates_get_the_first_appended(self):
        triangle = [[0, 0], [1, 0], [1, 1]]
        np.testing.assert_array_equal(sharply.get_coordinates(sharply.linearrings(triangle)), np.array(LinearRing(triangle).coords))

    def test_indices_and_z(self):
        coords = BLOCK_Z.reshape(-1, 3)
        result = sharply.linearrings(coords, indices=[0] * 4 + [1] * 4)
        assert_same(result, [LineString(LinearRing(b).coords) for b in BLOCK_Z], include_z=True)

    def test_too_few_coordinates(self):
        with pytest.raises(ValueError, match="linearring 0 has 2 coordinates"):
            sharply.linearrings([[0, 0], [1, 1]])


class TestPolygons:
    def test_from_shell_block(self):
        assert_same(sharply.polygons(BLOCK), [Polygon(b) for b in BLOCK])

    def test_one_from_coordinates(self):
        assert_same(sharply.polygons(BLOCK[0]), Polygon(BLOCK[0]))

    def test_with_holes(self):
        shells = BLOCK * 10
        holes = np.array([[[[1, 1], [2, 1], [2, 2]], [[4, 4], [5, 4], [5, 5]]]] * 2, dtype=float) + np.array([0, 50.0])[:, None, None, None]
        result = sharply.polygons(shells, holes=holes)
        assert_same(result, [Polygon(s, list(h)) for s, h in zip(shells, holes)])

    def test_one_with_holes(self):
        holes = [[[1, 1], [2, 1], [2, 2], [1, 1]]]
        assert_same(sharply.polygons(BLOCK[0] * 2, holes=holes), Polygon(BLOCK[0] * 2, holes))

    def test_from_rings_with_indices_shares_coordinates(self):
        coords = np.array([[0, 0], [4, 0], [4, 4], [0, 4], [1, 1], [2, 1], [2, 2], [10, 10], [11, 10], [11, 11]], dtype=float)
        rings = sharply.linearrings(coords, indices=[0] * 4 + [1] * 3 + [2] * 3)
        result = sharply.polygons(rings, indices=[0, 0, 1])
        expected = [Polygon(coords[:4], [coords[4:7]]), Polygon(coords[7:])]
        assert_same(result, expected)
        assert np.shares_memory(sharply.get_coordinates(rings), sharply.get_coordinates(result))

    def test_from_rings_one_per_polygon(self):
        rings = sharply.linearrings(BLOCK)
        assert_same(sharply.polygons(rings), [Polygon(b) for b in BLOCK])
        assert_same(sharply.polygons(rings[1]), Polygon(BLOCK[1]))

    def test_open_linestrings_are_not_rings(self):
        with pytest.raises(ValueError, match="ring 0 is not closed"):
            sharply.polygons(sharply.linestrings(BLOCK), indices=[0, 1])

    def test_wrong_part_type(self):
        with pytest.raises(TypeError, match="row 0 is a Point: Polygon parts must be LineStrings"):
            sharply.polygons(sharply.points(BLOCK[0]), indices=[0, 0, 0, 0])


class TestMultiGeometries:
    def test_multipoints_from_coordinates(self):
        assert_same(sharply.multipoints(BLOCK[0]), MultiPoint(BLOCK[0]))
        assert_same(sharply.multipoints(BLOCK), [MultiPoint(b) for b in BLOCK])
        assert_same(sharply.multipoints(BLOCK_Z), [MultiPoint(b) for b in BLOCK_Z], include_z=True)

    def test_multipoints_from_points_share_coordinates(self):
        points = sharply.points(BLOCK.reshape(-1, 2))
        result = sharply.multipoints(points, indices=[0, 0, 0, 1, 1, 1, 1, 1])
        coords = BLOCK.reshape(-1, 2)
        assert_same(result, [MultiPoint(coords[:3]), MultiPoint(coords[3:])])
        assert np.shares_memory(sharply.get_coordinates(points), sharply.get_coordinates(result))
        assert_same(sharply.multipoints(points), MultiPoint(coords))

    def test_multilinestrings(self):
        assert_same(sharply.multilinestrings(BLOCK), MultiLineString(list(BLOCK)))
        assert_same(sharply.multilinestrings(np.stack([BLOCK, BLOCK * 2])), [MultiLineString(list(BLOCK)), MultiLineString(list(BLOCK * 2))])
        lines = sharply.linestrings(BLOCK_Z)
        assert_same(sharply.multilinestrings(lines, indices=[0, 0]), [MultiLineString(list(BLOCK_Z))], include_z=True)

    def test_multipolygons(self):
        assert_same(sharply.multipolygons(BLOCK), MultiPolygon([Polygon(b) for b in BLOCK]))
        polygons = sharply.polygons(BLOCK)
        result = sharply.multipolygons(polygons, indices=[0, 1])
        assert_same(result, [MultiPolygon([Polygon(BLOCK[0])]), MultiPolygon([Polygon(BLOCK[1])])])
        assert np.shares_memory(sharply.get_coordinates(polygons), sharply.get_coordinates(result))

    def test_geometrycollections(self):
        result = sharply.geometrycollections(sharply.linestrings(BLOCK), indices=[0, 0])
        assert len(result) == 1
        with pytest.raises(ValueError, match="GEOMETRYCOLLECTION"):
            sharply.to_ragged_array(result)
        np.testing.assert_array_equal(sharply.get_coordinates(result), BLOCK.reshape(-1, 2))
        assert sharply.length(result)[0] == pytest.approx(sum(LineString(b).length for b in BLOCK))

    def test_wrong_part_type(self):
        with pytest.raises(TypeError, match="row 0 is a LineString: MultiPoint parts must be Points"):
            sharply.multipoints(sharply.linestrings(BLOCK))

    def test_two_dimensional_object_array_groups_rows(self):
        points = sharply.points(BLOCK.reshape(-1, 2))
        grid = np.empty((2, 4), dtype=object)
        grid[:] = [[points[i * 4 + j] for j in range(4)] for i in range(2)]
        pytest.importorskip("sharply.io")
        assert_same(sharply.multipoints(grid), [MultiPoint(b) for b in BLOCK])


@pytest.mark.parametrize(
    "indices, message",
    [
        ([0, 1, 0, 1], "indices must be sorted: 0 follows 1 at position 2"),
        ([0, 0, 2, 2], "index 1 is missing from indices"),
        ([1, 1, 1, 1], "index 0 is missing from indices"),
        ([-1, 0, 0, 0], "indices must be non-negative, got -1 at position 0"),
    ],
)
def test_bad_indices(indices, message):
    with pytest.raises(ValueError, match=message):
        sharply.linestrings(BLOCK[0], indices=indices)
    with pytest.raises(ValueError, match=message):
        sharply.multipoints(sharply.points(BLOCK[0]), indices=indices)


def test_float_indices_are_rejected():
    with pytest.raises(TypeError, match="indices must hold integers"):
        sharply.linestrings(BLOCK[0], indices=[0.0, 0.0, 1.0, 1.0])


def test_points_scalar_and_block_match_shapely():
    assert_same(sharply.points(1.0, 2.0), Point(1, 2))
    assert_same(sharply.points(BLOCK_Z[0]), [Point(c) for c in BLOCK_Z[0]], include_z=True)
