namespace Sharply.CPython.Raw;

// Members mirror CPython's headers name for name: CPython's C API reference documents each one.
#pragma warning disable CS1591

/// <summary>longobject.h, floatobject.h, boolobject.h.</summary>
public static unsafe partial class CApi
{
    public static readonly nint PyFloat_Type = Resolve("PyFloat_Type");
    public static readonly nint PyBool_Type = Resolve("PyBool_Type");
    public static readonly delegate* unmanaged[SuppressGCTransition]<long, nint> PyLong_FromLongLong = (delegate* unmanaged[SuppressGCTransition]<long, nint>)Resolve("PyLong_FromLongLong");
    public static readonly delegate* unmanaged<nint, long> PyLong_AsLongLong = (delegate* unmanaged<nint, long>)Resolve("PyLong_AsLongLong");
    public static readonly delegate* unmanaged[SuppressGCTransition]<double, nint> PyFloat_FromDouble = (delegate* unmanaged[SuppressGCTransition]<double, nint>)Resolve("PyFloat_FromDouble");
    public static readonly delegate* unmanaged<nint, double> PyFloat_AsDouble = (delegate* unmanaged<nint, double>)Resolve("PyFloat_AsDouble");
    public static readonly delegate* unmanaged[SuppressGCTransition]<long, nint> PyBool_FromLong = (delegate* unmanaged[SuppressGCTransition]<long, nint>)Resolve("PyBool_FromLong");
}
