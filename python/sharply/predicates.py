"""Binary predicates: geometry x geometry -> bool, evaluated with NetTopologySuite's RelateNG."""

from ._native import native

__all__ = ["intersects"]


@native
def intersects(a, b):
    """Return True where ``a`` and ``b`` share at least one point.

    Arrays are paired element-wise; a single geometry is broadcast against an array (and prepared
    once). Missing geometries give False.

    Parameters
    ----------
    a, b : Geometry or array_like of geometries

    Returns
    -------
    bool or numpy.ndarray of bool

    Examples
    --------
    >>> import sharply
    >>> sharply.intersects(sharply.points(0.0, 0.0), sharply.points(0.0, 0.0))
    True
    >>> sharply.intersects(sharply.points([[0, 0], [1, 1]]), sharply.points(1.0, 1.0)).tolist()
    [False, True]
    """
