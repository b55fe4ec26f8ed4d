"""sharply.GeometryArray and sharply.Geometry: indexing, slicing, masks, repr, equality, hashing, pickling."""

import pickle

import numpy as np
import pytest
import shapely.wkt

import sharply

WKTS = [
    "POLYGON ((0 0, 1 0, 1 1, 0 0))",
    None,
    "POINT Z (1 2 3)",
    "MULTIPOINT (1 2, 3 4)",
    "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (1 1, 2 1, 2 2, 1 1), (5 5, 6 5, 6 6, 5 5))",
    "LINESTRING (0 0, 1 1, 2 0)",
    "POINT EMPTY",
    "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1))",
]


@pytest.fixture
def array():
    return sharply.from_wkt(WKTS)


def wkt_list(values):
    return [None if g is None else g.wkt for g in values]


class TestIndexing:
    def test_len_and_iteration(self, array):
        assert len(array) == len(WKTS)
        assert wkt_list(array) == WKTS

    @pytest.mark.parametrize("index", [0, 1, 4, -1, -8, np.int64(2), np.int32(-3)])
    def test_int(self, array, index):
        item = array[index]
        assert (None if item is None else item.wkt) == WKTS[int(index)]

    @pytest.mark.parametrize("index", [8, -9, 2**40])
    def test_int_out_of_range(self, array, index):
        with pytest.raises(IndexError, match="out of bounds"):
            array[index]

    @pytest.mark.parametrize("key", [slice(1, 5), slice(None, None, 2), slice(None, None, -1), slice(6, 2, -2), slice(5, 100), slice(3, 3)])
    def test_slices(self, array, key):
        assert wkt_list(array[key]) == WKTS[key]

    def test_step_one_slice_is_a_view(self):
        lines = sharply.from_wkt(["LINESTRING (0 0, 1 1)", "LINESTRING (2 2, 3 3, 4 4)", "LINESTRING (5 5, 6 6)"])
        assert np.shares_memory(lines[1:3][0].coords, lines[1].coords)
        assert not np.shares_memory(lines[::2][1].coords, lines[2].coords)  # other steps copy the rows

    def test_masks_and_integer_arrays(self, array):
        mask = np.array([i % 3 == 0 for i in range(len(WKTS))])
        assert wkt_list(array[mask]) == [w for w, m in zip(WKTS, mask) if m]
        assert wkt_list(array[list(mask)]) == [w for w, m in zip(WKTS, mask) if m]
        order = np.array([7, 0, -1, 1])
        assert wkt_list(array[order]) == [WKTS[i] for i in order]
        assert wkt_list(array[[2, 2]]) == [WKTS[2], WKTS[2]]
        assert wkt_list(array[np.array([3], dtype=np.uint8)]) == [WKTS[3]]
        assert len(array[[]]) == 0

    def test_bad_keys(self, array):
        with pytest.raises(IndexError, match="boolean index has 2 values"):
            array[np.array([True, False])]
        with pytest.raises(IndexError, match="out of bounds"):
            array[np.array([0, 8])]
        with pytest.raises(IndexError, match="integer or boolean"):
            array[np.array([0.5])]
        with pytest.raises(TypeError):
            array["a"]

    def test_crs_is_carried(self):
        points = sharply.points([[0, 0], [1, 1], [2, 2]], crs="EPSG:4326")
        assert points.crs == "EPSG:4326"
        for derived in (points[1:], points[::2], points[[0, 2]], points[np.array([True, False, True])],
                        sharply.concat([points, points]), pickle.loads(pickle.dumps(points))):
            assert derived.crs == "EPSG:4326"
        assert sharply.from_wkt(["POINT (1 2)"]).crs is None

    def test_concat(self, array):
        assert wkt_list(sharply.concat([array, array[:2], array[[5]]])) == WKTS + WKTS[:2] + [WKTS[5]]
        with pytest.raises(ValueError, match="CRS"):
            sharply.concat([array, sharply.points([[0, 0]], crs="EPSG:4326")])
        with pytest.raises(TypeError):
            sharply.concat(array)

    def test_nbytes_counts_the_buffers(self):
        points = sharply.points(np.zeros((1000, 2)))
        assert points.nbytes == 1000 * 16


class TestRepr:
    def test_geometry_repr_like_shapely_2(self, array):
        assert repr(array[0]) == "<POLYGON ((0 0, 1 0, 1 1, 0 0))>"
        long = repr(array[4])
        assert len(long) == 80 and long.endswith("...>") and long.startswith("<POLYGON ((0 0, 10 0")

    def test_array_repr_previews_rows(self, array):
        assert repr(array[:3]) == "<GeometryArray[3] Geometry Z>\n[<POLYGON ((0 0, 1 0, 1 1, 0 0))>, None, <POINT Z (1 2 3)>]"
        many = repr(sharply.points(np.arange(40.0).reshape(20, 2), crs="EPSG:4326"))
        assert many.startswith("<GeometryArray[20] Point, crs=EPSG:4326>\n[<POINT (0 1)>, ")
        assert ", ..., <POINT (30 31)>, " in many and many.endswith("<POINT (38 39)>]")
        assert many.count("<POINT") == 10


class TestGeometry:
    def test_properties_match_shapely(self, array):
        for value, wkt in zip(array, WKTS):
            if wkt is None:
                continue
            reference = shapely.wkt.loads(wkt)
            assert value.geom_type == reference.geom_type
            assert value.wkt == reference.wkt
            assert value.wkb == reference.wkb
            assert value.is_empty == reference.is_empty
            assert value.has_z == reference.has_z
            np.testing.assert_array_equal(value.bounds, reference.bounds if not reference.is_empty else (np.nan,) * 4)

    def test_scalar_getters_return_python_scalars(self, array):
        # area, length, x, y, is_empty, has_z and is_closed make their float / bool in the getter's entry point.
        for value, wkt in zip(array, WKTS):
            if wkt is None:
                continue
            reference = shapely.wkt.loads(wkt)
            for name, expected in [("area", reference.area), ("length", reference.length),
                                   ("is_empty", reference.is_empty), ("has_z", reference.has_z),
                                   ("is_closed", bool(sharply.is_closed(value)))]:
                result = getattr(value, name)
                assert type(result) is type(expected) and result == expected, (wkt, name)
            if reference.geom_type == "Point" and not reference.is_empty:
                assert (value.x, value.y) == (reference.x, reference.y)
                assert type(value.x) is float and type(value.y) is float

    def test_points(self, array):
        point = array[2]
        assert (point.x, point.y, point.z) == (1.0, 2.0, 3.0)
        np.testing.assert_array_equal(point.coords, [[1.0, 2.0, 3.0]])
        with pytest.raises(ValueError, match="no z"):
            sharply.points(1.0, 2.0).z
        assert np.isnan(array[0].x)  # as shapely.get_x
        assert not hasattr(array[0], "z")

    def test_coords_is_a_read_only_view(self):
        lines = sharply.from_wkt(["LINESTRING (0 0, 1 1, 2 0)", "LINESTRING Z (0 0 1, 1 1 2)"])
        coords = lines[0].coords
        assert coords.shape == (3, 2) and not coords.flags.writeable
        np.testing.assert_array_equal(coords, [[0, 0], [1, 1], [2, 0]])  # a 2D row of a Z array: x, y copied
        np.testing.assert_array_equal(lines[1].coords, [[0, 0, 1], [1, 1, 2]])
        view = sharply.from_wkt("LINESTRING (0 0, 3 4)").coords
        assert view.base is not None and view.shape == (2, 2)
        assert sharply.from_wkt("POINT EMPTY").coords.shape == (0, 2)
        with pytest.raises(NotImplementedError):
            sharply.from_wkt("POLYGON ((0 0, 1 0, 1 1, 0 0))").coords

    def test_polygon_rings(self, array):
        polygon = array[4]
        reference = shapely.wkt.loads(WKTS[4])
        assert polygon.exterior.wkt == shapely.geometry.LineString(reference.exterior.coords).wkt
        assert [r.wkt for r in polygon.interiors] == [shapely.geometry.LineString(r.coords).wkt for r in reference.interiors]
        assert sharply.from_wkt("POLYGON EMPTY").exterior.is_empty
        assert sharply.from_wkt("POLYGON EMPTY").interiors == ()
        with pytest.raises(AttributeError):
            array[5].exterior

    def test_geoms(self, array):
        assert wkt_list(array[3].geoms) == ["POINT (1 2)", "POINT (3 4)"]
        assert wkt_list(array[7].geoms) == ["POINT (1 2)", "LINESTRING (0 0, 1 1)"]
        with pytest.raises(AttributeError):
            array[0].geoms

    def test_equality_and_hash(self, array):
        same = sharply.from_wkt(WKTS[0])
        assert same == array[0] and not (same != array[0])
        assert hash(same) == hash(array[0])
        assert array[0] != array[4] and array[2] != sharply.from_wkt("POINT (1 2)")
        assert sharply.from_wkt("POINT EMPTY") == sharply.from_wkt("POINT EMPTY")
        assert array[0] != "POLYGON ((0 0, 1 0, 1 1, 0 0))"
        assert len({array[0], same, array[4]}) == 2
        with pytest.raises(TypeError):
            array[0] < array[4]


class TestPickle:
    def test_array_round_trip_is_exact(self, array):
        data = pickle.dumps(array)
        assert b"POLYGON" not in data  # binary, not WKT
        restored = pickle.loads(data)
        assert isinstance(restored, sharply.GeometryArray)
        assert list(sharply.to_wkb(restored)) == list(sharply.to_wkb(array))

    def test_geometry_round_trip(self, array):
        for value in array:
            if value is not None:
                assert pickle.loads(pickle.dumps(value)) == value

    def test_empty_array(self):
        assert len(pickle.loads(pickle.dumps(sharply.from_wkb([])))) == 0
