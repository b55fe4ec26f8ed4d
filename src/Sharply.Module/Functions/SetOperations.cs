using Sharply.CPython;
using Kernels = Sharply.Core.Kernels;

namespace Sharply.Module.Functions;

/// <summary>Boolean overlay: geometry x geometry -> geometry, and reductions of all rows to one geometry.</summary>
internal static unsafe class SetOperations
{
    public static readonly PyFunction[] Functions =
    [
        new("intersection", ["a", "b"], &Intersection),
        new("union", ["a", "b"], &Union),
        new("difference", ["a", "b"], &Difference),
        new("symmetric_difference", ["a", "b"], &SymmetricDifference),
        new("union_all", ["geometries"], &UnionAll),
        new("intersection_all", ["geometries"], &IntersectionAll),
        new("symmetric_difference_all", ["geometries"], &SymmetricDifferenceAll),
    ];

    private static Owned Intersection(in Arguments args) => Calls.BinaryGeometry(args, &Kernels.SetOperations.Intersection);
    private static Owned Union(in Arguments args) => Calls.BinaryGeometry(args, &Kernels.SetOperations.Union);
    private static Owned Difference(in Arguments args) => Calls.BinaryGeometry(args, &Kernels.SetOperations.Difference);
    private static Owned SymmetricDifference(in Arguments args) =>
        Calls.BinaryGeometry(args, &Kernels.SetOperations.SymmetricDifference);

    private static Owned UnionAll(in Arguments args) => Calls.ReduceGeometry(args[0], &Kernels.SetOperations.UnionAll);
    private static Owned IntersectionAll(in Arguments args) => Calls.ReduceGeometry(args[0], &Kernels.SetOperations.IntersectionAll);
    private static Owned SymmetricDifferenceAll(in Arguments args) =>
        Calls.ReduceGeometry(args[0], &Kernels.SetOperations.SymmetricDifferenceAll);
}
