using System.Runtime.InteropServices;
using Sharply.Core.Parallel;

namespace Sharply.Core.Index;

public sealed partial class PackedRTree
{
    /// <summary>For each query box, the stored items whose bounds lie within a distance of it (0: they
    /// intersect, touching counts). See <see cref="QueryPairs{TFilter}"/>.</summary>
    public IndexPairs QueryPairs(ReadOnlySpan<double> queryBounds, ReadOnlySpan<double> distances = default) =>
        QueryPairs(queryBounds, distances, new KeepAll());

    /// <summary>
    /// For each query box (interleaved xmin, ymin, xmax, ymax), the stored items whose bounds lie within a
    /// Euclidean distance of it, kept if <paramref name="filter"/> accepts the pair. Runs in parallel over
    /// the queries; the pairs are ordered by query index, then tree index, whatever the thread count.
    /// </summary>
    /// <param name="queryBounds">Four values per query; a query with NaN or inverted bounds matches nothing.</param>
    /// <param name="distances">Empty (distance 0), one distance for all queries, or one per query. A NaN or
    /// negative distance matches nothing. Boxes within the distance are the candidates of a <c>dwithin</c>
    /// predicate: the distance between two geometries is never less than between their bounds.</param>
    /// <param name="filter">Exact refinement of each candidate pair.</param>
    /// <exception cref="InvalidLayoutException">The lengths of the spans are inconsistent.</exception>
    public unsafe IndexPairs QueryPairs<TFilter>(ReadOnlySpan<double> queryBounds, ReadOnlySpan<double> distances, TFilter filter)
        where TFilter : struct, IPairFilter
    {
        int count = QueryCount(queryBounds);
        if (distances.Length > 1 && distances.Length != count)
            throw new InvalidLayoutException($"{distances.Length} distances for {count} query boxes");
        if (count == 0 || Count == 0) return PairChunk.Concatenate([], false);
        int grain = ParallelRange.Grain(count, 1);
        var chunks = new PairChunk?[(count + grain - 1) / grain];
        // Safe: both spans are pinned for the whole (synchronous) parallel loop that reads them.
        fixed (double* bounds = queryBounds)
        fixed (double* distance = distances)
        {
            var body = new QueryBody<TFilter>(this, bounds, distance, distances.Length, filter, chunks, grain);
            ParallelRange.For(count, grain, ref body);
        }
        return PairChunk.Concatenate(chunks, false);
    }

    /// <summary>Number of boxes in <paramref name="queryBounds"/>.</summary>
    private static int QueryCount(ReadOnlySpan<double> queryBounds)
    {
        if (queryBounds.Length % 4 != 0)
            throw new InvalidLayoutException($"query bounds hold {queryBounds.Length} values, not a multiple of 4");
        return queryBounds.Length / 4;
    }

    private readonly unsafe struct QueryBody<TFilter>(PackedRTree tree, double* bounds, double* distances,
        int distanceCount, TFilter filter, PairChunk?[] chunks, int grain) : IRangeBody
        where TFilter : struct, IPairFilter
    {
        public void Run(int start, int end)
        {
            TFilter chunkFilter = filter;
            var found = new List<int>();
            ulong[]? bitmap = null;
            PairChunk? chunk = null;
            for (int input = start; input < end; input++)
            {
                double* box = bounds + 4L * input;
                double distance = distanceCount == 0 ? 0 : distances[distanceCount == 1 ? 0 : input];
                found.Clear();
                tree.Collect(new QueryBox(box[0], box[1], box[2], box[3], distance), found);
                Span<int> items = CollectionsMarshal.AsSpan(found);
                // Sorted before refinement, so the filter reads the tree's rows in memory order.
                tree.SortAscending(items, ref bitmap);
                int kept = 0;
                foreach (int item in items)
                {
                    if (chunkFilter.Keep(input, item)) items[kept++] = item;
                }
                if (kept == 0) continue;
                items = items[..kept];
                chunk ??= new PairChunk(false);
                chunk.Inputs.Append(kept).Fill(input);
                items.CopyTo(chunk.Trees.Append(kept));
            }
            chunks[start / grain] = chunk;
        }
    }
}
