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

    /// <summary>A declared method: its entry point and the record of its function (null until bound).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct MethodSlot
    {
        public nint Entry;
        public Record* Record;
    }

    private sealed class MethodDeclaration(MethodSlot* slot, PyMethodDef* definition, string summary, string[] parameters)
    {
        /// <summary>The method's names for the function's leading parameters: "self", then the renamed ones.</summary>
        public string[] Parameters { get; } = parameters;

        public MethodSlot* Slot { get; } = slot;
        public PyMethodDef* Definition { get; } = definition;
        public string Summary { get; } = summary;
    }

    private const int MaxParameters = 16;

    /// <summary>Slots of the method table, open addressing on the entry point's address; at most half used.</summary>
    private const int MethodTableSize = 64;

    private static nint _recordType;
    private static MethodSlot* _methods;
    private static readonly Dictionary<string, MethodDeclaration> DeclaredMethods = new(StringComparer.Ordinal);

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
        Owned builtin = Owned.Checked(CApi.PyCFunction_NewEx(&record->Method, self.Handle, module.Handle));
        if (DeclaredMethods.TryGetValue(function.Name, out MethodDeclaration? method))
        {
            method.Slot->Record = RenamedRecord(record, method.Parameters);
            method.Definition->ml_doc = CString(MethodDoc(function.Name, method.Summary, doc, method.Parameters));
        }
        return builtin;
    }

    /// <summary>
    /// Declares a method of a heap type (<see cref="HeapType.Method"/>) that calls the function of the same
    /// name with <c>self</c> as its first argument, with that function's binding (parameter names, defaults)
    /// and docstring, attached when the function is created. <paramref name="definition"/> lives as long
    /// as the type (CPython reads its <c>ml_doc</c> whenever the method's <c>__doc__</c> is asked for).
    /// </summary>
    internal static void DeclareMethod(PyMethodDef* definition, string name, string summary, string[] parameters)
    {
        if (_methods == null) _methods = (MethodSlot*)NativeMemory.AllocZeroed((nuint)(sizeof(MethodSlot) * MethodTableSize));
        if (DeclaredMethods.Count >= MethodTableSize / 2) throw new InvalidOperationException("too many native methods");
        nint entry = (nint)definition->ml_meth;
        int index = MethodIndex(entry);
        while (_methods[index].Entry != 0)
        {
            if (_methods[index].Entry == entry) throw new ArgumentException($"{name}: this entry point serves another method");
            index = (index + 1) & (MethodTableSize - 1);
        }
        _methods[index].Entry = entry;
        DeclaredMethods.Add(name, new MethodDeclaration(&_methods[index], definition, summary, ["self", .. parameters]));
    }

    /// <summary>
    /// The body of a method's entry point (<c>[UnmanagedCallersOnly]</c>, one per method because the C
    /// signature does not say which method is called: <paramref name="entry"/> is its own address). Binds
    /// <c>self</c> and the arguments like a call of the function, inside the guard.
    /// </summary>
    public static nint CallMethod(delegate* unmanaged<nint, nint*, nint, nint, nint> entry, nint self, nint* args, nint nargs, nint kwnames)
    {
        try
        {
            Record* record = MethodRecord((nint)entry);
            int count = record->ParameterCount;
            nint keywords = kwnames == 0 ? 0 : CApi.PyTuple_Size(kwnames);
            if (1 + nargs + keywords > MaxParameters)
                throw new PyTypeErrorException($"{Name(record)}() takes at most {count} arguments ({1 + nargs + keywords} given)");
            nint* all = stackalloc nint[MaxParameters];
            all[0] = self;
            for (nint i = 0; i < nargs + keywords; i++) all[1 + i] = args[i];
            return kwnames == 0 && nargs + 1 == count
                ? record->Body(new Arguments(new ReadOnlySpan<nint>(all, count), record->NameHandle, record->Names)).Steal()
                : CallBound(record, all, nargs + 1, kwnames);
        }
        catch (Exception error)
        {
            Boundary.SetError(error);
            return 0;
        }
    }

    /// <summary>A method's record: the function's, with its leading parameters renamed to
    /// <paramref name="names"/>; the rest is shared.</summary>
    private static Record* RenamedRecord(Record* function, string[] names)
    {
        Record* method = (Record*)NativeMemory.Alloc((nuint)sizeof(Record));
        *method = *function;
        method->Names = (nint*)NativeMemory.Alloc((nuint)(sizeof(nint) * Math.Max(1, function->ParameterCount)));
        for (int i = 0; i < function->ParameterCount; i++)
            method->Names[i] = i < names.Length
                ? Owned.Checked(CApi.PyUnicode_InternFromString(CString(names[i]))).Steal()
                : function->Names[i];
        return method;
    }

    /// <summary>The record of the function a method entry point calls.</summary>
    private static Record* MethodRecord(nint entry)
    {
        MethodSlot* methods = _methods;
        if (methods == null) throw new InvalidOperationException("no native method is declared");
        int index = MethodIndex(entry);
        while (methods[index].Entry != entry)
        {
            if (methods[index].Entry == 0) throw new InvalidOperationException("this entry point serves no declared method");
            index = (index + 1) & (MethodTableSize - 1);
        }
        Record* record = methods[index].Record;
        return record != null ? record : throw new InvalidOperationException("the method's function is not bound yet");
    }

    private static int MethodIndex(nint entry) => (int)(((ulong)entry * 0x9E3779B97F4A7C15UL) >> 58); // 64 slots

    /// <summary>
    /// The method's docstring: the function's text signature with the method's names for its leading
    /// parameters (<c>$self</c> first), the method's summary, then the function's docstring.
    /// </summary>
    private static string MethodDoc(string name, string summary, string? doc, string[] names)
    {
        const string SignatureEnd = ")\n--\n\n";
        int end = doc is null ? -1 : doc.IndexOf(SignatureEnd, StringComparison.Ordinal);
        if (doc is null || end < 0 || !doc.StartsWith(name + "(", StringComparison.Ordinal))
            return doc is null ? summary : $"{summary}\n\n{doc}";
        string[] parameters = doc[(name.Length + 1)..end].Split(", ");
        for (int i = 0; i < Math.Min(parameters.Length, names.Length); i++)
        {
            int nameEnd = parameters[i].IndexOf('=');
            parameters[i] = (i == 0 ? "$" : "") + names[i] + (nameEnd < 0 ? "" : parameters[i][nameEnd..]);
        }
        return $"{name}({string.Join(", ", parameters)})\n--\n\n{summary}\n\n{doc[(end + SignatureEnd.Length)..]}";
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
                ? record->Body(new Arguments(new ReadOnlySpan<nint>(args, count), record->NameHandle, record->Names)).Steal()
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
        return record->Body(new Arguments(new ReadOnlySpan<nint>(slots, record->ParameterCount), record->NameHandle, record->Names)).Steal();
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
