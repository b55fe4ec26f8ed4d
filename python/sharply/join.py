"""Spatial joins of two geometry arrays, and of two GeoDataFrames like ``geopandas.sjoin``."""

from typing import Any

import numpy as np
import numpy.typing as npt

from ._native import native
from ._typing import GeometryLike, Int64Array

__all__ = ["sjoin", "sjoin_geopandas"]


@native
def _sjoin(left, right, predicate, distance):
    """(2, n) left and right indices of the pairs matching ``predicate``."""


def sjoin(
    left: GeometryLike, right: GeometryLike, predicate: str = "intersects", distance: npt.ArrayLike | None = None
) -> Int64Array:
    """Return the index pairs (i, j) for which ``predicate(left[i], right[j])`` holds.

    ``right`` is indexed and ``left`` queries it; polygons are prepared and points located in them,
    whichever side they are on. Missing and empty geometries never match. Runs in parallel with the
    GIL released.

    Parameters
    ----------
    left, right : GeometryArray or array_like of geometries
    predicate : {'intersects', 'within', 'contains', 'overlaps', 'crosses', 'touches', 'covers', \
'covered_by', 'contains_properly', 'dwithin'} or None, default 'intersects'
        None keeps every pair whose bounding boxes intersect.
    distance : float or array_like of float, optional
        For ``'dwithin'``: one distance, or one per left geometry.

    Returns
    -------
    numpy.ndarray of int64, shape (2, n)
        Left indices, then right indices, ordered by left then right index.

    Examples
    --------
    >>> import sharply
    >>> left = sharply.points([[0, 0], [1, 1], [5, 5]])
    >>> right = sharply.points([[1, 1], [0, 0], [1, 1]])
    >>> sharply.sjoin(left, right).tolist()
    [[0, 1, 1], [1, 0, 2]]
    >>> sharply.sjoin(left, right, predicate="dwithin", distance=1.5).tolist()
    [[0, 0, 0, 1, 1, 1], [0, 1, 2, 0, 1, 2]]
    """
    if predicate == "dwithin" and distance is not None:
        distance = np.asarray(distance, dtype="float64")
        if distance.ndim > 1:
            raise ValueError("Distance array should be one dimensional")
        distance = np.ascontiguousarray(distance.reshape(-1))
    return _sjoin(left, right, predicate, distance)


def sjoin_geopandas(
    left_df: Any,
    right_df: Any,
    how: str = "inner",
    predicate: str = "intersects",
    lsuffix: str = "left",
    rsuffix: str = "right",
) -> Any:
    """Spatially join two GeoDataFrames: ``geopandas.sjoin`` with Sharply computing the pairs.

    The result has the rows, columns and ``index_right`` (or ``index_left``) of ``geopandas.sjoin``
    (GeoPandas 0.12); GeoPandas assembles the frame from the pairs :func:`sjoin` finds.

    Parameters
    ----------
    left_df, right_df : geopandas.GeoDataFrame
    how : {'inner', 'left', 'right'}, default 'inner'
    predicate : str, default 'intersects'
        As for :func:`sjoin`.
    lsuffix, rsuffix : str
        Suffixes of overlapping column names.

    Returns
    -------
    geopandas.GeoDataFrame

    Examples
    --------
    >>> import geopandas, shapely.geometry
    >>> import sharply
    >>> left = geopandas.GeoDataFrame({"name": ["a", "b"]},
    ...     geometry=[shapely.geometry.Point(0.5, 0.5), shapely.geometry.Point(5, 5)])
    >>> right = geopandas.GeoDataFrame({"zone": ["z"]}, geometry=[shapely.geometry.box(0, 0, 1, 1)])
    >>> sharply.sjoin_geopandas(left, right)[["name", "index_right", "zone"]]
      name  index_right zone
    0    a            0    z
    """
    import importlib

    import pandas as pd

    # The module, not the function of the same name that geopandas.tools exports.
    frames = importlib.import_module("geopandas.tools.sjoin")
    frames._basic_checks(left_df, right_df, how, lsuffix, rsuffix)
    pairs = sjoin(left_df.geometry, right_df.geometry, predicate)
    join = pd.DataFrame({"_key_left": pairs[0], "_key_right": pairs[1]})
    return frames._frame_join(join, left_df, right_df, how, lsuffix, rsuffix)
