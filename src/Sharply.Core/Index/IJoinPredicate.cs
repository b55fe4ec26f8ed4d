using NetTopologySuite.Operation.RelateNG;
using Location = Sharply.Core.Kernels.PointInPolygon.Location;

namespace Sharply.Core.Index;

/// <summary>
/// A topological predicate <c>pred(input, tree)</c> as the join refines it: from a point's location when one
/// side is a point and the other a (multi)polygon, else with RelateNG on whichever side is prepared.
/// Implemented by structs so each predicate gets its own refinement loop.
/// </summary>
internal interface IJoinPredicate
{
    /// <summary>pred(p, q) for two equal points.</summary>
    static abstract bool EqualPoints { get; }

    /// <summary>pred(point, polygon), given where the point lies relative to the polygon.</summary>
    static abstract bool PointFirst(Location location);

    /// <summary>pred(polygon, point), given where the point lies relative to the polygon.</summary>
    static abstract bool PolygonFirst(Location location);

    /// <summary>A fresh evaluator of pred(a, b) for a prepared a (evaluators hold state: one per evaluation).</summary>
    static abstract TopologyPredicate Create();

    /// <summary>A fresh evaluator of pred'(b, a) equal to pred(a, b), for a prepared b.</summary>
    static abstract TopologyPredicate CreateTransposed();

}
