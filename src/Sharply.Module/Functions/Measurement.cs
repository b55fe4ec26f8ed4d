using Sharply.CPython;
using Sharply.Module.Types;
using Kernels = Sharply.Core.Kernels;

namespace Sharply.Module.Functions;

/// <summary>Measures: geometry -> float64, geometry x geometry -> float64.</summary>
internal static unsafe class Measurement
{
    public static readonly PyFunction[] Functions =
    [
        new("area", ["geometry"], &Area),
        new("length", ["geometry"], &Length),
        new("distance", ["a", "b"], &Distance),
    ];

    private static Owned Area(in Arguments args)
    {
        // Scalar fast path: one row, no loop, no allocation but the result.
        if (PyGeometry.Is(args[0])) return AreaOf(args[0]);
        return Calls.UnaryDouble(args[0], &Kernels.Measurement.Area);
    }

    private static Owned Length(in Arguments args) => Calls.UnaryDouble(args[0], &Kernels.Measurement.Length);

    private static Owned Distance(in Arguments args) => Calls.BinaryDouble(args[0], args[1], &Kernels.Measurement.Distance);

    /// <summary>The <c>Geometry.area</c> property.</summary>
    public static Owned AreaOf(Borrowed self) => Py.Float(Kernels.Measurement.AreaOf(PyGeometry.Array(self), PyGeometry.Row(self)));

    /// <summary>The <c>Geometry.length</c> property.</summary>
    public static Owned LengthOf(Borrowed self) => Py.Float(Kernels.Measurement.LengthOf(PyGeometry.Array(self), PyGeometry.Row(self)));
}
