using System.Runtime.InteropServices;
using Sharply.Core.Parallel;

namespace Sharply.Core.Index;

public sealed partial class PackedRTree
{
    /// <summary>
    /// For each query box, the nearest stored items by the exact distance <paramref name="metric"/>
    /// (like Shapely's <c>STRtree.query_nearest</c>): a best-first search over box distances, in parallel
    /// over the queries. Pairs are ordered by query index, then tree index, whatever the thread count.
    /// Queries with NaN or inverted bounds (missing geometries) have no pair.
    /// </summary>
    /// <param name="queryBounds">Four values per query: xmin, ymin, xmax, ymax.</param>
    /// <param name="metric">Exact distance of a pair; NaN excludes the pair.</param>
    /// <param name="maxDistance">Only items at most this far count (infinity: no limit).</param>
    /// <param name="exclusive">Skip the tree item with the same index as the query (a tree queried with its own items).</param>
    /// <param name="allMatches">All items at the minimum distance (exact ties), or only the one with the lowest index.</param>
    /// <param name="returnDistance">Fill <see cref="IndexPairs.Distances"/>.</param>
    /// <exception cref="InvalidLayoutException">The query bounds length is not a multiple of 4.</exception>
    public unsafe IndexPairs Nearest<TMetric>(ReadOnlySpan<double> queryBounds, TMetric metric,
        double maxDistance = double.PositiveInfinity, bool exclusive = false, bool allMatches = true, bool returnDistance = false)
        where TMetric : struct, IItemDistance
    {
        if (!(maxDistance >= 0)) throw new ArgumentOutOfRangeException(nameof(maxDistance), maxDistance, "must be 0 or more");
        int count = QueryCount(queryBounds);
        if (count == 0 || Count == 0) return PairChunk.Concatenate([], returnDistance);
        int grain = ParallelRange.Grain(count, 1);
        var chunks = new PairChunk?[(count + grain - 1) / grain];
        // Safe: the span is pinned for the whole (synchronous) parallel loop that reads it.
        fixed (double* bounds = queryBounds)
        {
            var body = new NearestBody<TMetric>(this, bounds, metric,
                new NearestOptions(maxDistance, exclusive, allMatches, returnDistance), chunks, grain);
            ParallelRange.For(count, grain, ref body);
        }
        return PairChunk.Concatenate(chunks, returnDistance);
    }

    private readonly record struct NearestOptions(double MaxDistance, bool Exclusive, bool AllMatches, bool ReturnDistance);

    /// <summary>Fills <paramref name="found"/> with the nearest items to one query and returns their distance.</summary>
    private double NearestTo<TMetric>(int input, in QueryBox query, ref TMetric metric, in NearestOptions options,
        NodeQueue queue, List<int> found) where TMetric : struct, IItemDistance
    {
        found.Clear();
        queue.Clear();
        double[] boxes = _boxes;
        double best = double.PositiveInfinity;
        int top = _levelStarts.Length - 2;
        int root = _levelStarts[top];
        queue.Push(query.DistanceTo(boxes[4 * root], boxes[4 * root + 1], boxes[4 * root + 2], boxes[4 * root + 3]), root, top);
        while (queue.Count > 0)
        {
            double limit = Math.Min(best, options.MaxDistance);
            if (queue.MinKey > limit) break;
            queue.Pop(out int node, out int level);
            if (level == 0)
            {
                int item = _ids[node];
                if (options.Exclusive && item == input) continue;
                double distance = metric.Distance(input, item);
                if (!(distance <= options.MaxDistance)) continue;
                if (distance < best || found.Count == 0)
                {
                    best = distance;
                    found.Clear();
                    found.Add(item);
                }
                else if (distance == best)
                {
                    if (options.AllMatches) found.Add(item);
                    else if (item < found[0]) found[0] = item;
                }
                continue;
            }
            int first = _levelStarts[level - 1] + (node - _levelStarts[level]) * NodeCapacity;
            int last = Math.Min(first + NodeCapacity, _levelStarts[level]);
            for (int child = first; child < last; child++)
            {
                double key = query.DistanceTo(boxes[4 * child], boxes[4 * child + 1], boxes[4 * child + 2], boxes[4 * child + 3]);
                if (key <= limit) queue.Push(key, child, level - 1);
            }
        }
        return best;
    }

    private readonly unsafe struct NearestBody<TMetric>(PackedRTree tree, double* bounds, TMetric metric,
        NearestOptions options, PairChunk?[] chunks, int grain) : IRangeBody
        where TMetric : struct, IItemDistance
    {
        public void Run(int start, int end)
        {
            TMetric chunkMetric = metric;
            var queue = new NodeQueue();
            var found = new List<int>();
            PairChunk? chunk = null;
            for (int input = start; input < end; input++)
            {
                double* box = bounds + 4L * input;
                var query = new QueryBox(box[0], box[1], box[2], box[3], 0);
                if (!query.IsValid) continue;
                double distance = tree.NearestTo(input, query, ref chunkMetric, options, queue, found);
                if (found.Count == 0) continue;
                Span<int> items = CollectionsMarshal.AsSpan(found);
                items.Sort();
                chunk ??= new PairChunk(options.ReturnDistance);
                chunk.Inputs.Append(items.Length).Fill(input);
                items.CopyTo(chunk.Trees.Append(items.Length));
                chunk.Distances?.Append(items.Length).Fill(distance);
            }
            chunks[start / grain] = chunk;
        }
    }
}
