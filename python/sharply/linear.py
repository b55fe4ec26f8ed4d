"""Linear referencing and line operations: points along lines, distances along lines, shortest lines, merged lines.

Distances along a line follow GEOS's LengthIndexedLine: a MultiLineString is measured across its lines in
order. Arrays are paired element-wise; a single geometry (or distance) is broadcast against an array.
"""

from typing import overload

import numpy as np
import numpy.typing as npt

from ._native import native
from ._sharply import Geometry, GeometryArray
from ._typing import FloatArray, GeometryArrayLike, GeometryLike

__all__ = [
    "line_interpolate_point",
    "line_locate_point",
    "line_merge",
    "shortest_line",
]


def _line_interpolate_point_stub(line, distance, normalized):
    """Native line_interpolate_point: distance as a float64 buffer."""


_line_interpolate_point = native(_line_interpolate_point_stub, name="line_interpolate_point")


@overload
def line_interpolate_point(line: Geometry, distance: float, normalized: bool = ...) -> Geometry | None: ...
@overload
def line_interpolate_point(line: None, distance: float, normalized: bool = ...) -> None: ...
@overload
def line_interpolate_point(line: GeometryLike, distance: npt.ArrayLike, normalized: bool = ...) -> GeometryArray | Geometry | None: ...

def line_interpolate_point(line: GeometryLike, distance: npt.ArrayLike, normalized: bool = False) -> Geometry | GeometryArray | None:
    """Return the point at ``distance`` along each line.

    Parameters
    ----------
    line : Geometry or array_like of geometries
        LineStrings, MultiLineStrings (measured across their lines in order) or collections of lines.
        Points raise TypeError; empty lines give POINT EMPTY.
    distance : float or array_like of float
        Broadcast against ``line``. Negative values count from the end of the line; out-of-range values
        are clipped to the ends. NaN gives None.
    normalized : bool, default False
        If True, ``distance`` is a fraction of the line's length.

    Returns
    -------
    Geometry or GeometryArray
        Missing lines give None.

    Examples
    --------
    >>> import sharply
    >>> line = sharply.from_wkt("LINESTRING (0 2, 0 10)")
    >>> sharply.line_interpolate_point(line, 2)
    <POINT (0 4)>
    >>> sharply.line_interpolate_point(line, -2)
    <POINT (0 8)>
    >>> sharply.to_wkt(sharply.line_interpolate_point(line, [0.25, 1.5], normalized=True)).tolist()
    ['POINT (0 4)', 'POINT (0 10)']
    """
    return _line_interpolate_point(line, np.asarray(distance, dtype=np.float64, order="C"), bool(normalized))


@overload
def line_locate_point(line: Geometry | None, other: Geometry | None, normalized: bool = ...) -> float: ...
@overload
def line_locate_point(line: GeometryArrayLike, other: GeometryLike, normalized: bool = ...) -> FloatArray: ...
@overload
def line_locate_point(line: GeometryLike, other: GeometryArrayLike, normalized: bool = ...) -> FloatArray: ...

@native
def line_locate_point(line: GeometryLike, other: GeometryLike, normalized: bool = False) -> float | FloatArray:
    """Return the distance along each line to the point of it nearest to ``other``.

    Parameters
    ----------
    line : Geometry or array_like of geometries
        LineStrings, MultiLineStrings (measured across their lines in order) or collections of lines.
    other : Geometry or array_like of geometries
        Points.
    normalized : bool, default False
        If True, return a fraction of the line's length.

    Returns
    -------
    float or numpy.ndarray of float64
        NaN where either geometry is missing or empty.

    Examples
    --------
    >>> import sharply
    >>> line = sharply.from_wkt("LINESTRING (0 2, 0 10)")
    >>> sharply.line_locate_point(line, sharply.points(4.0, 4.0))
    2.0
    >>> sharply.line_locate_point(line, sharply.points(4.0, 4.0), normalized=True)
    0.25
    """


@overload
def shortest_line(a: Geometry | None, b: Geometry | None) -> Geometry | None: ...
@overload
def shortest_line(a: GeometryArrayLike, b: GeometryLike) -> GeometryArray: ...
@overload
def shortest_line(a: GeometryLike, b: GeometryArrayLike) -> GeometryArray: ...

@native
def shortest_line(a: GeometryLike, b: GeometryLike) -> Geometry | GeometryArray | None:
    """Return the shortest line between each pair of geometries.

    The line starts at the point of ``a`` nearest to ``b`` and ends at the point of ``b`` nearest to ``a``.

    Parameters
    ----------
    a, b : Geometry or array_like of geometries

    Returns
    -------
    Geometry or GeometryArray
        A two-point LineString; None where either geometry is missing or empty.

    Examples
    --------
    >>> import sharply
    >>> square = sharply.from_wkt("LINESTRING (0 0, 1 0, 1 1, 0 1, 0 0)")
    >>> sharply.shortest_line(square, sharply.from_wkt("LINESTRING (0 3, 3 0, 5 3)"))
    <LINESTRING (1 1, 1.5 1.5)>
    """


@overload
def line_merge(line: Geometry, directed: bool = ...) -> Geometry: ...
@overload
def line_merge(line: None, directed: bool = ...) -> None: ...
@overload
def line_merge(line: GeometryArrayLike, directed: bool = ...) -> GeometryArray: ...

@native
def line_merge(line: GeometryLike, directed: bool = False) -> Geometry | GeometryArray | None:
    """Join the lines of each geometry at ends where exactly two of them meet.

    Lines meeting three or more others at an end are not joined. A merged line takes the direction of
    most of its lines, unless ``directed``.

    Parameters
    ----------
    line : Geometry or array_like of geometries
    directed : bool, default False
        Only join lines that continue one another without reversing any.

    Returns
    -------
    Geometry or GeometryArray
        A LineString, a MultiLineString, or GEOMETRYCOLLECTION EMPTY for geometries without lines.

    Examples
    --------
    >>> import sharply
    >>> sharply.line_merge(sharply.from_wkt("MULTILINESTRING ((0 2, 0 10), (0 10, 5 10))"))
    <LINESTRING (0 2, 0 10, 5 10)>
    >>> sharply.line_merge(sharply.from_wkt("MULTILINESTRING ((0 0, 1 0), (0 0, 3 0))"), directed=True)
    <MULTILINESTRING ((0 0, 1 0), (0 0, 3 0))>
    """
