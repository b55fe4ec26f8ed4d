"""Measures of geometries: geometry -> float64, bounds."""

import math
from typing import overload

from ._native import native
from ._sharply import Geometry
from ._typing import FloatArray, GeometryArrayLike, GeometryLike

__all__ = [
    "area",
    "bounds",
    "distance",
    "frechet_distance",
    "hausdorff_distance",
    "length",
    "minimum_bounding_radius",
    "minimum_clearance",
    "total_bounds",
]


@overload
def area(geometry: Geometry | None) -> float: ...
@overload
def area(geometry: GeometryArrayLike) -> FloatArray: ...

@native
def area(geometry: GeometryLike) -> float | FloatArray:
    """Compute the area of each geometry.

    Points and lines have zero area; missing geometries (None) give NaN.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    float or numpy.ndarray of float64
        A float for a single geometry, else an array sharing memory with Sharply's result.

    Examples
    --------
    >>> import sharply
    >>> sharply.area(sharply.points(1.0, 2.0))
    0.0
    >>> sharply.area(None)
    nan
    """


@overload
def length(geometry: Geometry | None) -> float: ...
@overload
def length(geometry: GeometryArrayLike) -> FloatArray: ...

@native
def length(geometry: GeometryLike) -> float | FloatArray:
    """Compute the length of each geometry.

    Lines give their length, polygons the perimeter of all their rings, points zero; missing
    geometries (None) give NaN.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    float or numpy.ndarray of float64

    Examples
    --------
    >>> import sharply
    >>> sharply.length(sharply.points(1.0, 2.0))
    0.0
    """


@overload
def distance(a: Geometry | None, b: Geometry | None) -> float: ...
@overload
def distance(a: GeometryArrayLike, b: GeometryLike) -> FloatArray: ...
@overload
def distance(a: GeometryLike, b: GeometryArrayLike) -> FloatArray: ...

@native
def distance(a: GeometryLike, b: GeometryLike) -> float | FloatArray:
    """Compute the Cartesian distance between pairs of geometries.

    Arrays are paired element-wise; a single geometry is broadcast against an array. Missing or empty
    geometries give NaN.

    Parameters
    ----------
    a, b : Geometry or array_like of geometries

    Returns
    -------
    float or numpy.ndarray of float64

    Examples
    --------
    >>> import sharply
    >>> sharply.distance(sharply.points(0.0, 0.0), sharply.points(3.0, 4.0))
    5.0
    """


@native
def bounds(geometry: GeometryLike) -> FloatArray:
    """Compute the bounds (xmin, ymin, xmax, ymax) of each geometry.

    Empty and missing geometries give NaN bounds.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    numpy.ndarray of float64
        Shape (N, 4) for an array, (4,) for a single geometry.

    Examples
    --------
    >>> import sharply
    >>> sharply.bounds(sharply.points(1.0, 2.0)).tolist()
    [1.0, 2.0, 1.0, 2.0]
    >>> sharply.bounds(sharply.points([[0, 0], [3, 4]])).tolist()
    [[0.0, 0.0, 0.0, 0.0], [3.0, 4.0, 3.0, 4.0]]
    """


@native
def total_bounds(geometry: GeometryLike) -> FloatArray:
    """Compute the bounds (xmin, ymin, xmax, ymax) of all geometries together.

    Empty and missing geometries are ignored; NaN when none has coordinates.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    numpy.ndarray of float64, shape (4,)

    Examples
    --------
    >>> import sharply
    >>> sharply.total_bounds(sharply.points([[0, 1], [3, 4]])).tolist()
    [0.0, 1.0, 3.0, 4.0]
    """


@overload
def hausdorff_distance(a: Geometry | None, b: Geometry | None) -> float: ...
@overload
def hausdorff_distance(a: GeometryArrayLike, b: GeometryLike) -> FloatArray: ...
@overload
def hausdorff_distance(a: GeometryLike, b: GeometryArrayLike) -> FloatArray: ...

@native
def hausdorff_distance(a: GeometryLike, b: GeometryLike) -> float | FloatArray:
    """Compute the discrete Hausdorff distance between pairs of geometries.

    The largest distance from a vertex of one geometry to the other geometry. Arrays are paired
    element-wise; a single geometry is broadcast against an array. Missing or empty geometries give NaN.

    Parameters
    ----------
    a, b : Geometry or array_like of geometries

    Returns
    -------
    float or numpy.ndarray of float64

    Examples
    --------
    >>> import sharply
    >>> sharply.hausdorff_distance(sharply.points([[0, 0], [3, 4]]), sharply.points(0.0, 0.0)).tolist()
    [0.0, 5.0]
    """


def _frechet_distance_stub(a, b, densify):
    """Native frechet_distance: densify as a float, NaN for None."""


_frechet_distance = native(_frechet_distance_stub, name="frechet_distance")


@overload
def frechet_distance(a: Geometry | None, b: Geometry | None, densify: float | None = ...) -> float: ...
@overload
def frechet_distance(a: GeometryArrayLike, b: GeometryLike, densify: float | None = ...) -> FloatArray: ...
@overload
def frechet_distance(a: GeometryLike, b: GeometryArrayLike, densify: float | None = ...) -> FloatArray: ...

def frechet_distance(a: GeometryLike, b: GeometryLike, densify: float | None = None) -> float | FloatArray:
    """Compute the discrete Fréchet distance between pairs of geometries.

    The shortest leash that lets one walker follow the vertices of ``a`` and another those of ``b``, both
    forwards. Arrays are paired element-wise; a single geometry is broadcast against an array. Missing or
    empty geometries give NaN.

    Parameters
    ----------
    a, b : Geometry or array_like of geometries
    densify : float, optional
        Split each segment into round(1 / densify) equal pieces first; in (0, 1].

    Returns
    -------
    float or numpy.ndarray of float64

    Examples
    --------
    >>> import sharply
    >>> a = sharply.from_wkt("LINESTRING (0 0, 100 0)")
    >>> b = sharply.from_wkt("LINESTRING (0 0, 50 50, 100 0)")
    >>> round(sharply.frechet_distance(a, b), 6)
    70.710678
    >>> sharply.frechet_distance(a, b, densify=0.5)
    50.0
    """
    if densify is not None and math.isnan(densify):
        raise ValueError("densify must be in (0, 1] or None, got nan")
    return _frechet_distance(a, b, math.nan if densify is None else float(densify))


@overload
def minimum_clearance(geometry: Geometry | None) -> float: ...
@overload
def minimum_clearance(geometry: GeometryArrayLike) -> FloatArray: ...

@native
def minimum_clearance(geometry: GeometryLike) -> float | FloatArray:
    """Compute the smallest distance a vertex of each geometry can move to make it invalid.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    float or numpy.ndarray of float64
        Infinity when no move can (a single point, empty geometries), NaN for missing ones.

    Examples
    --------
    >>> import sharply
    >>> sharply.minimum_clearance(sharply.from_wkt("POLYGON ((0 0, 4 0, 4 4, 2 0.5, 0 4, 0 0))"))
    0.5
    """


@overload
def minimum_bounding_radius(geometry: Geometry | None) -> float: ...
@overload
def minimum_bounding_radius(geometry: GeometryArrayLike) -> FloatArray: ...

@native
def minimum_bounding_radius(geometry: GeometryLike) -> float | FloatArray:
    """Compute the radius of the smallest circle enclosing each geometry.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    float or numpy.ndarray of float64
        0 for empty geometries, NaN for missing ones.

    Examples
    --------
    >>> import sharply
    >>> sharply.minimum_bounding_radius(sharply.from_wkt("MULTIPOINT ((0 0), (2 0))"))
    1.0
    """
