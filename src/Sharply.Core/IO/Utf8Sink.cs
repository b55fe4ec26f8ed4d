using System.Buffers;

namespace Sharply.Core.IO;

/// <summary>
/// A growable UTF-8 output buffer for the text writers, in pooled memory: <see cref="Release"/> gives it
/// back, so repeated large encodes write into pages already mapped instead of fresh ones.
/// </summary>
internal sealed class Utf8Sink(int capacity)
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 256));

    public int Count { get; private set; }

    public ReadOnlySpan<byte> Written => _buffer.AsSpan(0, Count);

    /// <summary>At least <paramref name="size"/> free bytes; call <see cref="Advance"/> with how many were used.</summary>
    public Span<byte> GetSpan(int size)
    {
        if (Count + size > _buffer.Length)
        {
            long grown = Math.Max(2L * _buffer.Length, (long)Count + size);
            if (grown > Array.MaxLength) grown = (long)Count + size;
            if (grown > Array.MaxLength) throw new InvalidLayoutException("text output too large for one buffer");
            byte[] larger = ArrayPool<byte>.Shared.Rent((int)grown);
            Written.CopyTo(larger);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }
        return _buffer.AsSpan(Count);
    }

    public void Advance(int count) => Count += count;

    public void Write(byte value)
    {
        GetSpan(1)[0] = value;
        Count++;
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        Count += bytes.Length;
    }

    /// <summary>Gives the buffer back to the pool; the sink is empty and unusable afterwards.</summary>
    public void Release()
    {
        if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
        Count = 0;
    }
}
