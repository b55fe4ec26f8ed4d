"""The Arrow PyCapsule Interface: GeometryArray as producer, from_arrow as consumer, against Shapely 1.8.

Producers and readers are hand-built with ctypes (tests/python/arrow_c.py): every round trip is checked
on the Arrow structs themselves and on the geometries (as WKB read back by Shapely).
"""

import gc

import numpy as np
import pytest
import shapely.wkb
import shapely.wkt

import sharply
from sharply import _sharply
from sharply.errors import InvalidLayoutError

from arrow_c import Field, Node, Producer, StreamProducer, geoarrow, read, read_schema, requested

live_exports = _sharply._bind("_arrow_live_exports", (), None, ())
collect_dotnet_garbage = _sharply._bind("_collect", (), None, ())

EXTENSION = "ARROW:extension:name"


def collect():
    gc.collect()
    collect_dotnet_garbage()


def validity(present):
    bits = np.zeros((len(present) + 7) // 8, np.uint8)
    for row, ok in enumerate(present):
        bits[row >> 3] |= ok << (row & 7)
    return bits


def text_producer(rows, crs=None, extension="geoarrow.wkt", format="u"):
    """A Utf8 (WKT) or Binary (WKB) producer holding ``rows`` (None = missing)."""
    values = [b"" if r is None else (r if isinstance(r, bytes) else r.encode()) for r in rows]
    offsets = np.concatenate([[0], np.cumsum([len(v) for v in values])]).astype(np.int32)
    nulls = sum(r is None for r in rows)
    buffers = [validity([r is not None for r in rows]) if nulls else None, offsets, b"".join(values)]
    field = geoarrow(extension, Field(format), crs) if extension else Field(format)
    return Producer(field, Node(len(rows), buffers, null_count=nulls))


class StreamOnly:
    """An intermediate object exposing only __arrow_c_stream__."""

    def __init__(self, source):
        self.source = source

    def __arrow_c_stream__(self, requested_schema=None):
        return self.source.__arrow_c_stream__(requested_schema)


def wkb_request():
    return requested(Field("z", metadata={EXTENSION: "geoarrow.wkb"}))


def as_shapely_wkt(array):
    """Every row of ``array`` exported as geoarrow.wkb and read by Shapely 1.8 (None for missing rows)."""
    exported = read(array.__arrow_c_array__(wkb_request()))
    assert exported.format == "z" and exported.metadata[EXTENSION] == "geoarrow.wkb"
    return [None if row is None else shapely.wkb.loads(row).wkt for row in exported.binary_rows()]


def expected_wkt(rows):
    return [None if row is None else shapely.wkt.loads(row).wkt for row in rows]


CASES = {
    "point": ["POINT (1 2)", "POINT EMPTY", None, "POINT (-3.5 1e-3)"],
    "point z": ["POINT Z (1 2 3)", None, "POINT Z (4 5 6)"],
    "linestring": ["LINESTRING (0 0, 1 1, 2 0)", "LINESTRING EMPTY", None, "LINESTRING (5 5, 6 7)"],
    "linestring z": ["LINESTRING Z (0 0 1, 1 1 2)", None],
    "polygon": [
        "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 1))",
        "POLYGON EMPTY",
        None,
        "POLYGON ((10 10, 11 10, 11 11, 10 10))",
    ],
    "polygon z": ["POLYGON Z ((0 0 1, 4 0 1, 4 4 1, 0 0 1))", None],
    "multipoint": ["MULTIPOINT (0 0, 1 1)", "MULTIPOINT EMPTY", None, "MULTIPOINT (2 3)"],
    "multipoint z": ["MULTIPOINT Z (0 0 0, 1 1 1)", None],
    "multilinestring": ["MULTILINESTRING ((0 0, 1 1), (2 2, 3 3, 4 2))", "MULTILINESTRING EMPTY", None],
    "multilinestring z": ["MULTILINESTRING Z ((0 0 5, 1 1 6))", None],
    "multipolygon": [
        "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5), (5.2 5.1, 5.8 5.1, 5.8 5.7, 5.2 5.1)))",
        "MULTIPOLYGON EMPTY",
        None,
    ],
    "multipolygon z": ["MULTIPOLYGON Z (((0 0 1, 1 0 1, 1 1 1, 0 0 1)))", None],
    "geometrycollection": [
        "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1), POLYGON ((0 0, 1 0, 1 1, 0 0)))",
        "GEOMETRYCOLLECTION EMPTY",
        None,
    ],
    "mixed": ["POINT (1 2)", "LINESTRING (0 0, 1 1)", None, "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))"],
}

NATIVE = {
    "point": "geoarrow.point",
    "linestring": "geoarrow.linestring",
    "polygon": "geoarrow.polygon",
    "multipoint": "geoarrow.multipoint",
    "multilinestring": "geoarrow.multilinestring",
    "multipolygon": "geoarrow.multipolygon",
}


@pytest.fixture(params=sorted(CASES))
def case(request):
    rows = CASES[request.param]
    source = text_producer(rows, crs="EPSG:4326")
    return request.param, rows, sharply.from_arrow(source), source


class TestRoundTrip:
    def test_wkt_import_matches_shapely(self, case):
        _, rows, array, _ = case
        assert len(array) == len(rows)
        assert array.crs == "EPSG:4326"
        assert as_shapely_wkt(array) == expected_wkt(rows)

    def test_default_export_is_the_native_type_or_wkb(self, case):
        name, _, array, _ = case
        exported = read(array.__arrow_c_array__())
        assert exported.metadata[EXTENSION] == NATIVE.get(name.split()[0], "geoarrow.wkb")
        assert exported.metadata["ARROW:extension:metadata"] == '{"crs":"EPSG:4326"}'
        assert exported.null_count == 1
        assert exported.length == len(CASES[name])
        assert read_schema(array.__arrow_c_schema__())[1] == exported.metadata

    def test_through_the_array_capsules(self, case):
        _, rows, array, _ = case
        copy = sharply.from_arrow(array)
        assert copy.crs == "EPSG:4326"
        assert as_shapely_wkt(copy) == expected_wkt(rows)

    def test_through_an_object_with_only_a_stream(self, case):
        _, rows, array, _ = case
        copy = sharply.from_arrow(StreamOnly(array))
        assert copy.crs == "EPSG:4326"
        assert as_shapely_wkt(copy) == expected_wkt(rows)

    @pytest.mark.parametrize("storage, extension", [("z", "geoarrow.wkb"), ("u", "geoarrow.wkt")])
    def test_through_requested_wkb_and_wkt(self, case, storage, extension):
        _, rows, array, _ = case
        request = requested(Field(storage, metadata={EXTENSION: extension}))
        copy = sharply.from_arrow(array)
        exported = read(copy.__arrow_c_array__(request))
        assert (exported.format, exported.metadata[EXTENSION]) == (storage, extension)
        values = exported.binary_rows()
        loads = shapely.wkb.loads if storage == "z" else lambda text: shapely.wkt.loads(text.decode())
        assert [None if v is None else loads(v).wkt for v in values] == expected_wkt(rows)

    def test_the_source_is_released_exactly_once(self, case):
        *_, array, source = case
        del array, case
        collect()
        assert (source.exports, source.schema_releases, source.array_releases) == (1, 1, 1)


class TestNativeLayouts:
    def test_interleaved_points_are_shared_with_the_producer(self):
        coords = np.arange(20.0)
        source = Producer(
            geoarrow("geoarrow.point", Field("+w:2", children=[Field("g", "xy")])),
            Node(10, [None], [Node(20, [None, coords])]),
        )
        array = sharply.from_arrow(source)
        exported = read(array.__arrow_c_array__())
        assert exported.children[0].buffers[1] == coords.ctypes.data
        assert sharply.distance(array[1], array[2]) == pytest.approx(np.hypot(2, 2))
        coords[4] = 100.0  # the producer's memory is the array's memory
        assert sharply.distance(array[1], array[2]) == pytest.approx(np.hypot(100 - 2, 5 - 3))
        collect()
        assert source.array_releases == 0
        del array, exported
        collect()
        assert (source.schema_releases, source.array_releases) == (1, 1)

    def test_linestring_offsets_are_shared_with_the_producer(self):
        offsets = np.array([0, 2, 5], np.int32)
        coords = np.array([0, 0, 3, 4, 0, 0, 1, 0, 1, 1], np.float64)
        source = Producer(
            geoarrow("geoarrow.linestring", Field("+l", children=[Field("+w:2", children=[Field("g", "xy")])])),
            Node(2, [None, offsets], [Node(5, [None], [Node(10, [None, coords])])]),
        )
        array = sharply.from_arrow(source)
        np.testing.assert_allclose(sharply.length(array), [5.0, 2.0])
        exported = read(array.__arrow_c_array__())
        assert exported.buffers[1] == offsets.ctypes.data
        assert exported.children[0].children[0].buffers[1] == coords.ctypes.data

    def test_separated_coordinates_with_z_and_an_offset(self):
        x, y, z = np.arange(5.0), np.arange(5.0) * 10, np.arange(5.0) * 100
        struct = Field("+s", children=[Field("g", "x"), Field("g", "y"), Field("g", "z")])
        source = Producer(
            geoarrow("geoarrow.point", struct),
            Node(3, [None], [Node(5, [None, v]) for v in (x, y, z)], offset=2),
        )
        array = sharply.from_arrow(source)
        assert as_shapely_wkt(array) == ["POINT Z (2 20 200)", "POINT Z (3 30 300)", "POINT Z (4 40 400)"]

    @pytest.mark.parametrize("geometry_type", ["point", "Point", 0])
    def test_bare_layout_needs_the_geometry_type(self, geometry_type):
        field = Field("+w:2", children=[Field("g", "xy")])
        node = Node(2, [None], [Node(4, [None, np.array([1.0, 2, 3, 4])])])
        with pytest.raises(InvalidLayoutError, match="pass the geometry type"):
            sharply.from_arrow(Producer(field, node))
        array = sharply.from_arrow(Producer(field, node), geometry_type=geometry_type)
        assert as_shapely_wkt(array) == ["POINT (1 2)", "POINT (3 4)"]

    @pytest.mark.parametrize("geometry_type, error", [("curve", ValueError), (2, ValueError), (7, ValueError), (1.5, TypeError)])
    def test_bad_geometry_type(self, geometry_type, error):
        field = Field("+w:2", children=[Field("g", "xy")])
        with pytest.raises(error, match="geometry_type"):
            sharply.from_arrow(Producer(field, Node(0, [None], [Node(0, [None, None])])), geometry_type=geometry_type)

    def test_bare_binary_is_wkb_and_utf8_is_wkt(self):
        point = shapely.wkt.loads("POINT (1 2)").wkb
        assert as_shapely_wkt(sharply.from_arrow(text_producer([point, None], extension=None, format="z"))) == [
            "POINT (1 2)",
            None,
        ]
        assert as_shapely_wkt(sharply.from_arrow(text_producer(["POINT (3 4)"], extension=None))) == ["POINT (3 4)"]

    def test_multi_chunk_streams_are_concatenated(self):
        field = geoarrow("geoarrow.point", Field("+w:2", children=[Field("g", "xy")]), crs="OGC:CRS84")
        chunks = [Node(2, [None], [Node(4, [None, np.array([0.0, 1, 2, 3])])]), Node(1, [None], [Node(2, [None, np.array([9.0, 8])])])]
        source = StreamProducer(field, chunks)
        array = sharply.from_arrow(source)
        assert array.crs == "OGC:CRS84"
        assert as_shapely_wkt(array) == ["POINT (0 1)", "POINT (2 3)", "POINT (9 8)"]
        # The chunks were copied: every release already ran.
        assert (source.stream_releases, source.schema_releases, source.array_releases) == (1, 1, 2)


class TestRequestedSchema:
    def test_separated_coordinates(self):
        array = sharply.points([[1, 2, 3], [4, 5, 6]])
        struct = Field("+s", children=[Field("g", "x"), Field("g", "y"), Field("g", "z")])
        exported = read(array.__arrow_c_array__(requested(geoarrow("geoarrow.point", struct))))
        assert exported.format == "+s" and [c.name for c in exported.children] == ["x", "y", "z"]
        assert [list(c.values(np.float64, 2)) for c in exported.children] == [[1, 4], [2, 5], [3, 6]]
        assert as_shapely_wkt(sharply.from_arrow(StreamOnly(array))) == ["POINT Z (1 2 3)", "POINT Z (4 5 6)"]

    def test_the_stream_honours_the_request(self):
        array = sharply.points([[1, 2], [3, 4]])

        class Request:
            def __arrow_c_stream__(self, requested_schema=None):
                return array.__arrow_c_stream__(requested(Field("u", metadata={EXTENSION: "geoarrow.wkt"})))

        copy = sharply.from_arrow(Request())
        assert as_shapely_wkt(copy) == ["POINT (1 2)", "POINT (3 4)"]

    def test_interleaved_request_is_the_default_layout(self):
        array = sharply.points([[1, 2], [3, 4]])
        request = requested(geoarrow("geoarrow.point", Field("+w:2", children=[Field("g", "xy")])))
        exported = read(array.__arrow_c_array__(request))
        assert exported.format == "+w:2"
        assert list(exported.children[0].values(np.float64, 4)) == [1, 2, 3, 4]

    @pytest.mark.parametrize(
        "field, message",
        [
            (Field("i"), "not a GeoArrow type"),
            (geoarrow("geoarrow.linestring", Field("+l", children=[Field("+w:2", children=[Field("g")])])), "cannot export a Point array"),
            (Field("u", metadata={EXTENSION: "geoarrow.wkb"}), "only 'z' is supported"),
            (geoarrow("geoarrow.point", Field("+w:3", children=[Field("g")])), "do not match this array's 2 dimensions"),
        ],
    )
    def test_incompatible_requests_raise(self, field, message):
        array = sharply.points([[1, 2], [3, 4]])
        with pytest.raises(InvalidLayoutError, match=message):
            array.__arrow_c_array__(requested(field))
        with pytest.raises(InvalidLayoutError, match=message):
            array.__arrow_c_stream__(requested(field))

    def test_request_must_be_a_schema_capsule(self):
        array = sharply.points([[1, 2]])
        with pytest.raises(TypeError, match="requested_schema must be a PyCapsule named 'arrow_schema', got 'str'"):
            array.__arrow_c_array__("geoarrow.wkb")
        with pytest.raises(TypeError, match="got a PyCapsule named 'arrow_array_stream'"):
            array.__arrow_c_array__(array.__arrow_c_stream__())


def line_producer(offsets, vertices):
    point = Field("+w:2", children=[Field("g", "xy")])
    field = geoarrow("geoarrow.linestring", Field("+l", children=[point]))
    values = Node(2 * vertices, [None, np.arange(2.0 * vertices)])
    return Producer(field, Node(len(offsets) - 1, [None, np.asarray(offsets, np.int32)], [Node(vertices, [None], [values])]))


POINT = Field("+w:2", children=[Field("g", "xy")])
XY = Node(4, [None, np.arange(4.0)])

BAD_PRODUCERS = {
    "decreasing offsets": (line_producer([0, 3, 2], 3), "offsets decrease at index 2 \\(3 then 2\\)"),
    "offsets out of range": (line_producer([0, 2, 99], 3), "offsets reference 99 coordinates but the coordinate buffer holds 3"),
    "negative offsets": (line_producer([-1, 2], 3), "offsets start at -1"),
    "short coordinate buffer": (
        Producer(geoarrow("geoarrow.point", POINT), Node(10, [None], [Node(6, [None, np.arange(6.0)])])),
        "hold 6 values, 20 needed",
    ),
    "unknown coordinate format": (
        Producer(geoarrow("geoarrow.point", Field("+w:2", children=[Field("f", "xy")])), Node(2, [None], [XY])),
        "must be float64 \\('g'\\), not 'f'",
    ),
    "unknown storage format": (
        Producer(geoarrow("geoarrow.point", Field("i")), Node(2, [None, np.arange(2, dtype=np.int32)])),
        "coordinates must be a FixedSizeList or a Struct, not 'i'",
    ),
    "unknown extension": (Producer(geoarrow("geoarrow.curve", POINT), Node(2, [None], [XY])), "unsupported GeoArrow extension type 'geoarrow.curve'"),
    "wrong child count": (Producer(geoarrow("geoarrow.point", POINT), Node(2, [None], [XY, XY])), "has 2 children, 1 expected"),
    "schema child count": (
        Producer(geoarrow("geoarrow.point", Field("+s", children=[Field("g", "x")])), Node(2, [None], [XY])),
        "unsupported coordinate dimensions \\(1 values\\)",
    ),
    "wrong buffer count": (Producer(geoarrow("geoarrow.point", POINT), Node(2, [None, None], [XY])), "has 2 buffers, 1 expected"),
    "nulls without a bitmap": (Producer(geoarrow("geoarrow.point", POINT), Node(2, [None], [XY], null_count=1)), "1 nulls but no validity bitmap"),
    "negative length": (Producer(geoarrow("geoarrow.point", POINT), Node(-1, [None], [XY])), "has length -1"),
    "decreasing wkb offsets": (
        Producer(geoarrow("geoarrow.wkb", Field("z")), Node(2, [None, np.array([0, 4, 2], np.int32), b"\0" * 4])),
        "value offsets decrease at index 2 \\(4 then 2\\)",
    ),
    "wkt stored as binary": (Producer(geoarrow("geoarrow.wkt", Field("z")), Node(0, [None, np.zeros(1, np.int32), b""])), "cannot be stored with format 'z'"),
}


class TestBadProducers:
    @pytest.mark.parametrize("name", sorted(BAD_PRODUCERS))
    def test_raises_cleanly_and_releases_once(self, name):
        source, message = BAD_PRODUCERS[name]
        with pytest.raises(InvalidLayoutError, match=message):
            sharply.from_arrow(source)
        collect()
        assert (source.exports, source.schema_releases, source.array_releases) == (1, 1, 1)

    def test_a_moved_array_cannot_be_imported_twice(self):
        schema, array = sharply.points([[1, 2]]).__arrow_c_array__()

        class Twice:
            def __arrow_c_array__(self, requested_schema=None):
                return schema, array

        sharply.from_arrow(Twice())
        with pytest.raises(InvalidLayoutError, match="already been released"):
            sharply.from_arrow(Twice())

    @pytest.mark.parametrize(
        "result, message",
        [
            (lambda s, a: [s, a], "must return a tuple \\(schema capsule, array capsule\\), got 'list'"),
            (lambda s, a: (s,), "must return a tuple"),
            (lambda s, a: (a, s), "item 0 returned by __arrow_c_array__\\(\\) must be a PyCapsule named 'arrow_schema', got a PyCapsule named 'arrow_array'"),
            (lambda s, a: (s, 1), "item 1 returned by __arrow_c_array__\\(\\) must be a PyCapsule named 'arrow_array', got 'int'"),
        ],
    )
    def test_capsule_names_are_checked(self, result, message):
        capsules = sharply.points([[1, 2]]).__arrow_c_array__()

        class Wrong:
            def __arrow_c_array__(self, requested_schema=None):
                return result(*capsules)

        with pytest.raises(TypeError, match=message):
            sharply.from_arrow(Wrong())

    def test_stream_capsule_name_is_checked(self):
        class Wrong:
            def __arrow_c_stream__(self, requested_schema=None):
                return sharply.points([[1, 2]]).__arrow_c_schema__()

        with pytest.raises(TypeError, match="the object returned by __arrow_c_stream__\\(\\) must be a PyCapsule named 'arrow_array_stream'"):
            sharply.from_arrow(Wrong())

    def test_not_a_producer(self):
        with pytest.raises(TypeError, match="expects an Arrow array or stream .* not 'list'"):
            sharply.from_arrow([1, 2])

    def test_producer_errors_propagate(self):
        class Failing:
            def __arrow_c_array__(self, requested_schema=None):
                raise RuntimeError("producer failed")

        with pytest.raises(RuntimeError, match="producer failed"):
            sharply.from_arrow(Failing())

    def test_stream_errors_and_bad_chunks_release_everything(self):
        field = geoarrow("geoarrow.point", POINT)
        failing = StreamProducer(field, [Node(2, [None], [XY]), Node(2, [None], [XY])], fail_at=1)
        with pytest.raises(InvalidLayoutError, match="get_next failed with error 5: chunk unavailable"):
            sharply.from_arrow(failing)
        bad = StreamProducer(field, [Node(2, [None], [XY]), Node(5, [None], [XY])])
        with pytest.raises(InvalidLayoutError, match="hold 4 values, 10 needed"):
            sharply.from_arrow(bad)
        collect()
        for source in (failing, bad):
            assert (source.stream_releases, source.schema_releases, source.array_releases) == (1, 1, source._next)


class TestExportLifetime:
    def test_unconsumed_capsules_release_their_structs(self):
        collect()
        before = live_exports()
        array = sharply.points([[1, 2], [3, 4]])
        capsules = [array.__arrow_c_schema__(), array.__arrow_c_array__(), array.__arrow_c_stream__(), array.__arrow_c_array__(wkb_request())]
        assert live_exports() > before
        del capsules
        assert live_exports() == before

    def test_consumed_capsules_release_once_the_import_is_gone(self):
        collect()
        before = live_exports()
        copy = sharply.from_arrow(sharply.points([[1, 2], [3, 4]]))
        assert live_exports() == before + 2  # the moved array and its coordinate child
        del copy
        collect()
        assert live_exports() == before

    def test_exported_memory_outlives_the_array(self):
        array = sharply.points([[1, 2], [3, 4]])
        capsules = array.__arrow_c_array__()
        address = read(capsules).children[0].buffers[1]
        del array
        collect()
        assert list(read(capsules).children[0].values(np.float64, 4)) == [1, 2, 3, 4]
        assert read(capsules).children[0].buffers[1] == address


def test_functions_accept_arrow_producers():
    source = text_producer(["LINESTRING (0 0, 3 4)", None])
    np.testing.assert_array_equal(sharply.length(StreamOnly(sharply.from_arrow(source))), [5.0, np.nan])
