using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sharply.Core.Geometries;
using Sharply.Core.Parallel;

namespace Sharply.Core.IO;

/// <summary>
/// The array loop shared by every reader: rows are decoded in fixed chunks, each into its own builder,
/// and the builders are concatenated in chunk order, so the result does not depend on the thread count.
/// </summary>
internal static unsafe class RowDecoding
{
    public static DecodeResult ReadMany<TDecoder>(ReadOnlySpan<nint> pointers, ReadOnlySpan<int> lengths, OnInvalid onInvalid, string? crs)
        where TDecoder : IRowDecoder
    {
        if (pointers.Length != lengths.Length)
            throw new ArgumentException($"{pointers.Length} pointers but {lengths.Length} lengths", nameof(lengths));
        int count = pointers.Length;
        int grain = ParallelRange.Grain(count, 512);
        var chunks = new Chunk[Math.Max(1, (count + grain - 1) / grain)];
        // Safe: the spans stay pinned for the whole loop, which ends before this method returns.
        fixed (nint* pointer = pointers)
        fixed (int* length = lengths)
        {
            var body = new Body<TDecoder>(pointer, length, grain, onInvalid, chunks);
            ParallelRange.For(count, grain, ref body);
        }
        if (count == 0) chunks[0] = new Chunk(0);

        var builders = new GeometryArrayBuilder[chunks.Length];
        for (int i = 0; i < chunks.Length; i++) builders[i] = chunks[i].Builder;
        try
        {
            var failures = new List<DecodeFailure>();
            int srid = 0;
            foreach (Chunk chunk in chunks)
            {
                if (chunk.Error is not null) throw chunk.Error;
                if (chunk.Failures is not null) failures.AddRange(chunk.Failures);
                if (srid == 0) srid = chunk.Srid;
            }
            return new DecodeResult(GeometryArrayBuilder.Concat(builders, crs), failures, srid);
        }
        finally
        {
            // The chunks' storage goes back to the pool at once, on errors too.
            foreach (GeometryArrayBuilder builder in builders) builder.Release();
        }
    }

    /// <summary>Copies managed values into one pinned block and reads them (missing = null).</summary>
    public static DecodeResult ReadMany<TDecoder>(IReadOnlyList<byte[]?> rows, OnInvalid onInvalid, string? crs)
        where TDecoder : IRowDecoder
    {
        long total = 1;
        foreach (byte[]? value in rows) total += value?.Length ?? 0;
        if (total > Array.MaxLength) throw new ArgumentException("input too large", nameof(rows));
        byte[] block = GC.AllocateUninitializedArray<byte>((int)total, pinned: true);
        var pointers = new nint[rows.Count];
        var lengths = new int[rows.Count];
        // Safe: the block lives on the pinned object heap and stays referenced until the read ends.
        nint start = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(block));
        int offset = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i] is not { } value) continue;
            value.CopyTo(block, offset);
            pointers[i] = start + offset;
            lengths[i] = value.Length;
            offset += value.Length;
        }
        DecodeResult result = ReadMany<TDecoder>(pointers, lengths, onInvalid, crs);
        GC.KeepAlive(block);
        return result;
    }

    private sealed class Chunk(int rows)
    {
        public readonly GeometryArrayBuilder Builder = new(Math.Max(rows, 1));
        public List<DecodeFailure>? Failures;
        public GeometryDecodeException? Error;
        public int Srid;
    }

    private readonly struct Body<TDecoder>(nint* pointers, int* lengths, int grain, OnInvalid onInvalid, Chunk[] chunks)
        : IRangeBody where TDecoder : IRowDecoder
    {
        public void Run(int start, int end)
        {
            var chunk = new Chunk(end - start);
            if (TDecoder.BytesPerValue > 0)
            {
                long bytes = 0;
                for (int row = start; row < end; row++) bytes += Math.Max(0, lengths[row]);
                chunk.Builder.ReserveCoordinates((int)Math.Min(bytes / TDecoder.BytesPerValue, Array.MaxLength));
            }
            chunks[start / grain] = chunk;
            GeometryArrayBuilder builder = chunk.Builder;
            for (int row = start; row < end; row++)
            {
                nint pointer = pointers[row];
                if (pointer == 0)
                {
                    builder.AppendNull();
                    continue;
                }
                int before = builder.Length;
                try
                {
                    if (lengths[row] < 0) throw new GeometryDecodeException(row, $"negative length {lengths[row]}");
                    // Safe: the caller guarantees each non-null pointer addresses its length in readable bytes.
                    int srid = TDecoder.Decode(new ReadOnlySpan<byte>((void*)pointer, lengths[row]), builder, row);
                    if (chunk.Srid == 0) chunk.Srid = srid;
                }
                catch (GeometryDecodeException error)
                {
                    builder.Truncate(before);
                    if (onInvalid == OnInvalid.Raise)
                    {
                        chunk.Error = error;
                        return;
                    }
                    if (onInvalid == OnInvalid.Warn) (chunk.Failures ??= []).Add(new DecodeFailure(row, error.Problem));
                    builder.AppendNull();
                }
            }
        }
    }
}
