"""Type aliases of Sharply's signatures, for type checkers and readers (nothing here runs per call)."""

from typing import Any, Protocol, TypeAlias

import numpy as np
import numpy.typing as npt

from ._sharply import Geometry, GeometryArray

__all__ = [
    "ArrowArrayExportable",
    "ArrowStreamExportable",
    "BoolArray",
    "DecoderInput",
    "FloatArray",
    "GeometryArrayLike",
    "GeometryLike",
    "Int64Array",
    "IntArray",
    "ObjectArray",
]


class ArrowArrayExportable(Protocol):
    """An Arrow PyCapsule Interface array producer."""

    def __arrow_c_array__(self, requested_schema: Any = None) -> tuple[Any, Any]: ...


class ArrowStreamExportable(Protocol):
    """An Arrow PyCapsule Interface stream producer."""

    def __arrow_c_stream__(self, requested_schema: Any = None) -> Any: ...


GeometryArrayLike: TypeAlias = GeometryArray | ArrowArrayExportable | ArrowStreamExportable | npt.ArrayLike
"""Many geometries: a GeometryArray, an Arrow producer, a GeoSeries, a sequence or object array of geometries."""

GeometryLike: TypeAlias = Geometry | GeometryArrayLike | None
"""One geometry, a missing one (None) or many."""

DecoderInput: TypeAlias = list[Any] | tuple[Any, ...] | npt.NDArray[Any]
"""Many WKB / WKT / GeoJSON values (bytes, str or None): a list, a tuple or an array."""

FloatArray: TypeAlias = npt.NDArray[np.float64]
BoolArray: TypeAlias = npt.NDArray[np.bool_]
IntArray: TypeAlias = npt.NDArray[np.int32]
Int64Array: TypeAlias = npt.NDArray[np.int64]
ObjectArray: TypeAlias = npt.NDArray[np.object_]
