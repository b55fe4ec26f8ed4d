using System.Runtime.InteropServices;

namespace Sharply.CPython.Raw;

// Members mirror CPython's headers name for name: CPython's C API reference documents each one.
#pragma warning disable CS1591

/// <summary><c>PyMethodDef</c> (methodobject.h).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyMethodDef
{
    public byte* ml_name;
    public void* ml_meth;
    public int ml_flags;
    public byte* ml_doc;
}

/// <summary><c>PyModuleDef</c> (moduleobject.h), with its <c>PyModuleDef_Base</c> header inlined.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyModuleDef
{
    public nint ob_refcnt;
    public nint ob_type;
    public void* m_init;
    public nint m_index;
    public nint m_copy;
    public byte* m_name;
    public byte* m_doc;
    public nint m_size;
    public PyMethodDef* m_methods;
    public void* m_slots;
    public void* m_traverse;
    public void* m_clear;
    public void* m_free;
}

/// <summary><c>PyType_Slot</c> and <c>PyType_Spec</c> (object.h).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyType_Slot
{
    public int slot;
    public void* pfunc;
}

[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyType_Spec
{
    public byte* name;
    public int basicsize;
    public int itemsize;
    public uint flags;
    public PyType_Slot* slots;
}

/// <summary><c>PyGetSetDef</c> (descrobject.h).</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct PyGetSetDef
{
    public byte* name;
    public void* get;
    public void* set;
    public byte* doc;
    public void* closure;
}

/// <summary>moduleobject.h, methodobject.h, import.h, pycapsule.h, ceval.h, pystate.h.</summary>
public static unsafe partial class CApi
{
    public const int METH_VARARGS = 0x1, METH_KEYWORDS = 0x2, METH_NOARGS = 0x4, METH_O = 0x8, METH_FASTCALL = 0x80;
    public const int PYTHON_API_VERSION = 1013;

    public static readonly delegate* unmanaged<PyModuleDef*, int, nint> PyModule_Create2 = (delegate* unmanaged<PyModuleDef*, int, nint>)Resolve("PyModule_Create2");
    public static readonly delegate* unmanaged<nint, byte*, nint, int> PyModule_AddObjectRef = (delegate* unmanaged<nint, byte*, nint, int>)Resolve("PyModule_AddObjectRef");
    public static readonly delegate* unmanaged<PyMethodDef*, nint, nint, nint> PyCFunction_NewEx = (delegate* unmanaged<PyMethodDef*, nint, nint, nint>)Resolve("PyCFunction_NewEx");
    public static readonly delegate* unmanaged<byte*, nint> PyImport_ImportModule = (delegate* unmanaged<byte*, nint>)Resolve("PyImport_ImportModule");

    public static readonly delegate* unmanaged<void*, byte*, delegate* unmanaged<nint, void>, nint> PyCapsule_New = (delegate* unmanaged<void*, byte*, delegate* unmanaged<nint, void>, nint>)Resolve("PyCapsule_New");
    public static readonly delegate* unmanaged[SuppressGCTransition]<nint, byte*, void*> PyCapsule_GetPointer = (delegate* unmanaged[SuppressGCTransition]<nint, byte*, void*>)Resolve("PyCapsule_GetPointer");
    public static readonly delegate* unmanaged<nint, byte*, int> PyCapsule_IsValid = (delegate* unmanaged<nint, byte*, int>)Resolve("PyCapsule_IsValid");
    public static readonly delegate* unmanaged<nint, byte*> PyCapsule_GetName = (delegate* unmanaged<nint, byte*>)Resolve("PyCapsule_GetName");
    public static readonly delegate* unmanaged<nint, void*, int> PyCapsule_SetContext = (delegate* unmanaged<nint, void*, int>)Resolve("PyCapsule_SetContext");
    public static readonly delegate* unmanaged<nint, void*> PyCapsule_GetContext = (delegate* unmanaged<nint, void*>)Resolve("PyCapsule_GetContext");

    public static readonly delegate* unmanaged<nint> PyEval_SaveThread = (delegate* unmanaged<nint>)Resolve("PyEval_SaveThread");
    public static readonly delegate* unmanaged<nint, void> PyEval_RestoreThread = (delegate* unmanaged<nint, void>)Resolve("PyEval_RestoreThread");
    public static readonly delegate* unmanaged<int> PyGILState_Ensure = (delegate* unmanaged<int>)Resolve("PyGILState_Ensure");
    public static readonly delegate* unmanaged<int, void> PyGILState_Release = (delegate* unmanaged<int, void>)Resolve("PyGILState_Release");
}
