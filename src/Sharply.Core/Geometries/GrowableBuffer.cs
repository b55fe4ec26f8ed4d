namespace Sharply.Core.Geometries;

/// <summary>An append-only list of <typeparamref name="T"/> that ends as a <see cref="DataBuffer{T}"/>.</summary>
internal sealed class GrowableBuffer<T>(int capacity) where T : unmanaged
{
    private T[] _items = new T[Math.Max(capacity, 4)];

    public int Count { get; private set; }

    public Span<T> Span => _items.AsSpan(0, Count);

    public void Add(T value)
    {
        if (Count == _items.Length) Grow(Count + 1);
        _items[Count++] = value;
    }

    public void Add(T a, T b)
    {
        if (Count + 2 > _items.Length) Grow(Count + 2);
        _items[Count] = a;
        _items[Count + 1] = b;
        Count += 2;
    }

    public void Add(T a, T b, T c)
    {
        if (Count + 3 > _items.Length) Grow(Count + 3);
        _items[Count] = a;
        _items[Count + 1] = b;
        _items[Count + 2] = c;
        Count += 3;
    }

    /// <summary>Reserves <paramref name="count"/> more elements and returns them for writing.</summary>
    public Span<T> Append(int count)
    {
        if (Count + count > _items.Length) Grow(Count + count);
        Span<T> span = _items.AsSpan(Count, count);
        Count += count;
        return span;
    }

    /// <summary>Grows once so that <paramref name="count"/> more elements fit.</summary>
    public void Reserve(int count)
    {
        if ((long)Count + count > _items.Length) Grow((int)Math.Min((long)Count + count, Array.MaxLength));
    }

    public T this[int index]
    {
        get => _items[index];
        set => _items[index] = value;
    }

    public void Clear() => Count = 0;

    /// <summary>Drops the elements from <paramref name="count"/> on.</summary>
    public void Truncate(int count) => Count = count;

    private void Grow(int needed)
    {
        long size = Math.Max((long)_items.Length * 2, needed);
        if (size > Array.MaxLength) size = needed;
        if (size > Array.MaxLength) throw new InvalidLayoutException("geometry array too large");
        Array.Resize(ref _items, (int)size);
    }

    /// <summary>Copies the elements into pinned memory.</summary>
    public DataBuffer<T> ToDataBuffer() => DataBuffer<T>.From(Span);
}
