namespace Sharply.CPython.Raw;

// Members mirror CPython's headers name for name: CPython's C API reference documents each one.
#pragma warning disable CS1591

/// <summary>pyerrors.h, warnings.h.</summary>
public static unsafe partial class CApi
{
    public static readonly delegate* unmanaged<nint, byte*, void> PyErr_SetString = (delegate* unmanaged<nint, byte*, void>)Resolve("PyErr_SetString");
    public static readonly delegate* unmanaged<nint, nint, void> PyErr_SetObject = (delegate* unmanaged<nint, nint, void>)Resolve("PyErr_SetObject");
    public static readonly delegate* unmanaged[SuppressGCTransition]<nint> PyErr_Occurred = (delegate* unmanaged[SuppressGCTransition]<nint>)Resolve("PyErr_Occurred");
    public static readonly delegate* unmanaged<void> PyErr_Clear = (delegate* unmanaged<void>)Resolve("PyErr_Clear");
    public static readonly delegate* unmanaged<nint, int> PyErr_ExceptionMatches = (delegate* unmanaged<nint, int>)Resolve("PyErr_ExceptionMatches");
    public static readonly delegate* unmanaged<int> PyErr_CheckSignals = (delegate* unmanaged<int>)Resolve("PyErr_CheckSignals");
    public static readonly delegate* unmanaged<byte*, nint, nint, nint> PyErr_NewException = (delegate* unmanaged<byte*, nint, nint, nint>)Resolve("PyErr_NewException");
    public static readonly delegate* unmanaged<nint, byte*, nint, int> PyErr_WarnEx = (delegate* unmanaged<nint, byte*, nint, int>)Resolve("PyErr_WarnEx");
    public static readonly delegate* unmanaged<nint> PyErr_NoMemory = (delegate* unmanaged<nint>)Resolve("PyErr_NoMemory");
    public static readonly delegate* unmanaged<nint, void> PyErr_WriteUnraisable = (delegate* unmanaged<nint, void>)Resolve("PyErr_WriteUnraisable");
    public static readonly delegate* unmanaged<nint*, nint*, nint*, void> PyErr_Fetch = (delegate* unmanaged<nint*, nint*, nint*, void>)Resolve("PyErr_Fetch");
    public static readonly delegate* unmanaged<nint, nint, nint, void> PyErr_Restore = (delegate* unmanaged<nint, nint, nint, void>)Resolve("PyErr_Restore");

    public static readonly nint PyExc_TypeError = ResolveVariable("PyExc_TypeError");
    public static readonly nint PyExc_ValueError = ResolveVariable("PyExc_ValueError");
    public static readonly nint PyExc_IndexError = ResolveVariable("PyExc_IndexError");
    public static readonly nint PyExc_KeyError = ResolveVariable("PyExc_KeyError");
    public static readonly nint PyExc_AttributeError = ResolveVariable("PyExc_AttributeError");
    public static readonly nint PyExc_MemoryError = ResolveVariable("PyExc_MemoryError");
    public static readonly nint PyExc_OverflowError = ResolveVariable("PyExc_OverflowError");
    public static readonly nint PyExc_RuntimeError = ResolveVariable("PyExc_RuntimeError");
    public static readonly nint PyExc_SystemError = ResolveVariable("PyExc_SystemError");
    public static readonly nint PyExc_NotImplementedError = ResolveVariable("PyExc_NotImplementedError");
    public static readonly nint PyExc_KeyboardInterrupt = ResolveVariable("PyExc_KeyboardInterrupt");
    public static readonly nint PyExc_BufferError = ResolveVariable("PyExc_BufferError");
    public static readonly nint PyExc_UserWarning = ResolveVariable("PyExc_UserWarning");
    public static readonly nint PyExc_RuntimeWarning = ResolveVariable("PyExc_RuntimeWarning");
    public static readonly nint PyExc_Exception = ResolveVariable("PyExc_Exception");
}
