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
from .arrow import from_arrow
from .constructive import buffer
from .creation import points
from .measurement import area, distance, length
from .predicates import intersects

__version__ = "0.1.0"

# Worker threads do not survive fork(); stop them first so the child's runtime is consistent.
_os.register_at_fork(before=_sharply._bind("_prepare_fork", (), None, ()))

__all__ = [
    "Geometry",
    "GeometryArray",
    "area",
    "buffer",
    "distance",
    "errors",
    "from_arrow",
    "get_num_threads",
    "intersects",
    "length",
    "points",
    "set_num_threads",
]
