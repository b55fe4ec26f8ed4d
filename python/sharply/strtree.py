"""Spatial index: ``STRtree``, a packed Hilbert R-tree over geometries with Shapely 2's API."""

from typing import Sized, cast

import numpy as np
import numpy.typing as npt

from ._native import native
from ._sharply import GeometryArray
from ._typing import FloatArray, GeometryLike, Int64Array

__all__ = ["STRtree"]


@native
def _tree_build(geoms, node_capacity):
    """Build the native tree over ``geoms``."""


@native
def _tree_query(tree, geometry, predicate, distance):
    """Tree indices (scalar input) or (2, n) input and tree indices matching ``predicate``."""


@native
def _tree_query_nearest(tree, geometry, max_distance, exclusive, all_matches):
    """(indices, distances) of the nearest tree geometries of each input."""


class STRtree:
    """A query-only R-tree over the bounding boxes of geometries (Shapely 2's ``STRtree``).

    The tree is a packed Hilbert R-tree built once; missing (None) and empty geometries are not stored
    and never match. Queries run natively, in parallel, with the GIL released. Indices refer to the
    order of ``geoms``.

    Parameters
    ----------
    geoms : GeometryArray or array_like of geometries
    node_capacity : int, default 10
        The maximum number of child nodes per parent node.

    Examples
    --------
    >>> import sharply
    >>> tree = sharply.STRtree(sharply.points([[0, 0], [1, 1], [2, 2], [3, 3]]))
    >>> len(tree)
    4
    >>> tree.query(sharply.points(1.0, 1.0)).tolist()
    [1]
    """

    def __init__(self, geoms: GeometryLike, node_capacity: int = 10) -> None:
        self._tree = _tree_build(geoms, node_capacity)

    def __len__(self) -> int:
        return self._tree.count

    @property
    def geometries(self) -> GeometryArray:
        """The geometries of the tree (a GeometryArray), in the order of the tree indices."""
        return self._tree.geometries

    def query(
        self, geometry: GeometryLike, predicate: str | None = None, distance: npt.ArrayLike | None = None
    ) -> Int64Array:
        """Return the indices of tree geometries whose bounds intersect those of each input geometry.

        With a predicate, candidates are kept where ``predicate(geometry, tree_geometry)`` holds
        (polygons are prepared once; points are located in them directly). Missing and empty
        geometries never match.

        Parameters
        ----------
        geometry : Geometry or array_like of geometries
        predicate : {None, 'intersects', 'within', 'contains', 'overlaps', 'crosses', 'touches', \
'covers', 'covered_by', 'contains_properly', 'dwithin'}, optional
        distance : float or array_like of float, optional
            Required by (and only used by) ``'dwithin'``: one distance, or one per input geometry.

        Returns
        -------
        numpy.ndarray of int64
            For a scalar geometry, the sorted tree indices, shape (n,). For an array, shape (2, n): input
            indices, then tree indices, ordered by input then tree index.

        Examples
        --------
        >>> import sharply
        >>> tree = sharply.STRtree(sharply.points([[0, 0], [1, 1], [2, 2], [3, 3]]))
        >>> tree.query(sharply.points([[1, 1], [3, 3], [9, 9]])).tolist()
        [[0, 1], [1, 3]]
        >>> tree.query(sharply.points(0.5, 0.5), predicate="dwithin", distance=0.75).tolist()
        [0, 1]
        """
        if predicate == "dwithin" and distance is not None:
            distance = np.asarray(distance, dtype="float64")
            if distance.ndim > 1:
                raise ValueError("Distance array should be one dimensional")
            distance = np.ascontiguousarray(distance.reshape(-1))
        return _tree_query(self._tree, geometry, predicate, distance)

    def nearest(self, geometry: GeometryLike) -> int | Int64Array | None:
        """Return the index of the nearest tree geometry to each input geometry.

        Among equidistant tree geometries the lowest index is returned. None when the tree is empty.

        Parameters
        ----------
        geometry : Geometry or array_like of geometries

        Returns
        -------
        int or numpy.ndarray of int64 or None

        Raises
        ------
        ValueError
            If an input geometry is missing or empty.

        Examples
        --------
        >>> import sharply
        >>> tree = sharply.STRtree(sharply.points([[i, i] for i in range(10)]))
        >>> int(tree.nearest(sharply.points(2.2, 2.2)))
        2
        >>> tree.nearest(sharply.points([[2.2, 2.2], [4.4, 4.4]])).tolist()
        [2, 4]
        """
        if self._tree.count == 0:
            return None
        indices, _ = _tree_query_nearest(self._tree, geometry, None, False, False)
        scalar = indices.ndim == 1
        if indices.shape[-1] < (1 if scalar else len(cast(Sized, geometry))):
            raise ValueError("Cannot determine nearest geometry for empty geometry or missing value (None).")
        return indices[0] if scalar else indices[1]

    def query_nearest(
        self,
        geometry: GeometryLike,
        max_distance: float | None = None,
        return_distance: bool = False,
        exclusive: bool = False,
        all_matches: bool = True,
    ) -> Int64Array | tuple[Int64Array, FloatArray]:
        """Return the indices of the nearest tree geometries to each input geometry.

        Missing and empty input geometries are omitted. Ties are all returned (``all_matches``) or
        only the lowest tree index.

        Parameters
        ----------
        geometry : Geometry or array_like of geometries
        max_distance : float, optional
            Only tree geometries at most this far are considered; must be greater than 0.
        return_distance : bool, default False
            Also return the distance of each pair.
        exclusive : bool, default False
            Skip tree geometries equal to the input geometry.
        all_matches : bool, default True
            Return every tree geometry at the minimum distance, or only the first.

        Returns
        -------
        numpy.ndarray of int64, or a tuple (indices, distances)
            Indices as for :meth:`query`; distances are float64, one per pair.

        Examples
        --------
        >>> import sharply
        >>> tree = sharply.STRtree(sharply.points([[0, 0], [1, 1], [2, 2], [3, 3]]))
        >>> tree.query_nearest(sharply.points(0.25, 0.25)).tolist()
        [0]
        >>> indices, distance = tree.query_nearest(sharply.points([[0.5, 0.5], [1, 1]]), return_distance=True)
        >>> indices.tolist()
        [[0, 0, 1], [0, 1, 1]]
        >>> distance.round(4).tolist()
        [0.7071, 0.7071, 0.0]
        """
        if max_distance is not None:
            if not np.isscalar(max_distance):
                raise ValueError("max_distance parameter only accepts scalar values")
            if max_distance <= 0:  # type: ignore[operator]  # np.isscalar's TypeGuard widens the type
                raise ValueError("max_distance must be greater than 0")
        for name, value in (("exclusive", exclusive), ("all_matches", all_matches)):
            if not np.isscalar(value):
                raise ValueError(f"{name} parameter only accepts scalar values")
            if value not in {True, False}:
                raise ValueError(f"{name} parameter must be boolean")
        indices, distances = _tree_query_nearest(self._tree, geometry, max_distance, bool(exclusive), bool(all_matches))
        return (indices, distances) if return_distance else indices

