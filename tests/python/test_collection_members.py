"""Geometry collections keep their multi-geometry members, against Shapely 1.8 (GEOS 3.11)."""

import numpy as np
import pytest
import shapely.wkb
import shapely.wkt

import sharply

WKTS = [
    "GEOMETRYCOLLECTION (MULTIPOINT (0 0, 1 1), LINESTRING (0 0, 1 1))",
    "GEOMETRYCOLLECTION (MULTIPOLYGON EMPTY, POINT (1 2))",
    "GEOMETRYCOLLECTION (MULTIPOINT EMPTY, MULTILINESTRING EMPTY, MULTIPOLYGON EMPTY)",
    "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1), POLYGON ((0 0, 4 0, 4 4, 0 0), (1 0.5, 3 0.5, 3 2.5, 1 0.5)), "
    "MULTIPOINT (5 5, 6 6), MULTILINESTRING ((0 0, 1 0), (2 2, 3 3, 4 2)), "
    "MULTIPOLYGON (((10 10, 11 10, 11 11, 10 10)), ((20 20, 22 20, 22 22, 20 20))))",
    "GEOMETRYCOLLECTION (MULTIPOINT (EMPTY, (1 1)), MULTILINESTRING (EMPTY, (0 0, 1 1)), MULTIPOLYGON (EMPTY, ((0 0, 1 0, 1 1, 0 0))))",
    "GEOMETRYCOLLECTION (MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0))), POLYGON ((5 5, 6 5, 6 6, 5 5)), MULTIPOLYGON EMPTY)",
    "GEOMETRYCOLLECTION Z (MULTIPOINT Z (0 0 1, 1 1 2), LINESTRING Z (0 0 3, 1 1 4))",
    "GEOMETRYCOLLECTION Z (MULTIPOLYGON Z (((0 0 1, 1 0 1, 1 1 1, 0 0 1))), MULTIPOINT EMPTY, POINT Z (1 2 3))",
    "GEOMETRYCOLLECTION (MULTILINESTRING ((0 0, 3 0)), MULTIPOINT (7 7))",
]
SHAPES = [shapely.wkt.loads(w) for w in WKTS]


def members(shape):
    """A collection's members as Shapely 1.8 sees them in its WKB (``geoms`` of an empty collection is [])."""
    return [] if shape.is_empty else list(shape.geoms)


@pytest.fixture(scope="module")
def array():
    return sharply.from_wkt(WKTS + [None])


def test_text_and_binary_match_geos(array):
    assert list(sharply.to_wkt(array[:-1], trim=True)) == [s.wkt for s in SHAPES]
    assert list(sharply.to_wkb(array[:-1], hex=True)) == [s.wkb_hex for s in SHAPES]
    assert list(sharply.to_wkb(sharply.from_wkb([s.wkb for s in SHAPES]), hex=True)) == [s.wkb_hex for s in SHAPES]


def test_num_geometries_counts_members(array):
    expected = [int.from_bytes(s.wkb[5:9], "little") for s in SHAPES] + [0]
    assert sharply.get_num_geometries(array).tolist() == expected
    assert expected[:3] == [2, 2, 3]


@pytest.mark.parametrize("index", range(len(WKTS)))
def test_geoms_are_the_members(index):
    geometry = sharply.from_wkt(WKTS[index])
    shape = SHAPES[index]
    if shape.is_empty:
        assert [g.wkt for g in geometry.geoms] == ["MULTIPOINT EMPTY", "MULTILINESTRING EMPTY", "MULTIPOLYGON EMPTY"]
        return
    assert [g.wkt for g in geometry.geoms] == [m.wkt for m in members(shape)]
    assert [g.geom_type for g in geometry.geoms] == [m.geom_type for m in members(shape)]


def test_measures_and_predicates_match_shapely(array):
    shapes = SHAPES + [None]
    np.testing.assert_allclose(sharply.area(array), [np.nan if s is None else s.area for s in shapes])
    np.testing.assert_allclose(sharply.length(array), [np.nan if s is None else s.length for s in shapes])
    expected_bounds = [[np.nan] * 4 if s is None or s.is_empty else list(s.bounds) for s in shapes]
    np.testing.assert_allclose(sharply.bounds(array), expected_bounds)
    box = shapely.wkt.loads("POLYGON ((0.5 -1, 2 -1, 2 0.5, 0.5 0.5, 0.5 -1))")
    other = sharply.from_wkt(box.wkt)
    assert sharply.intersects(array, other).tolist() == [s is not None and s.intersects(box) for s in shapes]


def test_shapely_round_trip_keeps_members(array):
    back = sharply.to_shapely(array)
    assert [None if g is None else g.wkb_hex for g in back] == [s.wkb_hex for s in SHAPES] + [None]
    again = sharply.from_shapely(back)
    assert list(sharply.to_wkb(again, hex=True)) == [s.wkb_hex for s in SHAPES] + [None]


def test_geojson_round_trip_keeps_members(array):
    assert list(sharply.to_wkb(sharply.from_geojson(sharply.to_geojson(array)), hex=True)) == list(
        sharply.to_wkb(array, hex=True)
    )


def test_arrow_round_trip_keeps_members(array):
    assert list(sharply.to_wkb(sharply.from_arrow(array), hex=True)) == list(sharply.to_wkb(array, hex=True))


def test_geometrycollections_keeps_multi_geometries():
    parts = sharply.from_wkt(["MULTIPOINT (0 0, 1 1)", "MULTIPOINT EMPTY", WKTS[0], "POINT (2 2)"])
    result = sharply.geometrycollections(parts, indices=[0, 0, 1, 1])
    assert list(sharply.to_wkt(result)) == [
        "GEOMETRYCOLLECTION (MULTIPOINT (0 0, 1 1), MULTIPOINT EMPTY)",
        "GEOMETRYCOLLECTION (MULTIPOINT (0 0, 1 1), LINESTRING (0 0, 1 1), POINT (2 2))",
    ]
    assert sharply.get_num_geometries(result).tolist() == [2, 3]


def test_nested_collections_are_flattened_into_their_members():
    geometry = sharply.from_wkt("GEOMETRYCOLLECTION (GEOMETRYCOLLECTION (POINT (1 2), MULTIPOINT (3 4)), MULTIPOINT (1 1, 2 2))")
    assert geometry.wkt == "GEOMETRYCOLLECTION (POINT (1 2), MULTIPOINT (3 4), MULTIPOINT (1 1, 2 2))"
