"""Ragged arrays: geometries as one coordinate array and offsets arrays (Shapely's GeoArrow layout)."""

from enum import IntEnum
from typing import Sequence

import numpy as np
import numpy.typing as npt

from ._native import native
from ._sharply import GeometryArray
from ._typing import FloatArray, GeometryLike, IntArray

__all__ = ["GeometryType", "from_ragged_array", "to_ragged_array"]


class GeometryType(IntEnum):
    """Shapely's geometry type ids."""

    MISSING = -1
    POINT = 0
    LINESTRING = 1
    LINEARRING = 2
    POLYGON = 3
    MULTIPOINT = 4
    MULTILINESTRING = 5
    MULTIPOLYGON = 6
    GEOMETRYCOLLECTION = 7


def _from_ragged_stub(geometry_type, coords, offsets, close_rings):
    """Native: Shapely type id, (N, 2|3) float64 coords, tuple of int32/int64 offsets, close rings."""


_from_ragged = native(_from_ragged_stub, name="from_ragged_array")


def _type_id(geometry_type):
    if isinstance(geometry_type, str):
        try:
            return int(GeometryType[geometry_type.upper()])
        except KeyError:
            raise ValueError(f"unknown geometry type {geometry_type!r}") from None
    try:
        value = int(geometry_type)
    except (TypeError, ValueError):
        raise TypeError(f"geometry_type must be a GeometryType, an int or a str, not {type(geometry_type).__name__!r}") from None
    return int(GeometryType(value))


def _offsets_array(values, name):
    array = np.ascontiguousarray(values)
    if array.dtype.kind not in "iu":
        raise TypeError(f"{name} must hold integers, got dtype {array.dtype}")
    if array.dtype == np.uint64 and array.size and array.max() > np.iinfo(np.int64).max:
        raise ValueError(f"{name} holds {array.max()}, beyond int64")
    if array.dtype not in (np.int32, np.int64):
        array = array.astype(np.int64)
    return array


def _build(geometry_type, coords, offsets, close_rings=False):
    """Geometries from validated-by-native float64 coords and integer offsets (innermost first)."""
    coords = np.ascontiguousarray(coords, dtype=np.float64)
    offsets = tuple(_offsets_array(o, f"offsets[{i}]") for i, o in enumerate(offsets))
    return _from_ragged(_type_id(geometry_type), coords, offsets, close_rings)


def from_ragged_array(
    geometry_type: GeometryType | int | str, coords: npt.ArrayLike, offsets: Sequence[npt.ArrayLike] | None = None
) -> GeometryArray:
    """Create geometries from a contiguous array of coordinates and offset arrays.

    The inverse of :func:`to_ragged_array`, with the layout of Shapely 2 and GeoArrow.

    Parameters
    ----------
    geometry_type : GeometryType, int or str
        The type of the geometries (``GeometryType.POLYGON``, ``3`` or ``"polygon"``).
    coords : array_like
        Coordinates of shape (N, 2) or (N, 3).
    offsets : tuple of array_like, optional
        Integer offsets arrays, innermost first: none for points; (vertices,) for linestrings;
        (ring vertices, polygon rings) for polygons; (points,) for multipoints; (line vertices, lines)
        for multilinestrings; (ring vertices, polygon rings, polygons) for multipolygons.

    Returns
    -------
    GeometryArray
        Coordinates and offsets are copied once into Sharply's layout.

    Raises
    ------
    sharply.errors.InvalidLayoutError
        When offsets decrease, are negative or point past the coordinates (the message names the array
        and the index).
    ValueError
        When a linestring has one coordinate, or a ring fewer than 4 or is not closed.

    Examples
    --------
    >>> import numpy as np
    >>> import sharply
    >>> coords = np.array([[0, 0], [1, 0], [1, 1], [0, 0], [5, 5], [6, 6]], dtype=float)
    >>> arr = sharply.from_ragged_array("linestring", coords, (np.array([0, 4, 6]),))
    >>> sharply.length(arr).round(3)
    array([3.414, 1.414])
    """
    return _build(geometry_type, coords, () if offsets is None else offsets)


def _to_ragged_stub(geometry, include_z):
    """Native: (type id, coords, offsets) for a GeometryArray."""


_to_ragged_array = native(_to_ragged_stub, name="to_ragged_array")


def to_ragged_array(
    geometry: GeometryLike, include_z: bool | None = None
) -> tuple[GeometryType, FloatArray, tuple[IntArray, ...]]:
    """Convert geometries to a ragged array: coordinates and offsets arrays.

    Point and MultiPoint rows give MultiPoints (and likewise for lines and polygons); missing
    geometries give empty ones; geometry collections and other mixtures raise ValueError.

    Parameters
    ----------
    geometry : GeometryArray or array_like of geometries
    include_z : bool, optional
        Give (N, 3) coordinates (NaN z for 2D geometries). By default, follows the array.

    Returns
    -------
    tuple of (GeometryType, numpy.ndarray, tuple of numpy.ndarray)
        The type, the (N, 2|3) coordinates and the int32 offsets arrays (innermost first). When the
        array has the output type, no missing rows and the requested dimension, coordinates and
        offsets are read-only views of Sharply's buffers (no copy).

    Examples
    --------
    >>> import numpy as np
    >>> import sharply
    >>> rings = np.array([[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]], dtype=float)
    >>> typ, coords, offsets = sharply.to_ragged_array(sharply.polygons(rings))
    >>> typ
    <GeometryType.POLYGON: 3>
    >>> offsets
    (array([0, 5], dtype=int32), array([0, 1], dtype=int32))
    """
    type_id, coords, offsets = _to_ragged_array(geometry, include_z)
    return GeometryType(type_id), coords, offsets
