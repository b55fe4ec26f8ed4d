using Sharply.CPython.Raw;

namespace Sharply.CPython;

/// <summary>
/// A strong reference this code owns: it must be disposed (decref) or handed on with <see cref="Steal"/>.
/// A default value holds nothing.
/// </summary>
public struct Owned : IDisposable
{
    private nint _handle;

    private Owned(nint handle) => _handle = handle;

    /// <summary>Takes ownership of a new reference returned by the C API; throws if it is NULL (the Python error is set).</summary>
    public static Owned Checked(nint newReference) =>
        newReference == 0 ? throw new PythonException() : new Owned(newReference);

    /// <summary>Takes a new strong reference to <paramref name="borrowed"/>.</summary>
    public static unsafe Owned From(Borrowed borrowed)
    {
        CApi.Py_IncRef(borrowed.Handle);
        return new Owned(borrowed.Handle);
    }

    /// <summary>The <c>PyObject*</c> owned (0 when empty).</summary>
    public readonly nint Handle => _handle;

    /// <summary>True when this holds no reference.</summary>
    public readonly bool IsNull => _handle == 0;

    /// <summary>A borrowed view that must not outlive this owner.</summary>
    public readonly Borrowed Borrow() => new(_handle);

    /// <summary>Hands the reference to the caller (for example to return it to CPython); this becomes empty.</summary>
    public nint Steal()
    {
        nint handle = _handle;
        _handle = 0;
        return handle;
    }

    /// <summary>Releases the reference (<c>Py_DecRef</c>), if any.</summary>
    public unsafe void Dispose()
    {
        if (_handle != 0) CApi.Py_DecRef(_handle);
        _handle = 0;
    }
}

/// <summary>A reference someone else owns, valid only for the current call: a ref struct, so it cannot be stored.</summary>
public readonly ref struct Borrowed(nint handle)
{
    /// <summary>The <c>PyObject*</c> borrowed.</summary>
    public nint Handle { get; } = handle;

    /// <summary>True for a null pointer (an absent optional argument).</summary>
    public bool IsNull => Handle == 0;

    /// <summary>True when the object is <c>None</c>.</summary>
    public unsafe bool IsNone => Handle == CApi.Py_None;

    /// <summary>The object's type (<c>Py_TYPE</c>), borrowed.</summary>
    public nint Type => CApi.Py_TYPE(Handle);

    /// <summary>True when the object's type has <paramref name="flag"/> (a <c>Py_TPFLAGS_*</c> bit).</summary>
    public unsafe bool HasTypeFlag(ulong flag) => (CApi.PyType_GetFlags(Type) & flag) != 0;

    /// <summary>The Python type name, for error messages.</summary>
    public unsafe string TypeName
    {
        get
        {
            using Owned type = Owned.From(new Borrowed(Type));
            using Owned name = Owned.Checked(CApi.PyObject_GetAttrString(type.Handle, "__name__"u8.AsPointer()));
            return name.Borrow().ToStringValue();
        }
    }
}
