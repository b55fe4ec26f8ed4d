using Sharply.Core.Geometries;
using Sharply.Core.Kernels;
using P = Sharply.Core.Index.JoinPredicates;

namespace Sharply.Core.Index;

/// <summary>
/// A <see cref="PackedRTree"/> over the bounds of a geometry array, queried with geometries and an exact
/// predicate (Shapely's <c>STRtree</c>). Missing and empty geometries are not stored and never match.
/// Polygons prepared for point tests stay with the tree, so later queries reuse them. Safe to query from
/// several threads at once.
/// </summary>
public sealed class GeometryTree
{
    private readonly JoinSide _side;

    /// <summary>Indexes <paramref name="geometries"/> (bounds from <see cref="Measurement.Bounds"/>).</summary>
    public GeometryTree(GeometryArray geometries, int nodeCapacity = 10)
    {
        ArgumentNullException.ThrowIfNull(geometries);
        Geometries = geometries;
        Index = new PackedRTree(BoundsOf(geometries), nodeCapacity);
        _side = new JoinSide(geometries);
    }

    /// <summary>The indexed geometries, in the order of the tree indices.</summary>
    public GeometryArray Geometries { get; }

    /// <summary>The R-tree over their bounds.</summary>
    public PackedRTree Index { get; }

    /// <summary>Number of geometries stored: those neither missing nor empty.</summary>
    public int Count => Index.Count;

    /// <summary>
    /// The pairs (input row, tree row), ordered by input then tree row, whose bounds intersect and for
    /// which <c>predicate(input, tree)</c> holds. For <see cref="SpatialPredicate.DWithin"/>,
    /// <paramref name="distances"/> holds one distance for all inputs or one per input; a NaN or negative
    /// distance matches nothing.
    /// </summary>
    /// <exception cref="ArgumentException">Distances are missing for dwithin, given for another predicate, or
    /// their number matches neither 1 nor the inputs.</exception>
    public IndexPairs Query(GeometryArray input, SpatialPredicate predicate, ReadOnlySpan<double> distances = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        CheckDistances(predicate, distances, input.Length);
        return QueryWith(input, predicate, distances, converse: false);
    }

    /// <summary>Distances are given for dwithin only, one or one per input.</summary>
    internal static void CheckDistances(SpatialPredicate predicate, ReadOnlySpan<double> distances, int inputs)
    {
        if ((predicate == SpatialPredicate.DWithin) != (distances.Length > 0))
            throw new ArgumentException(predicate == SpatialPredicate.DWithin
                ? "the dwithin predicate needs a distance" : "a distance is only used by the dwithin predicate");
        if (distances.Length > 1 && distances.Length != inputs)
            throw new ArgumentException($"{distances.Length} distances for {inputs} geometries");
    }

    /// <summary>The pairs (input, tree) for which <c>predicate(input, tree)</c> holds, or with
    /// <paramref name="converse"/> <c>predicate(tree, input)</c>.</summary>
    internal IndexPairs QueryWith(GeometryArray input, SpatialPredicate predicate, ReadOnlySpan<double> distances, bool converse)
    {
        var side = new JoinSide(input);
        return predicate switch
        {
            SpatialPredicate.None => Index.QueryPairs(BoundsOf(input)),
            SpatialPredicate.Intersects => Refine<P.Intersects>(side, converse),
            SpatialPredicate.Within => Refine<P.Within>(side, converse),
            SpatialPredicate.Contains => Refine<P.Contains>(side, converse),
            SpatialPredicate.Overlaps => Refine<P.Overlaps>(side, converse),
            SpatialPredicate.Crosses => Refine<P.Crosses>(side, converse),
            SpatialPredicate.Touches => Refine<P.Touches>(side, converse),
            SpatialPredicate.Covers => Refine<P.Covers>(side, converse),
            SpatialPredicate.CoveredBy => Refine<P.CoveredBy>(side, converse),
            SpatialPredicate.ContainsProperly => Refine<P.ContainsProperly>(side, converse),
            SpatialPredicate.DWithin => Index.QueryPairs(BoundsOf(input), distances, new DistanceFilter(side, _side, distances.ToArray())),
            _ => throw new ArgumentOutOfRangeException(nameof(predicate), predicate, "unknown predicate"),
        };
    }

    private IndexPairs Refine<TPredicate>(JoinSide input, bool converse) where TPredicate : struct, IJoinPredicate =>
        converse ? RefinePairs<P.Converse<TPredicate>>(input) : RefinePairs<TPredicate>(input);

    /// <summary>Points against a few polygons skip the tree (<see cref="PointPolygonJoin"/>); other inputs
    /// query it and refine each candidate pair.</summary>
    private IndexPairs RefinePairs<TPredicate>(JoinSide input) where TPredicate : struct, IJoinPredicate =>
        PointPolygonJoin.Applies(input.Array, _side)
            ? PointPolygonJoin.Join<TPredicate>(input.Array, _side)
            : Index.QueryPairs(BoundsOf(input.Array), default, new RelateFilter<TPredicate>(input, _side));

    /// <summary>
    /// For each input, the nearest tree geometries by exact distance (Shapely's <c>STRtree.query_nearest</c>):
    /// all those at the minimum distance, or only the lowest tree index with <paramref name="allMatches"/>
    /// false. Missing and empty inputs have no pair. <paramref name="exclusive"/> skips tree geometries
    /// equal to the input.
    /// </summary>
    public IndexPairs Nearest(GeometryArray input, double maxDistance = double.PositiveInfinity, bool exclusive = false,
        bool allMatches = true, bool returnDistance = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        var metric = new GeometryDistance(new JoinSide(input), _side, exclusive);
        return Index.Nearest(BoundsOf(input), metric, maxDistance, exclusive: false, allMatches, returnDistance);
    }

    private static double[] BoundsOf(GeometryArray geometries)
    {
        double[] bounds = GC.AllocateUninitializedArray<double>(4 * geometries.Length);
        Measurement.Bounds(geometries, bounds);
        return bounds;
    }
}
