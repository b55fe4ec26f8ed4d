using Sharply.Core.Geometries;
using Sharply.CPython;
using Kernels = Sharply.Core.Kernels;

namespace Sharply.Module.Functions;

/// <summary>Linear referencing and line operations: points along lines, distances along lines, shortest
/// lines between geometries, merged lines.</summary>
internal static unsafe class Linear
{
    public static readonly PyFunction[] Functions =
    [
        new("line_interpolate_point", ["line", "distance", "normalized"], &LineInterpolatePoint),
        new("line_locate_point", ["line", "other", "normalized"], &LineLocatePoint),
        new("shortest_line", ["a", "b"], &ShortestLine),
        new("line_merge", ["line", "directed"], &LineMerge),
    ];

    /// <summary>
    /// <c>line_interpolate_point</c>: distance is a float64 buffer (0-d or 1-D, read in place) that the Python
    /// layer makes of any input; it broadcasts against the lines. A scalar line with a 0-d distance gives a
    /// Geometry.
    /// </summary>
    private static Owned LineInterpolatePoint(in Arguments args)
    {
        GeometryInput input = Conversions.Geometry(args[0], "line");
        using BufferView view = BufferView.Acquire(args[1], "distance");
        ReadOnlySpan<double> distances = view.Span<double>("d", "distance", "float64");
        if (view.Dimensions > 1) throw new ArgumentException($"distance must be a scalar or a 1-D array, got {view.Dimensions}-D");
        bool normalized = args[2].ToBool();
        GeometryArray result;
        using (Gil.ReleaseIf(input.IsLarge || distances.Length > 256))
            result = Kernels.LinearReferencing.InterpolatePoint(input.Rows, distances, normalized);
        return Conversions.Geometries(input.IsScalar && view.Dimensions == 0, result);
    }

    private static Owned LineLocatePoint(in Arguments args) =>
        Calls.BinaryDouble(args, args[2].ToBool() ? &LocateNormalized : &Locate);

    private static void Locate(GeometryArray lines, GeometryArray points, Span<double> output) =>
        Kernels.LinearReferencing.LocatePoint(lines, points, false, output);

    private static void LocateNormalized(GeometryArray lines, GeometryArray points, Span<double> output) =>
        Kernels.LinearReferencing.LocatePoint(lines, points, true, output);

    private static Owned ShortestLine(in Arguments args) => Calls.BinaryGeometry(args, &Kernels.Constructive.ShortestLine);

    private static Owned LineMerge(in Arguments args) =>
        Calls.UnaryGeometry(args[0], args[1].ToBool() ? &Kernels.Constructive.LineMergeDirected : &Kernels.Constructive.LineMerge);
}
