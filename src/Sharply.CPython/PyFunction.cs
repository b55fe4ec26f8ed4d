using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Sharply.CPython.Raw;

namespace Sharply.CPython;

/// <summary>
/// A Python function implemented in C#: its name, its parameter names in order, and its body. The body
/// receives the arguments in parameter order and returns a new reference.
/// </summary>
public readonly unsafe struct PyFunction(string name, string[] parameters, delegate*<in Arguments, Owned> body)
{
    /// <summary>The Python name of the function.</summary>
    public string Name { get; } = name;

    /// <summary>The parameter names, which the Python stub must repeat in order.</summary>
    public string[] Parameters { get; } = parameters;

    /// <summary>The implementation: bound arguments in, a new reference out.</summary>
    public delegate*<in Arguments, Owned> Body { get; } = body;
}

/// <summary>
/// Turns <see cref="PyFunction"/> declarations into Python builtin functions (METH_FASTCALL | METH_KEYWORDS).
/// All of them share one entry point, <see cref="Dispatch"/>: the builtin's <c>self</c> is a small object of
/// ours whose spare word points at the function's native record (body, interned parameter names, defaults),
/// the way nanobind chooses the call path once at creation. A call with positional arguments only allocates
/// nothing and reads the record with one load.
/// </summary>
public static unsafe class FunctionBinder
{
    /// <summary>The native record of one Python-visible function. Lives for the process lifetime.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Record
    {
        public delegate*<in Arguments, Owned> Body;
        public int ParameterCount;
        public int RequiredCount;
        public nint* Names;      // interned str objects, owned
        public nint* Defaults;   // owned references for the trailing optional parameters
        public nint NameHandle;  // GCHandle of the managed name, for error messages
        public PyMethodDef Method;
    }

    private const int MaxParameters = 16;

    private static nint _recordType;

    /// <summary>
    /// Creates the builtin function for <paramref name="function"/>, with a docstring (which may start with a
    /// text signature <c>name(a, b=1)\n--\n\n</c>) and the defaults of its trailing parameters.
    /// The returned function's <c>__module__</c> is <paramref name="moduleName"/>.
    /// </summary>
    public static Owned Create(PyFunction function, string? doc, ReadOnlySpan<nint> defaults, string moduleName)
    {
        if (function.Parameters.Length > MaxParameters) throw new ArgumentException($"{function.Name}: too many parameters");
        if (defaults.Length > function.Parameters.Length) throw new ArgumentException($"{function.Name}: more defaults than parameters");
        Record* record = (Record*)NativeMemory.AllocZeroed((nuint)sizeof(Record));
        record->Body = function.Body;
        record->ParameterCount = function.Parameters.Length;
        record->RequiredCount = function.Parameters.Length - defaults.Length;
        record->Names = (nint*)NativeMemory.AllocZeroed((nuint)(sizeof(nint) * Math.Max(1, function.Parameters.Length)));
        for (int i = 0; i < function.Parameters.Length; i++)
            record->Names[i] = Owned.Checked(CApi.PyUnicode_InternFromString(CString(function.Parameters[i]))).Steal();
        record->Defaults = (nint*)NativeMemory.AllocZeroed((nuint)(sizeof(nint) * Math.Max(1, defaults.Length)));
        for (int i = 0; i < defaults.Length; i++) record->Defaults[i] = Owned.From(new Borrowed(defaults[i])).Steal();
        record->NameHandle = GCHandle.ToIntPtr(GCHandle.Alloc(function.Name));
        record->Method = new PyMethodDef
        {
            ml_name = CString(function.Name),
            ml_meth = (delegate* unmanaged<nint, nint*, nint, nint, nint>)&Dispatch,
            ml_flags = CApi.METH_FASTCALL | CApi.METH_KEYWORDS,
            ml_doc = doc is null ? null : CString(doc),
        };
        if (_recordType == 0)
            _recordType = new HeapType($"{moduleName}._FunctionRecord", "The native record behind a Sharply builtin function.")
                .Build(0).Steal(); // lives for the process lifetime, like the records
        using Owned self = ManagedObject.New(_recordType, function.Name, (nint)record);
        using Owned module = Py.Str(moduleName);
        return Owned.Checked(CApi.PyCFunction_NewEx(&record->Method, self.Handle, module.Handle));
    }

    /// <summary>A copy of <paramref name="text"/> as a NUL-terminated UTF-8 string that is never freed.</summary>
    public static byte* CString(string text)
    {
        byte[] utf8 = Encoding.UTF8.GetBytes(text);
        byte* copy = (byte*)NativeMemory.Alloc((nuint)utf8.Length + 1);
        utf8.CopyTo(new Span<byte>(copy, utf8.Length));
        copy[utf8.Length] = 0;
        return copy;
    }

    [UnmanagedCallersOnly]
    private static nint Dispatch(nint self, nint* args, nint nargs, nint kwnames)
    {
        Record* record = (Record*)ManagedObject.Extra(new Borrowed(self));
        try
        {
            int count = record->ParameterCount;
            return kwnames == 0 && nargs == count
                ? record->Body(new Arguments(new ReadOnlySpan<nint>(args, count), record->NameHandle)).Steal()
                : CallBound(record, args, nargs, kwnames);
        }
        catch (Exception error)
        {
            Boundary.SetError(error);
            return 0;
        }
    }

    /// <summary>The general call: keywords or omitted defaults. Kept out of <see cref="Dispatch"/> so the
    /// positional fast path carries no stack buffer (no stack probe, no stack cookie).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint CallBound(Record* record, nint* args, nint nargs, nint kwnames)
    {
        nint* slots = stackalloc nint[MaxParameters];
        Bind(record, args, nargs, kwnames, slots);
        return record->Body(new Arguments(new ReadOnlySpan<nint>(slots, record->ParameterCount), record->NameHandle)).Steal();
    }

    private static string Name(Record* record) => (string)GCHandle.FromIntPtr(record->NameHandle).Target!;

    /// <summary>Matches positional and keyword arguments to parameters, with CPython's error messages.</summary>
    private static void Bind(Record* record, nint* args, nint nargs, nint kwnames, nint* slots)
    {
        int count = record->ParameterCount;
        if (nargs > count)
            throw new PyTypeErrorException(count == 0
                ? $"{Name(record)}() takes no arguments ({nargs} given)"
                : $"{Name(record)}() takes at most {count} argument{(count == 1 ? "" : "s")} ({nargs} given)");
        for (int i = 0; i < count; i++) slots[i] = i < nargs ? args[i] : 0;
        nint keywords = kwnames == 0 ? 0 : CApi.PyTuple_Size(kwnames);
        for (nint k = 0; k < keywords; k++)
        {
            nint key = CApi.PyTuple_GetItem(kwnames, k);
            int index = ParameterIndex(record, key);
            if (index < 0)
                throw new PyTypeErrorException($"{Name(record)}() got an unexpected keyword argument '{new Borrowed(key).ToStringValue()}'");
            if (slots[index] != 0)
                throw new PyTypeErrorException($"{Name(record)}() got multiple values for argument '{new Borrowed(key).ToStringValue()}'");
            slots[index] = args[nargs + k];
        }
        for (int i = 0; i < count; i++)
        {
            if (slots[i] != 0) continue;
            if (i < record->RequiredCount)
                throw new PyTypeErrorException($"{Name(record)}() missing required argument '{new Borrowed(record->Names[i]).ToStringValue()}' (pos {i + 1})");
            slots[i] = record->Defaults[i - record->RequiredCount];
        }
    }

    private static int ParameterIndex(Record* record, nint key)
    {
        for (int i = 0; i < record->ParameterCount; i++)
            if (record->Names[i] == key) return i;
        for (int i = 0; i < record->ParameterCount; i++)
        {
            using Owned equal = Owned.Checked(CApi.PyObject_RichCompare(record->Names[i], key, CApi.Py_EQ));
            if (equal.Handle == CApi.Py_True) return i;
        }
        return -1;
    }
}
