using Sharply.Core.Geometries;

namespace Sharply.Core.Index;

/// <summary>Spatial joins of two geometry arrays.</summary>
public static class SpatialJoin
{
    /// <summary>
    /// The pairs (left row, right row), ordered by left then right row, for which
    /// <c>predicate(left, right)</c> holds (GeoPandas' <c>sjoin</c>). The right side is indexed; the
    /// refinement prepares polygons, not whichever side is indexed, so both orders cost the same.
    /// </summary>
    public static IndexPairs Join(GeometryArray left, GeometryArray right, SpatialPredicate predicate,
        ReadOnlySpan<double> distances = default) =>
        new GeometryTree(right).Query(left, predicate, distances);
}
