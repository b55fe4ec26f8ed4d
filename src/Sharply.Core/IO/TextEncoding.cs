using Sharply.Core.Geometries;
using Sharply.Core.Parallel;

namespace Sharply.Core.IO;

/// <summary>
/// The array loop shared by the text writers: fixed chunks of rows are encoded in parallel, each into
/// its own buffer, then copied in chunk order into one buffer with per-row offsets.
/// </summary>
internal static class TextEncoding
{
    public static unsafe EncodedRows EncodeMany<TEncoder>(GeometryArray array, TEncoder encoder) where TEncoder : struct, IRowEncoder
    {
        int count = array.Length;
        int grain = ParallelRange.Grain(count, 256);
        var sinks = new Utf8Sink[Math.Max(1, (count + grain - 1) / grain)];
        DataBuffer<long> offsets = DataBuffer<long>.Allocate(count + 1);
        var body = new Body<TEncoder>(array, encoder, grain, sinks, offsets.Pointer);
        ParallelRange.For(count, grain, ref body);
        Span<long> span = offsets.Span;
        span[0] = 0;
        for (int row = 0; row < count; row++) span[row + 1] += span[row];
        if (span[count] > Array.MaxLength) throw new InvalidLayoutException($"text output of {span[count]} bytes is too large for one buffer");
        DataBuffer<byte> data = DataBuffer<byte>.Allocate((int)span[count]);
        for (int chunk = 0; chunk * grain < count; chunk++)
            sinks[chunk].Written.CopyTo(data.Span[(int)span[chunk * grain]..]);
        return new EncodedRows(count, data, offsets, array.Validity);
    }

    /// <summary>Encodes one present row as a string.</summary>
    public static string Encode<TEncoder>(GeometryArray array, int row, TEncoder encoder) where TEncoder : struct, IRowEncoder
    {
        if (array.IsNull(row)) throw new ArgumentException($"row {row} is missing", nameof(row));
        var sink = new Utf8Sink(256);
        encoder.Encode(array, row, sink);
        return System.Text.Encoding.UTF8.GetString(sink.Written);
    }

    private readonly unsafe struct Body<TEncoder>(GeometryArray array, TEncoder encoder, int grain, Utf8Sink[] sinks, long* lengths)
        : IRangeBody where TEncoder : struct, IRowEncoder
    {
        public void Run(int start, int end)
        {
            // Room for the usual text (a header per row, up to 40 bytes per vertex) so the sink seldom grows.
            (int first, _) = array.PartsOf(start);
            (_, int last) = array.PartsOf(end - 1);
            long vertices = array.RingOffsets[array.PartOffsets[last]] - array.RingOffsets[array.PartOffsets[first]];
            var sink = new Utf8Sink((int)Math.Min(64L * (end - start) + 40 * vertices, 1 << 30));
            sinks[start / grain] = sink;
            for (int row = start; row < end; row++)
            {
                int before = sink.Count;
                if (!array.IsNull(row)) encoder.Encode(array, row, sink);
                lengths[row + 1] = sink.Count - before;
            }
        }
    }
}
