using Sharply.Core.Geometries;

namespace Sharply.Core.IO;

/// <summary>
/// Encoded text of consecutive rows in chunks, each chunk's rows back to back in one pooled buffer:
/// the text writers' output before (or instead of) its concatenation into one buffer. Dispose gives the
/// buffers back to the pool.
/// </summary>
public sealed class TextChunks : IDisposable
{
    private readonly Utf8Sink[] _sinks;
    private readonly int[] _firstRows;
    private readonly int[] _ends;
    private readonly DataBuffer<byte>? _validity;

    internal TextChunks(Utf8Sink[] sinks, int[] firstRows, int[] ends, DataBuffer<byte>? validity)
    {
        _sinks = sinks;
        _firstRows = firstRows;
        _ends = ends;
        _validity = validity;
    }

    /// <summary>Number of rows.</summary>
    public int Length => _ends.Length;

    /// <summary>Number of chunks.</summary>
    public int ChunkCount => _sinks.Length;

    /// <summary>Chunk <paramref name="chunk"/> holds rows <c>[FirstRow(chunk), FirstRow(chunk + 1))</c>.</summary>
    public int FirstRow(int chunk) => _firstRows[chunk];

    /// <summary>The text of chunk <paramref name="chunk"/>'s rows, back to back.</summary>
    public ReadOnlySpan<byte> Text(int chunk) => _sinks[chunk].Written;

    /// <summary>Where row <paramref name="row"/>'s text ends in its chunk's <see cref="Text"/>; it starts where
    /// the previous row of the chunk ends, or at 0 for the chunk's first row. A missing row has no text.</summary>
    public int End(int row) => _ends[row];

    /// <summary>True when row <paramref name="row"/> is missing.</summary>
    public bool IsNull(int row) => _validity is not null && (_validity.Span[row >> 3] & (1 << (row & 7))) == 0;

    /// <summary>The rows' text concatenated into one buffer with per-row offsets.</summary>
    public EncodedRows Concatenate()
    {
        int count = Length;
        long total = 0;
        foreach (Utf8Sink sink in _sinks) total += sink.Count;
        if (total > Array.MaxLength) throw new InvalidLayoutException($"text output of {total} bytes is too large for one buffer");
        var data = DataBuffer<byte>.Allocate((int)total);
        var offsets = DataBuffer<long>.Allocate(count + 1);
        Span<long> offsetSpan = offsets.Span;
        offsetSpan[0] = 0;
        long start = 0;
        for (int chunk = 0; chunk < _sinks.Length; chunk++)
        {
            Text(chunk).CopyTo(data.Span[(int)start..]);
            int last = chunk + 1 < _sinks.Length ? _firstRows[chunk + 1] : count;
            for (int row = _firstRows[chunk]; row < last; row++) offsetSpan[row + 1] = start + _ends[row];
            start += _sinks[chunk].Count;
        }
        return new EncodedRows(count, data, offsets, _validity);
    }

    /// <summary>Gives the chunk buffers back to the pool; the text is gone afterwards.</summary>
    public void Dispose()
    {
        foreach (Utf8Sink? sink in _sinks) sink?.Release();
    }
}
