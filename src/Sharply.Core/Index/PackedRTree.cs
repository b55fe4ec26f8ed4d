using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sharply.Core.Parallel;

namespace Sharply.Core.Index;

/// <summary>
/// A static R-tree packed bottom-up along a Hilbert curve (like flatbush), built from item bounds.
/// <para>Layout: level 0 holds the stored items in Hilbert order, each higher level the nodes grouping up
/// to <see cref="NodeCapacity"/> consecutive entries of the level below, up to a single root. All boxes
/// live in one flat array; a node's children are implied by its position, so no child pointers are stored.</para>
/// <para>Items with NaN or inverted bounds (missing or empty geometries) are not stored and never match.
/// Queries are safe to run from several threads at once.</para>
/// </summary>
public sealed partial class PackedRTree
{
    /// <summary>Largest supported <see cref="NodeCapacity"/>.</summary>
    public const int MaxNodeCapacity = 1 << 16;

    /// <summary>Boxes of every level, four doubles (xmin, ymin, xmax, ymax) per entry, level 0 first.</summary>
    private readonly double[] _boxes;

    /// <summary>The original index of each level-0 entry.</summary>
    private readonly int[] _ids;

    /// <summary>Start of each level in entries, plus the total entry count at the end.</summary>
    private readonly int[] _levelStarts;

    /// <summary>Number of level-0 entries under one node of each level (saturated at the stored count).</summary>
    private readonly long[] _levelSpans;

    /// <summary>Builds the tree from interleaved bounds: (xmin, ymin, xmax, ymax) for each item.</summary>
    /// <exception cref="InvalidLayoutException">The span length is not a multiple of 4, or the tree would be too large.</exception>
    public unsafe PackedRTree(ReadOnlySpan<double> bounds, int nodeCapacity = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(nodeCapacity, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nodeCapacity, MaxNodeCapacity);
        if (bounds.Length % 4 != 0)
            throw new InvalidLayoutException($"bounds hold {bounds.Length} values, not a multiple of 4");
        NodeCapacity = nodeCapacity;
        ItemCount = bounds.Length / 4;

        int[] valid = ValidItems(bounds, out double minX, out double minY, out double maxX, out double maxY);
        int stored = valid.Length;
        Count = stored;
        _ids = new int[stored];
        _levelStarts = LevelStarts(stored, nodeCapacity);
        if (4L * _levelStarts[^1] > Array.MaxLength)
            throw new InvalidLayoutException($"too many items for a spatial index: {stored}");
        _boxes = GC.AllocateUninitializedArray<double>(4 * _levelStarts[^1]);
        _levelSpans = new long[_levelStarts.Length - 1];
        for (int level = 0; level < _levelSpans.Length; level++)
            _levelSpans[level] = level == 0 ? 1 : Math.Min(_levelSpans[level - 1] * nodeCapacity, Math.Max(stored, 1));
        if (stored == 0) return;

        ulong[] keys = GC.AllocateUninitializedArray<ulong>(stored);
        // Safe: the bounds are pinned for the whole (synchronous) parallel loops that read them.
        fixed (double* source = bounds)
        {
            double scaleX = maxX > minX ? Hilbert.Max / (maxX - minX) : 0;
            double scaleY = maxY > minY ? Hilbert.Max / (maxY - minY) : 0;
            var codes = new HilbertBody(source, valid, keys, minX, minY, scaleX, scaleY);
            ParallelRange.For(stored, ParallelRange.Grain(stored, 4096), ref codes);
            SortByHilbertIndex(keys);
            var leaves = new LeafBody(source, keys, _boxes, _ids);
            ParallelRange.For(stored, ParallelRange.Grain(stored, 4096), ref leaves);
        }
        for (int level = 0; level + 2 < _levelStarts.Length; level++)
        {
            var parents = new ParentBody(_boxes, _levelStarts[level], _levelStarts[level + 1], nodeCapacity);
            int count = _levelStarts[level + 2] - _levelStarts[level + 1];
            ParallelRange.For(count, ParallelRange.Grain(count, 1024), ref parents);
        }
    }

    /// <summary>Number of items the tree was built from, including missing ones.</summary>
    public int ItemCount { get; }

    /// <summary>Number of items stored (those with valid bounds).</summary>
    public int Count { get; }

    /// <summary>Maximum number of children of a node.</summary>
    public int NodeCapacity { get; }

    /// <summary>Appends to <paramref name="results"/> the indices, ascending, of the items whose bounds
    /// intersect the box (touching counts). NaN or inverted query bounds match nothing.</summary>
    public void Search(double xmin, double ymin, double xmax, double ymax, List<int> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        int start = results.Count;
        Collect(new QueryBox(xmin, ymin, xmax, ymax, 0), results);
        ulong[]? bitmap = null;
        SortAscending(CollectionsMarshal.AsSpan(results)[start..], ref bitmap);
    }

    /// <summary>Indices of the stored items, valid bounds, and the extent of their centres.</summary>
    private static int[] ValidItems(ReadOnlySpan<double> bounds, out double minX, out double minY, out double maxX, out double maxY)
    {
        int n = bounds.Length / 4;
        int stored = 0;
        for (int i = 0; i < n; i++)
        {
            if (IsValidBox(bounds.Slice(4 * i, 4))) stored++;
        }
        int[] valid = new int[stored];
        minX = minY = double.PositiveInfinity;
        maxX = maxY = double.NegativeInfinity;
        int at = 0;
        for (int i = 0; i < n && at < stored; i++)
        {
            ReadOnlySpan<double> box = bounds.Slice(4 * i, 4);
            if (!IsValidBox(box)) continue;
            valid[at++] = i;
            double cx = box[0] * 0.5 + box[2] * 0.5;
            double cy = box[1] * 0.5 + box[3] * 0.5;
            if (double.IsFinite(cx))
            {
                minX = Math.Min(minX, cx);
                maxX = Math.Max(maxX, cx);
            }
            if (double.IsFinite(cy))
            {
                minY = Math.Min(minY, cy);
                maxY = Math.Max(maxY, cy);
            }
        }
        return valid;
    }

    /// <summary>True unless a bound is NaN or the box is inverted.</summary>
    private static bool IsValidBox(ReadOnlySpan<double> box) => box[0] <= box[2] && box[1] <= box[3];

    /// <summary>Level starts for <paramref name="stored"/> items: levels shrink by the capacity down to a
    /// single root above level 0.</summary>
    private static int[] LevelStarts(int stored, int capacity)
    {
        if (stored == 0) return [0, 0];
        var starts = new List<int> { 0 };
        long total = 0;
        long count = stored;
        while (true)
        {
            total += count;
            if (total > int.MaxValue) throw new InvalidLayoutException($"too many items for a spatial index: {stored}");
            starts.Add((int)total);
            if (count == 1 && starts.Count > 2) return [.. starts];
            count = (count + capacity - 1) / capacity;
        }
    }

    /// <summary>Depth-first walk adding to <paramref name="results"/>, in tree order, every stored item
    /// matched by <paramref name="query"/>. Whole subtrees inside the query are copied without tests.</summary>
    [SkipLocalsInit]
    private void Collect(in QueryBox query, List<int> results)
    {
        if (Count == 0 || !query.IsValid) return;
        int top = _levelStarts.Length - 2;
        // Each level's cursor and end are written when the walk descends to it, before being read.
        Span<int> cursor = stackalloc int[top + 1];
        Span<int> end = stackalloc int[top + 1];
        ReadOnlySpan<double> boxes = _boxes;
        int capacity = NodeCapacity;
        int level = top;
        cursor[top] = _levelStarts[top];
        end[top] = _levelStarts[top] + 1;
        while (true)
        {
            if (cursor[level] == end[level])
            {
                if (++level > top) return;
                continue;
            }
            int node = cursor[level]++;
            ReadOnlySpan<double> box = boxes.Slice(4 * node, 4);
            if (!query.Matches(box[0], box[1], box[2], box[3])) continue;
            if (level == 0)
            {
                results.Add(_ids[node]);
                continue;
            }
            int offset = node - _levelStarts[level];
            if (query.MatchesAllOf(box[0], box[1], box[2], box[3]))
            {
                long first = offset * _levelSpans[level];
                results.AddRange(_ids.AsSpan((int)first, (int)Math.Min(_levelSpans[level], Count - first)));
                continue;
            }
            int child = _levelStarts[level - 1] + offset * capacity;
            level--;
            cursor[level] = child;
            end[level] = Math.Min(child + capacity, _levelStarts[level + 1]);
        }
    }

    /// <summary>Sorts item indices ascending; large sets go through a bitmap over the item indices
    /// (allocated once into <paramref name="bitmap"/>) instead of a comparison sort.</summary>
    private void SortAscending(Span<int> items, ref ulong[]? bitmap)
    {
        if (items.Length < 2048 || items.Length < ItemCount / 64)
        {
            items.Sort();
            return;
        }
        bitmap ??= new ulong[(ItemCount + 63) / 64];
        int low = int.MaxValue, high = 0;
        foreach (int item in items)
        {
            bitmap[item >> 6] |= 1UL << item;
            low = Math.Min(low, item >> 6);
            high = Math.Max(high, item >> 6);
        }
        int at = 0;
        for (int word = low; word <= high; word++)
        {
            ulong bits = bitmap[word];
            bitmap[word] = 0;
            while (bits != 0)
            {
                items[at++] = (word << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
            }
        }
    }
}
