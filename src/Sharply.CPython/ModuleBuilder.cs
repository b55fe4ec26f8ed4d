using System.Runtime.InteropServices;
using Sharply.CPython.Raw;

namespace Sharply.CPython;

/// <summary>Creates an extension module object and fills it with functions, types, exceptions and values.</summary>
public sealed unsafe class ModuleBuilder
{
    private readonly Owned _module;

    /// <summary>Creates module <paramref name="name"/> (single-phase initialisation; the definition lives forever).</summary>
    public ModuleBuilder(string name, string doc)
    {
        Name = name;
        PyModuleDef* definition = (PyModuleDef*)NativeMemory.AllocZeroed((nuint)sizeof(PyModuleDef));
        definition->ob_refcnt = 1;
        definition->m_name = FunctionBinder.CString(name);
        definition->m_doc = FunctionBinder.CString(doc);
        definition->m_size = -1;
        _module = Owned.Checked(CApi.PyModule_Create2(definition, CApi.PYTHON_API_VERSION));
    }

    /// <summary>The module's name.</summary>
    public string Name { get; }

    /// <summary>The module object being built, borrowed.</summary>
    public nint Handle => _module.Handle;

    /// <summary>Adds <paramref name="value"/> (a new reference, consumed) as attribute <paramref name="name"/>.</summary>
    public void Add(string name, Owned value)
    {
        using (value)
            if (CApi.PyModule_AddObjectRef(_module.Handle, FunctionBinder.CString(name), value.Handle) < 0)
                throw new PythonException();
    }

    /// <summary>Creates exception class <c>{module}.{name}</c> deriving from <paramref name="bases"/>, adds it and returns it (borrowed from the module).</summary>
    public nint AddException(string name, string doc, params ReadOnlySpan<nint> bases)
    {
        using Owned baseTuple = Py.Tuple(bases);
        using Owned dict = Owned.Checked(CApi.PyDict_New());
        using Owned docString = Py.Str(doc);
        if (CApi.PyDict_SetItemString(dict.Handle, "__doc__"u8.AsPointer(), docString.Handle) < 0) throw new PythonException();
        Owned exception = Owned.Checked(CApi.PyErr_NewException(FunctionBinder.CString($"{Name}.{name}"), baseTuple.Handle, dict.Handle));
        nint handle = exception.Handle;
        Add(name, exception);
        return handle;
    }

    /// <summary>Hands the module to CPython (the return value of <c>PyInit_*</c>).</summary>
    public nint Finish()
    {
        Owned module = _module;
        return module.Steal();
    }
}
