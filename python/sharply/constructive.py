"""Constructive operations: geometry -> geometry."""

from typing import overload

from ._native import native
from ._sharply import Geometry, GeometryArray
from ._typing import GeometryArrayLike, GeometryLike

__all__ = [
    "boundary",
    "buffer",
    "centroid",
    "clip_by_rect",
    "convex_hull",
    "delaunay_triangles",
    "envelope",
    "make_valid",
    "minimum_bounding_circle",
    "minimum_rotated_rectangle",
    "normalize",
    "offset_curve",
    "oriented_envelope",
    "point_on_surface",
    "polygonize",
    "representative_point",
    "reverse",
    "segmentize",
    "simplify",
    "snap",
    "voronoi_polygons",
]

_CAP_STYLES = {"round": 1, "flat": 2, "square": 3}
_JOIN_STYLES = {"round": 1, "mitre": 2, "bevel": 3}


def _style(value, styles, argument):
    if isinstance(value, str):
        try:
            return styles[value.lower()]
        except KeyError:
            raise ValueError(f"{argument} must be one of {sorted(styles)}, got {value!r}") from None
    if value not in styles.values():
        raise ValueError(f"{argument} must be one of {sorted(styles)} or {sorted(styles.values())}, got {value!r}")
    return int(value)


def _buffer_stub(geometry, distance, quad_segs, cap_style, join_style, mitre_limit):
    """Native buffer: styles as integer codes."""


_buffer = native(_buffer_stub, name="buffer")


@overload
def buffer(geometry: Geometry, distance: float, quad_segs: int = ..., cap_style: str | int = ..., join_style: str | int = ..., mitre_limit: float = ...) -> Geometry: ...
@overload
def buffer(geometry: None, distance: float, quad_segs: int = ..., cap_style: str | int = ..., join_style: str | int = ..., mitre_limit: float = ...) -> None: ...
@overload
def buffer(geometry: GeometryArrayLike, distance: float, quad_segs: int = ..., cap_style: str | int = ..., join_style: str | int = ..., mitre_limit: float = ...) -> GeometryArray: ...

def buffer(geometry: GeometryLike,
    distance: float,
    quad_segs: int = 8,
    cap_style: str | int = "round",
    join_style: str | int = "round",
    mitre_limit: float = 5.0,
) -> Geometry | GeometryArray | None:
    """Compute the area within ``distance`` of each geometry.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries
    distance : float
        Negative distances shrink polygons; NaN gives missing geometries (as Shapely 2); beyond 1e150 in
        magnitude (infinite included) raises ValueError.
    quad_segs : int, default 8
        Segments used to approximate a quarter circle, at most 100,000 (either sign).
    cap_style : {"round", "flat", "square"}, default "round"
    join_style : {"round", "mitre", "bevel"}, default "round"
    mitre_limit : float, default 5.0

    Returns
    -------
    Geometry or GeometryArray
        Missing geometries stay missing.

    Examples
    --------
    >>> import sharply
    >>> round(sharply.buffer(sharply.points(0.0, 0.0), 1.0).area, 4)
    3.1214
    """
    return _buffer(
        geometry,
        distance,
        int(quad_segs),
        _style(cap_style, _CAP_STYLES, "cap_style"),
        _style(join_style, _JOIN_STYLES, "join_style"),
        mitre_limit,
    )


@overload
def centroid(geometry: Geometry) -> Geometry: ...
@overload
def centroid(geometry: None) -> None: ...
@overload
def centroid(geometry: GeometryArrayLike) -> GeometryArray: ...

@native
def centroid(geometry: GeometryLike) -> Geometry | GeometryArray | None:
    """Compute the geometric center of each geometry.

    Area-weighted for polygons, length-weighted for lines, the mean for points (the highest dimension
    present wins). Empty geometries give POINT EMPTY; missing geometries stay missing.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    Geometry or GeometryArray

    Examples
    --------
    >>> import sharply
    >>> c = sharply.centroid(sharply.buffer(sharply.points(1.0, 2.0), 1.0))
    >>> round(c.x, 9), round(c.y, 9)
    (1.0, 2.0)
    """


@overload
def representative_point(geometry: Geometry) -> Geometry: ...
@overload
def representative_point(geometry: None) -> None: ...
@overload
def representative_point(geometry: GeometryArrayLike) -> GeometryArray: ...

@native
def representative_point(geometry: GeometryLike) -> Geometry | GeometryArray | None:
    """Compute a point guaranteed to lie within each geometry (cheaper than a centroid test).

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    Geometry or GeometryArray

    Examples
    --------
    >>> import sharply
    >>> disk = sharply.buffer(sharply.points(0.0, 0.0), 1.0)
    >>> sharply.within(sharply.representative_point(disk), disk)
    True
    """


point_on_surface = representative_point


@overload
def envelope(geometry: Geometry) -> Geometry: ...
@overload
def envelope(geometry: None) -> None: ...
@overload
def envelope(geometry: GeometryArrayLike) -> GeometryArray: ...

@native
def envelope(geometry: GeometryLike) -> Geometry | GeometryArray | None:
    """Compute the bounding box of each geometry as a Polygon (a Point when it is a single point).

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    Geometry or GeometryArray

    Examples
    --------
    >>> import sharply
    >>> sharply.envelope(sharply.buffer(sharply.points(0.0, 0.0), 1.0)).area
    4.0
    """


@overload
def convex_hull(geometry: Geometry) -> Geometry: ...
@overload
def convex_hull(geometry: None) -> None: ...
@overload
def convex_hull(geometry: GeometryArrayLike) -> GeometryArray: ...

@native
def convex_hull(geometry: GeometryLike) -> Geometry | GeometryArray | None:
    """Compute the smallest convex geometry containing each geometry.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    Geometry or GeometryArray

    Examples
    --------
    >>> import sharply
    >>> sharply.convex_hull(sharply.points(1.0, 1.0)).geom_type
    'Point'
    """


@overload
def boundary(geometry: Geometry | None) -> Geometry | None: ...
@overload
def boundary(geometry: GeometryArrayLike) -> GeometryArray: ...

@native
def boundary(geometry: GeometryLike) -> Geometry | GeometryArray | None:
    """Compute the topological boundary of each geometry.

    Polygons give their rings, lines their end points; geometry collections give None (as in Shapely).

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    Geometry or GeometryArray

    Examples
    --------
    >>> import sharply
    >>> sharply.boundary(sharply.buffer(sharply.points(0.0, 0.0), 1.0)).geom_type
    'LineString'
    """


def _simplify_stub(geometry, tolerance, preserve_topology):
    """Native simplify: every argument given."""


_simplify = native(_simplify_stub, name="simplify")


@overload
def simplify(geometry: Geometry, tolerance: float, preserve_topology: bool = ...) -> Geometry: ...
@overload
def simplify(geometry: None, tolerance: float, preserve_topology: bool = ...) -> None: ...
@overload
def simplify(geometry: GeometryArrayLike, tolerance: float, preserve_topology: bool = ...) -> GeometryArray: ...

def simplify(geometry: GeometryLike, tolerance: float, preserve_topology: bool = True) -> Geometry | GeometryArray | None:
    """Simplify each geometry with the Douglas-Peucker algorithm.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries
    tolerance : float
        Vertices closer than this to the simplified line are removed. Non-negative; NaN gives missing
        geometries (as Shapely 2).
    preserve_topology : bool, default True
        Keep polygons valid (no self-intersection, no collapse), at some cost in speed.

    Returns
    -------
    Geometry or GeometryArray

    Examples
    --------
    >>> import sharply
    >>> disk = sharply.buffer(sharply.points(0.0, 0.0), 10.0)
    >>> sharply.get_num_coordinates(sharply.simplify(disk, 1.0))
    9
    """
    return _simplify(geometry, tolerance, bool(preserve_topology))


@overload
def make_valid(geometry: Geometry) -> Geometry: ...
@overload
def make_valid(geometry: None) -> None: ...
@overload
def make_valid(geometry: GeometryArrayLike) -> GeometryArray: ...

@native
def make_valid(geometry: GeometryLike) -> Geometry | GeometryArray | None:
    """Repair invalid geometries (valid ones are returned unchanged); collapsed parts are dropped.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    Geometry or GeometryArray

    Examples
    --------
    >>> import sharply
    >>> sharply.is_valid(sharply.make_valid(sharply.points(0.0, 0.0)))
    True
    """


@overload
def reverse(geometry: Geometry) -> Geometry: ...
@overload
def reverse(geometry: None) -> None: ...
@overload
def reverse(geometry: GeometryArrayLike) -> GeometryArray: ...

@native
def reverse(geometry: GeometryLike) -> Geometry | GeometryArray | None:
    """Reverse the order of the vertices of every line and ring.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    Geometry or GeometryArray

    Examples
    --------
    >>> import sharply
    >>> disk = sharply.buffer(sharply.points(0.0, 0.0), 1.0)
    >>> sharply.equals(sharply.reverse(disk), disk)
    True
    """


@overload
def normalize(geometry: Geometry) -> Geometry: ...
@overload
def normalize(geometry: None) -> None: ...
@overload
def normalize(geometry: GeometryArrayLike) -> GeometryArray: ...

@native
def normalize(geometry: GeometryLike) -> Geometry | GeometryArray | None:
    """Put each geometry in normal form (ordered parts, rings from their lowest vertex, shells clockwise).

    Two geometries with the same normal form are structurally equal.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    Geometry or GeometryArray

    Examples
    --------
    >>> import sharply
    >>> disk = sharply.buffer(sharply.points(0.0, 0.0), 1.0)
    >>> sharply.equals_exact(sharply.normalize(sharply.reverse(disk)), sharply.normalize(disk))
    True
    """


@overload
def oriented_envelope(geometry: Geometry) -> Geometry: ...
@overload
def oriented_envelope(geometry: None) -> None: ...
@overload
def oriented_envelope(geometry: GeometryArrayLike) -> GeometryArray: ...

@native
def oriented_envelope(geometry: GeometryLike) -> Geometry | GeometryArray | None:
    """Compute the rotated rectangle of least area enclosing each geometry.

    Degenerate inputs give a Point or a LineString; empty geometries give POLYGON EMPTY.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    Geometry or GeometryArray
        Missing geometries stay missing.

    Examples
    --------
    >>> import sharply
    >>> sharply.oriented_envelope(sharply.from_wkt("MULTIPOINT ((0 0), (10 0), (10 10))")).area
    100.0
    """


@overload
def minimum_rotated_rectangle(geometry: Geometry) -> Geometry: ...
@overload
def minimum_rotated_rectangle(geometry: None) -> None: ...
@overload
def minimum_rotated_rectangle(geometry: GeometryArrayLike) -> GeometryArray: ...

@native
def minimum_rotated_rectangle(geometry: GeometryLike) -> Geometry | GeometryArray | None:
    """Compute the rotated rectangle of least area enclosing each geometry.

    Shapely's other name for :func:`oriented_envelope`.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    Geometry or GeometryArray
        Missing geometries stay missing.

    Examples
    --------
    >>> import sharply
    >>> sharply.minimum_rotated_rectangle(sharply.from_wkt("LINESTRING (0 0, 1 1)"))
    <LINESTRING (0 0, 1 1)>
    """


@overload
def minimum_bounding_circle(geometry: Geometry) -> Geometry: ...
@overload
def minimum_bounding_circle(geometry: None) -> None: ...
@overload
def minimum_bounding_circle(geometry: GeometryArrayLike) -> GeometryArray: ...

@native
def minimum_bounding_circle(geometry: GeometryLike) -> Geometry | GeometryArray | None:
    """Compute the smallest circle enclosing each geometry, as a polygon.

    A single point gives itself; empty geometries give POLYGON EMPTY.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    Geometry or GeometryArray
        Missing geometries stay missing.

    Examples
    --------
    >>> import sharply
    >>> circle = sharply.minimum_bounding_circle(sharply.from_wkt("MULTIPOINT ((0 0), (2 0))"))
    >>> sharply.contains(circle, sharply.points(1.0, 0.9))
    True
    """


@overload
def segmentize(geometry: Geometry, max_segment_length: float) -> Geometry: ...
@overload
def segmentize(geometry: None, max_segment_length: float) -> None: ...
@overload
def segmentize(geometry: GeometryArrayLike, max_segment_length: float) -> GeometryArray: ...

@native
def segmentize(geometry: GeometryLike, max_segment_length: float) -> Geometry | GeometryArray | None:
    """Add vertices so that no segment is longer than ``max_segment_length``.

    Each longer segment is split into ceil(length / max_segment_length) pieces of equal length (GEOS
    3.11's Densifier: added vertices have no z, repeated vertices are dropped, and a line whose vertices
    are all equal raises ``GeometryOperationError``); polygons are made valid afterwards as GEOS does.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries
    max_segment_length : float
        Greater than 0.

    Returns
    -------
    Geometry or GeometryArray
        Missing geometries stay missing.

    Examples
    --------
    >>> import sharply
    >>> sharply.segmentize(sharply.from_wkt("LINESTRING (0 0, 0 10)"), 3.0)
    <LINESTRING (0 0, 0 2.5, 0 5, 0 7.5, 0 10)>
    """


@overload
def clip_by_rect(geometry: Geometry, xmin: float, ymin: float, xmax: float, ymax: float) -> Geometry: ...
@overload
def clip_by_rect(geometry: None, xmin: float, ymin: float, xmax: float, ymax: float) -> None: ...
@overload
def clip_by_rect(geometry: GeometryArrayLike, xmin: float, ymin: float, xmax: float, ymax: float) -> GeometryArray: ...

@native
def clip_by_rect(geometry: GeometryLike, xmin: float, ymin: float, xmax: float, ymax: float) -> Geometry | GeometryArray | None:
    """Return the part of each geometry strictly inside a rectangle.

    GEOS's fast rectangle clipping: points, lines and area edges lying on the rectangle's boundary are
    dropped. A geometry inside the rectangle comes back unchanged; clipped lines and polygons are 2D and
    may differ from ``intersection`` in vertex order. Nothing left gives GEOMETRYCOLLECTION EMPTY.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries
    xmin, ymin, xmax, ymax : float
        The rectangle: finite, with xmin < xmax and ymin < ymax (else ValueError).

    Returns
    -------
    Geometry or GeometryArray
        Missing geometries stay missing; NaN or infinite coordinates raise ValueError naming the row.

    Examples
    --------
    >>> import sharply
    >>> line = sharply.from_wkt("LINESTRING (0 0, 10 10)")
    >>> sharply.clip_by_rect(line, 0.0, 0.0, 1.0, 1.0)
    <LINESTRING (0 0, 1 1)>
    >>> sharply.clip_by_rect(sharply.from_wkt("POINT (0 0)"), 0.0, 0.0, 1.0, 1.0)
    <GEOMETRYCOLLECTION EMPTY>
    """


def _offset_curve_stub(geometry, distance, quad_segs, join_style, mitre_limit):
    """Native offset_curve: join_style as an integer code."""


_offset_curve = native(_offset_curve_stub, name="offset_curve")


@overload
def offset_curve(geometry: Geometry, distance: float, quad_segs: int = ..., join_style: str | int = ..., mitre_limit: float = ...) -> Geometry: ...
@overload
def offset_curve(geometry: None, distance: float, quad_segs: int = ..., join_style: str | int = ..., mitre_limit: float = ...) -> None: ...
@overload
def offset_curve(geometry: GeometryArrayLike, distance: float, quad_segs: int = ..., join_style: str | int = ..., mitre_limit: float = ...) -> GeometryArray: ...

def offset_curve(geometry: GeometryLike,
    distance: float,
    quad_segs: int = 8,
    join_style: str | int = "round",
    mitre_limit: float = 5.0,
) -> Geometry | GeometryArray | None:
    """Return the line at ``distance`` to the left of each line (to the right for a negative distance).

    The curve keeps the line's direction. Polygons give the offset of their boundary; points and empty
    geometries give LINESTRING EMPTY.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries
    distance : float
        NaN gives missing geometries; beyond 1e150 in magnitude (infinite included) raises ValueError.
    quad_segs : int, default 8
        Segments used to approximate a quarter circle, at most 100,000 (either sign).
    join_style : {"round", "mitre", "bevel"}, default "round"
    mitre_limit : float, default 5.0

    Returns
    -------
    Geometry or GeometryArray
        Missing geometries stay missing.

    Examples
    --------
    >>> import sharply
    >>> sharply.offset_curve(sharply.from_wkt("LINESTRING (0 0, 10 0)"), 2.0)
    <LINESTRING (0 2, 10 2)>
    >>> sharply.offset_curve(sharply.from_wkt("LINESTRING (0 0, 10 0, 10 10)"), 1.0, join_style="mitre")
    <LINESTRING (0 1, 9 1, 9 10)>
    """
    return _offset_curve(geometry, distance, int(quad_segs), _style(join_style, _JOIN_STYLES, "join_style"), mitre_limit)


@overload
def delaunay_triangles(geometry: Geometry, tolerance: float = ..., only_edges: bool = ...) -> Geometry: ...
@overload
def delaunay_triangles(geometry: None, tolerance: float = ..., only_edges: bool = ...) -> None: ...
@overload
def delaunay_triangles(geometry: GeometryArrayLike, tolerance: float = ..., only_edges: bool = ...) -> GeometryArray: ...

@native
def delaunay_triangles(geometry: GeometryLike, tolerance: float = 0.0, only_edges: bool = False) -> Geometry | GeometryArray | None:
    """Compute the Delaunay triangulation of the vertices of each geometry.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries
    tolerance : float, default 0.0
        Vertices closer than this are merged; finite and non-negative.
    only_edges : bool, default False
        Return the edges of the triangles as a MultiLineString rather than the triangles.

    Returns
    -------
    Geometry or GeometryArray
        A GeometryCollection of triangles (empty with fewer than three distinct vertices), or a
        MultiLineString of their edges; missing geometries stay missing.

    Examples
    --------
    >>> import sharply
    >>> points = sharply.from_wkt("MULTIPOINT ((0 0), (1 0), (1 1), (0 1))")
    >>> len(sharply.delaunay_triangles(points).geoms)
    2
    >>> len(sharply.delaunay_triangles(points, only_edges=True).geoms)
    5
    """


def _voronoi_polygons_stub(geometry, tolerance, extend_to, only_edges):
    """Native voronoi_polygons."""


@overload
def voronoi_polygons(geometry: Geometry, tolerance: float = ..., extend_to: Geometry | None = ..., only_edges: bool = ...) -> Geometry: ...
@overload
def voronoi_polygons(geometry: None, tolerance: float = ..., extend_to: Geometry | None = ..., only_edges: bool = ...) -> None: ...
@overload
def voronoi_polygons(geometry: GeometryArrayLike, tolerance: float = ..., extend_to: Geometry | None = ..., only_edges: bool = ...) -> GeometryArray: ...

@native
def voronoi_polygons(
    geometry: GeometryLike, tolerance: float = 0.0, extend_to: Geometry | None = None, only_edges: bool = False
) -> Geometry | GeometryArray | None:
    """Compute the Voronoi diagram of the vertices of each geometry.

    The cells are clipped to the vertices' envelope grown by its larger side, or to the envelope of
    ``extend_to`` when that is larger.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries
    tolerance : float, default 0.0
        Vertices closer than this are merged; finite and non-negative.
    extend_to : Geometry, optional
        A single geometry whose envelope the diagram should cover.
    only_edges : bool, default False
        Return the edges of the cells as lines rather than the cells.

    Returns
    -------
    Geometry or GeometryArray
        A GeometryCollection of polygons (empty with fewer than two distinct vertices), or the lines of
        their edges; missing geometries stay missing.

    Examples
    --------
    >>> import sharply
    >>> cells = sharply.voronoi_polygons(sharply.from_wkt("MULTIPOINT ((0 0), (2 0))"))
    >>> [cell.area for cell in cells.geoms]
    [12.0, 12.0]
    >>> sharply.voronoi_polygons(sharply.from_wkt("MULTIPOINT ((0 0), (2 0))"), only_edges=True)
    <LINESTRING (1 2, 1 -2)>
    """


@overload
def snap(geometry: Geometry | None, reference: Geometry | None, tolerance: float) -> Geometry | None: ...
@overload
def snap(geometry: GeometryArrayLike, reference: GeometryLike, tolerance: float) -> GeometryArray: ...
@overload
def snap(geometry: GeometryLike, reference: GeometryArrayLike, tolerance: float) -> GeometryArray: ...

@native
def snap(geometry: GeometryLike, reference: GeometryLike, tolerance: float) -> Geometry | GeometryArray | None:
    """Snap the vertices and segments of each geometry to the vertices of ``reference`` within ``tolerance``.

    Arrays are paired element-wise; a single geometry is broadcast against an array. Where several
    reference vertices lie within ``tolerance`` of a vertex, it snaps to the first of them (NTS's rule;
    GEOS takes the closest).

    Parameters
    ----------
    geometry, reference : Geometry or array_like of geometries
    tolerance : float
        NaN gives missing geometries.

    Returns
    -------
    Geometry or GeometryArray
        Missing where either geometry is missing.

    Examples
    --------
    >>> import sharply
    >>> square = sharply.from_wkt("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))")
    >>> sharply.snap(square, sharply.from_wkt("POINT (2.5 2.5)"), 1.0)
    <POLYGON ((0 0, 2 0, 2.5 2.5, 0 2, 0 0))>
    """


def _polygonize_stub(geometries):
    """Native polygonize of all rows."""


_polygonize = native(_polygonize_stub, name="polygonize")


def polygonize(geometries: GeometryLike) -> Geometry:
    """Form the polygons enclosed by the lines of all geometries.

    The lines must be noded (meet only at their ends); polygon rings count as lines. Missing geometries
    are ignored.

    Parameters
    ----------
    geometries : Geometry or array_like of geometries

    Returns
    -------
    Geometry
        A GeometryCollection of polygons (empty when the lines enclose none).

    Examples
    --------
    >>> import sharply
    >>> lines = sharply.from_wkt(["LINESTRING (0 0, 1 1)", "LINESTRING (0 0, 0 1)", "LINESTRING (0 1, 1 1)"])
    >>> sharply.polygonize(lines)
    <GEOMETRYCOLLECTION (POLYGON ((1 1, 0 0, 0 1, 1 1)))>
    """
    return _polygonize(geometries)
