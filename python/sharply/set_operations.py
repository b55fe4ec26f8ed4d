"""Boolean overlay of geometries (NetTopologySuite's OverlayNG), pairwise and over whole arrays.

Arrays are paired element-wise; a single geometry is broadcast against an array. Missing geometries
give missing results.
"""

from typing import overload

from ._native import native
from ._sharply import Geometry, GeometryArray
from ._typing import GeometryArrayLike, GeometryLike

__all__ = [
    "difference",
    "intersection",
    "intersection_all",
    "symmetric_difference",
    "symmetric_difference_all",
    "unary_union",
    "union",
    "union_all",
]


@overload
def intersection(a: Geometry, b: Geometry) -> Geometry: ...
@overload
def intersection(a: Geometry | None, b: Geometry | None) -> Geometry | None: ...
@overload
def intersection(a: GeometryArrayLike, b: GeometryLike) -> GeometryArray: ...
@overload
def intersection(a: GeometryLike, b: GeometryArrayLike) -> GeometryArray: ...

@native
def intersection(a: GeometryLike, b: GeometryLike) -> Geometry | None | GeometryArray:
    """Compute the points shared by ``a`` and ``b``.

    Parameters
    ----------
    a, b : Geometry or array_like of geometries

    Returns
    -------
    Geometry or GeometryArray

    Examples
    --------
    >>> import sharply
    >>> squares = sharply.buffer(sharply.points([[0.0, 0.0], [1.0, 1.0]]), 1.0, cap_style="square")
    >>> sharply.intersection(squares[0], squares[1]).area
    1.0
    """


@overload
def union(a: Geometry, b: Geometry) -> Geometry: ...
@overload
def union(a: Geometry | None, b: Geometry | None) -> Geometry | None: ...
@overload
def union(a: GeometryArrayLike, b: GeometryLike) -> GeometryArray: ...
@overload
def union(a: GeometryLike, b: GeometryArrayLike) -> GeometryArray: ...

@native
def union(a: GeometryLike, b: GeometryLike) -> Geometry | None | GeometryArray:
    """Compute the points of ``a``, ``b`` or both.

    Parameters
    ----------
    a, b : Geometry or array_like of geometries

    Returns
    -------
    Geometry or GeometryArray

    Examples
    --------
    >>> import sharply
    >>> squares = sharply.buffer(sharply.points([[0.0, 0.0], [1.0, 1.0]]), 1.0, cap_style="square")
    >>> sharply.union(squares[0], squares[1]).area
    7.0
    """


@overload
def difference(a: Geometry, b: Geometry) -> Geometry: ...
@overload
def difference(a: Geometry | None, b: Geometry | None) -> Geometry | None: ...
@overload
def difference(a: GeometryArrayLike, b: GeometryLike) -> GeometryArray: ...
@overload
def difference(a: GeometryLike, b: GeometryArrayLike) -> GeometryArray: ...

@native
def difference(a: GeometryLike, b: GeometryLike) -> Geometry | None | GeometryArray:
    """Compute the points of ``a`` that are not in ``b``.

    Parameters
    ----------
    a, b : Geometry or array_like of geometries

    Returns
    -------
    Geometry or GeometryArray

    Examples
    --------
    >>> import sharply
    >>> squares = sharply.buffer(sharply.points([[0.0, 0.0], [1.0, 1.0]]), 1.0, cap_style="square")
    >>> sharply.difference(squares[0], squares[1]).area
    3.0
    """


@overload
def symmetric_difference(a: Geometry, b: Geometry) -> Geometry: ...
@overload
def symmetric_difference(a: Geometry | None, b: Geometry | None) -> Geometry | None: ...
@overload
def symmetric_difference(a: GeometryArrayLike, b: GeometryLike) -> GeometryArray: ...
@overload
def symmetric_difference(a: GeometryLike, b: GeometryArrayLike) -> GeometryArray: ...

@native
def symmetric_difference(a: GeometryLike, b: GeometryLike) -> Geometry | None | GeometryArray:
    """Compute the points in exactly one of ``a`` and ``b``.

    Parameters
    ----------
    a, b : Geometry or array_like of geometries

    Returns
    -------
    Geometry or GeometryArray

    Examples
    --------
    >>> import sharply
    >>> squares = sharply.buffer(sharply.points([[0.0, 0.0], [1.0, 1.0]]), 1.0, cap_style="square")
    >>> sharply.symmetric_difference(squares[0], squares[1]).area
    6.0
    """


def _union_all_stub(geometries):
    """Native union_all of all rows."""


def _intersection_all_stub(geometries):
    """Native intersection_all of all rows."""


_union_all = native(_union_all_stub, name="union_all")
_intersection_all = native(_intersection_all_stub, name="intersection_all")


def _symmetric_difference_all_stub(geometries):
    """Native symmetric_difference_all of all rows."""


_symmetric_difference_all = native(_symmetric_difference_all_stub, name="symmetric_difference_all")


def _check_axis(axis):
    # GeometryArrays are one-dimensional: axis 0 (or -1) is the whole array, as is None.
    if axis not in (None, 0, -1):
        raise ValueError(f"axis {axis} is out of bounds for a one-dimensional GeometryArray")


def union_all(geometries: GeometryLike, axis: int | None = None) -> Geometry:
    """Compute the union of all geometries.

    Missing geometries are ignored; with none left the result is GEOMETRYCOLLECTION EMPTY.

    Parameters
    ----------
    geometries : Geometry or array_like of geometries
    axis : int or None, default None
        GeometryArrays are one-dimensional: None, 0 and -1 all reduce the whole array.

    Returns
    -------
    Geometry

    Examples
    --------
    >>> import sharply
    >>> squares = sharply.buffer(sharply.points([[0.0, 0.0], [1.0, 1.0], [5.0, 5.0]]), 1.0, cap_style="square")
    >>> u = sharply.union_all(squares)
    >>> u.geom_type, u.area
    ('MultiPolygon', 11.0)
    """
    _check_axis(axis)
    return _union_all(geometries)


unary_union = union_all


def intersection_all(geometries: GeometryLike, axis: int | None = None) -> Geometry:
    """Compute the intersection of all geometries.

    Missing geometries are ignored; with none left the result is GEOMETRYCOLLECTION EMPTY.

    Parameters
    ----------
    geometries : Geometry or array_like of geometries
    axis : int or None, default None
        GeometryArrays are one-dimensional: None, 0 and -1 all reduce the whole array.

    Returns
    -------
    Geometry

    Examples
    --------
    >>> import sharply
    >>> squares = sharply.buffer(sharply.points([[0.0, 0.0], [1.0, 1.0]]), 1.0, cap_style="square")
    >>> sharply.intersection_all(squares).area
    1.0
    """
    _check_axis(axis)
    return _intersection_all(geometries)


def symmetric_difference_all(geometries: GeometryLike, axis: int | None = None) -> Geometry:
    """Compute the symmetric difference of all geometries, folded in order.

    Missing geometries are ignored; with none left the result is GEOMETRYCOLLECTION EMPTY.

    Parameters
    ----------
    geometries : Geometry or array_like of geometries
    axis : int or None, default None
        GeometryArrays are one-dimensional: None, 0 and -1 all reduce the whole array.

    Returns
    -------
    Geometry

    Examples
    --------
    >>> import sharply
    >>> squares = sharply.buffer(sharply.points([[0.0, 0.0], [1.0, 1.0]]), 1.0, cap_style="square")
    >>> sharply.symmetric_difference_all(squares).area
    6.0
    """
    _check_axis(axis)
    return _symmetric_difference_all(geometries)
