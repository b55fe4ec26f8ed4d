"""Creating geometries from coordinates."""

from typing import Sized, cast, overload

import numpy as np
import numpy.typing as npt

from . import _interop
from ._native import native
from ._sharply import Geometry, GeometryArray
from ._typing import GeometryLike
from .ragged import GeometryType, _build

__all__ = [
    "box",
    "geometrycollections",
    "linearrings",
    "linestrings",
    "multilinestrings",
    "multipoints",
    "multipolygons",
    "points",
    "polygons",
]


def _points_stub(coords, y, z, crs):
    """Native constructor: float scalars or C-contiguous float64 buffers."""


_native_points = native(_points_stub, name="points")


def _as_float64(values, argument):
    if isinstance(values, (float, int)):
        return float(values)
    array = np.asarray(values, dtype=np.float64)
    _interop.check_rows(len(array) if array.ndim else 1, argument)
    return np.ascontiguousarray(array)


@overload
def points(coords: float, y: float, z: float | None = ..., crs: str | None = ...) -> Geometry: ...
@overload
def points(coords: npt.ArrayLike, y: npt.ArrayLike | None = ..., z: npt.ArrayLike | None = ..., crs: str | None = ...) -> Geometry | GeometryArray: ...

def points(
    coords: npt.ArrayLike, y: npt.ArrayLike | None = None, z: npt.ArrayLike | None = None, crs: str | None = None
) -> Geometry | GeometryArray:
    """Create points from coordinates.

    Parameters
    ----------
    coords : array_like
        x coordinates when ``y`` is given; otherwise an array of shape (N, 2) or (N, 3), or a single
        coordinate pair / triple.
    y, z : array_like, optional
        y and z coordinates, broadcast like ``coords``.
    crs : str, optional
        Coordinate reference system carried by the result.

    Returns
    -------
    Geometry or GeometryArray
        A Geometry for scalar input, else a GeometryArray. Coordinates are read in place and copied
        once into Sharply's interleaved layout.

    Examples
    --------
    >>> import sharply
    >>> sharply.points(1.0, 2.0).area
    0.0
    >>> len(sharply.points([[0, 0], [1, 1], [2, 2]]))
    3
    """
    if y is None:
        return _native_points(_as_float64(coords, "coords"), None, None, crs)
    x, y = _as_float64(coords, "coords"), _as_float64(y, "y")
    z = None if z is None else _as_float64(z, "z")
    if isinstance(x, float) and isinstance(y, float) and (z is None or isinstance(z, float)):
        return _native_points(x, y, z, crs)
    arrays = np.broadcast_arrays(*(np.atleast_1d(v) for v in (x, y) + (() if z is None else (z,))))
    _interop.check_rows(arrays[0].size, "coords")
    arrays = [np.ascontiguousarray(a) for a in arrays]
    return _native_points(arrays[0], arrays[1], arrays[2] if z is not None else None, crs)



def _offsets_stub(indices):
    """Native: sorted int32/int64 group indices to int32 offsets."""


def _collect_stub(geometries, indices, geometry_type):
    """Native: group geometries (all into one, or by int32 offsets) into a containing type."""


_native_offsets = native(_offsets_stub, name="_offsets_from_indices")
_native_collect = native(_collect_stub, name="_group")


def _coordinate_array(coords, y=None, z=None):
    if y is None:
        return np.ascontiguousarray(coords, dtype=np.float64)
    columns = (coords, y) if z is None else (coords, y, z)
    return np.ascontiguousarray(np.stack(np.broadcast_arrays(*(np.asarray(c, np.float64) for c in columns)), axis=-1))


def _offsets(indices, count=None):
    array = np.ascontiguousarray(indices)
    if array.dtype.kind not in "iu":
        raise TypeError(f"indices must hold integers, got dtype {array.dtype}")
    if count is not None and array.shape != (count,):
        raise ValueError(f"indices must hold one value per coordinate ({count}), got shape {array.shape}")
    if array.dtype == np.uint64 and array.size and array.max() > np.iinfo(np.int64).max:
        raise ValueError(f"indices hold {array.max()}, beyond int64")
    if array.dtype not in (np.int32, np.int64):
        array = array.astype(np.int64)
    return _native_offsets(array)


def _uniform(count, size):
    _interop.check_rows(count, "coords")
    return np.arange(count + 1, dtype=np.int64) * size


def _flat_coords(coords):
    if coords.ndim != 2:
        raise ValueError(f"with indices, coords must have shape (N, 2) or (N, 3), got {coords.shape}")
    return coords


def _is_geometries(obj):
    """True for geometry input (Sharply, Shapely, GeoPandas, object arrays), False for coordinates."""
    if isinstance(obj, (Geometry, GeometryArray)) or _interop._is_shapely_geometry(obj):
        return True
    if isinstance(obj, np.ndarray):
        return obj.dtype == object
    if isinstance(obj, (list, tuple)):
        return len(obj) > 0 and _is_geometry_like(obj[0])
    return hasattr(obj, "geometry") and hasattr(obj, "crs")


def _is_geometry_like(obj):
    return obj is None or isinstance(obj, (Geometry, GeometryArray)) or _interop._is_shapely_geometry(obj)


def _one_level(type_id, coords, close_rings, indices):
    """Geometries with one level of coordinates: from (N, d) (one), (M, N, d) (M) or (N, d) + indices."""
    if indices is not None:
        return _build(type_id, _flat_coords(coords), (_offsets(indices, len(coords)),), close_rings)
    if coords.ndim == 2:
        return _build(type_id, coords, (_uniform(1, len(coords)),), close_rings)[0]
    if coords.ndim == 3:
        rows, size, dim = coords.shape
        return _build(type_id, coords.reshape(rows * size, dim), (_uniform(rows, size),), close_rings)
    raise ValueError(f"coords must have shape (N, 2|3) or (M, N, 2|3), got {coords.shape}")


def _collect(geometries, indices, type_id):
    if indices is not None:
        return _native_collect(geometries, _offsets(indices), type_id)
    if isinstance(geometries, np.ndarray) and geometries.ndim == 2:
        rows, size = geometries.shape
        return _native_collect(geometries.ravel(), np.ascontiguousarray(_uniform(rows, size), dtype=np.int32), type_id)
    return _native_collect(geometries, None, type_id)


def linestrings(
    coords: npt.ArrayLike, y: npt.ArrayLike | None = None, z: npt.ArrayLike | None = None, indices: npt.ArrayLike | None = None
) -> Geometry | GeometryArray:
    """Create linestrings from coordinates.

    Parameters
    ----------
    coords : array_like
        Coordinates of shape (N, 2|3) for one linestring or (M, N, 2|3) for M of them; x coordinates
        when ``y`` is given.
    y, z : array_like, optional
        y and z coordinates, broadcast against ``coords``.
    indices : array_like of int, optional
        With (N, 2|3) coordinates: the linestring each coordinate belongs to, sorted, every index from 0
        to its maximum present.

    Returns
    -------
    Geometry or GeometryArray

    Examples
    --------
    >>> import sharply
    >>> sharply.length(sharply.linestrings([[0, 0], [3, 4]]))
    5.0
    >>> sharply.length(sharply.linestrings([[0, 0], [1, 0], [0, 0], [0, 2]], indices=[0, 0, 1, 1]))
    array([1., 2.])
    """
    return _one_level(GeometryType.LINESTRING, _coordinate_array(coords, y, z), False, indices)


def linearrings(
    coords: npt.ArrayLike, y: npt.ArrayLike | None = None, z: npt.ArrayLike | None = None, indices: npt.ArrayLike | None = None
) -> Geometry | GeometryArray:
    """Create linear rings from coordinates, closing them when needed.

    A ring whose last coordinate differs from its first, or that has 3 coordinates, gets its first
    coordinate appended. Sharply stores rings as closed LineStrings.

    Parameters
    ----------
    coords : array_like
        Coordinates of shape (N, 2|3) for one ring or (M, N, 2|3) for M of them; x coordinates when
        ``y`` is given.
    y, z : array_like, optional
    indices : array_like of int, optional
        With (N, 2|3) coordinates: the ring each coordinate belongs to (sorted, no gaps).

    Returns
    -------
    Geometry or GeometryArray

    Raises
    ------
    ValueError
        When a ring has fewer than 3 coordinates.

    Examples
    --------
    >>> import sharply
    >>> sharply.get_coordinates(sharply.linearrings([[0, 0], [1, 0], [1, 1]])).tolist()
    [[0.0, 0.0], [1.0, 0.0], [1.0, 1.0], [0.0, 0.0]]
    """
    return _one_level(GeometryType.LINESTRING, _coordinate_array(coords, y, z), True, indices)


def polygons(
    geometries: GeometryLike, holes: npt.ArrayLike | None = None, indices: npt.ArrayLike | None = None
) -> Geometry | GeometryArray:
    """Create polygons from rings or coordinates.

    Parameters
    ----------
    geometries : array_like
        Shells as coordinates, (N, 2|3) for one polygon or (M, N, 2|3) for M of them (rings are closed
        when needed), or linear rings (closed LineStrings) as geometries.
    holes : array_like, optional
        Hole coordinates for coordinate shells: (H, K, 2|3) for one polygon or (M, H, K, 2|3).
    indices : array_like of int, optional
        With ring geometries: the polygon each ring belongs to (sorted, no gaps); the first ring of a
        polygon is its shell, the others its holes. Missing rings are skipped.

    Returns
    -------
    Geometry or GeometryArray
        Polygons built from a GeometryArray of rings share its coordinates (no copy).

    Examples
    --------
    >>> import sharply
    >>> sharply.area(sharply.polygons([[0, 0], [2, 0], [2, 2], [0, 2]]))
    4.0
    >>> coords = [[0, 0], [4, 0], [4, 4], [0, 4], [1, 1], [2, 1], [2, 2]]
    >>> rings = sharply.linearrings(coords, indices=[0, 0, 0, 0, 1, 1, 1])
    >>> sharply.area(sharply.polygons(rings, indices=[0, 0]))
    array([15.5])
    """
    if _is_geometries(geometries):
        if holes is not None:
            raise TypeError("holes are supported with coordinate shells; for ring geometries, pass every ring with indices")
        if indices is not None or isinstance(geometries, Geometry) or _interop._is_shapely_geometry(geometries):
            return _collect(geometries, indices, GeometryType.POLYGON)
        _interop.check_rows(len(cast(Sized, geometries)), "geometries")
        offsets = np.arange(len(cast(Sized, geometries)) + 1, dtype=np.int32)
        return _native_collect(geometries, offsets, GeometryType.POLYGON)
    if indices is not None:
        raise TypeError("indices need ring geometries (see linearrings)")
    shells = _coordinate_array(geometries)
    scalar = shells.ndim == 2
    if scalar:
        shells = shells[np.newaxis]
    if shells.ndim != 3:
        raise ValueError(f"shell coordinates must have shape (N, 2|3) or (M, N, 2|3), got {shells.shape}")
    rows, size, dim = shells.shape
    hole_block = None if holes is None else _coordinate_array(holes)
    if hole_block is not None and hole_block.size == 0:
        hole_block = None
    if hole_block is None:
        result = _build(GeometryType.POLYGON, shells.reshape(rows * size, dim), (_uniform(rows, size), _uniform(rows, 1)), True)
        return result[0] if scalar else result
    if scalar:
        hole_block = hole_block[np.newaxis]
    if hole_block.ndim != 4 or hole_block.shape[0] != rows or hole_block.shape[-1] != dim:
        raise ValueError(f"holes must have shape (H, K, {dim}) or ({rows}, H, K, {dim}), got {hole_block.shape}")
    count, hole_size = hole_block.shape[1], hole_block.shape[2]
    coords = np.concatenate([shells.reshape(rows, size * dim), hole_block.reshape(rows, count * hole_size * dim)], axis=1)
    ring_sizes = np.tile(np.array([size] + [hole_size] * count, dtype=np.int64), rows)
    ring_offsets = np.concatenate([[0], np.cumsum(ring_sizes)])
    result = _build(GeometryType.POLYGON, coords.reshape(-1, dim), (ring_offsets, _uniform(rows, count + 1)), True)
    return result[0] if scalar else result


def multipoints(geometries: GeometryLike, indices: npt.ArrayLike | None = None) -> Geometry | GeometryArray:
    """Create multipoints from points or coordinates.

    Parameters
    ----------
    geometries : array_like
        Points (all into one multipoint, or grouped by ``indices``), or coordinates: (N, 2|3) for one
        multipoint, (M, N, 2|3) for M.
    indices : array_like of int, optional
        The multipoint each point (or coordinate) belongs to (sorted, no gaps). Missing points are skipped.

    Returns
    -------
    Geometry or GeometryArray
        Grouping a GeometryArray of points shares its coordinates (no copy).

    Examples
    --------
    >>> import sharply
    >>> sharply.get_coordinates(sharply.multipoints([[0, 0], [1, 2]])).tolist()
    [[0.0, 0.0], [1.0, 2.0]]
    >>> len(sharply.multipoints(sharply.points([[0, 0], [1, 1], [2, 2]]), indices=[0, 0, 1]))
    2
    """
    if _is_geometries(geometries):
        return _collect(geometries, indices, GeometryType.MULTIPOINT)
    return _one_level(GeometryType.MULTIPOINT, _coordinate_array(geometries), False, indices)


def multilinestrings(geometries: GeometryLike, indices: npt.ArrayLike | None = None) -> Geometry | GeometryArray:
    """Create multilinestrings from linestrings or coordinates.

    Parameters
    ----------
    geometries : array_like
        LineStrings (all into one, or grouped by ``indices``), or coordinates: (K, N, 2|3) for one
        multilinestring of K lines, (M, K, N, 2|3) for M.
    indices : array_like of int, optional
        With geometries: the multilinestring each line belongs to (sorted, no gaps).

    Returns
    -------
    Geometry or GeometryArray

    Examples
    --------
    >>> import sharply
    >>> sharply.length(sharply.multilinestrings([[[0, 0], [1, 0]], [[0, 0], [0, 2]]]))
    3.0
    """
    if _is_geometries(geometries):
        return _collect(geometries, indices, GeometryType.MULTILINESTRING)
    if indices is not None:
        raise TypeError("indices need linestring geometries")
    coords = _coordinate_array(geometries)
    scalar = coords.ndim == 3
    block = coords[np.newaxis] if scalar else coords
    if block.ndim != 4:
        raise ValueError(f"coords must have shape (K, N, 2|3) or (M, K, N, 2|3), got {coords.shape}")
    rows, lines, size, dim = block.shape
    result = _build(GeometryType.MULTILINESTRING, block.reshape(-1, dim), (_uniform(rows * lines, size), _uniform(rows, lines)))
    return result[0] if scalar else result


def multipolygons(geometries: GeometryLike, indices: npt.ArrayLike | None = None) -> Geometry | GeometryArray:
    """Create multipolygons from polygons or shell coordinates.

    Parameters
    ----------
    geometries : array_like
        Polygons (all into one, or grouped by ``indices``), or shell coordinates: (K, N, 2|3) for one
        multipolygon of K polygons without holes, (M, K, N, 2|3) for M.
    indices : array_like of int, optional
        With geometries: the multipolygon each polygon belongs to (sorted, no gaps).

    Returns
    -------
    Geometry or GeometryArray

    Examples
    --------
    >>> import sharply
    >>> squares = sharply.polygons([[[0, 0], [1, 0], [1, 1], [0, 1]], [[5, 5], [7, 5], [7, 7], [5, 7]]])
    >>> sharply.area(sharply.multipolygons(squares))
    5.0
    """
    if _is_geometries(geometries):
        return _collect(geometries, indices, GeometryType.MULTIPOLYGON)
    if indices is not None:
        raise TypeError("indices need polygon geometries")
    coords = _coordinate_array(geometries)
    scalar = coords.ndim == 3
    block = coords[np.newaxis] if scalar else coords
    if block.ndim != 4:
        raise ValueError(f"coords must have shape (K, N, 2|3) or (M, K, N, 2|3), got {coords.shape}")
    rows, count, size, dim = block.shape
    offsets = (_uniform(rows * count, size), _uniform(rows * count, 1), _uniform(rows, count))
    result = _build(GeometryType.MULTIPOLYGON, block.reshape(-1, dim), offsets, True)
    return result[0] if scalar else result


def geometrycollections(geometries: GeometryLike, indices: npt.ArrayLike | None = None) -> Geometry | GeometryArray:
    """Create geometry collections from geometries.

    Parameters
    ----------
    geometries : array_like of geometries
        All into one collection, or grouped by ``indices``. Missing geometries are skipped; each
        geometry becomes a member (a multi-geometry stays one), a collection's members become members.
    indices : array_like of int, optional
        The collection each geometry belongs to (sorted, no gaps).

    Returns
    -------
    Geometry or GeometryArray

    Examples
    --------
    >>> import sharply
    >>> sharply.count_coordinates(sharply.geometrycollections(sharply.points([[0, 0], [1, 1]])))
    2
    >>> sharply.geometrycollections(sharply.from_wkt(["MULTIPOINT (0 0, 1 1)", "POINT (2 2)"])).wkt
    'GEOMETRYCOLLECTION (MULTIPOINT (0 0, 1 1), POINT (2 2))'
    """
    return _collect(geometries, indices, GeometryType.GEOMETRYCOLLECTION)


def _box_stub(xmin, ymin, xmax, ymax, ccw):
    """Native box: C-contiguous float64 buffers (0-d or 1-D)."""


_native_box = native(_box_stub, name="box")


@overload
def box(xmin: float, ymin: float, xmax: float, ymax: float, ccw: bool = ...) -> Geometry | None: ...
@overload
def box(xmin: npt.ArrayLike, ymin: npt.ArrayLike, xmax: npt.ArrayLike, ymax: npt.ArrayLike, ccw: bool = ...) -> Geometry | GeometryArray | None: ...

def box(xmin: npt.ArrayLike, ymin: npt.ArrayLike, xmax: npt.ArrayLike, ymax: npt.ArrayLike, ccw: bool = True) -> Geometry | GeometryArray | None:
    """Create box polygons from bounds.

    Parameters
    ----------
    xmin, ymin, xmax, ymax : float or array_like of float
        Broadcast against each other (numbers or 1-D arrays).
    ccw : bool, default True
        Counterclockwise from (xmax, ymin) when True, else clockwise from (xmin, ymin).

    Returns
    -------
    Geometry, None or GeometryArray
        A Polygon per row; a NaN bound gives None.

    Examples
    --------
    >>> import sharply
    >>> sharply.box(0, 0, 1, 1)
    <POLYGON ((1 0, 1 1, 0 1, 0 0, 1 0))>
    >>> sharply.box(0, 0, 1, 1, ccw=False)
    <POLYGON ((0 0, 0 1, 1 1, 1 0, 0 0))>
    >>> sharply.to_wkt(sharply.box([0, 5], 0, [1, float("nan")], 2)).tolist()
    ['POLYGON ((1 0, 1 2, 0 2, 0 0, 1 0))', None]
    """
    x0, y0, x1, y1 = (np.require(value, dtype=np.float64, requirements="C") for value in (xmin, ymin, xmax, ymax))
    return _native_box(x0, y0, x1, y1, bool(ccw))
