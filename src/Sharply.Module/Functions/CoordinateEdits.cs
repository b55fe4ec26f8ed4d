using Sharply.Core.Geometries;
using Sharply.CPython;
using Kernels = Sharply.Core.Kernels;

namespace Sharply.Module.Functions;

/// <summary>Coordinate dimension changes: same structure, new coordinates (see Core's <c>Kernels.CoordinateEdits</c>).</summary>
internal static unsafe class CoordinateEdits
{
    public static readonly PyFunction[] Functions =
    [
        new("force_2d", ["geometry"], &Force2D),
        new("force_3d", ["geometry", "z"], &Force3D),
        new("set_coordinates", ["geometry", "coordinates"], &SetCoordinates),
    ];

    private static Owned Force2D(in Arguments args) => Calls.UnaryGeometry(args[0], &Kernels.CoordinateEdits.Force2D);

    /// <summary><c>force_3d(geometry, z)</c>: z is a number or a float64 buffer (0-d or 1-D; the Python layer
    /// converts other inputs), broadcast against the geometries.</summary>
    private static Owned Force3D(in Arguments args)
    {
        GeometryInput input = Conversions.Geometry(args[0], "geometry");
        GeometryArray rows = input.Rows, result;
        if (args[1].IsFloat() || args[1].IsInt())
        {
            ReadOnlySpan<double> z = [args[1].ToDouble("z")];
            using (Gil.ReleaseIf(input.IsLarge)) result = Kernels.CoordinateEdits.Force3D(rows, z);
            return Conversions.Geometries(input.IsScalar, result);
        }
        using BufferView view = BufferView.Acquire(args[1], "z");
        ReadOnlySpan<double> values = view.Span<double>("d", "z", "float64");
        if (view.Dimensions > 1) throw new ArgumentException($"z must be a number or a 1-D array, got a {view.Dimensions}-D array");
        if (rows.Length == 1 && values.Length != 1) rows = rows.Take(new int[values.Length]);
        using (Gil.ReleaseIf(input.IsLarge || values.Length > 256)) result = Kernels.CoordinateEdits.Force3D(rows, values);
        return Conversions.Geometries(input.IsScalar && view.Dimensions == 0, result);
    }

    /// <summary><c>set_coordinates(geometry, coordinates)</c>: coordinates is an (N, 2|3) float64 buffer (the
    /// Python layer converts other inputs); the result is a new array (arrays are immutable).</summary>
    private static Owned SetCoordinates(in Arguments args)
    {
        GeometryInput input = Conversions.Geometry(args[0], "geometry");
        using BufferView view = BufferView.Acquire(args[1], "coordinates");
        ReadOnlySpan<double> values = view.Span<double>("d", "coordinates", "float64");
        if (view.Dimensions != 2 || view.Shape(1) is not (2 or 3))
            throw new ArgumentException("coordinates must be an (N, 2) or (N, 3) array");
        GeometryArray rows = input.Rows, result;
        using (Gil.ReleaseIf(input.IsLarge || values.Length > 512)) result = Kernels.CoordinateEdits.SetCoordinates(rows, values, (int)view.Shape(1));
        return Conversions.Geometries(input.IsScalar, result);
    }
}
