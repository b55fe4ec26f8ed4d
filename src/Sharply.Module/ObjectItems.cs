using Sharply.CPython;
using Sharply.CPython.Raw;

namespace Sharply.Module;

/// <summary>
/// A 1-D numpy object array being filled: made first (numpy sets every item to None), its items then
/// written straight into its memory, with no intermediate list or array of references, so each item is
/// stored while it is still in cache. <see cref="ToArray"/> hands the array over; <see cref="Dispose"/>
/// releases it (and the items set) if it was not handed over.
/// </summary>
internal sealed unsafe class ObjectItems : IDisposable
{
    private static Owned _numpyEmpty;
    private static Owned _objectType;
    private Owned _array;
    private readonly nint* _slots;
    private readonly int _count;

    public ObjectItems(int count)
    {
        if (_numpyEmpty.IsNull)
        {
            using Owned numpy = Py.Import("numpy");
            using Owned builtins = Py.Import("builtins");
            _numpyEmpty = numpy.Borrow().GetAttr("empty");
            _objectType = builtins.Borrow().GetAttr("object");
        }
        using Owned length = Py.Int(count);
        _array = _numpyEmpty.Borrow().Call(length.Handle, _objectType.Handle);
        try
        {
            using BufferView view = BufferView.Acquire(_array.Borrow(), "result", writable: true);
            Span<nint> slots = view.WritableSpan<nint>("O", "result", "Python objects");
            // Safe: a new contiguous array that only this object references: its memory neither moves nor
            // resizes while _array holds it, after the view is released.
            fixed (nint* first = slots) _slots = first;
        }
        catch
        {
            _array.Dispose();
            throw;
        }
        _count = count;
    }

    /// <summary>Takes over <paramref name="item"/> as item <paramref name="index"/> (replacing None).</summary>
    public void Set(int index, Owned item)
    {
        if ((uint)index >= (uint)_count)
        {
            item.Dispose();
            throw new ArgumentOutOfRangeException(nameof(index));
        }
        nint previous = _slots[index];
        _slots[index] = item.Steal();
        // numpy fills a new object array with None, whose reference is never the last.
        if (previous != 0) Py.DecRef(previous);
    }

    /// <summary>The array, handed over to the caller.</summary>
    public Owned ToArray()
    {
        Owned array = _array;
        _array = default;
        return array;
    }

    public void Dispose() => _array.Dispose();
}
