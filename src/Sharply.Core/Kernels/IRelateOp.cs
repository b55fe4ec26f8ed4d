using NetTopologySuite.Operation.RelateNG;

namespace Sharply.Core.Kernels;

/// <summary>A spatial predicate evaluated by RelateNG.</summary>
internal interface IRelateOp
{
    /// <summary>A fresh evaluator of pred(a, b) (predicates hold state, so one per evaluation).</summary>
    static abstract TopologyPredicate Create();

    /// <summary>A fresh evaluator of pred'(b, a) that equals pred(a, b): used when b is prepared.</summary>
    static abstract TopologyPredicate CreateTransposed();

    /// <summary>The answer for two non-empty geometries whose bounding boxes do not touch.</summary>
    static abstract bool WhenApart { get; }

    /// <summary>The answer when both geometries are empty, where it differs from RelateNG's; null otherwise.</summary>
    static virtual bool? WhenBothEmpty => null;

    /// <summary>The answer when the geometries have a vertex in common (so they intersect), when that
    /// alone decides it; null otherwise.</summary>
    static virtual bool? WhenSharingVertex => null;
}
