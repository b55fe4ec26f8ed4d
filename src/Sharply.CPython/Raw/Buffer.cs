using System.Runtime.InteropServices;

namespace Sharply.CPython.Raw;

// Members mirror CPython's headers name for name: CPython's C API reference documents each one.
#pragma warning disable CS1591

/// <summary>The <c>Py_buffer</c> struct of the buffer protocol (pybuffer.h, part of the stable ABI since 3.11).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct Py_buffer
{
    public void* buf;
    public nint obj;
    public nint len;
    public nint itemsize;
    public int @readonly;
    public int ndim;
    public byte* format;
    public nint* shape;
    public nint* strides;
    public nint* suboffsets;
    public void* @internal;
}

/// <summary>pybuffer.h, memoryobject.h.</summary>
public static unsafe partial class CApi
{
    public const int PyBUF_SIMPLE = 0, PyBUF_WRITABLE = 0x1, PyBUF_FORMAT = 0x4, PyBUF_ND = 0x8;
    public const int PyBUF_STRIDES = 0x10 | PyBUF_ND;
    public const int PyBUF_C_CONTIGUOUS = 0x20 | PyBUF_STRIDES;
    public const int PyBUF_RECORDS_RO = PyBUF_STRIDES | PyBUF_FORMAT;

    public static readonly delegate* unmanaged<nint, Py_buffer*, int, int> PyObject_GetBuffer = (delegate* unmanaged<nint, Py_buffer*, int, int>)Resolve("PyObject_GetBuffer");
    public static readonly delegate* unmanaged<Py_buffer*, void> PyBuffer_Release = (delegate* unmanaged<Py_buffer*, void>)Resolve("PyBuffer_Release");
    public static readonly delegate* unmanaged<nint, int> PyObject_CheckBuffer = (delegate* unmanaged<nint, int>)Resolve("PyObject_CheckBuffer");
    public static readonly delegate* unmanaged<Py_buffer*, byte, int> PyBuffer_IsContiguous = (delegate* unmanaged<Py_buffer*, byte, int>)Resolve("PyBuffer_IsContiguous");
}
