"""get_coordinates, count_coordinates and ragged arrays, against Shapely 1.8 (through a Shapely 2 oracle)."""

import numpy as np
import pytest
import shapely.ops
import shapely.wkt

import sharply
from shapely_reference import assert_ragged_equal, get_coordinates as reference_coordinates, to_ragged_array as reference_ragged

FIXTURES = {
    "point": ["POINT (1 2)", "POINT (3 4)", "POINT EMPTY", "POINT (5 6)"],
    "point_z": ["POINT Z (1 2 3)", "POINT Z (4 5 6)"],
    "linestring": ["LINESTRING (0 0, 1 1, 2 0)", "LINESTRING EMPTY", "LINESTRING (5 5, 6 6)"],
    "linestring_z": ["LINESTRING Z (0 0 1, 1 1 2)", "LINESTRING Z (2 2 3, 3 3 4, 4 4 5)"],
    "polygon": [
        "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 1))",
        "POLYGON EMPTY",
        "POLYGON ((10 10, 11 10, 11 11, 10 10))",
    ],
    "multipoint": ["MULTIPOINT (0 0, 1 1)", "MULTIPOINT EMPTY", "MULTIPOINT (2 2)"],
    "multilinestring": ["MULTILINESTRING ((0 0, 1 1), (2 2, 3 3, 4 4))", "MULTILINESTRING EMPTY"],
    "multipolygon": [
        "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 9 5, 9 9, 5 9, 5 5), (6 6, 7 6, 7 7, 6 6)))",
        "MULTIPOLYGON EMPTY",
        "MULTIPOLYGON (((20 20, 21 20, 21 21, 20 20)))",
    ],
    "multipolygon_z": ["MULTIPOLYGON Z (((0 0 1, 1 0 1, 1 1 1, 0 0 1)))"],
}


def shapely_fixture(name):
    return [shapely.wkt.loads(text) for text in FIXTURES[name]]


def sharply_from(geometries, include_z=None):
    """A GeometryArray holding the same geometries (built from the oracle's ragged array)."""
    if include_z is None:
        include_z = any(g.has_z for g in geometries if not g.is_empty)
    type_id, coords, offsets = reference_ragged(geometries, include_z)
    return sharply.from_ragged_array(type_id, coords, offsets)


@pytest.mark.parametrize("name", sorted(FIXTURES))
@pytest.mark.parametrize("include_z", [False, True])
def test_get_coordinates_matches_shapely(name, include_z):
    geometries = shapely_fixture(name)
    array = sharply_from(geometries)
    expected, expected_index = reference_coordinates(geometries, include_z)
    coords, index = sharply.get_coordinates(array, include_z=include_z, return_index=True)
    assert coords.dtype == np.float64 and coords.shape == expected.shape
    np.testing.assert_array_equal(coords, expected)
    np.testing.assert_array_equal(index, expected_index)
    assert index.dtype == np.int64
    np.testing.assert_array_equal(sharply.get_coordinates(array, include_z=include_z), expected)
    assert sharply.count_coordinates(array) == len(expected)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_ragged_round_trip_matches_shapely(name):
    geometries = shapely_fixture(name)
    include_z = name.endswith("_z")
    array = sharply_from(geometries)
    assert_ragged_equal(sharply.to_ragged_array(array), reference_ragged(geometries, include_z))
    assert_ragged_equal(sharply.to_ragged_array(array, include_z=not include_z), reference_ragged(geometries, not include_z))


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_measures_of_rebuilt_geometries_match_shapely(name):
    geometries = shapely_fixture(name)
    array = sharply_from(geometries)
    lengths = np.array([0.0 if g.is_empty and g.geom_type == "Point" else g.length for g in geometries])
    np.testing.assert_allclose(sharply.length(array), lengths)
    np.testing.assert_allclose(sharply.area(array), [g.area for g in geometries])


def test_scalar_and_missing():
    point = sharply.points(1.0, 2.0)
    np.testing.assert_array_equal(sharply.get_coordinates(point), [[1.0, 2.0]])
    assert sharply.get_coordinates(None).shape == (0, 2)
    assert sharply.get_coordinates(None, include_z=True).shape == (0, 3)
    assert sharply.count_coordinates(None) == 0
    np.testing.assert_array_equal(sharply.get_coordinates(point, include_z=True), [[1.0, 2.0, np.nan]])


class TestZeroCopy:
    def test_get_coordinates_views_the_buffer(self):
        array = sharply.linestrings(np.arange(24.0).reshape(4, 3, 2))
        first, second = sharply.get_coordinates(array), sharply.get_coordinates(array)
        assert np.shares_memory(first, second)
        assert not first.flags.writeable
        with pytest.raises(ValueError):
            first[0, 0] = 1.0

    def test_view_keeps_the_array_alive(self):
        coords = sharply.get_coordinates(sharply.points(np.arange(10.0).reshape(5, 2)))
        import gc

        gc.collect()
        np.testing.assert_array_equal(coords, np.arange(10.0).reshape(5, 2))

    def test_copy_when_dimension_differs_or_points_are_empty(self):
        array = sharply.points(np.arange(6.0).reshape(3, 2))
        assert not np.shares_memory(sharply.get_coordinates(array), sharply.get_coordinates(array, include_z=True))
        with_empty = sharply.points(np.array([[0.0, 1.0], [np.nan, np.nan], [2.0, 3.0]]))
        coords = sharply.get_coordinates(with_empty)
        np.testing.assert_array_equal(coords, [[0.0, 1.0], [2.0, 3.0]])
        assert not np.shares_memory(coords, sharply.get_coordinates(with_empty))

    def test_to_ragged_array_views_coordinates_and_offsets(self):
        geometries = shapely_fixture("multipolygon")
        array = sharply_from(geometries)
        _, coords, offsets = sharply.to_ragged_array(array)
        assert np.shares_memory(coords, sharply.get_coordinates(array))
        _, coords_again, offsets_again = sharply.to_ragged_array(array)
        for level, again in zip(offsets, offsets_again):
            assert level.dtype == np.int32
            assert np.shares_memory(level, again)

    def test_identity_levels_are_materialised(self):
        polygons = sharply.polygons(np.array([[[0, 0], [1, 0], [1, 1], [0, 0]]] * 3, dtype=float))
        _, _, (rings, polygon_rings) = sharply.to_ragged_array(polygons)
        np.testing.assert_array_equal(rings, [0, 4, 8, 12])
        np.testing.assert_array_equal(polygon_rings, [0, 1, 2, 3])


class TestFromRaggedArray:
    def test_type_by_enum_int_or_name(self):
        coords = np.array([[0.0, 0.0], [1.0, 1.0]])
        for geometry_type in (sharply.GeometryType.MULTIPOINT, 4, "multipoint", "MULTIPOINT"):
            array = sharply.from_ragged_array(geometry_type, coords, (np.array([0, 2]),))
            assert len(array) == 1 and sharply.to_ragged_array(array)[0] == sharply.GeometryType.MULTIPOINT

    def test_points_with_nan_are_empty(self):
        array = sharply.from_ragged_array(sharply.GeometryType.POINT, np.array([[1.0, 2.0], [np.nan, np.nan]]))
        assert len(array) == 2
        np.testing.assert_array_equal(sharply.get_coordinates(array), [[1.0, 2.0]])

    def test_int64_and_int32_offsets(self):
        coords = np.arange(8.0).reshape(4, 2)
        for dtype in (np.int32, np.int64, np.uint8):
            array = sharply.from_ragged_array(1, coords, (np.array([0, 2, 4], dtype=dtype),))
            np.testing.assert_array_equal(sharply.to_ragged_array(array)[2][0], [0, 2, 4])

    def test_copies_the_input(self):
        coords = np.arange(8.0).reshape(4, 2)
        array = sharply.from_ragged_array(1, coords, (np.array([0, 2, 4]),))
        coords[:] = -1
        np.testing.assert_array_equal(sharply.get_coordinates(array), np.arange(8.0).reshape(4, 2))

    @pytest.mark.parametrize(
        "geometry_type, offsets, message",
        [
            (1, (np.array([0, 3, 2]),), r"offsets\[0\] decrease at index 2 \(3 then 2\)"),
            (1, (np.array([0, 2, 9]),), r"offsets\[0\] end at 9 but there are only 4 coordinates"),
            (1, (np.array([-1, 2]),), r"offsets\[0\] starts at -1"),
            (1, (np.array([], dtype=np.int32),), r"offsets\[0\] is empty"),
            (3, (np.array([0, 4]), np.array([0, 2])), r"offsets\[1\] end at 2 but there are only 1 elements in offsets\[0\]"),
            (1, (np.array([0, 2**40]),), r"offsets\[0\]\[1\] = 1099511627776 is out of range"),
        ],
    )
    def test_bad_offsets_raise_invalid_layout(self, geometry_type, offsets, message):
        coords = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]])
        with pytest.raises(sharply.errors.InvalidLayoutError, match=message):
            sharply.from_ragged_array(geometry_type, coords, offsets)

    @pytest.mark.parametrize(
        "call, error, message",
        [
            (lambda c: sharply.from_ragged_array(1, c, (np.array([0, 1, 4]),)), ValueError, "linestring 0 has 1 coordinate"),
            (lambda c: sharply.from_ragged_array(3, c[:3], (np.array([0, 3]), np.array([0, 1]))), ValueError, "ring 0 has 3 coordinates"),
            (lambda c: sharply.from_ragged_array(3, c[:, ::-1].copy()[[0, 1, 2, 1]], (np.array([0, 4]), np.array([0, 1]))), ValueError, "ring 0 is not closed"),
            (lambda c: sharply.from_ragged_array(1, c, ()), ValueError, "needs 1 offsets arrays, got 0"),
            (lambda c: sharply.from_ragged_array(1, c, (np.array([0.0, 4.0]),)), TypeError, r"offsets\[0\] must hold integers"),
            (lambda c: sharply.from_ragged_array(1, c[:, :1], (np.array([0, 4]),)), ValueError, r"shape \(N, 2\) or \(N, 3\)"),
            (lambda c: sharply.from_ragged_array(2, c, (np.array([0, 4]),)), ValueError, "LINEARRING is not supported"),
            (lambda c: sharply.from_ragged_array("circle", c, None), ValueError, "unknown geometry type"),
        ],
    )
    def test_bad_input(self, call, error, message):
        coords = np.array([[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]])
        with pytest.raises(error, match=message):
            call(coords)


def test_to_ragged_array_rejects_collections():
    collection = sharply.geometrycollections(sharply.points(np.zeros((2, 2))))
    with pytest.raises(ValueError, match="Geometry type GEOMETRYCOLLECTION is not supported"):
        sharply.to_ragged_array(collection)


class TestTransform:
    """sharply.transform against Shapely 1.8's per-geometry shapely.ops.transform."""

    def test_matches_shapely_on_every_type(self):
        wkts = [
            "POINT (1 2)",
            "LINESTRING (0 0, 1 2, 3 1)",
            "POLYGON ((0 0, 4 0, 4 4, 0 0), (1 1, 2 1, 2 2, 1 1))",
            "MULTIPOINT (1 1, 2 3)",
            "MULTILINESTRING ((0 0, 1 1), (2 2, 3 5))",
            "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))",
            "GEOMETRYCOLLECTION (POINT (7 8), LINESTRING (0 1, 2 3))",
        ]
        moved = sharply.transform(sharply.from_wkt(wkts + [None]), lambda c: c * [2.0, -3.0] + [1.0, 0.5])
        expected = [
            shapely.ops.transform(lambda x, y: (2 * x + 1, -3 * y + 0.5), shapely.wkt.loads(w)).wkt for w in wkts
        ]
        assert sharply.to_wkt(moved, rounding_precision=-1).tolist() == expected + [None]

    def test_separate_columns_and_z(self):
        line = sharply.from_wkt("LINESTRING Z (0 1 2, 3 4 5)")
        swapped = sharply.transform(line, lambda x, y, z: (z, y, x), include_z=True, interleaved=False)
        assert swapped.wkt == "LINESTRING Z (2 1 0, 5 4 3)"
        assert sharply.transform(line, lambda c: c + 1).wkt == "LINESTRING (1 2, 4 5)"

    def test_the_function_is_called_once_with_all_coordinates(self):
        calls = []

        def record(coordinates):
            calls.append(coordinates.shape)
            return coordinates

        sharply.transform(sharply.points(np.zeros((1000, 2))), record)
        assert calls == [(1000, 2)]

    def test_a_result_of_another_shape_is_a_value_error(self):
        with pytest.raises(ValueError, match=r"shape \(1, 2\), expected \(2, 2\)"):
            sharply.transform(sharply.from_wkt("LINESTRING (0 0, 1 1)"), lambda c: c[:1])
