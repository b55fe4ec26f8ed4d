"""Coordinates out of geometries, as numpy arrays, and their dimension changed."""

from collections.abc import Callable
from typing import Any, Literal, overload

import numpy as np
import numpy.typing as npt

from ._native import native
from ._sharply import Geometry, GeometryArray
from ._typing import FloatArray, GeometryArrayLike, GeometryLike, Int64Array

__all__ = ["count_coordinates", "force_2d", "force_3d", "get_coordinates", "set_coordinates", "transform"]


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


@overload
def force_2d(geometry: Geometry | None) -> Geometry | None: ...
@overload
def force_2d(geometry: GeometryArrayLike) -> GeometryArray: ...

@native
def force_2d(geometry: GeometryLike) -> Geometry | None | GeometryArray:
    """Drop the z coordinates of geometries.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    Geometry, None or GeometryArray
        The same structure (offsets shared, not copied) over new x, y coordinates; 2D input comes back as it is.

    Examples
    --------
    >>> import sharply
    >>> sharply.force_2d(sharply.from_wkt("LINESTRING Z (0 0 1, 1 1 2)"))
    <LINESTRING (0 0, 1 1)>
    """


def _force_3d_stub(geometry, z):
    """Native force_3d: z a number or a C-contiguous float64 buffer."""


_force_3d = native(_force_3d_stub, name="force_3d")


@overload
def force_3d(geometry: Geometry | None, z: float = ...) -> Geometry | None: ...
@overload
def force_3d(geometry: GeometryArrayLike, z: npt.ArrayLike = ...) -> GeometryArray: ...
@overload
def force_3d(geometry: Geometry | None, z: npt.ArrayLike = ...) -> Geometry | None | GeometryArray: ...

def force_3d(geometry: GeometryLike, z: npt.ArrayLike = 0.0) -> Geometry | None | GeometryArray:
    """Give geometries z coordinates: coordinates without z get ``z``, existing z values are kept.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries
    z : float or array_like of float, default 0.0
        One value for all geometries or one per geometry.

    Returns
    -------
    Geometry, None or GeometryArray
        The same structure (offsets shared, not copied) over new x, y, z coordinates; input whose coordinates
        all have z comes back as it is. Empty geometries stay empty.

    Examples
    --------
    >>> import sharply
    >>> sharply.force_3d(sharply.points(0.0, 0.0), z=3)
    <POINT Z (0 0 3)>
    >>> sharply.to_wkt(sharply.force_3d(sharply.from_wkt(["POINT (0 0)", "POINT Z (1 1 1)"]), [5, 6])).tolist()
    ['POINT Z (0 0 5)', 'POINT Z (1 1 1)']
    """
    if not isinstance(z, (int, float)):
        z = np.require(z, dtype=np.float64, requirements="C")
    return _force_3d(geometry, z)


def _set_coordinates_stub(geometry, coordinates):
    """Native set_coordinates: coordinates a C-contiguous (N, 2|3) float64 buffer."""


_set_coordinates = native(_set_coordinates_stub, name="set_coordinates")


@overload
def set_coordinates(geometry: Geometry | None, coordinates: npt.ArrayLike) -> Geometry | None: ...
@overload
def set_coordinates(geometry: GeometryArrayLike, coordinates: npt.ArrayLike) -> GeometryArray: ...

def set_coordinates(geometry: GeometryLike, coordinates: npt.ArrayLike) -> Geometry | None | GeometryArray:
    """Replace the coordinates of geometries, in the order ``get_coordinates`` lists them.

    Geometries are immutable here: unlike Shapely 2, which changes its input in place, this returns new
    geometries (the same structure, offsets shared, over the new coordinates).

    Parameters
    ----------
    geometry : Geometry or array_like of geometries
    coordinates : array_like of shape (N, 2) or (N, 3)
        ``N`` must be ``count_coordinates(geometry)``; 3 columns give geometries with z, 2 without.

    Returns
    -------
    Geometry, None or GeometryArray

    Examples
    --------
    >>> import sharply
    >>> lines = sharply.from_wkt(["LINESTRING (0 0, 1 1)", None, "POINT (5 5)"])
    >>> moved = sharply.set_coordinates(lines, sharply.get_coordinates(lines) + 10)
    >>> sharply.to_wkt(moved).tolist()
    ['LINESTRING (10 10, 11 11)', None, 'POINT (15 15)']
    """
    return _set_coordinates(geometry, np.require(coordinates, dtype=np.float64, requirements="C"))


@overload
def transform(
    geometry: Geometry | None, transformation: Callable[..., Any], include_z: bool = ..., *, interleaved: bool = ...
) -> Geometry | None: ...
@overload
def transform(
    geometry: GeometryArrayLike, transformation: Callable[..., Any], include_z: bool = ..., *, interleaved: bool = ...
) -> GeometryArray: ...

def transform(
    geometry: GeometryLike, transformation: Callable[..., Any], include_z: bool = False, *, interleaved: bool = True
) -> Geometry | None | GeometryArray:
    """Apply a vectorized function to all coordinates of geometries at once, as Shapely 2 does.

    ``transformation`` is called once, with every coordinate (``get_coordinates``), and its result goes
    back in place (``set_coordinates``): a pyproj ``Transformer.transform`` or numpy arithmetic, never a
    function called per point.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries
    transformation : callable
        With ``interleaved=True``, takes an (N, 2) or (N, 3) float64 array and returns an array of the same
        shape. With ``interleaved=False``, takes the columns ``x, y`` (and ``z``) as separate arrays and
        returns a tuple of as many.
    include_z : bool, default False
        Pass z to the transformation (NaN for geometries without z) and keep the result's z; with False the
        results are 2D.
    interleaved : bool, default True
        How ``transformation`` takes and returns coordinates (see above).

    Returns
    -------
    Geometry, None or GeometryArray

    Examples
    --------
    >>> import sharply
    >>> line = sharply.from_wkt("LINESTRING (0 0, 1 2)")
    >>> sharply.transform(line, lambda coordinates: coordinates * 10)
    <LINESTRING (0 0, 10 20)>
    >>> sharply.transform(line, lambda x, y: (y, x), interleaved=False)
    <LINESTRING (0 0, 2 1)>
    """
    coordinates = get_coordinates(geometry, include_z=include_z)
    if interleaved:
        result = transformation(coordinates)
    else:
        result = np.column_stack(transformation(*coordinates.T)) if len(coordinates) else coordinates
    transformed = np.asarray(result, dtype=np.float64)
    if transformed.shape != coordinates.shape:
        raise ValueError(
            f"transformation returned an array of shape {transformed.shape}, expected {coordinates.shape}"
        )
    return set_coordinates(geometry, transformed)
