"""Exceptions and warnings raised by Sharply.

Every error Sharply raises on purpose derives from :class:`SharplyError`; each one also derives from the
built-in exception a caller would expect (for example :class:`GeometryDecodeError` is a ``ValueError``).
"""

from ._sharply import (
    GeometryDecodeError,
    GeometryOperationError,
    InvalidLayoutError,
    SharplyError,
    SharplyWarning,
)

__all__ = [
    "SharplyError",
    "GeometryDecodeError",
    "InvalidLayoutError",
    "GeometryOperationError",
    "SharplyWarning",
]
