"""Pieces of geometries as geometries: members, rings and vertices.

Sharply has no LinearRing type: rings come out as closed LineStrings (Shapely 2 gives LinearRings).
Results share the input's coordinate memory when the pieces are a contiguous run of its parts or rings.
"""

from typing import Any, Literal, Sequence, TypeAlias, overload

import numpy as np
import numpy.typing as npt

from ._native import native
from ._sharply import Geometry, GeometryArray
from ._typing import GeometryArrayLike, GeometryLike, Int64Array

__all__ = [
    "extract_unique_points",
    "get_exterior_ring",
    "get_geometry",
    "get_interior_ring",
    "get_parts",
    "get_point",
    "get_rings",
]

Index: TypeAlias = int | np.integer[Any]
IndexArray: TypeAlias = Sequence[int] | npt.NDArray[np.integer[Any]]
"""Many indices (broadcast against the geometries)."""


@overload
def get_parts(geometry: GeometryLike, return_index: Literal[False] = ...) -> GeometryArray: ...
@overload
def get_parts(geometry: GeometryLike, return_index: Literal[True]) -> tuple[GeometryArray, Int64Array]: ...

@native
def get_parts(geometry: GeometryLike, return_index: bool = False) -> GeometryArray | tuple[GeometryArray, Int64Array]:
    """Get the parts of multi-geometries and the members of collections, one level down.

    A single geometry is its own only part (even when empty); empty multi-geometries and collections and missing
    geometries give none. Collections give their members as they are (a MultiPoint member stays one part).

    Parameters
    ----------
    geometry : Geometry or array_like of geometries
    return_index : bool, default False
        Also give the input index (int64) of each part.

    Returns
    -------
    GeometryArray or tuple of (GeometryArray, numpy.ndarray)
        Always an array, also for a scalar input. The parts of a Multi* array share its memory (no copy).

    Examples
    --------
    >>> import sharply
    >>> parts, index = sharply.get_parts(sharply.from_wkt(["MULTIPOINT (0 1, 2 3)", "POINT (4 5)"]), return_index=True)
    >>> sharply.to_wkt(parts).tolist(), index.tolist()
    (['POINT (0 1)', 'POINT (2 3)', 'POINT (4 5)'], [0, 0, 1])
    """


@overload
def get_geometry(geometry: Geometry | None, index: Index) -> Geometry | None: ...
@overload
def get_geometry(geometry: GeometryArrayLike, index: Index | IndexArray) -> GeometryArray: ...
@overload
def get_geometry(geometry: Geometry | None, index: IndexArray) -> GeometryArray: ...

@native
def get_geometry(geometry: GeometryLike, index: Index | IndexArray) -> Geometry | None | GeometryArray:
    """Get the part ``index`` of each multi-geometry or collection (a single geometry is its part 0).

    Negative indices count from the end; indices out of range and missing geometries give None.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries
    index : int or array_like of int
        Broadcast against ``geometry``.

    Returns
    -------
    Geometry, None or GeometryArray

    Examples
    --------
    >>> import sharply
    >>> multi = sharply.from_wkt("MULTIPOINT (0 1, 2 3)")
    >>> sharply.get_geometry(multi, -1)
    <POINT (2 3)>
    >>> sharply.get_geometry(multi, 2) is None
    True
    >>> sharply.to_wkt(sharply.get_geometry(multi, [0, 1])).tolist()
    ['POINT (0 1)', 'POINT (2 3)']
    """


@overload
def get_exterior_ring(geometry: Geometry | None) -> Geometry | None: ...
@overload
def get_exterior_ring(geometry: GeometryArrayLike) -> GeometryArray: ...

@native
def get_exterior_ring(geometry: GeometryLike) -> Geometry | None | GeometryArray:
    """Get the shell of each Polygon as a closed LineString (Shapely 2 gives a LinearRing).

    An empty polygon gives an empty LineString; other types and missing geometries give None.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    Geometry, None or GeometryArray
        For polygons without holes, the result shares the polygons' coordinates (no copy).

    Examples
    --------
    >>> import sharply
    >>> sharply.get_exterior_ring(sharply.from_wkt("POLYGON ((0 0, 1 0, 1 1, 0 0))"))
    <LINESTRING (0 0, 1 0, 1 1, 0 0)>
    >>> sharply.get_exterior_ring(sharply.points(0.0, 0.0)) is None
    True
    """


@overload
def get_interior_ring(geometry: Geometry | None, index: Index) -> Geometry | None: ...
@overload
def get_interior_ring(geometry: GeometryArrayLike, index: Index | IndexArray) -> GeometryArray: ...
@overload
def get_interior_ring(geometry: Geometry | None, index: IndexArray) -> GeometryArray: ...

@native
def get_interior_ring(geometry: GeometryLike, index: Index | IndexArray) -> Geometry | None | GeometryArray:
    """Get the hole ``index`` of each Polygon as a closed LineString (Shapely 2 gives a LinearRing).

    Negative indices count from the end; indices out of range, other types and missing geometries give None.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries
    index : int or array_like of int
        Broadcast against ``geometry``.

    Returns
    -------
    Geometry, None or GeometryArray

    Examples
    --------
    >>> import sharply
    >>> polygon = sharply.from_wkt("POLYGON ((0 0, 9 0, 9 9, 0 0), (5 1, 8 1, 8 4, 5 1))")
    >>> sharply.get_interior_ring(polygon, 0)
    <LINESTRING (5 1, 8 1, 8 4, 5 1)>
    >>> sharply.get_interior_ring(polygon, 1) is None
    True
    """


@overload
def get_rings(geometry: GeometryLike, return_index: Literal[False] = ...) -> GeometryArray: ...
@overload
def get_rings(geometry: GeometryLike, return_index: Literal[True]) -> tuple[GeometryArray, Int64Array]: ...

@native
def get_rings(geometry: GeometryLike, return_index: bool = False) -> GeometryArray | tuple[GeometryArray, Int64Array]:
    """Get the rings of each Polygon, the shell first, as closed LineStrings (Shapely 2 gives LinearRings).

    Other types, empty polygons and missing geometries give none.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries
    return_index : bool, default False
        Also give the input index (int64) of each ring.

    Returns
    -------
    GeometryArray or tuple of (GeometryArray, numpy.ndarray)
        Always an array, also for a scalar input. The rings of a Polygon array share its memory (no copy).

    Examples
    --------
    >>> import sharply
    >>> polygon = sharply.from_wkt("POLYGON ((0 0, 9 0, 9 9, 0 0), (5 1, 8 1, 8 4, 5 1))")
    >>> rings, index = sharply.get_rings([polygon, None, polygon], return_index=True)
    >>> len(rings), index.tolist()
    (4, [0, 0, 2, 2])
    """


@overload
def get_point(geometry: Geometry | None, index: Index) -> Geometry | None: ...
@overload
def get_point(geometry: GeometryArrayLike, index: Index | IndexArray) -> GeometryArray: ...
@overload
def get_point(geometry: Geometry | None, index: IndexArray) -> GeometryArray: ...

@native
def get_point(geometry: GeometryLike, index: Index | IndexArray) -> Geometry | None | GeometryArray:
    """Get the vertex ``index`` of each LineString as a Point.

    Negative indices count from the end; indices out of range, other types and missing geometries give None.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries
    index : int or array_like of int
        Broadcast against ``geometry``.

    Returns
    -------
    Geometry, None or GeometryArray

    Examples
    --------
    >>> import sharply
    >>> line = sharply.from_wkt("LINESTRING (0 0, 1 2, 3 4)")
    >>> sharply.get_point(line, -1)
    <POINT (3 4)>
    >>> sharply.to_wkt(sharply.get_point(line, [0, 1, 5])).tolist()
    ['POINT (0 0)', 'POINT (1 2)', None]
    """


@overload
def extract_unique_points(geometry: Geometry | None) -> Geometry | None: ...
@overload
def extract_unique_points(geometry: GeometryArrayLike) -> GeometryArray: ...

@native
def extract_unique_points(geometry: GeometryLike) -> Geometry | None | GeometryArray:
    """Get the distinct vertices of each geometry as a MultiPoint, in order of first appearance.

    Vertices are compared by x and y only (the first one's z is kept); empty geometries give MULTIPOINT EMPTY
    and missing geometries None.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    Geometry, None or GeometryArray

    Examples
    --------
    >>> import sharply
    >>> sharply.extract_unique_points(sharply.from_wkt("POLYGON ((0 0, 1 0, 1 1, 0 0))"))
    <MULTIPOINT (0 0, 1 0, 1 1)>
    """
