using Sharply.CPython;
using Kernels = Sharply.Core.Kernels;

namespace Sharply.Module.Functions;

/// <summary>Predicates: geometry x geometry -> bool (RelateNG in Core).</summary>
internal static unsafe class Predicates
{
    public static readonly PyFunction[] Functions =
    [
        new("intersects", ["a", "b"], &Intersects),
    ];

    private static Owned Intersects(in Arguments args) => Calls.BinaryBool(args[0], args[1], &Kernels.Predicates.Intersects);
}
