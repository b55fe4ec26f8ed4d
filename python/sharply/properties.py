"""Per-geometry facts: type ids, counts, point coordinates, emptiness, validity."""

from typing import overload

from ._native import native
from ._sharply import Geometry
from ._typing import BoolArray, FloatArray, GeometryArrayLike, GeometryLike, IntArray, ObjectArray

__all__ = [
    "get_coordinate_dimension",
    "get_dimensions",
    "get_num_coordinates",
    "get_num_geometries",
    "get_num_interior_rings",
    "get_num_points",
    "get_type_id",
    "get_x",
    "get_y",
    "get_z",
    "has_z",
    "is_ccw",
    "is_closed",
    "is_empty",
    "is_geometry",
    "is_missing",
    "is_ring",
    "is_simple",
    "is_valid",
    "is_valid_reason",
]


@overload
def get_type_id(geometry: Geometry | None) -> int: ...
@overload
def get_type_id(geometry: GeometryArrayLike) -> IntArray: ...

@native
def get_type_id(geometry: GeometryLike) -> int | IntArray:
    """Return the type id of each geometry.

    Point 0, LineString 1, LinearRing 2, Polygon 3, MultiPoint 4, MultiLineString 5, MultiPolygon 6,
    GeometryCollection 7; missing geometries give -1.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    int or numpy.ndarray of int32

    Examples
    --------
    >>> import sharply
    >>> sharply.get_type_id(sharply.points(0.0, 0.0))
    0
    >>> sharply.get_type_id(None)
    -1
    """


@overload
def get_num_points(geometry: Geometry | None) -> int: ...
@overload
def get_num_points(geometry: GeometryArrayLike) -> IntArray: ...

@native
def get_num_points(geometry: GeometryLike) -> int | IntArray:
    """Return the number of vertices of each LineString (0 for every other type and for missing ones).

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    int or numpy.ndarray of int32

    Examples
    --------
    >>> import sharply
    >>> sharply.get_num_points(sharply.points(0.0, 0.0))
    0
    """


@overload
def get_num_coordinates(geometry: Geometry | None) -> int: ...
@overload
def get_num_coordinates(geometry: GeometryArrayLike) -> IntArray: ...

@native
def get_num_coordinates(geometry: GeometryLike) -> int | IntArray:
    """Return the number of coordinates of each geometry (0 for empty and missing geometries).

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    int or numpy.ndarray of int32

    Examples
    --------
    >>> import sharply
    >>> sharply.get_num_coordinates(sharply.buffer(sharply.points(0.0, 0.0), 1.0, quad_segs=1))
    5
    """


@overload
def get_num_geometries(geometry: Geometry | None) -> int: ...
@overload
def get_num_geometries(geometry: GeometryArrayLike) -> IntArray: ...

@native
def get_num_geometries(geometry: GeometryLike) -> int | IntArray:
    """Return the number of parts of each multi-geometry or collection (1 for single geometries).

    Missing geometries give 0.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    int or numpy.ndarray of int32

    Examples
    --------
    >>> import sharply
    >>> sharply.get_num_geometries(sharply.points(0.0, 0.0))
    1
    """


@overload
def get_num_interior_rings(geometry: Geometry | None) -> int: ...
@overload
def get_num_interior_rings(geometry: GeometryArrayLike) -> IntArray: ...

@native
def get_num_interior_rings(geometry: GeometryLike) -> int | IntArray:
    """Return the number of holes of each Polygon (0 for every other type and for missing ones).

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    int or numpy.ndarray of int32

    Examples
    --------
    >>> import sharply
    >>> sharply.get_num_interior_rings(sharply.buffer(sharply.points(0.0, 0.0), 1.0))
    0
    """


@overload
def get_x(point: Geometry | None) -> float: ...
@overload
def get_x(point: GeometryArrayLike) -> FloatArray: ...

@native
def get_x(point: GeometryLike) -> float | FloatArray:
    """Return the x coordinate of each Point (NaN for other types, empty and missing geometries).

    Parameters
    ----------
    point : Geometry or array_like of geometries

    Returns
    -------
    float or numpy.ndarray of float64

    Examples
    --------
    >>> import sharply
    >>> sharply.get_x(sharply.points([[1, 2], [3, 4]])).tolist()
    [1.0, 3.0]
    """


@overload
def get_y(point: Geometry | None) -> float: ...
@overload
def get_y(point: GeometryArrayLike) -> FloatArray: ...

@native
def get_y(point: GeometryLike) -> float | FloatArray:
    """Return the y coordinate of each Point (NaN for other types, empty and missing geometries).

    Parameters
    ----------
    point : Geometry or array_like of geometries

    Returns
    -------
    float or numpy.ndarray of float64

    Examples
    --------
    >>> import sharply
    >>> sharply.get_y(sharply.points(1.0, 2.0))
    2.0
    """


@overload
def get_z(point: Geometry | None) -> float: ...
@overload
def get_z(point: GeometryArrayLike) -> FloatArray: ...

@native
def get_z(point: GeometryLike) -> float | FloatArray:
    """Return the z coordinate of each Point (NaN for other types, points without z, empty and missing geometries).

    Parameters
    ----------
    point : Geometry or array_like of geometries

    Returns
    -------
    float or numpy.ndarray of float64

    Examples
    --------
    >>> import sharply
    >>> sharply.get_z(sharply.points(1.0, 2.0, 3.0))
    3.0
    >>> sharply.get_z(sharply.points(1.0, 2.0))
    nan
    """


@overload
def get_dimensions(geometry: Geometry | None) -> int: ...
@overload
def get_dimensions(geometry: GeometryArrayLike) -> IntArray: ...

@native
def get_dimensions(geometry: GeometryLike) -> int | IntArray:
    """Return the inherent dimension of each geometry: 0 for points, 1 for lines, 2 for polygons.

    A collection has the highest dimension of its members; empty collections and missing geometries give -1.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    int or numpy.ndarray of int32

    Examples
    --------
    >>> import sharply
    >>> sharply.get_dimensions(sharply.from_wkt(["POINT (0 0)", "GEOMETRYCOLLECTION (POINT (0 0), LINESTRING (0 0, 1 1))"])).tolist()
    [0, 1]
    >>> sharply.get_dimensions(sharply.from_wkt("GEOMETRYCOLLECTION EMPTY")), sharply.get_dimensions(None)
    (-1, -1)
    """


@overload
def get_coordinate_dimension(geometry: Geometry | None) -> int: ...
@overload
def get_coordinate_dimension(geometry: GeometryArrayLike) -> IntArray: ...

@native
def get_coordinate_dimension(geometry: GeometryLike) -> int | IntArray:
    """Return the number of values per coordinate of each geometry: 3 with z, 2 without (-1 for missing geometries).

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    int or numpy.ndarray of int32

    Examples
    --------
    >>> import sharply
    >>> sharply.get_coordinate_dimension(sharply.from_wkt(["POINT (0 0)", "POINT Z (0 0 1)", None])).tolist()
    [2, 3, -1]
    """


@overload
def is_empty(geometry: Geometry | None) -> bool: ...
@overload
def is_empty(geometry: GeometryArrayLike) -> BoolArray: ...

@native
def is_empty(geometry: GeometryLike) -> bool | BoolArray:
    """Return True for geometries without coordinates (False for missing geometries).

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    bool or numpy.ndarray of bool

    Examples
    --------
    >>> import sharply
    >>> sharply.is_empty(sharply.points(0.0, 0.0))
    False
    >>> sharply.is_empty(None)
    False
    """


@overload
def is_valid(geometry: Geometry | None) -> bool: ...
@overload
def is_valid(geometry: GeometryArrayLike) -> BoolArray: ...

@native
def is_valid(geometry: GeometryLike) -> bool | BoolArray:
    """Return True for geometries valid in the OGC sense (False for missing geometries).

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    bool or numpy.ndarray of bool

    Examples
    --------
    >>> import sharply
    >>> sharply.is_valid(sharply.buffer(sharply.points(0.0, 0.0), 1.0))
    True
    """


@overload
def is_valid_reason(geometry: Geometry | None) -> str | None: ...
@overload
def is_valid_reason(geometry: GeometryArrayLike) -> ObjectArray: ...

@native
def is_valid_reason(geometry: GeometryLike) -> str | None | ObjectArray:
    """Return why each geometry is invalid, in GEOS's words ("Valid Geometry" when it is valid).

    Missing geometries give None.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    str, None or numpy.ndarray of object

    Examples
    --------
    >>> import sharply
    >>> sharply.is_valid_reason(sharply.points(0.0, 0.0))
    'Valid Geometry'
    >>> sharply.is_valid_reason(None) is None
    True
    """


@overload
def is_simple(geometry: Geometry | None) -> bool: ...
@overload
def is_simple(geometry: GeometryArrayLike) -> BoolArray: ...

@native
def is_simple(geometry: GeometryLike) -> bool | BoolArray:
    """Return True for geometries simple in the OGC sense (no self-intersection; False for missing ones).

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    bool or numpy.ndarray of bool

    Examples
    --------
    >>> import sharply
    >>> sharply.is_simple(sharply.points(0.0, 0.0))
    True
    """


@overload
def is_ring(geometry: Geometry | None) -> bool: ...
@overload
def is_ring(geometry: GeometryArrayLike) -> BoolArray: ...

@native
def is_ring(geometry: GeometryLike) -> bool | BoolArray:
    """Return True for LineStrings that are closed and simple.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    bool or numpy.ndarray of bool

    Examples
    --------
    >>> import sharply
    >>> sharply.is_ring(sharply.boundary(sharply.buffer(sharply.points(0.0, 0.0), 1.0)))
    True
    """


@overload
def is_closed(geometry: Geometry | None) -> bool: ...
@overload
def is_closed(geometry: GeometryArrayLike) -> BoolArray: ...

@native
def is_closed(geometry: GeometryLike) -> bool | BoolArray:
    """Return True for LineStrings and MultiLineStrings whose lines end where they start.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    bool or numpy.ndarray of bool

    Examples
    --------
    >>> import sharply
    >>> sharply.is_closed(sharply.points(0.0, 0.0))
    False
    """


@overload
def has_z(geometry: Geometry | None) -> bool: ...
@overload
def has_z(geometry: GeometryArrayLike) -> BoolArray: ...

@native
def has_z(geometry: GeometryLike) -> bool | BoolArray:
    """Return True for geometries with z coordinates.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    bool or numpy.ndarray of bool

    Examples
    --------
    >>> import sharply
    >>> sharply.has_z(sharply.points(0.0, 0.0, 1.0))
    True
    """


@overload
def is_missing(geometry: Geometry | None) -> bool: ...
@overload
def is_missing(geometry: GeometryArrayLike) -> BoolArray: ...

@native
def is_missing(geometry: GeometryLike) -> bool | BoolArray:
    """Return True for missing geometries (None).

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    bool or numpy.ndarray of bool

    Examples
    --------
    >>> import sharply
    >>> sharply.is_missing(None)
    True
    >>> sharply.is_missing(sharply.points(0.0, 0.0))
    False
    """


@overload
def is_geometry(geometry: Geometry | None) -> bool: ...
@overload
def is_geometry(geometry: GeometryArrayLike) -> BoolArray: ...

@native
def is_geometry(geometry: GeometryLike) -> bool | BoolArray:
    """Return True for geometries, False for missing ones (None): the opposite of ``is_missing``.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    bool or numpy.ndarray of bool

    Examples
    --------
    >>> import sharply
    >>> sharply.is_geometry(sharply.from_wkt(["POINT EMPTY", None])).tolist()
    [True, False]
    """


@overload
def is_ccw(geometry: Geometry | None) -> bool: ...
@overload
def is_ccw(geometry: GeometryArrayLike) -> BoolArray: ...

@native
def is_ccw(geometry: GeometryLike) -> bool | BoolArray:
    """Return True for LineStrings that turn counterclockwise, by GEOS's test at their highest vertex.

    Whether the line is closed and simple is not checked; other types and lines of fewer than 4 vertices
    give False.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    bool or numpy.ndarray of bool

    Examples
    --------
    >>> import sharply
    >>> sharply.is_ccw(sharply.from_wkt(["LINESTRING (0 0, 1 0, 1 1, 0 0)", "LINESTRING (0 0, 1 1, 1 0, 0 0)"])).tolist()
    [True, False]
    """
