"""Creating geometries from coordinates."""

import numpy as np

from ._native import native

__all__ = ["points"]


def _points_stub(coords, y, z, crs):
    """Native constructor: float scalars or C-contiguous float64 buffers."""


_native_points = native(_points_stub, name="points")


def _as_float64(values):
    if isinstance(values, (float, int)):
        return float(values)
    return np.ascontiguousarray(values, dtype=np.float64)


def points(coords, y=None, z=None, crs=None):
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
        return _native_points(_as_float64(coords), None, None, crs)
    x, y = _as_float64(coords), _as_float64(y)
    z = None if z is None else _as_float64(z)
    if isinstance(x, float) and isinstance(y, float) and (z is None or isinstance(z, float)):
        return _native_points(x, y, z, crs)
    arrays = np.broadcast_arrays(*(np.atleast_1d(v) for v in (x, y) + (() if z is None else (z,))))
    arrays = [np.ascontiguousarray(a) for a in arrays]
    return _native_points(arrays[0], arrays[1], arrays[2] if z is not None else None, crs)

