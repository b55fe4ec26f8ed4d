namespace Sharply.CPython.Raw;

// Members mirror CPython's headers name for name: CPython's C API reference documents each one.
#pragma warning disable CS1591

/// <summary>object.h, abstract.h, typeslots: reference counts, attributes, calls, comparisons, types.</summary>
public static unsafe partial class CApi
{
    public static readonly delegate* unmanaged[SuppressGCTransition]<nint, void> Py_IncRef = (delegate* unmanaged[SuppressGCTransition]<nint, void>)Resolve("Py_IncRef");
    public static readonly delegate* unmanaged<nint, void> Py_DecRef = (delegate* unmanaged<nint, void>)Resolve("Py_DecRef");
    /// <summary>Py_DecRef of a reference that is certainly not the last one (None's, for instance): it then
    /// never runs code, so it needs no GC transition.</summary>
    public static readonly delegate* unmanaged[SuppressGCTransition]<nint, void> Py_DecRefNotLast = (delegate* unmanaged[SuppressGCTransition]<nint, void>)Resolve("Py_DecRef");
    public static readonly nint Py_None = Resolve("_Py_NoneStruct");
    public static readonly nint Py_True = Resolve("_Py_TrueStruct");
    public static readonly nint Py_False = Resolve("_Py_FalseStruct");
    public static readonly nint Py_NotImplemented = Resolve("_Py_NotImplementedStruct");

    public static readonly delegate* unmanaged<nint, byte*, nint> PyObject_GetAttrString = (delegate* unmanaged<nint, byte*, nint>)Resolve("PyObject_GetAttrString");
    public static readonly delegate* unmanaged<nint, nint, nint> PyObject_GetAttr = (delegate* unmanaged<nint, nint, nint>)Resolve("PyObject_GetAttr");
    public static readonly delegate* unmanaged<nint, nint, nint, int> PyObject_SetAttr = (delegate* unmanaged<nint, nint, nint, int>)Resolve("PyObject_SetAttr");
    public static readonly delegate* unmanaged<nint, nint, nint, nint> PyObject_Call = (delegate* unmanaged<nint, nint, nint, nint>)Resolve("PyObject_Call");
    public static readonly delegate* unmanaged<nint, nint, nint> PyObject_CallObject = (delegate* unmanaged<nint, nint, nint>)Resolve("PyObject_CallObject");
    public static readonly delegate* unmanaged<nint, nint> PyObject_Repr = (delegate* unmanaged<nint, nint>)Resolve("PyObject_Repr");
    public static readonly delegate* unmanaged<nint, nint> PyObject_Str = (delegate* unmanaged<nint, nint>)Resolve("PyObject_Str");
    public static readonly delegate* unmanaged<nint, int> PyObject_IsTrue = (delegate* unmanaged<nint, int>)Resolve("PyObject_IsTrue");
    public static readonly delegate* unmanaged<nint, nint, int, nint> PyObject_RichCompare = (delegate* unmanaged<nint, nint, int, nint>)Resolve("PyObject_RichCompare");
    public static readonly delegate* unmanaged<nint, nint, int> PyObject_IsInstance = (delegate* unmanaged<nint, nint, int>)Resolve("PyObject_IsInstance");
    public static readonly delegate* unmanaged<nint, nint> PyObject_GetIter = (delegate* unmanaged<nint, nint>)Resolve("PyObject_GetIter");
    public static readonly delegate* unmanaged<nint, nint> PyIter_Next = (delegate* unmanaged<nint, nint>)Resolve("PyIter_Next");
    public static readonly delegate* unmanaged<nint, nint> PyObject_Size = (delegate* unmanaged<nint, nint>)Resolve("PyObject_Size");
    public static readonly delegate* unmanaged<nint, nint, nint> PyObject_GetItem = (delegate* unmanaged<nint, nint, nint>)Resolve("PyObject_GetItem");
    public static readonly delegate* unmanaged<nint, nint> PyObject_Hash = (delegate* unmanaged<nint, nint>)Resolve("PyObject_Hash");
    public static readonly delegate* unmanaged<nint, void> PyObject_Free = (delegate* unmanaged<nint, void>)Resolve("PyObject_Free");
    public static readonly delegate* unmanaged<nint, nint> PyNumber_Index = (delegate* unmanaged<nint, nint>)Resolve("PyNumber_Index");
    public static readonly delegate* unmanaged<nint, int> PySequence_Check = (delegate* unmanaged<nint, int>)Resolve("PySequence_Check");

    public static readonly delegate* unmanaged[SuppressGCTransition]<nint, ulong> PyType_GetFlags = (delegate* unmanaged[SuppressGCTransition]<nint, ulong>)Resolve("PyType_GetFlags");
    public static readonly delegate* unmanaged[SuppressGCTransition]<nint, int, nint> PyType_GetSlot = (delegate* unmanaged[SuppressGCTransition]<nint, int, nint>)Resolve("PyType_GetSlot");
    public static readonly delegate* unmanaged<nint, nint, nint> PyType_FromSpecWithBases = (delegate* unmanaged<nint, nint, nint>)Resolve("PyType_FromSpecWithBases");
    public static readonly delegate* unmanaged<nint, nint, nint, nint> PyType_FromModuleAndSpec = (delegate* unmanaged<nint, nint, nint, nint>)Resolve("PyType_FromModuleAndSpec");
    public static readonly delegate* unmanaged<nint, nint, int> PyType_IsSubtype = (delegate* unmanaged<nint, nint, int>)Resolve("PyType_IsSubtype");
    public static readonly delegate* unmanaged<nint, nint, nint> PyType_GenericAlloc = (delegate* unmanaged<nint, nint, nint>)Resolve("PyType_GenericAlloc");

    public const ulong Py_TPFLAGS_DISALLOW_INSTANTIATION = 1UL << 7;
    public const ulong Py_TPFLAGS_BASETYPE = 1UL << 10;
    public const ulong Py_TPFLAGS_LONG_SUBCLASS = 1UL << 24;
    public const ulong Py_TPFLAGS_LIST_SUBCLASS = 1UL << 25;
    public const ulong Py_TPFLAGS_TUPLE_SUBCLASS = 1UL << 26;
    public const ulong Py_TPFLAGS_BYTES_SUBCLASS = 1UL << 27;
    public const ulong Py_TPFLAGS_UNICODE_SUBCLASS = 1UL << 28;
    public const ulong Py_TPFLAGS_DICT_SUBCLASS = 1UL << 29;

    public const int Py_LT = 0, Py_LE = 1, Py_EQ = 2, Py_NE = 3, Py_GT = 4, Py_GE = 5;

    // typeslots.h
    public const int Py_bf_getbuffer = 1, Py_bf_releasebuffer = 2, Py_mp_length = 4, Py_mp_subscript = 5;
    public const int Py_sq_length = 45, Py_sq_item = 44, Py_tp_dealloc = 52, Py_tp_doc = 56, Py_tp_free = 74;
    public const int Py_tp_alloc = 47, Py_tp_getset = 73, Py_tp_hash = 59, Py_tp_iter = 62, Py_tp_methods = 64;
    public const int Py_tp_new = 65, Py_tp_repr = 66, Py_tp_richcompare = 67, Py_tp_str = 70, Py_tp_init = 60;
    public const int Py_nb_bool = 9;

    /// <summary><c>Py_TYPE(o)</c>: the type pointer sits after the reference count in every object.</summary>
    public static nint Py_TYPE(nint o) => ((nint*)o)[1];
}
