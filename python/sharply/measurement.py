"""Measures of geometries: geometry -> float64."""

from ._native import native

__all__ = ["area", "distance", "length"]


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


@native
def length(geometry):
    """Compute the length of each geometry.

    Lines give their length, polygons the perimeter of all their rings, points zero; missing
    geometries (None) give NaN.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries

    Returns
    -------
    float or numpy.ndarray of float64

    Examples
    --------
    >>> import sharply
    >>> sharply.length(sharply.points(1.0, 2.0))
    0.0
    """


@native
def distance(a, b):
    """Compute the Cartesian distance between pairs of geometries.

    Arrays are paired element-wise; a single geometry is broadcast against an array. Missing or empty
    geometries give NaN.

    Parameters
    ----------
    a, b : Geometry or array_like of geometries

    Returns
    -------
    float or numpy.ndarray of float64

    Examples
    --------
    >>> import sharply
    >>> sharply.distance(sharply.points(0.0, 0.0), sharply.points(3.0, 4.0))
    5.0
    """
