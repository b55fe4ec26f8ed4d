using Sharply.Core.Geometries;
using Sharply.CPython;
using Sharply.Module.Types;
using Kernels = Sharply.Core.Kernels;

namespace Sharply.Module.Functions;

/// <summary>Measures: geometry -> float64, geometry x geometry -> float64, bounds.</summary>
internal static unsafe class Measurement
{
    public static readonly PyFunction[] Functions =
    [
        new("area", ["geometry"], &Area),
        new("length", ["geometry"], &Length),
        new("bounds", ["geometry"], &Bounds),
        new("total_bounds", ["geometry"], &TotalBounds),
        new("distance", ["a", "b"], &Distance),
        new("hausdorff_distance", ["a", "b"], &HausdorffDistance),
        new("frechet_distance", ["a", "b", "densify"], &FrechetDistance),
        new("minimum_clearance", ["geometry"], &MinimumClearance),
    ];

    private static Owned Area(in Arguments args)
    {
        // Scalar fast path: one row, no loop, no allocation but the result.
        if (PyGeometry.Is(args[0])) return Py.Float(AreaOf(args[0]));
        return Calls.UnaryDouble(args[0], &Kernels.Measurement.Area);
    }

    private static Owned Length(in Arguments args) => Calls.UnaryDouble(args[0], &Kernels.Measurement.Length);

    /// <summary><c>bounds</c>: an (N, 4) float64 array, or an array of 4 for a scalar (as Shapely 2).</summary>
    private static Owned Bounds(in Arguments args)
    {
        GeometryInput input = Conversions.Geometry(args[0], "geometry");
        GeometryArray rows = input.Rows;
        DataBuffer<double> output = DataBuffer<double>.Allocate(4 * rows.Length);
        using (Gil.ReleaseIf(input.IsLarge)) Kernels.Measurement.Bounds(rows, output.Span);
        return input.IsScalar
            ? Conversions.NumpyArray(output.Pointer, output, sizeof(double), "d"u8, 4)
            : Conversions.NumpyArray(output.Pointer, output, sizeof(double), "d"u8, rows.Length, 4);
    }

    /// <summary><c>total_bounds</c>: an array of 4 (NaN when no row has coordinates).</summary>
    private static Owned TotalBounds(in Arguments args)
    {
        GeometryInput input = Conversions.Geometry(args[0], "geometry");
        GeometryArray rows = input.Rows;
        DataBuffer<double> output = DataBuffer<double>.Allocate(4);
        using (Gil.ReleaseIf(input.IsLarge)) Kernels.Measurement.TotalBounds(rows, output.Span);
        return Conversions.NumpyArray(output.Pointer, output, sizeof(double), "d"u8, 4);
    }

    private static Owned Distance(in Arguments args) => Calls.BinaryDouble(args, &Kernels.Measurement.Distance);

    private static Owned HausdorffDistance(in Arguments args) =>
        Calls.BinaryDouble(args, &Kernels.Measurement.HausdorffDistance);

    /// <summary><c>frechet_distance</c>: the Python layer passes NaN for densify=None.</summary>
    private static Owned FrechetDistance(in Arguments args) =>
        Calls.BinaryDouble(args, new FrechetKernel(args[2].ToDouble("densify")));

    private static Owned MinimumClearance(in Arguments args) => Calls.UnaryDouble(args[0], &Kernels.Measurement.MinimumClearance);

    private readonly struct FrechetKernel(double densify) : IBinaryDoubleKernel
    {
        public void Apply(GeometryArray a, GeometryArray b, Span<double> output) => Kernels.Measurement.FrechetDistance(a, b, densify, output);
    }

    /// <summary>The <c>Geometry.area</c> property.</summary>
    public static double AreaOf(Borrowed self) => Kernels.Measurement.AreaOf(PyGeometry.Array(self), PyGeometry.Row(self));

    /// <summary>The <c>Geometry.length</c> property.</summary>
    public static double LengthOf(Borrowed self) => Kernels.Measurement.LengthOf(PyGeometry.Array(self), PyGeometry.Row(self));

    /// <summary>The <c>Geometry.bounds</c> property: a tuple (xmin, ymin, xmax, ymax), NaN for empties.</summary>
    public static Owned BoundsOf(Borrowed self)
    {
        Span<double> box = stackalloc double[4];
        Kernels.Measurement.Bounds(PyGeometry.Array(self).Slice(PyGeometry.Row(self), 1), box);
        using Owned xmin = Py.Float(box[0]), ymin = Py.Float(box[1]), xmax = Py.Float(box[2]), ymax = Py.Float(box[3]);
        return Py.Tuple(xmin.Handle, ymin.Handle, xmax.Handle, ymax.Handle);
    }
}
