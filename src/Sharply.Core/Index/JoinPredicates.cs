using NetTopologySuite.Operation.RelateNG;
using Location = Sharply.Core.Kernels.PointInPolygon.Location;

namespace Sharply.Core.Index;

/// <summary>The predicates of <see cref="SpatialPredicate"/> as <see cref="IJoinPredicate"/> structs. A point has no
/// boundary, so against a polygon it can only intersect, touch, or lie within; it never crosses or overlaps.</summary>
internal static class JoinPredicates
{
    public readonly struct Intersects : IJoinPredicate
    {
        public static bool EqualPoints => true;
        public static bool PointFirst(Location location) => location != Location.Exterior;
        public static bool PolygonFirst(Location location) => location != Location.Exterior;
        public static TopologyPredicate Create() => RelatePredicate.Intersects();
        public static TopologyPredicate CreateTransposed() => RelatePredicate.Intersects();
    }

    public readonly struct Within : IJoinPredicate
    {
        public static bool EqualPoints => true;
        public static bool PointFirst(Location location) => location == Location.Interior;
        public static bool PolygonFirst(Location location) => false;
        public static TopologyPredicate Create() => RelatePredicate.Within();
        public static TopologyPredicate CreateTransposed() => RelatePredicate.Contains();
    }

    public readonly struct Contains : IJoinPredicate
    {
        public static bool EqualPoints => true;
        public static bool PointFirst(Location location) => false;
        public static bool PolygonFirst(Location location) => location == Location.Interior;
        public static TopologyPredicate Create() => RelatePredicate.Contains();
        public static TopologyPredicate CreateTransposed() => RelatePredicate.Within();
    }

    public readonly struct Overlaps : IJoinPredicate
    {
        public static bool EqualPoints => false;
        public static bool PointFirst(Location location) => false;
        public static bool PolygonFirst(Location location) => false;
        public static TopologyPredicate Create() => RelatePredicate.Overlaps();
        public static TopologyPredicate CreateTransposed() => RelatePredicate.Overlaps();
    }

    public readonly struct Crosses : IJoinPredicate
    {
        public static bool EqualPoints => false;
        public static bool PointFirst(Location location) => false;
        public static bool PolygonFirst(Location location) => false;
        public static TopologyPredicate Create() => RelatePredicate.Crosses();
        public static TopologyPredicate CreateTransposed() => RelatePredicate.Crosses();
    }

    public readonly struct Touches : IJoinPredicate
    {
        public static bool EqualPoints => false;
        public static bool PointFirst(Location location) => location == Location.Boundary;
        public static bool PolygonFirst(Location location) => location == Location.Boundary;
        public static TopologyPredicate Create() => RelatePredicate.Touches();
        public static TopologyPredicate CreateTransposed() => RelatePredicate.Touches();
    }

    public readonly struct Covers : IJoinPredicate
    {
        public static bool EqualPoints => true;
        public static bool PointFirst(Location location) => false;
        public static bool PolygonFirst(Location location) => location != Location.Exterior;
        public static TopologyPredicate Create() => RelatePredicate.Covers();
        public static TopologyPredicate CreateTransposed() => RelatePredicate.CoveredBy();
    }

    public readonly struct CoveredBy : IJoinPredicate
    {
        public static bool EqualPoints => true;
        public static bool PointFirst(Location location) => location != Location.Exterior;
        public static bool PolygonFirst(Location location) => false;
        public static TopologyPredicate Create() => RelatePredicate.CoveredBy();
        public static TopologyPredicate CreateTransposed() => RelatePredicate.Covers();
    }

    /// <summary>b lies in the interior of a: DE-9IM T**FF*FF*.</summary>
    public readonly struct ContainsProperly : IJoinPredicate
    {
        public static bool EqualPoints => true;
        public static bool PointFirst(Location location) => false;
        public static bool PolygonFirst(Location location) => location == Location.Interior;
        public static TopologyPredicate Create() => RelatePredicate.Matches("T**FF*FF*");
        public static TopologyPredicate CreateTransposed() => RelatePredicate.Matches("TFF*FF***");
    }

    /// <summary>The converse of <typeparamref name="TPredicate"/>: <c>Converse(a, b) = TPredicate(b, a)</c>
    /// (contains for within, covered_by for covers...), for a join that indexes its left operand.</summary>
    public readonly struct Converse<TPredicate> : IJoinPredicate where TPredicate : struct, IJoinPredicate
    {
        public static bool EqualPoints => TPredicate.EqualPoints;
        public static bool PointFirst(Location location) => TPredicate.PolygonFirst(location);
        public static bool PolygonFirst(Location location) => TPredicate.PointFirst(location);
        public static TopologyPredicate Create() => TPredicate.CreateTransposed();
        public static TopologyPredicate CreateTransposed() => TPredicate.Create();
    }
}
