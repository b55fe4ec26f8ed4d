using System.Runtime.InteropServices;
using Sharply.CPython.Raw;

namespace Sharply.CPython;

/// <summary>
/// A consumer's view of an object's memory through the buffer protocol: no copy. Read-only exporters are
/// accepted; the memory must be C-contiguous. Dispose to release the exporter's buffer.
/// </summary>
public unsafe ref struct BufferView
{
    // Allocated natively: some exporters point Py_buffer.shape into the struct itself, so it must not move.
    private Py_buffer* _view;

    /// <summary>Requests a buffer from <paramref name="obj"/>, a writable one when <paramref name="writable"/>;
    /// errors name <paramref name="argument"/>.</summary>
    public static BufferView Acquire(Borrowed obj, string argument, bool writable = false)
    {
        if (CApi.PyObject_CheckBuffer(obj.Handle) == 0)
            throw new PyTypeErrorException($"{argument} must support the buffer protocol (a numpy array), not '{obj.TypeName}'");
        Py_buffer* view = (Py_buffer*)NativeMemory.AllocZeroed((nuint)sizeof(Py_buffer));
        if (CApi.PyObject_GetBuffer(obj.Handle, view, CApi.PyBUF_RECORDS_RO | (writable ? CApi.PyBUF_WRITABLE : 0)) < 0)
        {
            NativeMemory.Free(view);
            throw new PythonException();
        }
        var result = new BufferView { _view = view };
        if (CApi.PyBuffer_IsContiguous(view, (byte)'C') == 0)
        {
            result.Dispose();
            throw new ArgumentException($"{argument} must be C-contiguous (use numpy.ascontiguousarray)");
        }
        return result;
    }

    /// <summary>The first byte of the exporter's memory.</summary>
    public readonly void* Pointer => _view->buf;

    /// <summary>Number of dimensions (0 for a scalar).</summary>
    public readonly int Dimensions => _view->ndim;

    /// <summary>Length of dimension <paramref name="axis"/>.</summary>
    public readonly long Shape(int axis) => _view->shape is null ? _view->len / _view->itemsize : _view->shape[axis];

    /// <summary>Bytes per item.</summary>
    public readonly int ItemSize => (int)_view->itemsize;

    /// <summary>The struct-module format code with a native / little-endian prefix removed ('B' when unspecified).</summary>
    public readonly char Format
    {
        get
        {
            byte* format = _view->format;
            if (format == null) return 'B';
            if (*format is (byte)'@' or (byte)'=' or (byte)'<') format++;
            return format[0] != 0 && format[1] == 0 ? (char)format[0] : '?';
        }
    }

    /// <summary>The elements as <typeparamref name="T"/>, after checking that the item size and kind match.</summary>
    /// <param name="kinds">Accepted format codes, e.g. "d" for float64 or "lq" for int64.</param>
    /// <param name="argument">The argument's name, for the error message.</param>
    /// <param name="expected">What the values should be, e.g. "float64", for the error message.</param>
    public readonly ReadOnlySpan<T> Span<T>(string kinds, string argument, string expected) where T : unmanaged
    {
        if (ItemSize != sizeof(T) || !kinds.Contains(Format))
            throw new ArgumentException($"{argument} must hold {expected} values, got buffer format '{FormatText}' with {ItemSize}-byte items");
        return new ReadOnlySpan<T>(_view->buf, checked((int)(_view->len / sizeof(T))));
    }

    /// <summary>The elements as writable <typeparamref name="T"/> (the view must have been acquired writable),
    /// after the same checks as <see cref="Span{T}"/>.</summary>
    public readonly Span<T> WritableSpan<T>(string kinds, string argument, string expected) where T : unmanaged
    {
        if (_view->@readonly != 0) throw new ArgumentException($"{argument} is read-only");
        ReadOnlySpan<T> values = Span<T>(kinds, argument, expected);
        return new Span<T>(_view->buf, values.Length);
    }

    private readonly string FormatText => _view->format == null ? "B" : Marshal.PtrToStringUTF8((nint)_view->format) ?? "";

    /// <summary>Releases the buffer back to its exporter (<c>PyBuffer_Release</c>).</summary>
    public void Dispose()
    {
        if (_view == null) return;
        CApi.PyBuffer_Release(_view);
        NativeMemory.Free(_view);
        _view = null;
    }
}
