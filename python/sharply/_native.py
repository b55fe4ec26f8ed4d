"""Binding of the compiled functions: the Python stub declares name, signature, defaults and docs.

``@native`` replaces a stub ``def`` with the builtin function of the same name from ``sharply._sharply``,
carrying the stub's docstring, text signature and defaults. The builtin is what users call, so a call
costs what a CPython builtin costs. The native module checks that the stub's parameter names match
the C# declaration, so the two cannot drift apart. Type checkers see the stub's annotated signature:
``native`` is typed to return what it is given.
"""

import inspect
from typing import Any, Callable, TypeVar, cast

from . import _sharply

__all__ = ["native"]

F = TypeVar("F", bound=Callable[..., Any])


def _text_signature(name: str, signature: inspect.Signature) -> str:
    parameters = []
    for parameter in signature.parameters.values():
        if parameter.default is inspect.Parameter.empty:
            parameters.append(parameter.name)
        else:
            parameters.append(f"{parameter.name}={parameter.default!r}")
    return f"{name}({', '.join(parameters)})"


def native(stub: F, name: str | None = None) -> F:
    """Return the compiled function named like ``stub`` (or ``name``), documented by it."""
    signature = inspect.signature(stub)
    for parameter in signature.parameters.values():
        if parameter.kind is not inspect.Parameter.POSITIONAL_OR_KEYWORD:
            raise TypeError(f"{stub.__name__}: native functions take positional-or-keyword parameters only")
    defaults = tuple(
        p.default for p in signature.parameters.values() if p.default is not inspect.Parameter.empty
    )
    name = name or stub.__name__
    doc = f"{_text_signature(name, signature)}\n--\n\n{inspect.getdoc(stub) or ''}"
    return cast(F, _sharply._bind(name, tuple(signature.parameters), doc, defaults))
