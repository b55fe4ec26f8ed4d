namespace Sharply.CPython;

/// <summary>A Python exception is already set (a C API call failed); the boundary leaves it in place.</summary>
public sealed class PythonException() : Exception("a Python exception is set");

/// <summary>Raised as Python's TypeError.</summary>
public sealed class PyTypeErrorException(string message) : Exception(message);

/// <summary>Raised as Python's IndexError.</summary>
public sealed class PyIndexErrorException(string message) : Exception(message);

/// <summary>Raised as Python's AttributeError (so <c>hasattr</c> is false).</summary>
public sealed class PyAttributeErrorException(string message) : Exception(message);
