"""Conversion from and to Shapely geometries and GeoPandas GeoSeries.

Geometries cross the boundary as WKB: with Shapely 2 both directions are single vectorized calls; with
Shapely 1.8, which has no vectorized API, the WKB of each geometry is read in one list comprehension
(the only Python loop over geometries in Sharply) and decoded by one :func:`sharply.from_wkb` call.
"""

from typing import Any, overload

import numpy as np
import numpy.typing as npt

from . import _interop
from ._native import native
from ._sharply import Geometry, GeometryArray
from ._typing import DecoderInput
from .io import from_wkb, to_wkb

__all__ = ["from_geopandas", "from_shapely", "to_geopandas", "to_shapely"]


def _with_crs_stub(geometry, crs):
    """Native: the same GeometryArray (no copy) with another CRS."""


_with_crs = native(_with_crs_stub, name="_with_crs")


def _shapely():
    import shapely
    import shapely.wkb

    return shapely


def _is_shapely2(shapely):
    return hasattr(shapely, "to_wkb")


@overload
def from_shapely(geometry: None, crs: str | None = ...) -> None: ...
@overload
def from_shapely(geometry: DecoderInput, crs: str | None = ...) -> GeometryArray: ...
@overload
def from_shapely(geometry: Any, crs: str | None = ...) -> Geometry | GeometryArray | None: ...

def from_shapely(geometry: Any, crs: str | None = None) -> Geometry | GeometryArray | None:
    """Create Sharply geometries from Shapely geometries.

    Parameters
    ----------
    geometry : shapely geometry, None, or sequence / numpy object array of them
    crs : str, optional
        Coordinate reference system carried by the resulting array.

    Returns
    -------
    Geometry, None or GeometryArray
        A Geometry (or None) for a single geometry, else a GeometryArray with None as missing rows.

    Examples
    --------
    >>> import sharply
    >>> from shapely.geometry import Point
    >>> sharply.from_shapely([Point(0, 0), None, Point(1, 1)]).crs is None
    True
    >>> sharply.from_shapely(Point(3, 4)).area
    0.0
    """
    if geometry is None:
        return None
    if _interop._is_shapely_geometry(geometry):
        return from_wkb(geometry.wkb)
    shapely = _shapely()
    if _is_shapely2(shapely):
        wkb = shapely.to_wkb(np.asarray(geometry, dtype=object))
    else:
        try:
            wkb = [None if g is None else g.wkb for g in geometry]
        except AttributeError:
            raise TypeError("expected Shapely geometries or None") from None
    result = from_wkb(wkb)
    return result if crs is None else _with_crs(result, crs)


def to_shapely(geometry: Geometry | GeometryArray | None) -> Any:
    """Convert Sharply geometries to Shapely geometries.

    Parameters
    ----------
    geometry : Geometry, None or GeometryArray

    Returns
    -------
    shapely geometry, None or numpy.ndarray of object
        An object array (None for missing rows) for a GeometryArray.

    Examples
    --------
    >>> import sharply
    >>> sharply.to_shapely(sharply.points(1.0, 2.0)).wkt
    'POINT (1 2)'
    >>> sharply.to_shapely(sharply.points([[0, 0], [1, 1]])).shape
    (2,)
    """
    shapely = _shapely()
    wkb = to_wkb(geometry)
    if wkb is None or isinstance(wkb, bytes):
        return None if wkb is None else shapely.wkb.loads(wkb)
    if _is_shapely2(shapely):
        return shapely.from_wkb(wkb)
    loads = shapely.wkb.loads
    return np.fromiter((None if b is None else loads(b) for b in wkb), dtype=object, count=len(wkb))


def _crs_string(crs):
    """A string that pyproj reads back as the same CRS: the authority code when it round-trips, else WKT."""
    if crs is None:
        return None
    text = crs.to_string()
    import pyproj

    return text if pyproj.CRS.from_user_input(text) == crs else crs.to_wkt()


def from_geopandas(data: Any) -> GeometryArray:
    """Create a GeometryArray from a GeoSeries (or a GeoDataFrame's active geometry column).

    Parameters
    ----------
    data : geopandas.GeoSeries or geopandas.GeoDataFrame

    Returns
    -------
    GeometryArray
        Missing geometries are None; the CRS is kept as a string (an authority code such as
        ``"EPSG:4326"`` when one identifies it, else WKT).

    Examples
    --------
    >>> import geopandas
    >>> import sharply
    >>> from shapely.geometry import Point
    >>> series = geopandas.GeoSeries([Point(0, 0), None], crs="EPSG:4326")
    >>> sharply.from_geopandas(series).crs
    'EPSG:4326'
    """
    try:
        series = data.geometry
    except AttributeError:
        raise TypeError(f"data must be a GeoSeries or a GeoDataFrame, not {type(data).__name__!r}") from None
    return from_shapely(np.asarray(series.values, dtype=object), crs=_crs_string(series.crs))


def to_geopandas(geometry: GeometryArray, index: npt.ArrayLike | None = None) -> Any:
    """Convert a GeometryArray to a GeoSeries with its CRS.

    Parameters
    ----------
    geometry : GeometryArray
    index : array_like, optional
        The index of the GeoSeries.

    Returns
    -------
    geopandas.GeoSeries

    Examples
    --------
    >>> import sharply
    >>> series = sharply.to_geopandas(sharply.points([[0, 0], [1, 1]], crs="EPSG:3857"))
    >>> series.crs.to_epsg(), len(series)
    (3857, 2)
    """
    import geopandas

    if not isinstance(geometry, GeometryArray):
        raise TypeError(f"to_geopandas needs a GeometryArray, not {type(geometry).__name__!r}")
    return geopandas.GeoSeries(to_shapely(geometry), index=index, crs=geometry.crs)
