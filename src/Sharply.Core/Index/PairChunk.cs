using Sharply.Core.Geometries;
using Sharply.Core.Parallel;

namespace Sharply.Core.Index;

/// <summary>The pairs one parallel chunk of a bulk query found, in output order.</summary>
internal sealed class PairChunk(bool withDistances)
{
    public readonly GrowableBuffer<int> Inputs = new(16);
    public readonly GrowableBuffer<int> Trees = new(16);
    public readonly GrowableBuffer<double>? Distances = withDistances ? new GrowableBuffer<double>(16) : null;

    /// <summary>Concatenates the chunks in order into one result.</summary>
    public static IndexPairs Concatenate(PairChunk?[] chunks, bool withDistances)
    {
        long[] starts = new long[chunks.Length];
        long total = 0;
        for (int i = 0; i < chunks.Length; i++)
        {
            starts[i] = total;
            total += chunks[i]?.Trees.Count ?? 0;
        }
        if (2 * total > Array.MaxLength)
            throw new InvalidLayoutException($"query result too large: {total} pairs");
        int count = (int)total;
        var body = new CopyBody(chunks, starts, count, DataBuffer<long>.Allocate(2 * count),
            withDistances ? DataBuffer<double>.Allocate(count) : null);
        ParallelRange.For(chunks.Length, 1, ref body);
        return new IndexPairs(count, body.Indices, body.Distances);
    }

    private readonly struct CopyBody(PairChunk?[] chunks, long[] starts, int count,
        DataBuffer<long> indices, DataBuffer<double>? distances) : IRangeBody
    {
        public DataBuffer<long> Indices => indices;
        public DataBuffer<double>? Distances => distances;

        public void Run(int start, int end)
        {
            Span<long> all = indices.Span;
            for (int c = start; c < end; c++)
            {
                PairChunk? chunk = chunks[c];
                if (chunk is null || chunk.Trees.Count == 0) continue;
                int at = (int)starts[c];
                Span<long> inputs = all.Slice(at, chunk.Trees.Count);
                Span<long> trees = all.Slice(count + at, chunk.Trees.Count);
                ReadOnlySpan<int> sourceInputs = chunk.Inputs.Span;
                ReadOnlySpan<int> sourceTrees = chunk.Trees.Span;
                for (int i = 0; i < sourceTrees.Length; i++)
                {
                    inputs[i] = sourceInputs[i];
                    trees[i] = sourceTrees[i];
                }
                if (distances is not null) chunk.Distances!.Span.CopyTo(distances.Span[at..]);
            }
        }
    }
}
