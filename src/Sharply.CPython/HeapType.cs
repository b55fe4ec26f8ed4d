using System.Runtime.InteropServices;
using Sharply.CPython.Raw;

namespace Sharply.CPython;

/// <summary>
/// Declares a heap type (PyType_FromModuleAndSpec) whose instances are <see cref="ManagedObject"/>s.
/// Getters are plain C# bodies <c>Owned Get(Borrowed self)</c>, all served by one guarded entry point; bodies
/// that return a double or a bool have their own entry points, which make the Python object directly (the
/// scalar fast path: <c>g.area</c> costs one indirect call beyond CPython's own attribute lookup).
/// Methods call module functions with the instance first (<see cref="Method"/>). Types cannot be subclassed;
/// the Python package may add methods to them.
/// </summary>
public sealed unsafe class HeapType(string qualifiedName, string doc)
{
    private readonly List<PyType_Slot> _slots = [];
    private readonly List<PyGetSetDef> _getters = [];
    private readonly List<(string Name, nint Entry, string Summary, string[] Parameters)> _methods = [];
    private int _basicSize = ManagedObject.BasicSize;
    private bool _customDealloc;
    private bool _hasNew;

    /// <summary>Adds a type slot (a <c>Py_tp_*</c>, <c>Py_mp_*</c>, <c>Py_sq_*</c> or <c>Py_bf_*</c> constant and its function).</summary>
    public HeapType Slot(int slot, void* function)
    {
        if (slot == CApi.Py_tp_dealloc) _customDealloc = true;
        if (slot == CApi.Py_tp_new) _hasNew = true;
        _slots.Add(new PyType_Slot { slot = slot, pfunc = function });
        return this;
    }

    /// <summary>Adds a read-only attribute computed by <paramref name="body"/>.</summary>
    public HeapType Getter(string name, delegate*<Borrowed, Owned> body, string? doc = null) =>
        Add(name, (delegate* unmanaged<nint, void*, nint>)&Get, body, doc);

    private HeapType Add(string name, delegate* unmanaged<nint, void*, nint> entry, void* body, string? doc)
    {
        _getters.Add(new PyGetSetDef
        {
            name = FunctionBinder.CString(name),
            get = entry,
            doc = doc is null ? null : FunctionBinder.CString(doc),
            closure = body,
        });
        return this;
    }

    /// <summary>Adds a read-only float attribute computed by <paramref name="body"/>.</summary>
    public HeapType Getter(string name, delegate*<Borrowed, double> body, string? doc = null) =>
        Add(name, (delegate* unmanaged<nint, void*, nint>)&GetFloat, body, doc);

    /// <summary>Adds a read-only bool attribute computed by <paramref name="body"/>.</summary>
    public HeapType Getter(string name, delegate*<Borrowed, bool> body, string? doc = null) =>
        Add(name, (delegate* unmanaged<nint, void*, nint>)&GetBool, body, doc);

    /// <summary>
    /// Adds a method that calls the module function <paramref name="name"/> with the instance as its first
    /// argument (see <see cref="FunctionBinder.DeclareMethod"/>): a method descriptor (METH_FASTCALL |
    /// METH_KEYWORDS), which CPython calls without making a bound method. <paramref name="entry"/> is the
    /// method's own entry point, whose body is <see cref="FunctionBinder.CallMethod"/>; its docstring is
    /// <paramref name="summary"/> followed by the function's. <paramref name="parameters"/> renames the
    /// function's parameters after the first (keywords, signature and errors of the method use them).
    /// </summary>
    public HeapType Method(string name, delegate* unmanaged<nint, nint*, nint, nint, nint> entry, string summary,
        params string[] parameters)
    {
        _methods.Add((name, (nint)entry, summary, parameters));
        return this;
    }

    /// <summary>Instances larger than a <see cref="ManagedObject"/> (their layout must start with it).</summary>
    public HeapType BasicSize(int size)
    {
        _basicSize = size;
        return this;
    }

    /// <summary>Creates the type object; it lives as long as <paramref name="module"/> keeps it.</summary>
    public Owned Build(nint module)
    {
        var slots = new List<PyType_Slot>(_slots);
        if (!_customDealloc) slots.Add(new PyType_Slot { slot = CApi.Py_tp_dealloc, pfunc = (delegate* unmanaged<nint, void>)&ManagedObject.Dealloc });
        slots.Add(new PyType_Slot { slot = CApi.Py_tp_doc, pfunc = FunctionBinder.CString(doc) });
        if (_getters.Count > 0)
        {
            PyGetSetDef* table = (PyGetSetDef*)NativeMemory.AllocZeroed((nuint)(sizeof(PyGetSetDef) * (_getters.Count + 1)));
            for (int i = 0; i < _getters.Count; i++) table[i] = _getters[i];
            slots.Add(new PyType_Slot { slot = CApi.Py_tp_getset, pfunc = table });
        }
        if (_methods.Count > 0)
        {
            // Lives as long as the type: the method descriptors point into it.
            PyMethodDef* table = (PyMethodDef*)NativeMemory.AllocZeroed((nuint)(sizeof(PyMethodDef) * (_methods.Count + 1)));
            for (int i = 0; i < _methods.Count; i++)
            {
                (string name, nint entry, string summary, string[] parameters) = _methods[i];
                table[i] = new PyMethodDef
                {
                    ml_name = FunctionBinder.CString(name),
                    ml_meth = (void*)entry,
                    ml_flags = CApi.METH_FASTCALL | CApi.METH_KEYWORDS,
                    ml_doc = FunctionBinder.CString(summary),
                };
                FunctionBinder.DeclareMethod(&table[i], name, summary, parameters);
            }
            slots.Add(new PyType_Slot { slot = CApi.Py_tp_methods, pfunc = table });
        }
        slots.Add(default);
        // The spec and slot table must outlive the call only; CPython copies what it needs.
        PyType_Slot* slotTable = (PyType_Slot*)NativeMemory.AllocZeroed((nuint)(sizeof(PyType_Slot) * slots.Count));
        for (int i = 0; i < slots.Count; i++) slotTable[i] = slots[i];
        PyType_Spec spec = new()
        {
            name = FunctionBinder.CString(qualifiedName),
            basicsize = _basicSize,
            // Py_TPFLAGS_DEFAULT (HAVE_VERSION_TAG); without a tp_new of ours, instances are made natively only:
            // object's tp_new would give Python an instance whose managed handle was never set.
            flags = (1u << 18) | (_hasNew ? 0u : (uint)CApi.Py_TPFLAGS_DISALLOW_INSTANTIATION),
            slots = slotTable,
        };
        Owned type = Owned.Checked(CApi.PyType_FromModuleAndSpec(module, (nint)(&spec), 0));
        NativeMemory.Free(slotTable);
        return type;
    }

    // The getters' entry points hold the guard's try/catch themselves (as FunctionBinder.Dispatch does) rather
    // than calling Boundary.Call: the JIT does not inline a method with a catch clause, and that call's frame
    // was 8 of the ~125 instructions of ours in g.area (22 in g.geom_type).

    [UnmanagedCallersOnly]
    private static nint Get(nint self, void* closure)
    {
        try
        {
            return ((delegate*<Borrowed, Owned>)closure)(new Borrowed(self)).Steal();
        }
        catch (Exception error)
        {
            Boundary.SetError(error);
            return 0;
        }
    }

    [UnmanagedCallersOnly]
    private static nint GetFloat(nint self, void* closure)
    {
        try
        {
            return CApi.PyFloat_FromDouble(((delegate*<Borrowed, double>)closure)(new Borrowed(self)));
        }
        catch (Exception error)
        {
            Boundary.SetError(error);
            return 0;
        }
    }

    [UnmanagedCallersOnly]
    private static nint GetBool(nint self, void* closure)
    {
        try
        {
            return Py.Bool(((delegate*<Borrowed, bool>)closure)(new Borrowed(self))).Steal();
        }
        catch (Exception error)
        {
            Boundary.SetError(error);
            return 0;
        }
    }
}
