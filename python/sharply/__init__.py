"""Sharply: vectorized geometry with a compiled C# core.

Sharply follows Shapely 2's vectorized function API (same names and arguments) on arrays stored in the
GeoArrow memory layout. Its compiled core is a .NET library compiled by NativeAOT into the CPython
extension module ``sharply._sharply``.
"""

import os as _os

from . import errors
from . import _sharply
from ._runtime import get_num_threads, set_num_threads
from ._sharply import Geometry, GeometryArray
from . import _methods
from .accessors import get_exterior_ring, get_geometry, get_interior_ring, get_parts, get_point, get_rings
from .array import concat
from .arrow import from_arrow
from .constructive import (
    boundary,
    buffer,
    centroid,
    convex_hull,
    envelope,
    make_valid,
    minimum_bounding_circle,
    minimum_rotated_rectangle,
    normalize,
    oriented_envelope,
    point_on_surface,
    representative_point,
    reverse,
    segmentize,
    simplify,
)
from .coordinates import count_coordinates, get_coordinates
from .creation import (
    geometrycollections,
    linearrings,
    linestrings,
    multilinestrings,
    multipoints,
    multipolygons,
    points,
    polygons,
)
from .io import from_geojson, from_wkb, from_wkt, to_geojson, to_wkb, to_wkt
from .interop import from_geopandas, from_shapely, to_geopandas, to_shapely
from .join import sjoin, sjoin_geopandas
from .linear import line_interpolate_point, line_locate_point, line_merge, shortest_line
from .measurement import area, bounds, distance, hausdorff_distance, length, minimum_bounding_radius, total_bounds
from .predicates import (
    contains,
    contains_properly,
    contains_xy,
    covered_by,
    covers,
    crosses,
    disjoint,
    dwithin,
    equals,
    equals_exact,
    intersects,
    intersects_xy,
    overlaps,
    relate,
    relate_pattern,
    touches,
    within,
)
from .properties import (
    get_coordinate_dimension,
    get_dimensions,
    get_num_coordinates,
    get_num_geometries,
    get_num_interior_rings,
    get_num_points,
    get_type_id,
    get_x,
    get_y,
    get_z,
    has_z,
    is_closed,
    is_empty,
    is_geometry,
    is_missing,
    is_ring,
    is_simple,
    is_valid,
    is_valid_reason,
)
from .set_operations import (
    difference,
    intersection,
    intersection_all,
    symmetric_difference,
    unary_union,
    union,
    union_all,
)
from .ragged import GeometryType, from_ragged_array, to_ragged_array
from .strtree import STRtree

__version__ = "0.1.0"

# Worker threads do not survive fork(); stop them first so the child's runtime is consistent.
_os.register_at_fork(before=_sharply._bind("_prepare_fork", (), None, ()))

__all__ = [
    "Geometry",
    "GeometryArray",
    "GeometryType",
    "STRtree",
    "area",
    "boundary",
    "bounds",
    "buffer",
    "centroid",
    "concat",
    "contains",
    "contains_properly",
    "contains_xy",
    "convex_hull",
    "count_coordinates",
    "covered_by",
    "covers",
    "crosses",
    "difference",
    "disjoint",
    "distance",
    "dwithin",
    "envelope",
    "equals",
    "equals_exact",
    "errors",
    "from_arrow",
    "from_geojson",
    "from_geopandas",
    "from_ragged_array",
    "from_shapely",
    "from_wkb",
    "from_wkt",
    "geometrycollections",
    "get_coordinate_dimension",
    "get_coordinates",
    "get_dimensions",
    "get_exterior_ring",
    "get_geometry",
    "get_interior_ring",
    "get_num_coordinates",
    "get_num_geometries",
    "get_num_interior_rings",
    "get_num_points",
    "get_num_threads",
    "get_parts",
    "get_point",
    "get_rings",
    "get_type_id",
    "get_x",
    "get_y",
    "get_z",
    "has_z",
    "hausdorff_distance",
    "intersection",
    "intersection_all",
    "intersects",
    "intersects_xy",
    "is_closed",
    "is_empty",
    "is_geometry",
    "is_missing",
    "is_ring",
    "is_simple",
    "is_valid",
    "is_valid_reason",
    "length",
    "line_interpolate_point",
    "line_locate_point",
    "line_merge",
    "linearrings",
    "linestrings",
    "make_valid",
    "minimum_bounding_circle",
    "minimum_bounding_radius",
    "minimum_rotated_rectangle",
    "multilinestrings",
    "multipoints",
    "multipolygons",
    "normalize",
    "oriented_envelope",
    "overlaps",
    "point_on_surface",
    "points",
    "polygons",
    "relate",
    "relate_pattern",
    "representative_point",
    "reverse",
    "segmentize",
    "set_num_threads",
    "shortest_line",
    "simplify",
    "sjoin",
    "sjoin_geopandas",
    "symmetric_difference",
    "to_geojson",
    "to_geopandas",
    "to_ragged_array",
    "to_shapely",
    "to_wkb",
    "to_wkt",
    "total_bounds",
    "touches",
    "unary_union",
    "union",
    "union_all",
    "within",
]
