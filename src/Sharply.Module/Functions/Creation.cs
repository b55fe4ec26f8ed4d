using Sharply.Core.Geometries;
using Sharply.CPython;
using Sharply.Module.Types;

namespace Sharply.Module.Functions;

/// <summary>Functions that create geometries from coordinates.</summary>
internal static unsafe class Creation
{
    public static readonly PyFunction[] Functions =
    [
        new("points", ["coords", "y", "z", "crs"], &Points),
    ];

    /// <summary>
    /// <c>points(coords, y, z, crs)</c>: with <c>y</c>, coords holds x; scalars make a Geometry, float64
    /// buffers (read in place, no copy) make a GeometryArray. Without <c>y</c>, coords is an (N, 2|3)
    /// float64 buffer or a sequence of 2 or 3 numbers.
    /// </summary>
    private static Owned Points(in Arguments args)
    {
        string? crs = args.HasValue(3) ? args[3].ToStringValue() : null;
        if (!args.HasValue(1)) return PointsFromCoordinates(args[0], crs);
        Borrowed x = args[0], y = args[1];
        bool hasZ = args.HasValue(2);
        if (x.IsFloat() || x.IsInt())
        {
            ReadOnlySpan<double> point = hasZ
                ? [x.ToDouble("x"), y.ToDouble("y"), args[2].ToDouble("z")]
                : [x.ToDouble("x"), y.ToDouble("y")];
            return PyGeometry.Scalar(PointArrays.FromInterleaved(point, point.Length, crs), 0);
        }
        using BufferView xs = BufferView.Acquire(x, "x"), ys = BufferView.Acquire(y, "y");
        ReadOnlySpan<double> xValues = xs.Span<double>("d", "x", "float64"), yValues = ys.Span<double>("d", "y", "float64");
        if (xs.Dimensions != 1 || ys.Dimensions != 1 || xValues.Length != yValues.Length)
            throw new ArgumentException($"x and y must be 1-D arrays of the same length, got shapes {Shape(xs)} and {Shape(ys)}");
        if (!hasZ) return PyGeometryArray.Wrap(PointArrays.FromColumns(xValues, yValues, default, crs));
        using BufferView zs = BufferView.Acquire(args[2], "z");
        ReadOnlySpan<double> zValues = zs.Span<double>("d", "z", "float64");
        if (zs.Dimensions != 1 || zValues.Length != xValues.Length)
            throw new ArgumentException($"z must be a 1-D array as long as x, got shape {Shape(zs)}");
        return PyGeometryArray.Wrap(PointArrays.FromColumns(xValues, yValues, zValues, crs));
    }

    private static Owned PointsFromCoordinates(Borrowed coords, string? crs)
    {
        using BufferView view = BufferView.Acquire(coords, "coords");
        ReadOnlySpan<double> values = view.Span<double>("d", "coords", "float64");
        if (view.Dimensions == 1 && values.Length is 2 or 3)
            return PyGeometry.Scalar(PointArrays.FromInterleaved(values, values.Length, crs), 0);
        if (view.Dimensions != 2 || view.Shape(1) is not (2 or 3))
            throw new ArgumentException($"coords must have shape (N, 2) or (N, 3), got {Shape(view)}");
        return PyGeometryArray.Wrap(PointArrays.FromInterleaved(values, (int)view.Shape(1), crs));
    }

    private static string Shape(in BufferView view)
    {
        if (view.Dimensions == 1) return $"({view.Shape(0)},)";
        var axes = new string[view.Dimensions];
        for (int i = 0; i < axes.Length; i++) axes[i] = view.Shape(i).ToString();
        return $"({string.Join(", ", axes)})";
    }
}
