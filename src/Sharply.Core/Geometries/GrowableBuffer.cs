using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sharply.Core.Geometries;

/// <summary>
/// An append-only list of <typeparamref name="T"/> that ends as a <see cref="DataBuffer{T}"/>. Large
/// storage is allocated uninitialized on the pinned heap, so that ending can hand it over without a copy,
/// or, for a temporary buffer (<paramref name="temporary"/>), rented from the shared array pool and given
/// back by <see cref="Release"/>: repeated large decodes then reuse memory instead of faulting in fresh
/// pages and leaving gigabytes for the garbage collector.
/// </summary>
internal sealed class GrowableBuffer<T>(int capacity, bool temporary = false) where T : unmanaged
{
    private T[] _items = Allocate(Math.Max(capacity, 4), temporary);

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

    /// <summary>Reserves <paramref name="count"/> more elements and returns them, uninitialized, for writing.</summary>
    public Span<T> Append(int count)
    {
        if ((long)Count + count > _items.Length) Grow((long)Count + count);
        Span<T> span = _items.AsSpan(Count, count);
        Count += count;
        return span;
    }

    /// <summary>Grows once so that <paramref name="count"/> more elements fit.</summary>
    public void Reserve(int count)
    {
        if ((long)Count + count > _items.Length) Grow((long)Count + count);
    }

    public T this[int index]
    {
        get => _items[index];
        set => _items[index] = value;
    }

    public void Clear() => Count = 0;

    /// <summary>Drops the elements from <paramref name="count"/> on.</summary>
    public void Truncate(int count) => Count = count;

    private void Grow(long needed)
    {
        if (needed > Array.MaxLength) throw new InvalidLayoutException("geometry array too large");
        long size = Math.Min(Math.Max((long)_items.Length * 2, needed), Array.MaxLength);
        T[] items = Allocate((int)size, temporary);
        Span.CopyTo(items);
        Return(_items);
        _items = items;
    }

    /// <summary>Large storage is pinned: it is on a heap that is not compacted anyway, and a copy of it
    /// would cost more than pinning.</summary>
    private static unsafe bool IsLarge(int length) => (long)length * sizeof(T) >= LargeBuffers.MinimumBytes;

    private static unsafe T[] Allocate(int length, bool temporary)
    {
        if (!IsLarge(length)) return new T[length];
        if (temporary) return ArrayPool<T>.Shared.Rent(length);
        LargeBuffers.Allocating((long)length * sizeof(T));
        return GC.AllocateUninitializedArray<T>(length, pinned: true);
    }

    private void Return(T[] items)
    {
        if (temporary && IsLarge(items.Length)) ArrayPool<T>.Shared.Return(items);
    }

    /// <summary>Empties this buffer and gives rented storage back to the pool.</summary>
    public void Release()
    {
        Return(_items);
        _items = [];
        Count = 0;
    }

    /// <summary>
    /// Ends this buffer: its elements as a <see cref="DataBuffer{T}"/>, after which this buffer is empty.
    /// Pinned storage that is at least 7/8 used is handed over; anything else is copied into pinned memory.
    /// </summary>
    public unsafe DataBuffer<T> Detach()
    {
        T[] items = _items;
        int count = Count;
        _items = [];
        Count = 0;
        if (temporary || !IsLarge(items.Length) || count < items.Length - items.Length / 8)
        {
            DataBuffer<T> copy = DataBuffer<T>.From(items.AsSpan(0, count));
            Return(items);
            return copy;
        }
        // Safe: the array was allocated on the pinned heap, so its address is stable, and the buffer
        // keeps the array alive as its owner.
        return DataBuffer<T>.Wrap((T*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(items)), count, items);
    }
}
