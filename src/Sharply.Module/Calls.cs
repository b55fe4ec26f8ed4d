using System.Runtime.CompilerServices;
using Sharply.Core.Geometries;
using Sharply.CPython;
using Sharply.Module.Types;

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
    public static Owned UnaryDouble(Borrowed geometry, delegate*<GeometryArray, Span<double>, void> kernel) =>
        UnaryValues(geometry, kernel, &Py.Float, &Conversions.Doubles);

    /// <summary>geometry -> bool.</summary>
    public static Owned UnaryBool(Borrowed geometry, delegate*<GeometryArray, Span<byte>, void> kernel) =>
        UnaryValues(geometry, kernel, &Conversions.Bool, &Conversions.Bools);

    /// <summary>geometry -> int32.</summary>
    public static Owned UnaryInt(Borrowed geometry, delegate*<GeometryArray, Span<int>, void> kernel) =>
        UnaryValues(geometry, kernel, &Conversions.Int, &Conversions.Ints);

    /// <summary>Inlined into each unary shape, so the scalar and array conversions are direct calls.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Owned UnaryValues<T>(Borrowed geometry, delegate*<GeometryArray, Span<T>, void> kernel,
        delegate*<T, Owned> scalar, delegate*<DataBuffer<T>, Owned> array) where T : unmanaged
    {
        GeometryInput input = Conversions.Geometry(geometry, "geometry");
        GeometryArray rows = input.Rows;
        if (input.IsScalar)
        {
            T value = default;
            using (Gil.ReleaseIf(input.IsLarge)) kernel(rows, new Span<T>(ref value));
            return scalar(value);
        }
        DataBuffer<T> output = DataBuffer<T>.Allocate(rows.Length);
        using (Gil.Release()) kernel(rows, output.Span);
        return array(output);
    }

    /// <summary>geometry -> geometry.</summary>
    public static Owned UnaryGeometry(Borrowed geometry, delegate*<GeometryArray, GeometryArray> kernel)
    {
        GeometryInput input = Conversions.Geometry(geometry, "geometry");
        GeometryArray rows = input.Rows, result;
        using (Gil.ReleaseIf(input.IsLarge)) result = kernel(rows);
        return Conversions.Geometries(input.IsScalar, result);
    }

    /// <summary>geometry -> geometry, with the kernel's parameters captured in <paramref name="kernel"/>.</summary>
    public static Owned UnaryGeometry<TKernel>(Borrowed geometry, TKernel kernel) where TKernel : struct, IGeometryKernel
    {
        GeometryInput input = Conversions.Geometry(geometry, "geometry");
        GeometryArray rows = input.Rows, result;
        using (Gil.ReleaseIf(input.IsLarge)) result = kernel.Apply(rows);
        return Conversions.Geometries(input.IsScalar, result);
    }

    /// <summary>geometry -> str (an object array of str, None where the kernel gives null).</summary>
    public static Owned UnaryStrings(Borrowed geometry, delegate*<GeometryArray, string?[], void> kernel)
    {
        GeometryInput input = Conversions.Geometry(geometry, "geometry");
        GeometryArray rows = input.Rows;
        var output = new string?[rows.Length];
        using (Gil.ReleaseIf(input.IsLarge)) kernel(rows, output);
        return Conversions.Strings(input.IsScalar, output);
    }

    /// <summary>geometry -> one geometry for all rows (a reduction such as union_all): always a Geometry.</summary>
    public static Owned ReduceGeometry(Borrowed geometry, delegate*<GeometryArray, GeometryArray> kernel)
    {
        GeometryInput input = Conversions.Geometry(geometry, "geometries");
        GeometryArray rows = input.Rows, result;
        using (Gil.ReleaseIf(input.IsLarge)) result = kernel(rows);
        return PyGeometry.Scalar(result, 0);
    }

    /// <summary>geometry x geometry -> bool.</summary>
    public static Owned BinaryBool(in Arguments args, delegate*<GeometryArray, GeometryArray, Span<byte>, void> kernel) =>
        BinaryBool(args, new BinaryBoolPointer(kernel));

    /// <summary>geometry x geometry -> bool, with the kernel's parameters captured in <paramref name="kernel"/>.</summary>
    public static Owned BinaryBool<TKernel>(in Arguments args, TKernel kernel) where TKernel : struct, IBinaryBoolKernel
    {
        (GeometryInput left, GeometryInput right) = (Conversions.Geometry(args, 0), Conversions.Geometry(args, 1));
        (GeometryArray leftRows, GeometryArray rightRows) = (left.Rows, right.Rows);
        bool large = left.IsLarge || right.IsLarge;
        if (left.IsScalar && right.IsScalar)
        {
            byte value = 0;
            using (Gil.ReleaseIf(large)) kernel.Apply(leftRows, rightRows, new Span<byte>(ref value));
            return Conversions.Bool(value);
        }
        DataBuffer<byte> output = DataBuffer<byte>.Allocate(Paired(leftRows.Length, rightRows.Length));
        using (Gil.ReleaseIf(large)) kernel.Apply(leftRows, rightRows, output.Span);
        return Conversions.Bools(output);
    }

    /// <summary>geometry x geometry -> str (an object array of str, None where the kernel gives null).</summary>
    public static Owned BinaryStrings(in Arguments args, delegate*<GeometryArray, GeometryArray, string?[], void> kernel)
    {
        (GeometryInput left, GeometryInput right) = (Conversions.Geometry(args, 0), Conversions.Geometry(args, 1));
        (GeometryArray leftRows, GeometryArray rightRows) = (left.Rows, right.Rows);
        var output = new string?[Paired(leftRows.Length, rightRows.Length)];
        using (Gil.ReleaseIf(left.IsLarge || right.IsLarge)) kernel(leftRows, rightRows, output);
        return Conversions.Strings(left.IsScalar && right.IsScalar, output);
    }

    /// <summary>geometry x geometry -> float64.</summary>
    public static Owned BinaryDouble(in Arguments args, delegate*<GeometryArray, GeometryArray, Span<double>, void> kernel) =>
        BinaryDouble(args, new BinaryDoublePointer(kernel));

    /// <summary>geometry x geometry -> float64, with the kernel's parameters captured in <paramref name="kernel"/>.</summary>
    public static Owned BinaryDouble<TKernel>(in Arguments args, TKernel kernel) where TKernel : struct, IBinaryDoubleKernel
    {
        (GeometryInput left, GeometryInput right) = (Conversions.Geometry(args, 0), Conversions.Geometry(args, 1));
        (GeometryArray leftRows, GeometryArray rightRows) = (left.Rows, right.Rows);
        bool large = left.IsLarge || right.IsLarge;
        if (left.IsScalar && right.IsScalar)
        {
            double value = 0;
            using (Gil.ReleaseIf(large)) kernel.Apply(leftRows, rightRows, new Span<double>(ref value));
            return Py.Float(value);
        }
        DataBuffer<double> output = DataBuffer<double>.Allocate(Paired(leftRows.Length, rightRows.Length));
        using (Gil.ReleaseIf(large)) kernel.Apply(leftRows, rightRows, output.Span);
        return Conversions.Doubles(output);
    }

    /// <summary>geometry x geometry -> geometry.</summary>
    public static Owned BinaryGeometry(in Arguments args, delegate*<GeometryArray, GeometryArray, GeometryArray> kernel) =>
        BinaryGeometry(args, new BinaryGeometryPointer(kernel));

    /// <summary>geometry x geometry -> geometry, with the kernel's parameters captured in <paramref name="kernel"/>.</summary>
    public static Owned BinaryGeometry<TKernel>(in Arguments args, TKernel kernel)
        where TKernel : struct, IBinaryGeometryKernel
    {
        (GeometryInput left, GeometryInput right) = (Conversions.Geometry(args, 0), Conversions.Geometry(args, 1));
        GeometryArray result;
        using (Gil.ReleaseIf(left.IsLarge || right.IsLarge)) result = kernel.Apply(left.Rows, right.Rows);
        return Conversions.Geometries(left.IsScalar && right.IsScalar, result);
    }

    /// <summary>
    /// The number of results of a binary call, following Core's broadcasting: equal lengths pair up, a
    /// length of 1 repeats (so an empty array against a scalar gives no result). Other lengths are
    /// reported by the kernel.
    /// </summary>
    public static int Paired(int lengthA, int lengthB) => lengthB == 1 ? lengthA : lengthA == 1 ? lengthB : lengthA;
}

/// <summary>A geometry -> geometry kernel with its parameters (buffer distance, tolerance...).</summary>
internal interface IGeometryKernel
{
    GeometryArray Apply(GeometryArray rows);
}

/// <summary>A geometry x geometry -> bool kernel with its parameters (tolerance, distance, pattern...).</summary>
internal interface IBinaryBoolKernel
{
    void Apply(GeometryArray a, GeometryArray b, Span<byte> output);
}

/// <summary>A parameterless geometry x geometry -> bool kernel.</summary>
internal readonly unsafe struct BinaryBoolPointer(delegate*<GeometryArray, GeometryArray, Span<byte>, void> kernel) : IBinaryBoolKernel
{
    public void Apply(GeometryArray a, GeometryArray b, Span<byte> output) => kernel(a, b, output);
}

/// <summary>A geometry x geometry -> float64 kernel with its parameters (densify fraction...).</summary>
internal interface IBinaryDoubleKernel
{
    void Apply(GeometryArray a, GeometryArray b, Span<double> output);
}

/// <summary>A parameterless geometry x geometry -> float64 kernel.</summary>
internal readonly unsafe struct BinaryDoublePointer(delegate*<GeometryArray, GeometryArray, Span<double>, void> kernel) : IBinaryDoubleKernel
{
    public void Apply(GeometryArray a, GeometryArray b, Span<double> output) => kernel(a, b, output);
}

/// <summary>A geometry x geometry -> geometry kernel with its parameters (snapping tolerance...).</summary>
internal interface IBinaryGeometryKernel
{
    GeometryArray Apply(GeometryArray a, GeometryArray b);
}

/// <summary>A parameterless geometry x geometry -> geometry kernel.</summary>
internal readonly unsafe struct BinaryGeometryPointer(delegate*<GeometryArray, GeometryArray, GeometryArray> kernel) : IBinaryGeometryKernel
{
    public GeometryArray Apply(GeometryArray a, GeometryArray b) => kernel(a, b);
}
