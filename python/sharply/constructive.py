"""Constructive operations: geometry -> geometry."""

from ._native import native

__all__ = ["buffer"]

_CAP_STYLES = {"round": 1, "flat": 2, "square": 3}
_JOIN_STYLES = {"round": 1, "mitre": 2, "bevel": 3}


def _style(value, styles, argument):
    if isinstance(value, str):
        try:
            return styles[value.lower()]
        except KeyError:
            raise ValueError(f"{argument} must be one of {sorted(styles)}, got {value!r}") from None
    if value not in styles.values():
        raise ValueError(f"{argument} must be one of {sorted(styles)} or {sorted(styles.values())}, got {value!r}")
    return int(value)


def _buffer_stub(geometry, distance, quad_segs, cap_style, join_style, mitre_limit):
    """Native buffer: styles as integer codes."""


_buffer = native(_buffer_stub, name="buffer")


def buffer(geometry, distance, quad_segs=8, cap_style="round", join_style="round", mitre_limit=5.0):
    """Compute the area within ``distance`` of each geometry.

    Parameters
    ----------
    geometry : Geometry or array_like of geometries
    distance : float
        Negative distances shrink polygons.
    quad_segs : int, default 8
        Segments used to approximate a quarter circle.
    cap_style : {"round", "flat", "square"}, default "round"
    join_style : {"round", "mitre", "bevel"}, default "round"
    mitre_limit : float, default 5.0

    Returns
    -------
    Geometry or GeometryArray
        Missing geometries stay missing.

    Examples
    --------
    >>> import sharply
    >>> round(sharply.buffer(sharply.points(0.0, 0.0), 1.0).area, 4)
    3.1214
    """
    return _buffer(
        geometry,
        float(distance),
        int(quad_segs),
        _style(cap_style, _CAP_STYLES, "cap_style"),
        _style(join_style, _JOIN_STYLES, "join_style"),
        float(mitre_limit),
    )
