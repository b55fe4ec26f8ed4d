"""GEOS 3.11 functions that Shapely 1.8 does not wrap, called through its library handle (the test oracle).

Each wrapper takes and returns Shapely 1.8 geometries; NULL results (GEOS errors) raise ``GEOSError``.
"""

import ctypes

import shapely.geometry.base
from shapely.geos import lgeos

_POINTER = ctypes.c_void_p


class GEOSError(Exception):
    """GEOS reported an error (returned NULL)."""


def _function(name, restype, *argtypes):
    function = getattr(lgeos._lgeos, f"{name}_r")
    function.restype = restype
    function.argtypes = [_POINTER, *argtypes]
    return function


_INTERPOLATE = _function("GEOSInterpolate", _POINTER, _POINTER, ctypes.c_double)
_INTERPOLATE_NORMALIZED = _function("GEOSInterpolateNormalized", _POINTER, _POINTER, ctypes.c_double)
_PROJECT = _function("GEOSProject", ctypes.c_double, _POINTER, _POINTER)
_PROJECT_NORMALIZED = _function("GEOSProjectNormalized", ctypes.c_double, _POINTER, _POINTER)
_LINE_MERGE = _function("GEOSLineMerge", _POINTER, _POINTER)
_LINE_MERGE_DIRECTED = _function("GEOSLineMergeDirected", _POINTER, _POINTER)


def _geometry(pointer):
    if not pointer:
        raise GEOSError("GEOS returned NULL")
    return shapely.geometry.base.geom_factory(pointer)


def interpolate(line, distance, normalized=False):
    function = _INTERPOLATE_NORMALIZED if normalized else _INTERPOLATE
    return _geometry(function(lgeos.geos_handle, line._geom, distance))


def project(line, point, normalized=False):
    function = _PROJECT_NORMALIZED if normalized else _PROJECT
    return function(lgeos.geos_handle, line._geom, point._geom)


def line_merge(geometry, directed=False):
    return _geometry((_LINE_MERGE_DIRECTED if directed else _LINE_MERGE)(lgeos.geos_handle, geometry._geom))


_DENSIFY = _function("GEOSDensify", _POINTER, _POINTER, ctypes.c_double)
_MINIMUM_ROTATED_RECTANGLE = _function("GEOSMinimumRotatedRectangle", _POINTER, _POINTER)
_MINIMUM_BOUNDING_CIRCLE = _function("GEOSMinimumBoundingCircle", _POINTER, _POINTER, _POINTER, _POINTER)


def densify(geometry, tolerance):
    return _geometry(_DENSIFY(lgeos.geos_handle, geometry._geom, tolerance))


def minimum_rotated_rectangle(geometry):
    return _geometry(_MINIMUM_ROTATED_RECTANGLE(lgeos.geos_handle, geometry._geom))


def minimum_bounding_circle(geometry):
    """(circle, radius)."""
    radius = ctypes.c_double()
    circle = _MINIMUM_BOUNDING_CIRCLE(lgeos.geos_handle, geometry._geom, ctypes.byref(radius), None)
    return _geometry(circle), radius.value


_CLIP_BY_RECT = _function("GEOSClipByRect", _POINTER, _POINTER, *[ctypes.c_double] * 4)
_OFFSET_CURVE = _function("GEOSOffsetCurve", _POINTER, _POINTER, ctypes.c_double, ctypes.c_int, ctypes.c_int, ctypes.c_double)


def clip_by_rect(geometry, xmin, ymin, xmax, ymax):
    return _geometry(_CLIP_BY_RECT(lgeos.geos_handle, geometry._geom, xmin, ymin, xmax, ymax))


def offset_curve(geometry, distance, quad_segs=8, join_style=1, mitre_limit=5.0):
    """join_style: 1 round, 2 mitre, 3 bevel."""
    return _geometry(_OFFSET_CURVE(lgeos.geos_handle, geometry._geom, distance, quad_segs, join_style, mitre_limit))


_DELAUNAY = _function("GEOSDelaunayTriangulation", _POINTER, _POINTER, ctypes.c_double, ctypes.c_int)
_VORONOI = _function("GEOSVoronoiDiagram", _POINTER, _POINTER, _POINTER, ctypes.c_double, ctypes.c_int)
_SNAP = _function("GEOSSnap", _POINTER, _POINTER, _POINTER, ctypes.c_double)
_FRECHET = _function("GEOSFrechetDistance", ctypes.c_int, _POINTER, _POINTER, ctypes.POINTER(ctypes.c_double))
_FRECHET_DENSIFY = _function(
    "GEOSFrechetDistanceDensify", ctypes.c_int, _POINTER, _POINTER, ctypes.c_double, ctypes.POINTER(ctypes.c_double)
)
_MINIMUM_CLEARANCE = _function("GEOSMinimumClearance", ctypes.c_int, _POINTER, ctypes.POINTER(ctypes.c_double))


def delaunay_triangles(geometry, tolerance=0.0, only_edges=False):
    return _geometry(_DELAUNAY(lgeos.geos_handle, geometry._geom, tolerance, int(only_edges)))


def voronoi_polygons(geometry, tolerance=0.0, extend_to=None, only_edges=False):
    envelope = extend_to._geom if extend_to is not None else None
    return _geometry(_VORONOI(lgeos.geos_handle, geometry._geom, envelope, tolerance, int(only_edges)))


def snap(geometry, reference, tolerance):
    return _geometry(_SNAP(lgeos.geos_handle, geometry._geom, reference._geom, tolerance))


def _double(function, *arguments):
    value = ctypes.c_double()
    if function(lgeos.geos_handle, *arguments, ctypes.byref(value)) == 0:
        raise GEOSError(f"{function.__name__} failed")
    return value.value


def frechet_distance(a, b, densify=None):
    if densify is None:
        return _double(_FRECHET, a._geom, b._geom)
    return _double(_FRECHET_DENSIFY, a._geom, b._geom, densify)


def minimum_clearance(geometry):
    value = ctypes.c_double()
    if _MINIMUM_CLEARANCE(lgeos.geos_handle, geometry._geom, ctypes.byref(value)) != 0:
        raise GEOSError("GEOSMinimumClearance failed")
    return value.value
