using Sharply.Core.Geometries;
using Sharply.CPython;
using Sharply.Module.Types;
using Kernels = Sharply.Core.Kernels;

namespace Sharply.Module.Functions;

/// <summary>Pieces of geometries as geometries: members, rings and vertices (see Core's <c>Kernels.Accessors</c>).</summary>
internal static unsafe class Accessors
{
    public static readonly PyFunction[] Functions =
    [
        new("get_parts", ["geometry", "return_index"], &GetParts),
        new("get_geometry", ["geometry", "index"], &GetGeometry),
        new("get_exterior_ring", ["geometry"], &GetExteriorRing),
        new("get_interior_ring", ["geometry", "index"], &GetInteriorRing),
        new("get_rings", ["geometry", "return_index"], &GetRings),
        new("get_point", ["geometry", "index"], &GetPoint),
        new("extract_unique_points", ["geometry"], &ExtractUniquePoints),
    ];

    private static Owned GetParts(in Arguments args) => Flattened(args, &Kernels.Accessors.Parts);
    private static Owned GetRings(in Arguments args) => Flattened(args, &Kernels.Accessors.Rings);
    private static Owned GetExteriorRing(in Arguments args) => Calls.UnaryGeometry(args[0], &Kernels.Accessors.ExteriorRing);
    private static Owned GetGeometry(in Arguments args) => Indexed(args, &Kernels.Accessors.GeometryN);
    private static Owned GetInteriorRing(in Arguments args) => Indexed(args, &Kernels.Accessors.InteriorRing);
    private static Owned GetPoint(in Arguments args) => Indexed(args, &Kernels.Accessors.PointN);
    private static Owned ExtractUniquePoints(in Arguments args) => Calls.UnaryGeometry(args[0], &Kernels.Accessors.UniquePoints);

    /// <summary>geometry -> the pieces of all rows (always an array, as in Shapely), with their rows when
    /// return_index is true.</summary>
    private static Owned Flattened(in Arguments args, delegate*<GeometryArray, out DataBuffer<long>, GeometryArray> kernel)
    {
        GeometryInput input = Conversions.Geometry(args[0], "geometry");
        bool withIndex = args.HasValue(1) && args[1].ToBool();
        GeometryArray rows = input.Rows, result;
        DataBuffer<long> index;
        using (Gil.ReleaseIf(input.IsLarge)) result = kernel(rows, out index);
        if (!withIndex) return PyGeometryArray.Wrap(result);
        using Owned pieces = PyGeometryArray.Wrap(result);
        using Owned rowIndex = Conversions.NumpyArray(index.Pointer, index, sizeof(long), "l"u8, index.Length);
        return Py.Tuple(pieces.Handle, rowIndex.Handle);
    }

    /// <summary>geometry x index -> geometry, broadcasting; a scalar geometry with an int index gives a Geometry (or None).</summary>
    private static Owned Indexed(in Arguments args, delegate*<GeometryArray, ReadOnlySpan<int>, GeometryArray> kernel)
    {
        GeometryInput input = Conversions.Geometry(args[0], "geometry");
        int[] index = Conversions.Indices(args[1], "index", out bool scalarIndex);
        GeometryArray rows = input.Rows, result;
        using (Gil.ReleaseIf(input.IsLarge || index.Length > 256)) result = kernel(rows, index);
        return Conversions.Geometries(input.IsScalar && scalarIndex, result);
    }
}
