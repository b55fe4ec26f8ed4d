"""The Arrow PyCapsule Interface: GeometryArray as a GeoArrow producer, :func:`from_arrow` as a consumer.

Importing this module gives :class:`~sharply.GeometryArray` its ``__arrow_c_schema__``,
``__arrow_c_array__`` and ``__arrow_c_stream__`` methods (thin wrappers of native functions), so any
library that speaks the interface (pyarrow, geoarrow-pyarrow, arro3, polars, DuckDB) reads Sharply arrays,
and Sharply reads theirs.
"""

from typing import Any

from ._native import native
from ._sharply import GeometryArray
from ._typing import ArrowArrayExportable, ArrowStreamExportable

__all__ = ["from_arrow"]

_GEOMETRY_TYPES = {
    "point": 0,
    "linestring": 1,
    "polygon": 3,
    "multipoint": 4,
    "multilinestring": 5,
    "multipolygon": 6,
}


def _arrow_schema_stub(array):
    """Native: the ``arrow_schema`` capsule of a GeometryArray."""


def _arrow_array_stub(array, requested_schema):
    """Native: the (``arrow_schema``, ``arrow_array``) capsules of a GeometryArray."""


def _arrow_stream_stub(array, requested_schema):
    """Native: the ``arrow_array_stream`` capsule of a GeometryArray."""


def _from_arrow_stub(obj, geometry_type):
    """Native: import an Arrow producer; geometry_type is None or a Shapely type id."""


_arrow_schema = native(_arrow_schema_stub, name="_arrow_schema")
_arrow_array = native(_arrow_array_stub, name="_arrow_array")
_arrow_stream = native(_arrow_stream_stub, name="_arrow_stream")
_native_from_arrow = native(_from_arrow_stub, name="from_arrow")


def __arrow_c_schema__(self: GeometryArray) -> Any:
    """Export the array's GeoArrow field as an ``arrow_schema`` PyCapsule.

    The field is the native GeoArrow type (``geoarrow.point`` ... ``geoarrow.multipolygon``, interleaved
    coordinates) when every row has one type, else ``geoarrow.wkb``; the CRS is in its extension metadata.

    Examples
    --------
    >>> import sharply
    >>> type(sharply.points([[0, 0], [1, 1]]).__arrow_c_schema__()).__name__
    'PyCapsule'
    """
    return _arrow_schema(self)


def __arrow_c_array__(self: GeometryArray, requested_schema: Any = None) -> tuple[Any, Any]:
    """Export the array as a pair of PyCapsules (``arrow_schema``, ``arrow_array``).

    Native encodings share the array's memory (no copy); it stays alive until the consumer releases the
    array.

    Parameters
    ----------
    requested_schema : PyCapsule, optional
        An ``arrow_schema`` capsule asking for another layout: the native type with separated coordinates
        (``Struct<x, y[, z]>``, a copy), ``geoarrow.wkb`` (Binary) or ``geoarrow.wkt`` (Utf8). A request
        this array cannot honour raises :class:`~sharply.errors.InvalidLayoutError`.

    Examples
    --------
    >>> import sharply
    >>> schema, array = sharply.points([[0, 0], [1, 1]]).__arrow_c_array__()
    >>> type(schema).__name__, type(array).__name__
    ('PyCapsule', 'PyCapsule')
    """
    return _arrow_array(self, requested_schema)


def __arrow_c_stream__(self: GeometryArray, requested_schema: Any = None) -> Any:
    """Export the array as an ``arrow_array_stream`` PyCapsule holding one chunk (the whole array).

    Parameters
    ----------
    requested_schema : PyCapsule, optional
        As for ``__arrow_c_array__``.

    Examples
    --------
    >>> import sharply
    >>> type(sharply.points([[0, 0], [1, 1]]).__arrow_c_stream__()).__name__
    'PyCapsule'
    """
    return _arrow_stream(self, requested_schema)


for _method in (__arrow_c_schema__, __arrow_c_array__, __arrow_c_stream__):
    _method.__qualname__ = f"GeometryArray.{_method.__name__}"
    setattr(GeometryArray, _method.__name__, _method)
del _method


def from_arrow(
    obj: ArrowArrayExportable | ArrowStreamExportable, geometry_type: str | int | None = None
) -> GeometryArray:
    """Create a GeometryArray from any Arrow array or stream (the Arrow PyCapsule Interface).

    ``obj`` is any object with ``__arrow_c_array__`` (used first) or ``__arrow_c_stream__``: a pyarrow
    array or chunked array, a GeometryArray, an arro3 or geoarrow object. Its field may be a GeoArrow
    native type (``geoarrow.point`` ... ``geoarrow.multipolygon``, interleaved or separated coordinates,
    List or LargeList offsets), ``geoarrow.wkb`` or ``geoarrow.wkt``; without extension metadata,
    Binary is read as WKB, Utf8 as WKT, and a bare List / FixedSizeList / Struct layout needs
    ``geometry_type``.

    Interleaved coordinates with int32 offsets are not copied: the result keeps the producer's memory alive
    and releases it once nothing views it. A stream of several chunks is concatenated into one array (a
    copy); a stream of one chunk is not copied.

    Parameters
    ----------
    obj : object
        An Arrow producer.
    geometry_type : str or int, optional
        The geometry type of a bare native layout: "point", "linestring", "polygon", "multipoint",
        "multilinestring" or "multipolygon", or Shapely's type id (0, 1, 3, 4, 5, 6).

    Returns
    -------
    GeometryArray

    Raises
    ------
    TypeError
        ``obj`` does not implement the interface, or its methods return something other than capsules
        named ``arrow_schema`` / ``arrow_array`` / ``arrow_array_stream``.
    sharply.errors.InvalidLayoutError
        The Arrow data is inconsistent (offsets, buffer sizes, child counts) or not a geometry layout.

    Examples
    --------
    >>> import sharply
    >>> arr = sharply.points([[0, 0], [3, 4]], crs="EPSG:4326")
    >>> copy = sharply.from_arrow(arr)
    >>> len(copy), copy.crs
    (2, 'EPSG:4326')
    >>> float(sharply.distance(copy[0], copy[1]))
    5.0
    """
    if isinstance(geometry_type, str):
        try:
            geometry_type = _GEOMETRY_TYPES[geometry_type.lower()]
        except KeyError:
            raise ValueError(
                f"geometry_type must be one of {', '.join(_GEOMETRY_TYPES)}, got {geometry_type!r}"
            ) from None
    return _native_from_arrow(obj, geometry_type)
