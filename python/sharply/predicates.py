"""Predicates: geometry x geometry -> bool (NetTopologySuite's RelateNG), DE-9IM, point-in-geometry.

Arrays are paired element-wise; a single geometry is broadcast against an array (and prepared once).
Missing geometries give False (None for ``relate``).
"""

from typing import overload

import numpy as np
import numpy.typing as npt

from ._native import native
from ._sharply import Geometry
from ._typing import BoolArray, GeometryArrayLike, GeometryLike, ObjectArray

__all__ = [
    "contains",
    "contains_properly",
    "contains_xy",
    "covered_by",
    "covers",
    "crosses",
    "disjoint",
    "dwithin",
    "equals",
    "equals_exact",
    "intersects",
    "intersects_xy",
    "overlaps",
    "relate",
    "relate_pattern",
    "touches",
    "within",
]

@overload
def intersects(a: Geometry | None, b: Geometry | None) -> bool: ...
@overload
def intersects(a: GeometryArrayLike, b: GeometryLike) -> BoolArray: ...
@overload
def intersects(a: GeometryLike, b: GeometryArrayLike) -> BoolArray: ...

@native
def intersects(a: GeometryLike, b: GeometryLike) -> bool | BoolArray:
    """Return True where ``a`` and ``b`` share at least one point.

    Parameters
    ----------
    a, b : Geometry or array_like of geometries

    Returns
    -------
    bool or numpy.ndarray of bool

    Examples
    --------
    >>> import sharply
    >>> sharply.intersects(sharply.points(0.0, 0.0), sharply.points(0.0, 0.0))
    True
    >>> sharply.intersects(sharply.points([[0, 0], [1, 1]]), sharply.points(1.0, 1.0)).tolist()
    [False, True]
    """


@overload
def disjoint(a: Geometry | None, b: Geometry | None) -> bool: ...
@overload
def disjoint(a: GeometryArrayLike, b: GeometryLike) -> BoolArray: ...
@overload
def disjoint(a: GeometryLike, b: GeometryArrayLike) -> BoolArray: ...

@native
def disjoint(a: GeometryLike, b: GeometryLike) -> bool | BoolArray:
    """Return True where ``a`` and ``b`` share no point.

    Parameters
    ----------
    a, b : Geometry or array_like of geometries

    Returns
    -------
    bool or numpy.ndarray of bool

    Examples
    --------
    >>> import sharply
    >>> sharply.disjoint(sharply.points(0.0, 0.0), sharply.points(1.0, 0.0))
    True
    """


@overload
def contains(a: Geometry | None, b: Geometry | None) -> bool: ...
@overload
def contains(a: GeometryArrayLike, b: GeometryLike) -> BoolArray: ...
@overload
def contains(a: GeometryLike, b: GeometryArrayLike) -> BoolArray: ...

@native
def contains(a: GeometryLike, b: GeometryLike) -> bool | BoolArray:
    """Return True where no point of ``b`` lies outside ``a`` and their interiors meet.

    Parameters
    ----------
    a, b : Geometry or array_like of geometries

    Returns
    -------
    bool or numpy.ndarray of bool

    Examples
    --------
    >>> import sharply
    >>> disk = sharply.buffer(sharply.points(0.0, 0.0), 1.0)
    >>> sharply.contains(disk, sharply.points([[0, 0], [2, 0]])).tolist()
    [True, False]
    """


@overload
def within(a: Geometry | None, b: Geometry | None) -> bool: ...
@overload
def within(a: GeometryArrayLike, b: GeometryLike) -> BoolArray: ...
@overload
def within(a: GeometryLike, b: GeometryArrayLike) -> BoolArray: ...

@native
def within(a: GeometryLike, b: GeometryLike) -> bool | BoolArray:
    """Return True where ``a`` lies within ``b`` (``contains(b, a)``).

    Parameters
    ----------
    a, b : Geometry or array_like of geometries

    Returns
    -------
    bool or numpy.ndarray of bool

    Examples
    --------
    >>> import sharply
    >>> sharply.within(sharply.points(0.0, 0.0), sharply.buffer(sharply.points(0.0, 0.0), 1.0))
    True
    """


@overload
def covers(a: Geometry | None, b: Geometry | None) -> bool: ...
@overload
def covers(a: GeometryArrayLike, b: GeometryLike) -> BoolArray: ...
@overload
def covers(a: GeometryLike, b: GeometryArrayLike) -> BoolArray: ...

@native
def covers(a: GeometryLike, b: GeometryLike) -> bool | BoolArray:
    """Return True where no point of ``b`` lies outside ``a`` (boundary points count).

    Parameters
    ----------
    a, b : Geometry or array_like of geometries

    Returns
    -------
    bool or numpy.ndarray of bool

    Examples
    --------
    >>> import sharply
    >>> sharply.covers(sharply.buffer(sharply.points(0.0, 0.0), 1.0), sharply.points(1.0, 0.0))
    True
    """


@overload
def covered_by(a: Geometry | None, b: Geometry | None) -> bool: ...
@overload
def covered_by(a: GeometryArrayLike, b: GeometryLike) -> BoolArray: ...
@overload
def covered_by(a: GeometryLike, b: GeometryArrayLike) -> BoolArray: ...

@native
def covered_by(a: GeometryLike, b: GeometryLike) -> bool | BoolArray:
    """Return True where no point of ``a`` lies outside ``b`` (``covers(b, a)``).

    Parameters
    ----------
    a, b : Geometry or array_like of geometries

    Returns
    -------
    bool or numpy.ndarray of bool

    Examples
    --------
    >>> import sharply
    >>> sharply.covered_by(sharply.points(1.0, 0.0), sharply.buffer(sharply.points(0.0, 0.0), 1.0))
    True
    """


@overload
def touches(a: Geometry | None, b: Geometry | None) -> bool: ...
@overload
def touches(a: GeometryArrayLike, b: GeometryLike) -> BoolArray: ...
@overload
def touches(a: GeometryLike, b: GeometryArrayLike) -> BoolArray: ...

@native
def touches(a: GeometryLike, b: GeometryLike) -> bool | BoolArray:
    """Return True where ``a`` and ``b`` meet only on their boundaries.

    Parameters
    ----------
    a, b : Geometry or array_like of geometries

    Returns
    -------
    bool or numpy.ndarray of bool

    Examples
    --------
    >>> import sharply
    >>> sharply.touches(sharply.points(1.0, 0.0), sharply.buffer(sharply.points(0.0, 0.0), 1.0))
    True
    """


@overload
def crosses(a: Geometry | None, b: Geometry | None) -> bool: ...
@overload
def crosses(a: GeometryArrayLike, b: GeometryLike) -> BoolArray: ...
@overload
def crosses(a: GeometryLike, b: GeometryArrayLike) -> BoolArray: ...

@native
def crosses(a: GeometryLike, b: GeometryLike) -> bool | BoolArray:
    """Return True where ``a`` and ``b`` share some interior points, but not all, in a lower dimension.

    Parameters
    ----------
    a, b : Geometry or array_like of geometries

    Returns
    -------
    bool or numpy.ndarray of bool

    Examples
    --------
    >>> import sharply
    >>> line = sharply.boundary(sharply.buffer(sharply.points(0.0, 0.0), 1.0))
    >>> sharply.crosses(line, sharply.buffer(sharply.points(1.0, 0.0), 0.5))
    True
    """


@overload
def overlaps(a: Geometry | None, b: Geometry | None) -> bool: ...
@overload
def overlaps(a: GeometryArrayLike, b: GeometryLike) -> BoolArray: ...
@overload
def overlaps(a: GeometryLike, b: GeometryArrayLike) -> BoolArray: ...

@native
def overlaps(a: GeometryLike, b: GeometryLike) -> bool | BoolArray:
    """Return True where ``a`` and ``b`` of the same dimension share some, but not all, points.

    Parameters
    ----------
    a, b : Geometry or array_like of geometries

    Returns
    -------
    bool or numpy.ndarray of bool

    Examples
    --------
    >>> import sharply
    >>> disks = sharply.buffer(sharply.points([[0, 0], [1, 0]]), 1.0)
    >>> sharply.overlaps(disks[0], disks[1])
    True
    """


@overload
def equals(a: Geometry | None, b: Geometry | None) -> bool: ...
@overload
def equals(a: GeometryArrayLike, b: GeometryLike) -> BoolArray: ...
@overload
def equals(a: GeometryLike, b: GeometryArrayLike) -> BoolArray: ...

@native
def equals(a: GeometryLike, b: GeometryLike) -> bool | BoolArray:
    """Return True where ``a`` and ``b`` are the same point set (topological equality).

    Parameters
    ----------
    a, b : Geometry or array_like of geometries

    Returns
    -------
    bool or numpy.ndarray of bool

    Examples
    --------
    >>> import sharply
    >>> disk = sharply.buffer(sharply.points(0.0, 0.0), 1.0)
    >>> sharply.equals(disk, sharply.reverse(disk))
    True
    """


@overload
def contains_properly(a: Geometry | None, b: Geometry | None) -> bool: ...
@overload
def contains_properly(a: GeometryArrayLike, b: GeometryLike) -> BoolArray: ...
@overload
def contains_properly(a: GeometryLike, b: GeometryArrayLike) -> BoolArray: ...

@native
def contains_properly(a: GeometryLike, b: GeometryLike) -> bool | BoolArray:
    """Return True where ``b`` lies in the interior of ``a`` without touching its boundary.

    Parameters
    ----------
    a, b : Geometry or array_like of geometries

    Returns
    -------
    bool or numpy.ndarray of bool

    Examples
    --------
    >>> import sharply
    >>> disk = sharply.buffer(sharply.points(0.0, 0.0), 1.0)
    >>> sharply.contains_properly(disk, disk)
    False
    """


@overload
def equals_exact(a: Geometry | None, b: Geometry | None, tolerance: float = 0.0) -> bool: ...
@overload
def equals_exact(a: GeometryArrayLike, b: GeometryLike, tolerance: float = 0.0) -> BoolArray: ...
@overload
def equals_exact(a: GeometryLike, b: GeometryArrayLike, tolerance: float = 0.0) -> BoolArray: ...

@native
def equals_exact(a: GeometryLike, b: GeometryLike, tolerance: float = 0.0) -> bool | BoolArray:
    """Return True where ``a`` and ``b`` have the same structure and vertices within ``tolerance``.

    Parameters
    ----------
    a, b : Geometry or array_like of geometries
    tolerance : float, default 0.0

    Returns
    -------
    bool or numpy.ndarray of bool

    Examples
    --------
    >>> import sharply
    >>> sharply.equals_exact(sharply.points(0.0, 0.0), sharply.points(0.0, 0.1), tolerance=0.2)
    True
    """


@overload
def dwithin(a: Geometry | None, b: Geometry | None, distance: float) -> bool: ...
@overload
def dwithin(a: GeometryArrayLike, b: GeometryLike, distance: float) -> BoolArray: ...
@overload
def dwithin(a: GeometryLike, b: GeometryArrayLike, distance: float) -> BoolArray: ...

@native
def dwithin(a: GeometryLike, b: GeometryLike, distance: float) -> bool | BoolArray:
    """Return True where ``a`` and ``b`` are at most ``distance`` apart (False for empty geometries).

    Parameters
    ----------
    a, b : Geometry or array_like of geometries
    distance : float

    Returns
    -------
    bool or numpy.ndarray of bool

    Examples
    --------
    >>> import sharply
    >>> sharply.dwithin(sharply.points([[0, 0], [3, 4]]), sharply.points(0.0, 0.0), 4.0).tolist()
    [True, False]
    """


@overload
def relate(a: Geometry | None, b: Geometry | None) -> str | None: ...
@overload
def relate(a: GeometryArrayLike, b: GeometryLike) -> ObjectArray: ...
@overload
def relate(a: GeometryLike, b: GeometryArrayLike) -> ObjectArray: ...

@native
def relate(a: GeometryLike, b: GeometryLike) -> str | None | ObjectArray:
    """Return the DE-9IM intersection matrix of ``a`` and ``b`` as a string of 9 characters.

    Parameters
    ----------
    a, b : Geometry or array_like of geometries

    Returns
    -------
    str, None or numpy.ndarray of object
        None for missing geometries.

    Examples
    --------
    >>> import sharply
    >>> sharply.relate(sharply.points(0.0, 0.0), sharply.points(1.0, 0.0))
    'FF0FFF0F2'
    """


@overload
def relate_pattern(a: Geometry | None, b: Geometry | None, pattern: str) -> bool: ...
@overload
def relate_pattern(a: GeometryArrayLike, b: GeometryLike, pattern: str) -> BoolArray: ...
@overload
def relate_pattern(a: GeometryLike, b: GeometryArrayLike, pattern: str) -> BoolArray: ...

@native
def relate_pattern(a: GeometryLike, b: GeometryLike, pattern: str) -> bool | BoolArray:
    """Return True where the DE-9IM matrix of ``a`` and ``b`` matches ``pattern``.

    Parameters
    ----------
    a, b : Geometry or array_like of geometries
    pattern : str
        Nine characters among ``T``, ``F``, ``*``, ``0``, ``1``, ``2``.

    Returns
    -------
    bool or numpy.ndarray of bool

    Examples
    --------
    >>> import sharply
    >>> sharply.relate_pattern(sharply.points(0.0, 0.0), sharply.points(1.0, 0.0), "FF*FF****")
    True
    """


def _contains_xy_stub(geom, x, y):
    """Native contains_xy: x and y as float64 buffers."""


def _intersects_xy_stub(geom, x, y):
    """Native intersects_xy: x and y as float64 buffers."""


_contains_xy = native(_contains_xy_stub, name="contains_xy")
_intersects_xy = native(_intersects_xy_stub, name="intersects_xy")


def _xy(x, y):
    """x and y as C-contiguous float64 arrays (no copy when they already are); ``y=None`` splits (N, 2) coords."""
    if y is None:
        coords = np.asarray(x, dtype=np.float64)
        if coords.shape[-1:] != (2,):
            raise ValueError(f"x must have shape (N, 2) or (2,) when y is not given, got {coords.shape}")
        return np.ascontiguousarray(coords[..., 0]), np.ascontiguousarray(coords[..., 1])
    return np.asarray(x, dtype=np.float64, order="C"), np.asarray(y, dtype=np.float64, order="C")


def contains_xy(geom: GeometryLike, x: npt.ArrayLike, y: npt.ArrayLike | None = None) -> bool | BoolArray:
    """Return True where the point (x, y) lies in the interior of ``geom``.

    A fast form of ``contains(geom, points(x, y))`` that creates no point geometries: x and y are read
    in place when they are C-contiguous float64 arrays.

    Parameters
    ----------
    geom : Geometry or array_like of geometries
    x, y : float or array_like of float
        Coordinates; when ``y`` is None, ``x`` holds (N, 2) coordinates.

    Returns
    -------
    bool or numpy.ndarray of bool

    Examples
    --------
    >>> import sharply
    >>> disk = sharply.buffer(sharply.points(0.0, 0.0), 1.0)
    >>> sharply.contains_xy(disk, 0.5, 0.0)
    True
    >>> sharply.contains_xy(disk, [[0.0, 0.0], [2.0, 0.0]]).tolist()
    [True, False]
    """
    x, y = _xy(x, y)
    return _contains_xy(geom, x, y)


def intersects_xy(geom: GeometryLike, x: npt.ArrayLike, y: npt.ArrayLike | None = None) -> bool | BoolArray:
    """Return True where the point (x, y) lies in the interior or on the boundary of ``geom``.

    A fast form of ``intersects(geom, points(x, y))``; see :func:`contains_xy`.

    Parameters
    ----------
    geom : Geometry or array_like of geometries
    x, y : float or array_like of float
        Coordinates; when ``y`` is None, ``x`` holds (N, 2) coordinates.

    Returns
    -------
    bool or numpy.ndarray of bool

    Examples
    --------
    >>> import numpy as np
    >>> import sharply
    >>> square = sharply.buffer(sharply.points(1.0, 1.0), 1.0, cap_style="square")
    >>> sharply.intersects_xy(square, np.array([0.0, 1.0, 3.0]), np.array([0.0, 1.0, 3.0])).tolist()
    [True, True, False]
    """
    x, y = _xy(x, y)
    return _intersects_xy(geom, x, y)
