namespace Sharply.CPython.Raw;

// Members mirror CPython's headers name for name: CPython's C API reference documents each one.
#pragma warning disable CS1591

/// <summary>sliceobject.h.</summary>
public static unsafe partial class CApi
{
    public static readonly nint PySlice_Type = Resolve("PySlice_Type");
    public static readonly delegate* unmanaged<nint, nint*, nint*, nint*, int> PySlice_Unpack = (delegate* unmanaged<nint, nint*, nint*, nint*, int>)Resolve("PySlice_Unpack");
    public static readonly delegate* unmanaged[SuppressGCTransition]<nint, nint*, nint*, nint, nint> PySlice_AdjustIndices = (delegate* unmanaged[SuppressGCTransition]<nint, nint*, nint*, nint, nint>)Resolve("PySlice_AdjustIndices");
}
