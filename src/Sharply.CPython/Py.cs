using System.Text;
using Sharply.CPython.Raw;

namespace Sharply.CPython;

/// <summary>Safe conversions between .NET values and Python objects. Every method needs the GIL.</summary>
public static unsafe class Py
{
    /// <summary>A new reference to <c>None</c>.</summary>
    public static Owned None => Owned.From(new Borrowed(CApi.Py_None));

    /// <summary>A new reference to <c>True</c> or <c>False</c>.</summary>
    public static Owned Bool(bool value) => Owned.From(new Borrowed(value ? CApi.Py_True : CApi.Py_False));

    /// <summary>A new Python float.</summary>
    public static Owned Float(double value) => Owned.Checked(CApi.PyFloat_FromDouble(value));

    /// <summary>A new Python int.</summary>
    public static Owned Int(long value) => Owned.Checked(CApi.PyLong_FromLongLong(value));

    /// <summary>A new Python str.</summary>
    public static Owned Str(string value)
    {
        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        Span<byte> utf8 = max > 512 ? new byte[max] : stackalloc byte[max];
        int length = Encoding.UTF8.GetBytes(value, utf8);
        return Str(utf8[..length]);
    }

    /// <summary>A new Python str decoded from UTF-8.</summary>
    public static Owned Str(ReadOnlySpan<byte> utf8)
    {
        fixed (byte* p = utf8) return Owned.Checked(CApi.PyUnicode_FromStringAndSize(p, utf8.Length));
    }

    /// <summary>A new Python bytes object holding a copy of <paramref name="data"/>.</summary>
    public static Owned Bytes(ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data) return Owned.Checked(CApi.PyBytes_FromStringAndSize(p, data.Length));
    }

    /// <summary>Releases a reference (<c>Py_DecRef</c>) without the GC transition when it is not the last
    /// one, since nothing can run then: the common case when dropping many items that live on elsewhere.</summary>
    public static void DecRef(nint obj)
    {
        // ob_refcnt, the first field of every object in the stable ABI; the GIL is held, so it cannot change under us.
        if (*(nint*)obj > 1) CApi.Py_DecRefNotLast(obj);
        else CApi.Py_DecRef(obj);
    }

    /// <summary>A new bytes object of <paramref name="size"/> uninitialized bytes at <paramref name="data"/>,
    /// which the caller fills before anyone else sees the object.</summary>
    public static Owned NewBytes(long size, out byte* data)
    {
        Owned bytes = Owned.Checked(CApi.PyBytes_FromStringAndSizeUninitialized(null, checked((nint)size)));
        data = CApi.PyBytes_AsString(bytes.Handle);
        return bytes;
    }

    /// <summary>A new tuple holding new references to <paramref name="items"/> (borrowed handles: the caller keeps its own).</summary>
    public static Owned Tuple(params ReadOnlySpan<nint> items)
    {
        Owned tuple = Owned.Checked(CApi.PyTuple_New(items.Length));
        for (int i = 0; i < items.Length; i++)
        {
            CApi.Py_IncRef(items[i]);
            CApi.PyTuple_SetItem(tuple.Handle, i, items[i]); // steals the reference just taken
        }
        return tuple;
    }

    /// <summary>The length of a tuple.</summary>
    public static int TupleLength(this Borrowed tuple)
    {
        nint size = CApi.PyTuple_Size(tuple.Handle);
        return size < 0 ? throw new PythonException() : (int)size;
    }

    /// <summary>Item <paramref name="index"/> of a tuple, borrowed from the tuple.</summary>
    public static Borrowed TupleItem(this Borrowed tuple, int index) => new(CApi.PyTuple_GetItem(tuple.Handle, index));

    /// <summary>A new list of <paramref name="length"/> empty slots, to fill with <see cref="ListSet"/>.</summary>
    public static Owned List(int length) => Owned.Checked(CApi.PyList_New(length));

    /// <summary>Stores <paramref name="item"/> (stolen) at <paramref name="index"/> of a new list.</summary>
    public static void ListSet(Borrowed list, int index, Owned item) => CApi.PyList_SetItem(list.Handle, index, item.Steal());

    /// <summary>Imports <paramref name="module"/> (a dotted name).</summary>
    public static Owned Import(string module)
    {
        byte[] name = Encoding.UTF8.GetBytes(module + "\0");
        fixed (byte* p = name) return Owned.Checked(CApi.PyImport_ImportModule(p));
    }

    /// <summary>The attribute <paramref name="name"/> of <paramref name="obj"/>; throws the pending Python error when it is missing.</summary>
    public static Owned GetAttr(this Borrowed obj, string name)
    {
        using Owned key = Str(name);
        return Owned.Checked(CApi.PyObject_GetAttr(obj.Handle, key.Handle));
    }

    /// <summary>Attribute <paramref name="name"/>, or an empty reference when there is none (AttributeError is cleared).</summary>
    public static Owned GetAttrOrEmpty(this Borrowed obj, string name)
    {
        using Owned key = Str(name);
        nint value = CApi.PyObject_GetAttr(obj.Handle, key.Handle);
        if (value != 0) return Owned.Checked(value);
        if (CApi.PyErr_ExceptionMatches(CApi.PyExc_AttributeError) == 0) throw new PythonException();
        CApi.PyErr_Clear();
        return default;
    }

    /// <summary>Calls <paramref name="callable"/> with positional arguments (borrowed handles).</summary>
    public static Owned Call(this Borrowed callable, params ReadOnlySpan<nint> arguments)
    {
        using Owned tuple = Tuple(arguments);
        return Owned.Checked(CApi.PyObject_CallObject(callable.Handle, tuple.Handle));
    }

    /// <summary>Calls <paramref name="callable"/> with positional and keyword arguments.</summary>
    public static Owned Call(this Borrowed callable, Borrowed args, Borrowed kwargs) =>
        Owned.Checked(CApi.PyObject_Call(callable.Handle, args.Handle, kwargs.Handle));

    /// <summary>True for exactly a Python float.</summary>
    public static bool IsFloat(this Borrowed obj) => obj.Type == CApi.PyFloat_Type;

    /// <summary>True for an int (or a subclass, bool included).</summary>
    public static bool IsInt(this Borrowed obj) => obj.HasTypeFlag(CApi.Py_TPFLAGS_LONG_SUBCLASS);

    /// <summary>True for a str (or a subclass).</summary>
    public static bool IsStr(this Borrowed obj) => obj.HasTypeFlag(CApi.Py_TPFLAGS_UNICODE_SUBCLASS);

    /// <summary>True for a bytes object (or a subclass).</summary>
    public static bool IsBytes(this Borrowed obj) => obj.HasTypeFlag(CApi.Py_TPFLAGS_BYTES_SUBCLASS);

    /// <summary>True for a list (or a subclass).</summary>
    public static bool IsList(this Borrowed obj) => obj.HasTypeFlag(CApi.Py_TPFLAGS_LIST_SUBCLASS);

    /// <summary>True for a tuple (or a subclass).</summary>
    public static bool IsTuple(this Borrowed obj) => obj.HasTypeFlag(CApi.Py_TPFLAGS_TUPLE_SUBCLASS);

    /// <summary>True for a slice object.</summary>
    public static bool IsSlice(this Borrowed obj) => obj.Type == CApi.PySlice_Type;

    /// <summary>The rows a slice selects from a sequence of <paramref name="length"/> items (Python's rules).</summary>
    public static (long Start, long Step, long Count) SliceIndices(this Borrowed slice, long length)
    {
        nint start, stop, step;
        if (CApi.PySlice_Unpack(slice.Handle, &start, &stop, &step) < 0) throw new PythonException();
        nint count = CApi.PySlice_AdjustIndices((nint)length, &start, &stop, step);
        return (start, step, count);
    }

    /// <summary>A float, or an int / numpy scalar that converts to one; TypeError names <paramref name="argument"/>.</summary>
    public static double ToDouble(this Borrowed obj, string argument)
    {
        if (obj.IsFloat()) return CApi.PyFloat_AsDouble(obj.Handle);
        if (obj.IsStr() || obj.IsBytes() || obj.IsNone)
            throw new PyTypeErrorException($"{argument} must be a real number, not '{obj.TypeName}'");
        double value = CApi.PyFloat_AsDouble(obj.Handle);
        if (value == -1.0 && CApi.PyErr_Occurred() != 0)
        {
            CApi.PyErr_Clear();
            throw new PyTypeErrorException($"{argument} must be a real number, not '{obj.TypeName}'");
        }
        return value;
    }

    /// <summary>An integer (anything with <c>__index__</c>); TypeError names <paramref name="argument"/>.</summary>
    public static long ToInt64(this Borrowed obj, string argument)
    {
        if (!obj.IsInt())
        {
            nint index = CApi.PyNumber_Index(obj.Handle);
            if (index == 0)
            {
                CApi.PyErr_Clear();
                throw new PyTypeErrorException($"{argument} must be an integer, not '{obj.TypeName}'");
            }
            using Owned owned = Owned.Checked(index);
            return ToInt64(owned.Borrow(), argument);
        }
        long value = CApi.PyLong_AsLongLong(obj.Handle);
        if (value == -1 && CApi.PyErr_Occurred() != 0) throw new PythonException();
        return value;
    }

    /// <summary>The truth value of <paramref name="obj"/> (<c>bool(obj)</c>).</summary>
    public static bool ToBool(this Borrowed obj)
    {
        int truth = CApi.PyObject_IsTrue(obj.Handle);
        return truth < 0 ? throw new PythonException() : truth != 0;
    }

    /// <summary>The UTF-8 bytes of a str, valid while the str lives.</summary>
    public static ReadOnlySpan<byte> Utf8(this Borrowed obj, string argument)
    {
        if (!obj.IsStr()) throw new PyTypeErrorException($"{argument} must be a str, not '{obj.TypeName}'");
        nint size;
        byte* data = CApi.PyUnicode_AsUTF8AndSize(obj.Handle, &size);
        if (data == null) throw new PythonException();
        return new ReadOnlySpan<byte>(data, (int)size);
    }

    /// <summary>The value of a str as a .NET string; TypeError names <paramref name="argument"/>.</summary>
    public static string ToStringValue(this Borrowed obj, string argument = "value") => Encoding.UTF8.GetString(obj.Utf8(argument));

    /// <summary>The contents of a bytes object, valid while it lives.</summary>
    public static ReadOnlySpan<byte> BytesValue(this Borrowed obj)
    {
        byte* data = CApi.PyBytes_AsString(obj.Handle);
        if (data == null) throw new PythonException();
        return new ReadOnlySpan<byte>(data, (int)CApi.PyBytes_Size(obj.Handle));
    }

    /// <summary><c>repr(obj)</c>.</summary>
    public static string Repr(this Borrowed obj)
    {
        using Owned repr = Owned.Checked(CApi.PyObject_Repr(obj.Handle));
        return repr.Borrow().ToStringValue();
    }

    /// <summary>Issues a Python warning of category <paramref name="category"/> (a warning class).</summary>
    public static void Warn(nint category, string message)
    {
        byte[] text = Encoding.UTF8.GetBytes(message + "\0");
        fixed (byte* p = text)
            if (CApi.PyErr_WarnEx(category, p, 1) < 0) throw new PythonException();
    }
}
