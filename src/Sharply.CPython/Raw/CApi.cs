using System.Runtime.InteropServices;

namespace Sharply.CPython.Raw;

// Members mirror CPython's headers name for name: CPython's C API reference documents each one.
#pragma warning disable CS1591

/// <summary>
/// The raw CPython stable ABI (Py_LIMITED_API 3.11), resolved from the running interpreter when the
/// module is initialised, so one shared object works on every CPython from 3.11 on. Each partial file
/// mirrors one CPython header. Everything here returns what the C function returns: callers check for
/// NULL / -1 (the safe layer, <see cref="Py"/>, does).
/// Functions marked <c>SuppressGCTransition</c> skip the .NET GC-mode switch (a few ns per call); only
/// functions that return quickly and can never run Python code or call back into .NET qualify
/// (PyUnicode_AsUTF8AndSize and PyBytes_* are called on exact str / bytes only; Py_IncRef never runs code,
/// unlike Py_DecRef, which may deallocate).
/// </summary>
public static unsafe partial class CApi
{
    // A method, not a field: static fields of this partial class initialise in no defined order across files.
    private static nint Resolve(string name) =>
        NativeLibrary.TryGetExport(NativeLibrary.GetMainProgramHandle(), name, out nint address)
            ? address
            : throw new EntryPointNotFoundException($"CPython symbol {name} not found: is this module loaded by CPython >= 3.11?");

    /// <summary>The value of an exported <c>PyObject*</c> variable such as <c>PyExc_TypeError</c>.</summary>
    private static nint ResolveVariable(string name) => *(nint*)Resolve(name);
}
