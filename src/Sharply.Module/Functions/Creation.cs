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
        new("box", ["xmin", "ymin", "xmax", "ymax", "ccw"], &Box),
        new("from_ragged_array", ["geometry_type", "coords", "offsets", "close_rings"], &FromRaggedArray),
        new("_offsets_from_indices", ["indices"], &OffsetsFromIndices),
        new("_group", ["geometries", "indices", "geometry_type"], &Collect),
        new("_with_crs", ["geometry", "crs"], &WithCrs),
    ];

    /// <summary><c>box(xmin, ymin, xmax, ymax, ccw)</c>: float64 buffers (0-d or 1-D, read in place; the Python
    /// layer converts other inputs), broadcast; all 0-d gives a Geometry (None for a NaN bound).</summary>
    private static Owned Box(in Arguments args)
    {
        using BufferView x0 = BufferView.Acquire(args[0], "xmin"), y0 = BufferView.Acquire(args[1], "ymin"),
            x1 = BufferView.Acquire(args[2], "xmax"), y1 = BufferView.Acquire(args[3], "ymax");
        if (x0.Dimensions > 1 || y0.Dimensions > 1 || x1.Dimensions > 1 || y1.Dimensions > 1)
            throw new ArgumentException("bounds must be numbers or 1-D arrays");
        GeometryArray boxes = Boxes.Create(x0.Span<double>("d", "xmin", "float64"), y0.Span<double>("d", "ymin", "float64"),
            x1.Span<double>("d", "xmax", "float64"), y1.Span<double>("d", "ymax", "float64"), args[4].ToBool());
        bool scalar = x0.Dimensions == 0 && y0.Dimensions == 0 && x1.Dimensions == 0 && y1.Dimensions == 0;
        return Conversions.Geometries(scalar, boxes);
    }

    /// <summary>
    /// <c>points(coords, y, z, crs)</c>: with <c>y</c>, coords holds x; scalars make a Geometry, float64
    /// buffers (read in place, no copy) make a GeometryArray. Without <c>y</c>, coords is an (N, 2|3)
    /// float64 buffer or a sequence of 2 or 3 numbers.
    /// </summary>
    private static Owned Points(in Arguments args)
    {
        string? crs = args.HasValue(3) ? args[3].ToStringValue("crs") : null;
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

    /// <summary>
    /// <c>from_ragged_array(geometry_type, coords, offsets, close_rings)</c>: geometry_type is Shapely's type
    /// id, coords an (N, 2|3) float64 buffer, offsets a tuple of int32 / int64 buffers (innermost first) or
    /// None. Every buffer is copied once into the new array.
    /// </summary>
    private static Owned FromRaggedArray(in Arguments args)
    {
        GeometryType type = FromShapelyTypeId(args[0].ToInt64("geometry_type"));
        using BufferView view = BufferView.Acquire(args[1], "coords");
        ReadOnlySpan<double> values = view.Span<double>("d", "coords", "float64");
        if (view.Dimensions != 2 || view.Shape(1) is not (2 or 3))
            throw new ArgumentException($"coords must have shape (N, 2) or (N, 3), got {Shape(view)}");
        DataBuffer<int>[] offsets = args.HasValue(2) ? ReadOffsets(args[2]) : [];
        GeometryArray array = RaggedArrays.FromRagged(type, view.Shape(1) == 3, DataBuffer<double>.From(values), offsets,
            args.HasValue(3) && args[3].ToBool());
        return PyGeometryArray.Wrap(array);
    }

    /// <summary><c>_offsets_from_indices(indices)</c>: sorted group indices (int32 / int64) to int32 offsets.</summary>
    private static Owned OffsetsFromIndices(in Arguments args)
    {
        using BufferView view = BufferView.Acquire(args[0], "indices");
        if (view.Dimensions != 1) throw new ArgumentException($"indices must be 1-D, got shape {Shape(view)}");
        DataBuffer<int> offsets = view.ItemSize == sizeof(int)
            ? RaggedArrays.OffsetsFromIndices(view.Span<int>("i", "indices", "integer"))
            : RaggedArrays.OffsetsFromIndices(view.Span<long>("lq", "indices", "integer"));
        return Conversions.NumpyArray(offsets.Pointer, offsets, sizeof(int), "i"u8, offsets.Length);
    }

    /// <summary>
    /// <c>_group(geometries, indices, geometry_type)</c>: groups geometries into geometries of Shapely type
    /// id <c>geometry_type</c> (multi types, polygons from rings, collections): all into one Geometry when
    /// indices is None, else by int32 offsets <c>indices</c> (from <c>_offsets_from_indices</c>).
    /// </summary>
    private static Owned Collect(in Arguments args)
    {
        GeometryType target = FromShapelyTypeId(args[2].ToInt64("geometry_type"));
        GeometryArray parts = Conversions.Geometry(args[0], "geometries").Rows;
        if (!args.HasValue(1)) return PyGeometry.Scalar(Collections.Collect(parts, DataBuffer<int>.From([0, parts.Length]), target), 0);
        using BufferView view = BufferView.Acquire(args[1], "indices");
        DataBuffer<int> offsets = DataBuffer<int>.From(view.Span<int>("i", "indices", "int32"));
        GeometryArray result;
        using (Gil.Release()) result = Collections.Collect(parts, offsets, target);
        return PyGeometryArray.Wrap(result);
    }

    /// <summary><c>_with_crs(geometry, crs)</c>: the same GeometryArray, sharing every buffer, with another CRS.</summary>
    private static Owned WithCrs(in Arguments args)
    {
        if (!PyGeometryArray.Is(args[0])) throw new PyTypeErrorException($"geometry must be a GeometryArray, not '{args[0].TypeName}'");
        return PyGeometryArray.Wrap(PyGeometryArray.Target(args[0]).WithCrs(args.HasValue(1) ? args[1].ToStringValue("crs") : null));
    }

    private static DataBuffer<int>[] ReadOffsets(Borrowed offsets)
    {
        if (!offsets.IsTuple()) throw new PyTypeErrorException($"offsets must be a tuple of integer arrays, not '{offsets.TypeName}'");
        var levels = new DataBuffer<int>[offsets.TupleLength()];
        for (int level = 0; level < levels.Length; level++)
        {
            string name = $"offsets[{level}]";
            using BufferView view = BufferView.Acquire(offsets.TupleItem(level), name);
            if (view.Dimensions != 1) throw new ArgumentException($"{name} must be 1-D, got shape {Shape(view)}");
            levels[level] = view.ItemSize == sizeof(int)
                ? RaggedArrays.CopyOffsets(view.Span<int>("i", name, "int32 or int64"), name)
                : RaggedArrays.CopyOffsets(view.Span<long>("lq", name, "int32 or int64"), name);
        }
        return levels;
    }

    /// <summary>Shapely's geometry type id (Point 0, LineString 1, LinearRing 2, Polygon 3 ...) as ours.</summary>
    public static GeometryType FromShapelyTypeId(long id) => id switch
    {
        0 => GeometryType.Point,
        1 => GeometryType.LineString,
        >= 3 and <= 7 => (GeometryType)id,
        2 => throw new ArgumentException("Geometry type LINEARRING is not supported"),
        _ => throw new ArgumentException($"unknown geometry type id {id}"),
    };

    internal static string Shape(in BufferView view)
    {
        if (view.Dimensions == 1) return $"({view.Shape(0)},)";
        var axes = new string[view.Dimensions];
        for (int i = 0; i < axes.Length; i++) axes[i] = view.Shape(i).ToString();
        return $"({string.Join(", ", axes)})";
    }
}
