"""Measures of geometries: geometry -> float64."""

from ._native import native

__all__ = ["area"]


@native
def area(geometry):
    """Compute the area of each geometry.

    Points and lines have zero area; missing geometries (None) give NaN.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    float or numpy.ndarray of float64
        A float for a single geometry, else an array sharing memory with Sharply's result.

    Examples
    --------
    >>> import sharply
    >>> sharply.area(sharply.points(1.0, 2.0))
    0.0
    >>> sharply.area(None)
    nan
    """
