"""Coordinates out of geometries, as numpy arrays."""

from typing import Literal, overload

from ._native import native
from ._typing import FloatArray, GeometryLike, Int64Array

__all__ = ["count_coordinates", "get_coordinates"]


@overload
def get_coordinates(geometry: GeometryLike, include_z: bool = ..., return_index: Literal[False] = ...) -> FloatArray: ...
@overload
def get_coordinates(geometry: GeometryLike, include_z: bool = ..., *, return_index: Literal[True]) -> tuple[FloatArray, Int64Array]: ...
@overload
def get_coordinates(geometry: GeometryLike, include_z: bool, return_index: Literal[True]) -> tuple[FloatArray, Int64Array]: ...

@native
def get_coordinates(
    geometry: GeometryLike, include_z: bool = False, return_index: bool = False
) -> FloatArray | tuple[FloatArray, Int64Array]:
    """Get the coordinates of geometries as an (N, 2) or (N, 3) array.

    Coordinates come in row order, rings in order; empty points and missing geometries give none.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries
    include_z : bool, default False
        Give x, y, z (NaN z for 2D geometries).
    return_index : bool, default False
        Also give the row (int64) of each coordinate.

    Returns
    -------
    numpy.ndarray or tuple of (numpy.ndarray, numpy.ndarray)
        When the array has no missing rows and no empty points and ``include_z`` matches its dimension,
        a read-only view of Sharply's coordinate buffer (no copy); otherwise a copy.

    Examples
    --------
    >>> import sharply
    >>> sharply.get_coordinates(sharply.points([[0, 1], [2, 3]]))
    array([[0., 1.],
           [2., 3.]])
    >>> coords, index = sharply.get_coordinates(sharply.linestrings([[[0, 0], [1, 1]]] * 2), return_index=True)
    >>> index
    array([0, 0, 1, 1])
    """


@native
def count_coordinates(geometry: GeometryLike) -> int:
    """Count the coordinates of geometries (all rows together).

    Empty points and missing geometries count none.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    int

    Examples
    --------
    >>> import sharply
    >>> sharply.count_coordinates(sharply.linestrings([[[0, 0], [1, 1], [2, 2]]] * 2))
    6
    """
