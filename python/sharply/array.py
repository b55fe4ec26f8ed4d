"""GeometryArray and Geometry helpers written in Python: concatenation and pickling.

Pickles hold WKB (all rows back to back, with int64 offsets) and the CRS, never WKT, so they are
exact and compact.
"""

from typing import Sequence

from . import _sharply
from ._native import native
from ._sharply import GeometryArray
from .io import from_wkb

__all__ = ["concat"]


@native
def concat(arrays: Sequence[GeometryArray]) -> GeometryArray:
    """Concatenate geometry arrays.

    Parameters
    ----------
    arrays : sequence of GeometryArray
        Every array must have the same CRS, which the result keeps.

    Returns
    -------
    GeometryArray

    Examples
    --------
    >>> import sharply
    >>> len(sharply.concat([sharply.points([[0, 0], [1, 1]]), sharply.points([[2, 2]])]))
    3
    """


def _to_wkb_blob_stub(geometry):
    """Native: (bytes, int64 offsets) of every row's WKB."""


def _from_wkb_blob_stub(data, offsets, crs):
    """Native: a GeometryArray from the output of _to_wkb_blob."""


_to_wkb_blob = native(_to_wkb_blob_stub, name="_to_wkb_blob")
_from_wkb_blob = native(_from_wkb_blob_stub, name="_from_wkb_blob")


def _restore_array(data, offsets, crs):
    """Unpickle a GeometryArray."""
    return _from_wkb_blob(data, offsets, crs)


def _reduce_array(self):
    data, offsets = _to_wkb_blob(self)
    return _restore_array, (data, offsets, self.crs)


def _reduce_geometry(self):
    return from_wkb, (self.wkb,)


setattr(_sharply.GeometryArray, "__reduce__", _reduce_array)
setattr(_sharply.Geometry, "__reduce__", _reduce_geometry)
