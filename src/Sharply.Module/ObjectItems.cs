using Sharply.CPython;
using Sharply.CPython.Raw;

namespace Sharply.Module;

/// <summary>
/// The items of a numpy object array being made: owned references (0 for None) that <see cref="ToArray"/>
/// moves into a new array through its buffer, without a Python list in between; items never moved are
/// released by <see cref="Dispose"/>.
/// </summary>
internal sealed unsafe class ObjectItems(int count) : IDisposable
{
    private static Owned _numpyEmpty;
    private static Owned _objectType;
    private readonly nint[] _items = new nint[count];

    /// <summary>Takes over <paramref name="item"/> as item <paramref name="index"/>.</summary>
    public void Set(int index, Owned item) => _items[index] = item.Steal();

    /// <summary>A 1-D numpy object array of the items (the references move into it).</summary>
    public Owned ToArray()
    {
        if (_numpyEmpty.IsNull)
        {
            using Owned numpy = Py.Import("numpy");
            using Owned builtins = Py.Import("builtins");
            _numpyEmpty = numpy.Borrow().GetAttr("empty");
            _objectType = builtins.Borrow().GetAttr("object");
        }
        using Owned length = Py.Int(_items.Length);
        Owned array = _numpyEmpty.Borrow().Call(length.Handle, _objectType.Handle);
        try
        {
            using BufferView view = BufferView.Acquire(array.Borrow(), "result", writable: true);
            Span<nint> slots = view.WritableSpan<nint>("O", "result", "Python objects");
            for (int i = 0; i < _items.Length; i++)
            {
                if (_items[i] == 0) continue;
                nint previous = slots[i];
                slots[i] = _items[i];
                _items[i] = 0;
                // numpy fills a new object array with None.
                if (previous != 0) Py.DecRef(previous);
            }
        }
        catch
        {
            array.Dispose();
            throw;
        }
        return array;
    }

    /// <summary>The first item itself (None when unset), moved out: the result of a call given a scalar.</summary>
    public Owned TakeFirst()
    {
        nint item = _items[0];
        _items[0] = 0;
        return item == 0 ? Py.None : Owned.Checked(item);
    }

    public void Dispose()
    {
        foreach (nint item in _items)
            if (item != 0) CApi.Py_DecRef(item);
        Array.Clear(_items);
    }
}
