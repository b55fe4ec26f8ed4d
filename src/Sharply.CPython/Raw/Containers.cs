namespace Sharply.CPython.Raw;

// Members mirror CPython's headers name for name: CPython's C API reference documents each one.
#pragma warning disable CS1591

/// <summary>tupleobject.h, listobject.h, dictobject.h.</summary>
public static unsafe partial class CApi
{
    public static readonly delegate* unmanaged<nint, nint> PyTuple_New = (delegate* unmanaged<nint, nint>)Resolve("PyTuple_New");
    public static readonly delegate* unmanaged<nint, nint, nint, int> PyTuple_SetItem = (delegate* unmanaged<nint, nint, nint, int>)Resolve("PyTuple_SetItem");
    public static readonly delegate* unmanaged[SuppressGCTransition]<nint, nint, nint> PyTuple_GetItem = (delegate* unmanaged[SuppressGCTransition]<nint, nint, nint>)Resolve("PyTuple_GetItem");
    public static readonly delegate* unmanaged[SuppressGCTransition]<nint, nint> PyTuple_Size = (delegate* unmanaged[SuppressGCTransition]<nint, nint>)Resolve("PyTuple_Size");
    public static readonly delegate* unmanaged<nint, nint> PyList_New = (delegate* unmanaged<nint, nint>)Resolve("PyList_New");
    public static readonly delegate* unmanaged<nint, nint, nint, int> PyList_SetItem = (delegate* unmanaged<nint, nint, nint, int>)Resolve("PyList_SetItem");
    public static readonly delegate* unmanaged<nint, nint, nint> PyList_GetItem = (delegate* unmanaged<nint, nint, nint>)Resolve("PyList_GetItem");
    public static readonly delegate* unmanaged<nint, nint> PyList_Size = (delegate* unmanaged<nint, nint>)Resolve("PyList_Size");
    public static readonly delegate* unmanaged<nint, nint, int> PyList_Append = (delegate* unmanaged<nint, nint, int>)Resolve("PyList_Append");
    public static readonly delegate* unmanaged<nint> PyDict_New = (delegate* unmanaged<nint>)Resolve("PyDict_New");
    public static readonly delegate* unmanaged<nint, byte*, nint, int> PyDict_SetItemString = (delegate* unmanaged<nint, byte*, nint, int>)Resolve("PyDict_SetItemString");
    public static readonly delegate* unmanaged<nint, byte*, nint> PyDict_GetItemString = (delegate* unmanaged<nint, byte*, nint>)Resolve("PyDict_GetItemString");
}
