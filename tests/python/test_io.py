"""from_wkb / from_wkt / from_geojson and to_wkb / to_wkt / to_geojson against Shapely 1.8 (GEOS 3.11)."""

import json
import struct
import sys
import warnings

import geopandas
import numpy as np
import pytest
import shapely.geometry
import shapely.wkb
import shapely.wkt
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import sharply
from sharply.errors import GeometryDecodeError, SharplyWarning

WKTS = [
    "POINT (1 2)",
    "POINT Z (1 2 3)",
    "POINT EMPTY",
    "LINESTRING (0 0, 1 1, 2 0.5)",
    "LINESTRING Z (0 0 1, 1 1 2)",
    "LINESTRING EMPTY",
    "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 1))",
    "POLYGON Z ((0 0 1, 1 0 1, 1 1 1, 0 0 1))",
    "POLYGON EMPTY",
    "MULTIPOINT (1 2, 3 4)",
    "MULTIPOINT EMPTY",
    "MULTILINESTRING ((0 0, 1 1), (2 2, 3 3.25))",
    "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5), (5.2 5.1, 5.8 5.1, 5.8 5.7, 5.2 5.1)))",
    "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1), POLYGON ((0 0, 1 0, 1 1, 0 0)))",
    "GEOMETRYCOLLECTION EMPTY",
    "POINT (0.123456789 -1e-07)",
]
SHAPES = [shapely.wkt.loads(w) for w in WKTS]


def shapely_wkt(geometry):
    return shapely.wkt.dumps(geometry, trim=True, rounding_precision=6)


def load(name):
    return geopandas.read_file(geopandas.datasets.get_path(name)).geometry


@pytest.fixture(scope="module", params=["nybb", "naturalearth_lowres"])
def dataset(request):
    return list(load(request.param))


class TestDatasetRoundTrips:
    def test_wkb_byte_for_byte(self, dataset):
        wkb = [g.wkb for g in dataset]
        result = sharply.to_wkb(sharply.from_wkb(wkb))
        assert result.dtype == object and len(result) == len(wkb)
        assert all(a == b for a, b in zip(result, wkb))

    def test_wkt_matches_shapely(self, dataset):
        result = sharply.to_wkt(sharply.from_wkb([g.wkb for g in dataset]))
        assert list(result) == [shapely_wkt(g) for g in dataset]

    def test_wkt_reads_as_geos_reads(self, dataset):
        text = [shapely_wkt(g) for g in dataset]
        result = sharply.to_wkb(sharply.from_wkt(text))
        assert all(a == shapely.wkt.loads(t).wkb for a, t in zip(result, text))

    def test_geojson_round_trip(self, dataset):
        array = sharply.from_wkb([g.wkb for g in dataset])
        text = sharply.to_geojson(array)
        assert json.loads(text[0])["type"] == dataset[0].geom_type
        back = sharply.to_wkb(sharply.from_geojson(text))
        assert all(a == g.wkb for a, g in zip(back, dataset))


class TestEveryType:
    def test_wkb_matches_shapely(self):
        array = sharply.from_wkb([g.wkb for g in SHAPES] + [None])
        result = sharply.to_wkb(array)
        assert list(result[:-1]) == [g.wkb for g in SHAPES]
        assert result[-1] is None
        assert list(sharply.to_wkb(array, hex=True)[:-1]) == [g.wkb_hex for g in SHAPES]

    def test_big_endian_and_2d(self):
        array = sharply.from_wkt(WKTS)
        big = sharply.to_wkb(array, byte_order=0)
        flat = sharply.to_wkb(array, output_dimension=2)
        for g, b, f in zip(SHAPES, big, flat):
            assert b == shapely.wkb.dumps(g, big_endian=True)
            assert f == shapely.wkb.dumps(g, output_dimension=2)

    def test_wkt_matches_shapely(self):
        assert list(sharply.to_wkt(sharply.from_wkt(WKTS))) == [shapely_wkt(g) for g in SHAPES]
        assert list(sharply.to_wkt(sharply.from_wkt(WKTS), trim=False, rounding_precision=3)) == [
            shapely.wkt.dumps(g, trim=False, rounding_precision=3) for g in SHAPES
        ]

    def test_geojson(self):
        text = sharply.to_geojson(sharply.from_wkt(WKTS[:2] + WKTS[3:5] + WKTS[6:8] + WKTS[9:10] + WKTS[11:14]))
        for value, shape in zip(text, [s for i, s in enumerate(SHAPES) if i in (0, 1, 3, 4, 6, 7, 9, 11, 12, 13)]):
            parsed = json.loads(value)
            assert parsed["type"] == shape.geom_type
            if shape.geom_type == "GeometryCollection":
                assert len(parsed["geometries"]) == len(shape.geoms)
            else:
                assert json.loads(json.dumps(shapely.geometry.mapping(shape)["coordinates"])) == parsed["coordinates"]
        assert sharply.to_geojson(sharply.from_wkt("POINT (1 2)"), indent=2) == (
            '{\n  "type": "Point",\n  "coordinates": [\n    1.0,\n    2.0\n  ]\n}'
        )

    def test_feature_and_feature_collection(self):
        feature = '{"type": "Feature", "properties": {}, "geometry": {"type": "Point", "coordinates": [1, 2]}}'
        assert sharply.from_geojson(feature).wkt == "POINT (1 2)"
        assert sharply.from_geojson('{"type": "Feature", "properties": {}, "geometry": null}') is None
        collection = '{"type": "FeatureCollection", "features": [' + feature + "]}"
        assert sharply.from_geojson(collection).wkt == "GEOMETRYCOLLECTION (POINT (1 2))"

    def test_mixed_z_array_writes_2d_rows_in_2d(self):
        array = sharply.from_wkt(["POINT Z (1 2 3)", "POINT (4 5)"])
        assert list(sharply.to_wkt(array)) == ["POINT Z (1 2 3)", "POINT (4 5)"]
        assert sharply.to_wkb(array)[1] == shapely.wkt.loads("POINT (4 5)").wkb


class TestInputsAndOutputs:
    def test_scalars(self):
        point = shapely.wkt.loads("POINT (1 2)")
        assert isinstance(sharply.from_wkb(point.wkb), sharply.Geometry)
        assert sharply.from_wkb(point.wkb_hex).wkt == "POINT (1 2)"
        assert sharply.from_wkb(None) is None and sharply.from_wkt(None) is None
        assert sharply.to_wkb(sharply.from_wkb(point.wkb)) == point.wkb
        assert sharply.to_wkb(None) is None and sharply.to_wkt(None) is None

    def test_containers(self):
        values = [g.wkb for g in SHAPES[:3]] + [None]
        for container in (values, tuple(values), np.array(values, dtype=object)):
            result = sharply.from_wkb(container)
            assert isinstance(result, sharply.GeometryArray) and len(result) == 4 and result[3] is None
        assert len(sharply.from_wkt(np.array([], dtype=object))) == 0
        assert len(sharply.from_wkb([])) == 0

    def test_bad_containers(self):
        with pytest.raises(TypeError, match=r"geometry\[1\]: expected bytes, str or None, not 'int'"):
            sharply.from_wkb([SHAPES[0].wkb, 3])
        with pytest.raises(ValueError, match="1-dimensional"):
            sharply.from_wkb(np.array([[SHAPES[0].wkb]], dtype=object))
        with pytest.raises(ValueError, match="on_invalid must be"):
            sharply.from_wkt("POINT (1 2)", on_invalid="fix")

    def test_point_arrays(self):
        # Plain 2D points take their own writer: byte-identical to GEOS, empties as GEOS's NaN point, None kept.
        wkts = ["POINT (1 2)", "POINT EMPTY", None, "POINT (-0.5 1e10)"]
        array = sharply.from_wkt(wkts)
        expected = [None if w is None else shapely.wkt.loads(w).wkb for w in wkts]
        assert list(sharply.to_wkb(array)) == expected
        assert list(sharply.to_wkb(array, byte_order=0)) == [
            None if w is None else shapely.wkb.dumps(shapely.wkt.loads(w), big_endian=True) for w in wkts
        ]
        assert sharply.to_wkb(array[3]) == expected[3]
        assert sharply.to_wkt(sharply.from_wkb(expected)).tolist() == ["POINT (1 2)", "POINT EMPTY", None, "POINT (-0.5 10000000000)"]

    def test_plain_point_inputs(self):
        # 2D little-endian points are read in one pass; any other item (last here) sends all rows down the
        # general path, with the same result as Shapely and the same errors.
        shapes = [shapely.wkt.loads(w) for w in ["POINT (1 2)", "POINT EMPTY", "POINT (-0.5 1e10)"]]
        wkb = [g.wkb for g in shapes]
        big = shapely.wkb.dumps(shapes[0], big_endian=True)
        for tail, wkts in [
            ([], ["POINT (1 2)", "POINT EMPTY", "POINT (-0.5 10000000000)"]),
            ([None], ["POINT (1 2)", "POINT EMPTY", "POINT (-0.5 10000000000)", None]),
            ([big], ["POINT (1 2)", "POINT EMPTY", "POINT (-0.5 10000000000)", "POINT (1 2)"]),
            ([SHAPES[3].wkb], ["POINT (1 2)", "POINT EMPTY", "POINT (-0.5 10000000000)", "LINESTRING (0 0, 1 1, 2 0.5)"]),
        ]:
            values = wkb + tail
            for container in (values, tuple(values), np.array(values, dtype=object)):
                result = sharply.from_wkb(container)
                assert sharply.to_wkt(result).tolist() == wkts
                assert list(sharply.to_wkb(result)) == [v if v != big else wkb[0] for v in values]
        with pytest.raises(TypeError, match=r"geometry\[3\]: expected bytes, str or None, not 'int'"):
            sharply.from_wkb(np.array(wkb + [3], dtype=object))
        strided = sharply.from_wkb(np.array([v for v in wkb for _ in range(2)], dtype=object)[::2])
        assert sharply.to_wkt(strided).tolist() == ["POINT (1 2)", "POINT EMPTY", "POINT (-0.5 10000000000)"]
        with pytest.raises(ValueError, match="on_invalid must be"):
            sharply.from_wkb(wkb, on_invalid="fix")
        before = [sys.getrefcount(v) for v in wkb]
        sharply.from_wkb(wkb)
        assert [sys.getrefcount(v) for v in wkb] == before

    def test_values_are_released(self):
        # Items are pinned by references while the GIL is released; each is dropped once, also on failure.
        values = [SHAPES[0].wkb, SHAPES[3].wkb, "POINT (1 2)"]
        before = [sys.getrefcount(v) for v in values]
        sharply.from_wkb(np.array(values[:2], dtype=object))
        sharply.from_wkt(values[2:])
        with pytest.raises(TypeError, match=r"geometry\[2\]"):
            sharply.from_wkb(values[:2] + [3])
        assert [sys.getrefcount(v) for v in values] == before
        result = sharply.to_wkb(sharply.from_wkb(values[:2]))
        assert [sys.getrefcount(v) for v in result] == [3, 3]  # the array, v and the argument

    def test_geojson_many_rows_in_order(self):
        # More rows than one chunk of the writer takes, with missing rows: each str is its own row's text.
        xy = np.random.default_rng(3).uniform(-1000, 1000, (70_000, 2))
        wkts = [None if i % 7 == 3 else f"POINT ({x!r} {y!r})" for i, (x, y) in enumerate(xy)]
        result = sharply.to_geojson(sharply.from_wkt(wkts))
        assert result.dtype == object and len(result) == len(wkts)
        expected = [None if w is None else f'{{"type":"Point","coordinates":[{x!r},{y!r}]}}' for w, (x, y) in zip(wkts, xy)]
        assert result.tolist() == expected

    def test_geojson_plain_points(self):
        # Rows that are all plain 2D points take their own path: the values Shapely 1.8 reads, exactly.
        xy = np.random.default_rng(4).uniform(-1e6, 1e6, (5000, 2))
        xy[::3] = np.round(xy[::3], 3)
        texts = [json.dumps({"type": "Point", "coordinates": [x, y]}) for x, y in xy]
        texts[1::2] = [t.replace(" ", "") for t in texts[1::2]]
        expected = [shapely.geometry.shape(json.loads(t)).wkb for t in texts]
        for values in (texts, tuple(texts), np.array(texts, dtype=object)):
            assert sharply.to_wkb(sharply.from_geojson(values)).tolist() == expected
        assert sharply.from_geojson(texts[0]).wkb == expected[0]
        # The tables of the call before are reused: this call's missing and 3D rows are its own.
        mixed = [None if i % 7 == 3 else t for i, t in enumerate(texts)]
        mixed[-1] = '{"type": "Point", "coordinates": [1, 2, 3]}'
        result = sharply.from_geojson(mixed)
        assert [g is None for g in result] == [t is None for t in mixed]
        assert result[-1].wkt == "POINT Z (1 2 3)"
        assert sharply.to_wkb(result[:-1], output_dimension=2).tolist() == [None if t is None else e for t, e in zip(mixed, expected)][:-1]
        with pytest.raises(GeometryDecodeError, match="^row 4000: "):
            sharply.from_geojson(texts[:4000] + ['{"type": "Point", "coordinates": [1, 2]'] + texts[4000:])

    def test_bad_options(self):
        point = sharply.from_wkt("POINT (1 2)")
        with pytest.raises(ValueError, match="output_dimension must be 2 or 3"):
            sharply.to_wkb(point, output_dimension=4)
        with pytest.raises(ValueError, match="byte_order"):
            sharply.to_wkb(point, byte_order=2)
        with pytest.raises(ValueError, match="rounding_precision"):
            sharply.to_wkt(point, rounding_precision=30)


def point_wkb(count_field):
    return struct.pack("<BI", 1, 2) + struct.pack("<I", count_field)


BAD_WKB = [
    (SHAPES[3].wkb[:-3], "row 1"),
    (b"\x01\x63\x00\x00\x00", "row 1"),
    (point_wkb(0x7FFFFFFF), "row 1"),
    (b"", "row 1"),
    (b"\x07" + SHAPES[0].wkb[1:], "row 1"),
]


class TestInvalidInput:
    @pytest.mark.parametrize("bad, row", BAD_WKB)
    def test_wkb_raises_naming_the_row(self, bad, row):
        with pytest.raises(GeometryDecodeError, match=f"^{row}: "):
            sharply.from_wkb([SHAPES[0].wkb, bad])
        with pytest.raises(GeometryDecodeError) as error:
            sharply.from_wkb(bad)
        assert not str(error.value).startswith("row")

    @pytest.mark.parametrize("bad", ["POINT (1", "POINTT (1 2)", "LINESTRING (0 0, 1)", "POLYGON ((0 0, 1 1)) x", ""])
    def test_wkt_raises_naming_the_row(self, bad):
        with pytest.raises(GeometryDecodeError, match="^row 2: "):
            sharply.from_wkt(["POINT (1 2)", None, bad])

    @pytest.mark.parametrize("bad", ['{"type": "Point"', '{"type": "Pt", "coordinates": [1, 2]}', '{"type": "Point", "coordinates": [1]}', "[]"])
    def test_geojson_raises_naming_the_row(self, bad):
        with pytest.raises(GeometryDecodeError, match="^row 1: "):
            sharply.from_geojson(['{"type": "Point", "coordinates": [1, 2]}', bad])

    def test_warn_makes_one_warning_and_none(self):
        with pytest.warns(SharplyWarning, match=r"2 invalid geometries set to None: row 0: .*; row 2: ") as record:
            result = sharply.from_wkt(["POINT (1", "POINT (1 2)", "LINESTRING (0"], on_invalid="warn")
        assert len(record) == 1
        assert [g is None for g in result] == [True, False, True]
        with pytest.warns(SharplyWarning):
            assert sharply.from_wkb(b"\x01", on_invalid="warn") is None

    def test_ignore(self):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            result = sharply.from_wkb([b"\x01", SHAPES[0].wkb], on_invalid="ignore")
            assert result[0] is None and result[1].wkt == "POINT (1 2)"
            assert sharply.from_geojson("{", on_invalid="ignore") is None


FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
VALID_WKB = [g.wkb for g in SHAPES] + [shapely.wkb.dumps(g, big_endian=True) for g in SHAPES]


def mutate(data, edits):
    data = bytearray(data)
    for position, value in edits:
        if data:
            data[position % len(data)] = value
    return bytes(data)


def decodes_or_raises_decode_error(function, values):
    try:
        result = function(values)
    except GeometryDecodeError:
        return
    assert len(result) == len(values)
    sharply.to_wkb(result)


class TestFuzz:
    @FUZZ
    @given(st.lists(st.binary(max_size=64), max_size=8))
    def test_wkb_random_bytes(self, values):
        decodes_or_raises_decode_error(sharply.from_wkb, values)

    @FUZZ
    @given(st.sampled_from(VALID_WKB), st.lists(st.tuples(st.integers(0, 1000), st.integers(0, 255)), max_size=4), st.integers(0, 200))
    def test_wkb_mutated(self, valid, edits, cut):
        decodes_or_raises_decode_error(sharply.from_wkb, [mutate(valid, edits), valid[:cut]])

    @FUZZ
    @given(st.lists(st.text(alphabet="POINTLESRYGMUC() ,.-+eE0123456789NaZ", max_size=48), max_size=8))
    def test_wkt_random_text(self, values):
        decodes_or_raises_decode_error(sharply.from_wkt, values)

    @FUZZ
    @given(st.sampled_from(WKTS), st.lists(st.tuples(st.integers(0, 1000), st.sampled_from(b"(),. -0119EZ")), max_size=4))
    def test_wkt_mutated(self, valid, edits):
        decodes_or_raises_decode_error(sharply.from_wkt, [mutate(valid.encode(), edits).decode()])

    @FUZZ
    @given(st.sampled_from([json.dumps(shapely.geometry.mapping(g)) for g in SHAPES if not g.is_empty]),
           st.lists(st.tuples(st.integers(0, 1000), st.sampled_from(b'{}[]:," 0-1.eaT')), max_size=4))
    def test_geojson_mutated(self, valid, edits):
        decodes_or_raises_decode_error(sharply.from_geojson, [mutate(valid.encode(), edits).decode("latin-1")])

    @FUZZ
    @given(st.lists(st.text(max_size=48), max_size=8))
    def test_geojson_random_text(self, values):
        decodes_or_raises_decode_error(sharply.from_geojson, values)
