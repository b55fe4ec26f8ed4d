using Sharply.Core.Geometries;
using Sharply.CPython;

namespace Sharply.Module;

/// <summary>
/// The shapes of module functions, shared by all of them (like Shapely's one loop per signature):
/// convert the geometry arguments, run a Core kernel with the GIL released when it can take a while,
/// and return a Python scalar for scalar inputs or an array otherwise. Binary shapes broadcast an array
/// against a scalar; two scalars give a scalar.
/// </summary>
internal static unsafe class Calls
{
    /// <summary>geometry -> float64.</summary>
    public static Owned UnaryDouble(Borrowed geometry, delegate*<GeometryArray, Span<double>, void> kernel)
    {
        GeometryInput input = Conversions.Geometry(geometry, "geometry");
        GeometryArray rows = input.Rows;
        DataBuffer<double> output = DataBuffer<double>.Allocate(rows.Length);
        Run(input.IsLarge, rows, output, kernel);
        return Conversions.Doubles(input.IsScalar, output);
    }

    /// <summary>geometry -> bool.</summary>
    public static Owned UnaryBool(Borrowed geometry, delegate*<GeometryArray, Span<byte>, void> kernel)
    {
        GeometryInput input = Conversions.Geometry(geometry, "geometry");
        GeometryArray rows = input.Rows;
        DataBuffer<byte> output = DataBuffer<byte>.Allocate(rows.Length);
        Run(input.IsLarge, rows, output, kernel);
        return Conversions.Bools(input.IsScalar, output);
    }

    /// <summary>geometry -> int32.</summary>
    public static Owned UnaryInt(Borrowed geometry, delegate*<GeometryArray, Span<int>, void> kernel)
    {
        GeometryInput input = Conversions.Geometry(geometry, "geometry");
        GeometryArray rows = input.Rows;
        DataBuffer<int> output = DataBuffer<int>.Allocate(rows.Length);
        Run(input.IsLarge, rows, output, kernel);
        return Conversions.Ints(input.IsScalar, output);
    }

    /// <summary>geometry -> geometry.</summary>
    public static Owned UnaryGeometry(Borrowed geometry, delegate*<GeometryArray, GeometryArray> kernel)
    {
        GeometryInput input = Conversions.Geometry(geometry, "geometry");
        GeometryArray rows = input.Rows, result;
        if (input.IsLarge)
            using (Gil.Release()) result = kernel(rows);
        else result = kernel(rows);
        return Conversions.Geometries(input.IsScalar, result);
    }

    /// <summary>geometry -> geometry, with the kernel's parameters captured in <paramref name="kernel"/>.</summary>
    public static Owned UnaryGeometry<TKernel>(Borrowed geometry, TKernel kernel) where TKernel : struct, IGeometryKernel
    {
        GeometryInput input = Conversions.Geometry(geometry, "geometry");
        GeometryArray rows = input.Rows, result;
        if (input.IsLarge)
            using (Gil.Release()) result = kernel.Apply(rows);
        else result = kernel.Apply(rows);
        return Conversions.Geometries(input.IsScalar, result);
    }

    /// <summary>geometry x geometry -> bool.</summary>
    public static Owned BinaryBool(Borrowed a, Borrowed b, delegate*<GeometryArray, GeometryArray, Span<byte>, void> kernel)
    {
        (GeometryInput left, GeometryInput right) = (Conversions.Geometry(a, "a"), Conversions.Geometry(b, "b"));
        (GeometryArray leftRows, GeometryArray rightRows) = (left.Rows, right.Rows);
        DataBuffer<byte> output = DataBuffer<byte>.Allocate(Math.Max(leftRows.Length, rightRows.Length));
        if (left.IsLarge || right.IsLarge)
            using (Gil.Release()) kernel(leftRows, rightRows, output.Span);
        else kernel(leftRows, rightRows, output.Span);
        return Conversions.Bools(left.IsScalar && right.IsScalar, output);
    }

    /// <summary>geometry x geometry -> float64.</summary>
    public static Owned BinaryDouble(Borrowed a, Borrowed b, delegate*<GeometryArray, GeometryArray, Span<double>, void> kernel)
    {
        (GeometryInput left, GeometryInput right) = (Conversions.Geometry(a, "a"), Conversions.Geometry(b, "b"));
        (GeometryArray leftRows, GeometryArray rightRows) = (left.Rows, right.Rows);
        DataBuffer<double> output = DataBuffer<double>.Allocate(Math.Max(leftRows.Length, rightRows.Length));
        if (left.IsLarge || right.IsLarge)
            using (Gil.Release()) kernel(leftRows, rightRows, output.Span);
        else kernel(leftRows, rightRows, output.Span);
        return Conversions.Doubles(left.IsScalar && right.IsScalar, output);
    }

    /// <summary>geometry x geometry -> geometry.</summary>
    public static Owned BinaryGeometry(Borrowed a, Borrowed b, delegate*<GeometryArray, GeometryArray, GeometryArray> kernel)
    {
        (GeometryInput left, GeometryInput right) = (Conversions.Geometry(a, "a"), Conversions.Geometry(b, "b"));
        GeometryArray result;
        if (left.IsLarge || right.IsLarge)
            using (Gil.Release()) result = kernel(left.Rows, right.Rows);
        else result = kernel(left.Rows, right.Rows);
        return Conversions.Geometries(left.IsScalar && right.IsScalar, result);
    }

    private static void Run<T>(bool releaseGil, GeometryArray rows, DataBuffer<T> output, delegate*<GeometryArray, Span<T>, void> kernel)
        where T : unmanaged
    {
        if (!releaseGil)
        {
            kernel(rows, output.Span);
            return;
        }
        using (Gil.Release()) kernel(rows, output.Span);
    }
}

/// <summary>A geometry -> geometry kernel with its parameters (buffer distance, tolerance...).</summary>
internal interface IGeometryKernel
{
    GeometryArray Apply(GeometryArray rows);
}
