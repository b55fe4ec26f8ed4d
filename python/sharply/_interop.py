"""Conversion of foreign geometry objects (Arrow producers, Shapely, GeoPandas, lists) for the native module.

The native module handles GeometryArray, Geometry and None itself and calls
:func:`to_geometry_array` for anything else.
"""

import numpy as np

from ._sharply import Geometry, GeometryArray
from .arrow import from_arrow

__all__ = ["MAX_ROWS", "check_rows", "to_geometry_array"]

#: The most rows (or parts, or rings) a GeometryArray holds: its offsets are int32.
MAX_ROWS = 2**31 - 1


def check_rows(count, argument):
    """Raise ValueError, before anything is allocated for them, when ``count`` rows cannot be held."""
    if count > MAX_ROWS:
        raise ValueError(f"{argument}: {count} rows exceed the {MAX_ROWS} a GeometryArray can hold")


def to_geometry_array(obj, argument="geometry"):
    """Return ``obj`` as a GeometryArray (or a Geometry / None for a scalar)."""
    if hasattr(obj, "__arrow_c_array__") or hasattr(obj, "__arrow_c_stream__"):
        return from_arrow(obj)
    from . import interop

    if _is_shapely_geometry(obj):
        return interop.from_shapely(obj)
    if hasattr(obj, "geometry") and hasattr(obj, "crs") and hasattr(obj, "values"):
        return interop.from_geopandas(obj)
    if isinstance(obj, np.ndarray):
        if obj.dtype != object:
            raise TypeError(f"{argument}: expected geometries, got a numpy array of {obj.dtype}")
        if obj.ndim == 0:
            item = obj.item()
            return item if item is None or isinstance(item, (Geometry, GeometryArray)) else to_geometry_array(item, argument)
        if obj.ndim != 1:
            raise ValueError(f"{argument}: expected a 1-D array of geometries, got shape {obj.shape}")
        check_rows(len(obj), argument)
    if isinstance(obj, (list, tuple, np.ndarray)):
        try:
            return interop.from_shapely(obj)
        except TypeError:
            raise TypeError(f"{argument}: expected geometries (Shapely geometries or None)") from None
    raise TypeError(f"{argument}: expected geometries, got {type(obj).__name__!r}")


def _is_shapely_geometry(obj):
    return type(obj).__module__.startswith("shapely.geometry")
