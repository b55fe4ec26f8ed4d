namespace Sharply.CPython.Raw;

// Members mirror CPython's headers name for name: CPython's C API reference documents each one.
#pragma warning disable CS1591

/// <summary>unicodeobject.h, bytesobject.h.</summary>
public static unsafe partial class CApi
{
    public static readonly nint PyUnicode_Type = Resolve("PyUnicode_Type");
    public static readonly delegate* unmanaged<byte*, nint, nint> PyUnicode_FromStringAndSize = (delegate* unmanaged<byte*, nint, nint>)Resolve("PyUnicode_FromStringAndSize");
    /// <summary><c>PyUnicode_DecodeLatin1(s, size, NULL)</c>: every byte string is valid Latin-1, so it fails only
    /// when memory runs out and never runs code (a str is not tracked by Python's GC), and it returns quickly for
    /// short text: no GC transition. For ASCII text, whose str it makes as UTF-8 decoding would.</summary>
    public static readonly delegate* unmanaged[SuppressGCTransition]<byte*, nint, byte*, nint> PyUnicode_DecodeLatin1 = (delegate* unmanaged[SuppressGCTransition]<byte*, nint, byte*, nint>)Resolve("PyUnicode_DecodeLatin1");
    public static readonly delegate* unmanaged[SuppressGCTransition]<nint, nint*, byte*> PyUnicode_AsUTF8AndSize = (delegate* unmanaged[SuppressGCTransition]<nint, nint*, byte*>)Resolve("PyUnicode_AsUTF8AndSize");
    public static readonly delegate* unmanaged<byte*, nint> PyUnicode_InternFromString = (delegate* unmanaged<byte*, nint>)Resolve("PyUnicode_InternFromString");
    public static readonly delegate* unmanaged<nint, byte*, int> PyUnicode_CompareWithASCIIString = (delegate* unmanaged<nint, byte*, int>)Resolve("PyUnicode_CompareWithASCIIString");
    public static readonly nint PyBytes_Type = Resolve("PyBytes_Type");
    public static readonly delegate* unmanaged<byte*, nint, nint> PyBytes_FromStringAndSize = (delegate* unmanaged<byte*, nint, nint>)Resolve("PyBytes_FromStringAndSize");
    /// <summary><c>PyBytes_FromStringAndSize(NULL, size)</c>, for uninitialized bytes only: an allocation that
    /// copies nothing and never runs code, so it needs no GC transition (the commonest call of to_wkb).</summary>
    public static readonly delegate* unmanaged[SuppressGCTransition]<byte*, nint, nint> PyBytes_FromStringAndSizeUninitialized = (delegate* unmanaged[SuppressGCTransition]<byte*, nint, nint>)Resolve("PyBytes_FromStringAndSize");
    public static readonly delegate* unmanaged[SuppressGCTransition]<nint, byte*> PyBytes_AsString = (delegate* unmanaged[SuppressGCTransition]<nint, byte*>)Resolve("PyBytes_AsString");
    public static readonly delegate* unmanaged[SuppressGCTransition]<nint, nint> PyBytes_Size = (delegate* unmanaged[SuppressGCTransition]<nint, nint>)Resolve("PyBytes_Size");
}
