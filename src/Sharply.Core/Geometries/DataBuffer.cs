using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sharply.Core.Geometries;

/// <summary>
/// A fixed block of unmanaged-addressable memory holding <typeparamref name="T"/> values. The address
/// never moves, so the memory can be handed to numpy or Arrow consumers without copying.
/// The memory is a pinned managed array (small buffers) or a <see cref="LargeBlock"/> (both reclaimed once
/// nothing references this buffer or its owner), or foreign memory kept alive by an owner object (for
/// example an imported Arrow array whose release callback runs when the owner is finalized).
/// </summary>
public sealed unsafe class DataBuffer<T> where T : unmanaged
{
    private readonly T* _pointer;

    /// <summary>Keeps the memory alive: a pinned array, or the foreign owner.</summary>
    public object Owner { get; }

    /// <summary>Number of elements.</summary>
    public int Length { get; }

    private DataBuffer(T* pointer, int length, object owner)
    {
        _pointer = pointer;
        Length = length;
        Owner = owner;
    }

    /// <summary>Allocates uninitialized pinned memory for <paramref name="length"/> elements.</summary>
    public static DataBuffer<T> Allocate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        long bytes = (long)length * sizeof(T);
        if (bytes >= LargeBuffers.MinimumBytes) return Own(LargeBuffers.Rent(bytes), length);
        T[] array = GC.AllocateUninitializedArray<T>(length, pinned: true);
        // Safe: the array lives on the pinned object heap, so its address is stable for its lifetime,
        // and this buffer keeps a reference to it.
        return new DataBuffer<T>((T*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array)), length, array);
    }

    /// <summary>The first <paramref name="length"/> elements of <paramref name="block"/>, which becomes this
    /// buffer's owner (it returns to the pool once no buffer or view references it).</summary>
    internal static DataBuffer<T> Own(LargeBlock block, int length)
    {
        if ((long)length * sizeof(T) > block.Bytes) throw new ArgumentOutOfRangeException(nameof(length));
        return new DataBuffer<T>((T*)block.Pointer, length, block);
    }

    /// <summary>Copies <paramref name="values"/> into a new buffer.</summary>
    public static DataBuffer<T> From(ReadOnlySpan<T> values)
    {
        DataBuffer<T> buffer = Allocate(values.Length);
        values.CopyTo(buffer.Span);
        return buffer;
    }

    /// <summary>Views foreign memory. <paramref name="owner"/> must keep it valid for as long as it is reachable.</summary>
    public static DataBuffer<T> Wrap(T* pointer, int length, object owner)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (pointer == null && length > 0) throw new ArgumentNullException(nameof(pointer));
        return new DataBuffer<T>(pointer, length, owner);
    }

    /// <summary>The first element's address. Valid while this buffer is reachable.</summary>
    public T* Pointer => _pointer;

    /// <summary>The elements. Buffers are written only while an array is being built.</summary>
    public Span<T> Span => new(_pointer, Length);

    /// <summary>A view of <paramref name="length"/> elements from <paramref name="start"/>, sharing this memory.</summary>
    public DataBuffer<T> Slice(int start, int length)
    {
        if ((uint)start > (uint)Length || (uint)length > (uint)(Length - start))
            throw new ArgumentOutOfRangeException(nameof(start));
        return new DataBuffer<T>(_pointer + start, length, Owner);
    }

    /// <summary>Size in bytes.</summary>
    public long ByteLength => (long)Length * sizeof(T);
}
