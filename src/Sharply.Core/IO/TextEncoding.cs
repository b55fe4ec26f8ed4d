using Sharply.Core.Geometries;
using Sharply.Core.Parallel;

namespace Sharply.Core.IO;

/// <summary>
/// The array loop shared by the text writers: chunks of rows of about equal work (vertices and rows) are
/// encoded in parallel, each into its own pooled buffer.
/// </summary>
internal static class TextEncoding
{
    /// <summary>Rows per chunk at most, so that one chunk's buffer stays a modest size.</summary>
    private const int MaxChunkRows = 1 << 16;

    /// <summary>Work (vertices plus rows) per chunk at least: below that a chunk is not worth scheduling.</summary>
    private const long MinChunkWork = 1 << 14;

    /// <summary>Every row's text in per-chunk buffers (see <see cref="TextChunks"/>).</summary>
    public static TextChunks EncodeChunks<TEncoder>(GeometryArray array, TEncoder encoder) where TEncoder : struct, IRowEncoder
    {
        int[] firstRows = Split(array);
        var sinks = new Utf8Sink[firstRows.Length];
        var ends = new int[array.Length];
        var body = new Body<TEncoder>(array, encoder, firstRows, sinks, ends);
        try
        {
            ParallelRange.For(firstRows.Length, 1, ref body);
        }
        catch
        {
            foreach (Utf8Sink? sink in sinks) sink?.Release();
            throw;
        }
        return new TextChunks(sinks, firstRows, ends, array.Validity);
    }

    /// <summary>Every row's text in one buffer with per-row offsets; missing rows get no bytes.</summary>
    public static EncodedRows EncodeMany<TEncoder>(GeometryArray array, TEncoder encoder) where TEncoder : struct, IRowEncoder
    {
        using TextChunks chunks = EncodeChunks(array, encoder);
        return chunks.Concatenate();
    }

    /// <summary>Encodes one present row as a string.</summary>
    public static string Encode<TEncoder>(GeometryArray array, int row, TEncoder encoder) where TEncoder : struct, IRowEncoder
    {
        if (array.IsNull(row)) throw new ArgumentException($"row {row} is missing", nameof(row));
        var sink = new Utf8Sink(256);
        encoder.Encode(array, row, sink);
        string text = System.Text.Encoding.UTF8.GetString(sink.Written);
        sink.Release();
        return text;
    }

    /// <summary>
    /// The first row of each chunk (at least one chunk): a few chunks per thread of about equal work,
    /// found by binary search over the work before each row, which only grows with the row.
    /// </summary>
    private static int[] Split(GeometryArray array)
    {
        int count = array.Length;
        long total = Work(array, count);
        long target = Math.Max(MinChunkWork, total / (8L * ParallelRange.ThreadCount));
        var firstRows = new List<int> { 0 };
        int start = 0;
        while (start < count)
        {
            long goal = Work(array, start) + target;
            int low = start + 1, high = Math.Min(count, start + MaxChunkRows);
            // The first row in (start, high] whose work before it reaches the goal, or high.
            while (low < high)
            {
                int middle = low + (high - low) / 2;
                if (Work(array, middle) >= goal) high = middle;
                else low = middle + 1;
            }
            if (low < count) firstRows.Add(low);
            start = low;
        }
        return [.. firstRows];
    }

    /// <summary>The work before row <paramref name="row"/>: its first vertex's index plus the row index.</summary>
    private static long Work(GeometryArray array, int row) => (long)array.RingOffsets[array.PartOffsets[array.GeometryOffsets[row]]] + row;

    private readonly struct Body<TEncoder>(GeometryArray array, TEncoder encoder, int[] firstRows, Utf8Sink[] sinks, int[] ends)
        : IRangeBody where TEncoder : struct, IRowEncoder
    {
        public void Run(int firstChunk, int endChunk)
        {
            for (int chunk = firstChunk; chunk < endChunk; chunk++)
            {
                int start = firstRows[chunk], end = chunk + 1 < firstRows.Length ? firstRows[chunk + 1] : array.Length;
                // Room for the usual text (a header per row, up to 40 bytes per vertex) so the sink seldom grows.
                long vertices = Work(array, end) - Work(array, start) - (end - start);
                var sink = new Utf8Sink((int)Math.Min(64L * (end - start) + 40 * vertices, 1 << 30));
                sinks[chunk] = sink;
                for (int row = start; row < end; row++)
                {
                    if (!array.IsNull(row)) encoder.Encode(array, row, sink);
                    ends[row] = sink.Count;
                }
            }
        }
    }
}
