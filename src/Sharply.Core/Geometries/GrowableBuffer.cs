namespace Sharply.Core.Geometries;

/// <summary>
/// An append-only list of <typeparamref name="T"/> that ends as a <see cref="DataBuffer{T}"/>. Small storage
/// is a managed array; large storage is a <see cref="LargeBuffers"/> block, given back as soon as growing
/// replaces it or <see cref="Release"/> ends the buffer, and handed over without a copy when ending finds
/// it nearly full, so repeated large builds reuse memory instead of faulting in fresh pages.
/// </summary>
internal sealed unsafe class GrowableBuffer<T> where T : unmanaged
{
    private T[] _array = [];
    private LargeBlock? _block;
    private int _capacity;

    public GrowableBuffer(int capacity) => Replace(Math.Max(capacity, 4));

    public int Count { get; private set; }

    /// <summary>All of the storage; only the first <see cref="Count"/> elements are set.</summary>
    private Span<T> Storage => _block is null ? _array : new Span<T>(_block.Pointer, _capacity);

    public Span<T> Span => Storage[..Count];

    public void Add(T value)
    {
        if (Count == _capacity) Grow(Count + 1);
        Storage[Count++] = value;
    }

    public void Add(T a, T b)
    {
        if (Count + 2 > _capacity) Grow(Count + 2);
        Span<T> storage = Storage;
        storage[Count] = a;
        storage[Count + 1] = b;
        Count += 2;
    }

    public void Add(T a, T b, T c)
    {
        if (Count + 3 > _capacity) Grow(Count + 3);
        Span<T> storage = Storage;
        storage[Count] = a;
        storage[Count + 1] = b;
        storage[Count + 2] = c;
        Count += 3;
    }

    /// <summary>Reserves <paramref name="count"/> more elements and returns them, uninitialized, for writing.</summary>
    public Span<T> Append(int count)
    {
        if ((long)Count + count > _capacity) Grow((long)Count + count);
        Span<T> span = Storage.Slice(Count, count);
        Count += count;
        return span;
    }

    /// <summary>Grows once so that <paramref name="count"/> more elements fit.</summary>
    public void Reserve(int count)
    {
        if ((long)Count + count > _capacity) Grow((long)Count + count);
    }

    public T this[int index]
    {
        get => Storage[index];
        set => Storage[index] = value;
    }

    public void Clear() => Count = 0;

    /// <summary>Drops the elements from <paramref name="count"/> on.</summary>
    public void Truncate(int count) => Count = count;

    private void Grow(long needed)
    {
        if (needed > Array.MaxLength) throw new InvalidLayoutException("geometry array too large");
        Replace((int)Math.Min(Math.Max((long)_capacity * 2, needed), Array.MaxLength));
    }

    /// <summary>New storage for <paramref name="capacity"/> elements, the elements copied over, the old storage given back.</summary>
    private void Replace(int capacity)
    {
        long bytes = (long)capacity * sizeof(T);
        LargeBlock? block = bytes >= LargeBuffers.MinimumBytes ? LargeBuffers.Rent(bytes) : null;
        T[] array = block is null ? new T[capacity] : [];
        Span.CopyTo(block is null ? array : new Span<T>(block.Pointer, capacity));
        if (_block is not null) LargeBuffers.Return(_block);
        (_array, _block, _capacity) = (array, block, capacity);
    }

    /// <summary>Empties this buffer and gives large storage back to the pool.</summary>
    public void Release()
    {
        if (_block is not null) LargeBuffers.Return(_block);
        (_array, _block, _capacity, Count) = ([], null, 0, 0);
    }

    /// <summary>
    /// Ends this buffer: its elements as a <see cref="DataBuffer{T}"/>, after which this buffer is empty.
    /// Large storage that is at least 7/8 used is handed over; anything else is copied.
    /// </summary>
    public DataBuffer<T> Detach()
    {
        DataBuffer<T> result;
        if (_block is not null && Count >= _capacity - _capacity / 8)
        {
            result = DataBuffer<T>.Own(_block, Count);
            _block = null;
        }
        else result = DataBuffer<T>.From(Span);
        Release();
        return result;
    }
}
