"""Reading and writing WKB, WKT and GeoJSON (Shapely 2's ``from_*`` / ``to_*`` functions)."""

from typing import overload

import numpy as np

from ._native import native
from ._sharply import Geometry, GeometryArray
from ._typing import DecoderInput, GeometryArrayLike, GeometryLike, ObjectArray

__all__ = ["from_geojson", "from_wkb", "from_wkt", "to_geojson", "to_wkb", "to_wkt"]


def _decode_input(geometry):
    """bytes, str, None, lists and tuples pass as they are; anything else becomes a 1-D object array."""
    if geometry is None or isinstance(geometry, (bytes, str, list, tuple)):
        return geometry
    array = np.asarray(geometry, dtype=object)
    if array.ndim == 0:
        return array.item()
    if array.ndim != 1:
        raise ValueError(f"geometry must be 1-dimensional, got shape {array.shape}")
    return np.ascontiguousarray(array)


def _from_wkb_stub(geometry, on_invalid):
    """Native WKB decoder."""


def _from_wkt_stub(geometry, on_invalid):
    """Native WKT decoder."""


def _from_geojson_stub(geometry, on_invalid):
    """Native GeoJSON decoder."""


_from_wkb = native(_from_wkb_stub, name="from_wkb")
_from_wkt = native(_from_wkt_stub, name="from_wkt")
_from_geojson = native(_from_geojson_stub, name="from_geojson")


@overload
def from_wkb(geometry: bytes | str, on_invalid: str = ...) -> Geometry: ...
@overload
def from_wkb(geometry: None, on_invalid: str = ...) -> None: ...
@overload
def from_wkb(geometry: DecoderInput, on_invalid: str = ...) -> GeometryArray: ...

def from_wkb(geometry: bytes | str | DecoderInput | None, on_invalid: str = "raise") -> Geometry | GeometryArray | None:
    """Create geometries from well-known binary (WKB) or hex-encoded WKB.

    ISO and extended WKB are read in both byte orders; M values are dropped, an EWKB SRID is ignored.

    Parameters
    ----------
    geometry : bytes, str or array_like of them
        WKB bytes or hex strings; None gives a missing geometry.
    on_invalid : {"raise", "warn", "ignore"}, default "raise"
        ``"raise"``: raise :class:`sharply.errors.GeometryDecodeError` naming the first invalid row.
        ``"warn"``: issue one :class:`sharply.errors.SharplyWarning` naming the invalid rows, which become
        None. ``"ignore"``: invalid rows become None silently.

    Returns
    -------
    Geometry, None or GeometryArray
        A Geometry (or None) for a single value, else a GeometryArray.

    Examples
    --------
    >>> import sharply
    >>> sharply.from_wkb(bytes.fromhex("0101000000000000000000f03f0000000000000040"))
    <POINT (1 2)>
    >>> sharply.from_wkb([b"\\x01\\x01\\x00\\x00\\x00" + bytes(16), None])
    <GeometryArray[2] Point>
    [<POINT (0 0)>, None]
    """
    return _from_wkb(_decode_input(geometry), on_invalid)


@overload
def from_wkt(geometry: bytes | str, on_invalid: str = ...) -> Geometry: ...
@overload
def from_wkt(geometry: None, on_invalid: str = ...) -> None: ...
@overload
def from_wkt(geometry: DecoderInput, on_invalid: str = ...) -> GeometryArray: ...

def from_wkt(geometry: bytes | str | DecoderInput | None, on_invalid: str = "raise") -> Geometry | GeometryArray | None:
    """Create geometries from well-known text (WKT).

    Parameters
    ----------
    geometry : str or array_like of str
        WKT strings (an EWKT ``SRID=...;`` prefix is accepted); None gives a missing geometry.
    on_invalid : {"raise", "warn", "ignore"}, default "raise"
        As for :func:`from_wkb`.

    Returns
    -------
    Geometry, None or GeometryArray

    Examples
    --------
    >>> import sharply
    >>> sharply.from_wkt("POLYGON ((0 0, 1 0, 1 1, 0 0))").area
    0.5
    >>> sharply.from_wkt(["POINT (1 2)", None, "LINESTRING (0 0, 3 4)"])
    <GeometryArray[3] Geometry>
    [<POINT (1 2)>, None, <LINESTRING (0 0, 3 4)>]
    """
    return _from_wkt(_decode_input(geometry), on_invalid)


@overload
def from_geojson(geometry: bytes | str, on_invalid: str = ...) -> Geometry: ...
@overload
def from_geojson(geometry: None, on_invalid: str = ...) -> None: ...
@overload
def from_geojson(geometry: DecoderInput, on_invalid: str = ...) -> GeometryArray: ...

def from_geojson(geometry: bytes | str | DecoderInput | None, on_invalid: str = "raise") -> Geometry | GeometryArray | None:
    """Create geometries from GeoJSON strings.

    Each value is a Geometry, a Feature (its geometry; a null geometry gives None) or a
    FeatureCollection (read as one GeometryCollection, as Shapely does).

    Parameters
    ----------
    geometry : str or array_like of str
    on_invalid : {"raise", "warn", "ignore"}, default "raise"
        As for :func:`from_wkb`.

    Returns
    -------
    Geometry, None or GeometryArray

    Examples
    --------
    >>> import sharply
    >>> sharply.from_geojson('{"type": "Point", "coordinates": [1.5, 2]}')
    <POINT (1.5 2)>
    """
    return _from_geojson(_decode_input(geometry), on_invalid)


@overload
def to_wkb(geometry: Geometry | None, hex: bool = ..., output_dimension: int = ..., byte_order: int = ..., include_srid: bool = ...) -> bytes | str | None: ...
@overload
def to_wkb(geometry: GeometryArrayLike, hex: bool = ..., output_dimension: int = ..., byte_order: int = ..., include_srid: bool = ...) -> ObjectArray: ...

@native
def to_wkb(
    geometry: GeometryLike,
    hex: bool = False,
    output_dimension: int = 3,
    byte_order: int = -1,
    include_srid: bool = False,
) -> bytes | str | None | ObjectArray:
    """Write geometries as well-known binary (WKB), byte for byte as GEOS does.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries
    hex : bool, default False
        Write uppercase hex strings instead of bytes.
    output_dimension : {2, 3}, default 3
        3 writes Z for geometries that have it; 2 drops it.
    byte_order : {-1, 0, 1}, default -1
        0 big endian, 1 little endian, -1 the machine's order.
    include_srid : bool, default False
        Accepted for compatibility; Sharply geometries have no SRID (the CRS belongs to the array), so
        no SRID is written, as GEOS does for an SRID of 0.

    Returns
    -------
    bytes, str, None or numpy.ndarray of object
        bytes (str with ``hex``) for a single geometry, else an object array with None for missing rows.

    Examples
    --------
    >>> import sharply
    >>> sharply.to_wkb(sharply.points(1.0, 2.0), hex=True)
    '0101000000000000000000F03F0000000000000040'
    """


@overload
def to_wkt(geometry: Geometry, rounding_precision: int = ..., trim: bool = ..., output_dimension: int = ...) -> str: ...
@overload
def to_wkt(geometry: None, rounding_precision: int = ..., trim: bool = ..., output_dimension: int = ...) -> None: ...
@overload
def to_wkt(geometry: GeometryArrayLike, rounding_precision: int = ..., trim: bool = ..., output_dimension: int = ...) -> ObjectArray: ...

@native
def to_wkt(
    geometry: GeometryLike, rounding_precision: int = 6, trim: bool = True, output_dimension: int = 3
) -> str | None | ObjectArray:
    """Write geometries as well-known text (WKT), as GEOS 3.11 does.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries
    rounding_precision : int, default 6
        Decimals written; -1 writes full precision.
    trim : bool, default True
        Drop trailing zeros.
    output_dimension : {2, 3}, default 3

    Returns
    -------
    str, None or numpy.ndarray of object

    Examples
    --------
    >>> import sharply
    >>> sharply.to_wkt(sharply.points(1.0, 2.0))
    'POINT (1 2)'
    >>> sharply.to_wkt(sharply.points(1 / 3, 2.0), rounding_precision=2, trim=False)
    'POINT (0.33 2.00)'
    """


@overload
def to_geojson(geometry: Geometry, indent: int | None = ...) -> str: ...
@overload
def to_geojson(geometry: None, indent: int | None = ...) -> None: ...
@overload
def to_geojson(geometry: GeometryArrayLike, indent: int | None = ...) -> ObjectArray: ...

@native
def to_geojson(geometry: GeometryLike, indent: int | None = None) -> str | None | ObjectArray:
    """Write geometries as GeoJSON geometry objects.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries
    indent : int, optional
        Spaces per nesting level; None writes compact JSON.

    Returns
    -------
    str, None or numpy.ndarray of object

    Examples
    --------
    >>> import sharply
    >>> sharply.to_geojson(sharply.points(1.0, 2.0))
    '{"type":"Point","coordinates":[1.0,2.0]}'
    """
