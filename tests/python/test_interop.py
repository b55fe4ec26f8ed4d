"""Shapely and GeoPandas interop: round trips compared byte for byte with Shapely 1.8's WKB."""

import geopandas
import numpy as np
import pyproj
import pytest
import shapely.wkt
from shapely.geometry import LinearRing, MultiPoint, Point, Polygon

import sharply
from test_coordinates import FIXTURES

ALL = [shapely.wkt.loads(text) for name in sorted(FIXTURES) for text in FIXTURES[name]]


def assert_same_geometries(actual, expected):
    assert len(actual) == len(expected)
    for got, want in zip(actual, expected):
        if want is None:
            assert got is None
        else:
            assert got.wkb == want.wkb, (got.wkt, want.wkt)


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_round_trip_every_type(name):
    geometries = [shapely.wkt.loads(text) for text in FIXTURES[name]] + [None]
    array = sharply.from_shapely(geometries)
    assert isinstance(array, sharply.GeometryArray) and len(array) == len(geometries)
    back = sharply.to_shapely(array)
    assert isinstance(back, np.ndarray) and back.dtype == object
    assert_same_geometries(back, geometries)


def test_mixed_array_and_containers():
    expected = ALL + [None]
    objects = np.empty(len(expected), dtype=object)
    for i, geometry in enumerate(expected):
        objects[i] = geometry
    for container in (expected, tuple(expected), objects):
        assert_same_geometries(sharply.to_shapely(sharply.from_shapely(container)), expected)


def test_scalars():
    point = sharply.from_shapely(Point(1, 2, 3))
    assert isinstance(point, sharply.Geometry)
    assert sharply.to_shapely(point).wkb == Point(1, 2, 3).wkb
    assert sharply.from_shapely(None) is None
    assert sharply.to_shapely(None) is None


def test_functions_accept_shapely_geometries_and_lists():
    polygons = [Polygon([(0, 0), (2, 0), (2, 3)]), None, Polygon([(0, 0), (1, 0), (1, 1), (0, 1)])]
    np.testing.assert_array_equal(sharply.area(polygons), [3.0, np.nan, 1.0])
    assert sharply.area(polygons[0]) == 3.0
    np.testing.assert_array_equal(sharply.get_coordinates(MultiPoint([(0, 0), (1, 2)])), [[0, 0], [1, 2]])


def test_constructors_accept_shapely_geometries():
    multipoint = sharply.multipoints([Point(0, 0), None, Point(1, 1)])
    assert sharply.to_shapely(multipoint).wkb == MultiPoint([(0, 0), (1, 1)]).wkb
    rings = [LinearRing([(0, 0), (4, 0), (4, 4), (0, 4)]), LinearRing([(1, 1), (2, 1), (2, 2)])]
    polygon = sharply.polygons(rings, indices=[0, 0])
    assert sharply.to_shapely(polygon[0]).wkb == Polygon(rings[0], [rings[1]]).wkb


@pytest.mark.parametrize("bad", [[1, 2], np.arange(3.0), "POINT (0 0)"])
def test_non_geometries_are_type_errors(bad):
    with pytest.raises(TypeError, match="geometry: expected geometries"):
        sharply.area(bad)


class TestGeoPandas:
    def test_from_geopandas_keeps_values_and_crs(self):
        frame = geopandas.read_file(geopandas.datasets.get_path("naturalearth_lowres"))
        array = sharply.from_geopandas(frame)
        assert array.crs == "EPSG:4326"
        np.testing.assert_allclose(sharply.area(array), frame.geometry.area.to_numpy())
        np.testing.assert_allclose(sharply.area(frame.geometry), frame.geometry.area.to_numpy())

    def test_round_trip(self):
        series = geopandas.GeoSeries.from_file(geopandas.datasets.get_path("nybb"))
        series.iloc[1] = None
        back = sharply.to_geopandas(sharply.from_geopandas(series), index=series.index)
        assert isinstance(back, geopandas.GeoSeries)
        assert back.crs == series.crs
        assert_same_geometries(back.to_numpy(), series.to_numpy())

    def test_crs_without_authority_round_trips(self):
        crs = pyproj.CRS.from_proj4("+proj=tmerc +lat_0=1 +lon_0=3.5 +k=0.9 +x_0=1000 +y_0=7 +ellps=GRS80 +units=m")
        series = geopandas.GeoSeries([Point(0, 0)], crs=crs)
        array = sharply.from_geopandas(series)
        assert pyproj.CRS(array.crs) == crs
        assert sharply.to_geopandas(array).crs == crs

    def test_to_geopandas_needs_an_array(self):
        with pytest.raises(TypeError, match="needs a GeometryArray"):
            sharply.to_geopandas(sharply.points(0.0, 0.0))
