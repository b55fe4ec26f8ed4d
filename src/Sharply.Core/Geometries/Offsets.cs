using System.Runtime.CompilerServices;

namespace Sharply.Core.Geometries;

/// <summary>
/// One level of offsets: element <c>i</c> of the parent level spans children
/// <c>[this[i], this[i + 1])</c>. Without a buffer the offsets are the identity (<c>this[i] == i</c>):
/// each parent has exactly one child, which costs no memory (points, and the single part of a
/// linestring or polygon).
/// </summary>
public readonly unsafe struct Offsets
{
    private readonly int* _pointer;

    /// <summary>The buffer holding the offsets, or null for the identity.</summary>
    public DataBuffer<int>? Buffer { get; }

    /// <summary>Offsets stored in <paramref name="buffer"/> (one more entry than parents).</summary>
    public Offsets(DataBuffer<int> buffer)
    {
        Buffer = buffer;
        _pointer = buffer.Pointer;
    }

    /// <summary>The identity: each parent has exactly one child.</summary>
    public static Offsets Identity => default;

    /// <summary>True for <see cref="Identity"/>.</summary>
    public bool IsIdentity => Buffer is null;

    /// <summary>The offset at <paramref name="index"/> (<paramref name="index"/> itself for the identity).</summary>
    public int this[int index]
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        // Safe: callers index within [0, parent count], which validation of the array guarantees.
        get => _pointer == null ? index : _pointer[index];
    }

    /// <summary>The offsets as a buffer of <paramref name="count"/> + 1 entries, materializing the identity.</summary>
    public DataBuffer<int> ToBuffer(int count)
    {
        if (Buffer is not null) return Buffer;
        DataBuffer<int> buffer = DataBuffer<int>.Allocate(count + 1);
        Span<int> span = buffer.Span;
        for (int i = 0; i < span.Length; i++) span[i] = i;
        return buffer;
    }
}
