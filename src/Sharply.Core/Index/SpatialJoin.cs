using Sharply.Core.Geometries;

namespace Sharply.Core.Index;

/// <summary>Spatial joins of two geometry arrays.</summary>
public static class SpatialJoin
{
    /// <summary>
    /// The pairs (left row, right row), ordered by left then right row, for which
    /// <c>predicate(left, right)</c> holds (GeoPandas' <c>sjoin</c>). The smaller operand is indexed and the
    /// other queries it (with the converse predicate when the left is indexed); the refinement prepares
    /// polygons whichever side they are on, so both orders cost the same.
    /// </summary>
    /// <param name="left">The rows the pairs are ordered by.</param>
    /// <param name="right">The rows joined to them.</param>
    /// <param name="predicate">The exact predicate, evaluated as <c>predicate(left, right)</c>.</param>
    /// <param name="distances">For <see cref="SpatialPredicate.DWithin"/>: one distance, or one per left row.</param>
    public static IndexPairs Join(GeometryArray left, GeometryArray right, SpatialPredicate predicate,
        ReadOnlySpan<double> distances = default)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        GeometryTree.CheckDistances(predicate, distances, left.Length);
        if (left.Length >= right.Length || distances.Length > 1)
            return new GeometryTree(right).QueryWith(left, predicate, distances, converse: false);
        return Transpose(new GeometryTree(left).QueryWith(right, predicate, distances, converse: true), left.Length);
    }

    /// <summary>Swaps the two rows of <paramref name="pairs"/>, ordered by their second row, and orders them by
    /// the new first row: a stable counting sort keeps the second row ascending within each first row.</summary>
    private static IndexPairs Transpose(IndexPairs pairs, int firstCount)
    {
        int count = pairs.Count;
        ReadOnlySpan<long> firsts = pairs.Trees, seconds = pairs.Inputs;
        int[] starts = new int[firstCount + 1];
        foreach (long first in firsts) starts[first + 1]++;
        for (int i = 0; i < firstCount; i++) starts[i + 1] += starts[i];
        DataBuffer<long> indices = DataBuffer<long>.Allocate(2 * count);
        Span<long> output = indices.Span;
        for (int k = 0; k < count; k++)
        {
            int at = starts[firsts[k]]++;
            output[at] = firsts[k];
            output[count + at] = seconds[k];
        }
        return new IndexPairs(count, indices, null);
    }
}
