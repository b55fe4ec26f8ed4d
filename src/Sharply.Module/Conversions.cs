using System.Runtime.CompilerServices;
using Sharply.Core.Geometries;
using Sharply.CPython;
using Sharply.Module.Types;

namespace Sharply.Module;

/// <summary>
/// One geometry argument, converted: a whole array, or a scalar (a single row of some array, with None as
/// the row of a one-row array holding a missing value). Kernels see only (array, rows).
/// </summary>
internal readonly struct GeometryInput(GeometryArray array, int row, bool isScalar)
{
    public GeometryArray Array { get; } = array;

    /// <summary>The row a scalar refers to (0 for arrays).</summary>
    public int Row { get; } = row;

    public bool IsScalar { get; } = isScalar;

    /// <summary>Rows the result has: 1 for a scalar.</summary>
    public int Length => IsScalar ? 1 : Array.Length;

    /// <summary>The rows a kernel runs on: the whole array, or a one-row view (no copy) for a scalar, which is
    /// its own array when that has one row (a scalar result, a parsed or constructed geometry).</summary>
    public GeometryArray Rows => IsScalar && Array.Length != 1 ? Array.Slice(Row, 1) : Array;

    /// <summary>
    /// True when a kernel may run long enough to be worth releasing the GIL (about 0.1 us): any array,
    /// or a scalar with many vertices (a point has at most one: its vertices are never counted).
    /// </summary>
    public bool IsLarge => !IsScalar || (Array.TypeOf(Row) != GeometryType.Point && Array.VertexCount(Row) > 256);
}

/// <summary>Argument conversion and result construction shared by every function of the module.</summary>
internal static unsafe class Conversions
{
    private static readonly GeometryArray MissingScalar = MissingRow();

    private static Owned _fallbackConverter;
    private static Owned _numpyAsArray;

    /// <summary>
    /// Accepts a Geometry (tested first: the scalar call is the one whose cost is all overhead), a
    /// GeometryArray or None natively; anything else (Shapely geometries, lists and numpy arrays of them,
    /// GeoSeries) goes through <c>sharply._interop.to_geometry_array</c>, which returns one of those.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static GeometryInput Geometry(Borrowed obj, string argument) =>
        TryNative(obj, out GeometryInput input) ? input : Converted(obj, argument);

    /// <summary>Geometry argument <paramref name="index"/> of <paramref name="args"/> (see <see cref="Geometry(Borrowed, string)"/>),
    /// named in errors as the caller knows it (a method's <c>other</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static GeometryInput Geometry(in Arguments args, int index) =>
        TryNative(args[index], out GeometryInput input) ? input : Converted(args[index], args.Name(index));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TryNative(Borrowed obj, out GeometryInput input)
    {
        if (PyGeometry.Is(obj)) input = new GeometryInput(PyGeometry.Array(obj), PyGeometry.Row(obj), true);
        else if (PyGeometryArray.Is(obj)) input = new GeometryInput(PyGeometryArray.Target(obj), 0, false);
        else if (obj.IsNone) input = new GeometryInput(MissingScalar, 0, true);
        else
        {
            input = default;
            return false;
        }
        return true;
    }

    /// <summary>The fallback of <see cref="Geometry(Borrowed, string)"/>, out of line so the native path carries no
    /// exception frame.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static GeometryInput Converted(Borrowed obj, string argument)
    {
        if (_fallbackConverter.IsNull)
        {
            using Owned interop = Py.Import("sharply._interop");
            _fallbackConverter = interop.Borrow().GetAttr("to_geometry_array");
        }
        using Owned argumentName = Py.Str(argument);
        using Owned converted = _fallbackConverter.Borrow().Call(obj.Handle, argumentName.Handle);
        Borrowed result = converted.Borrow();
        // The converted object stays alive through the GeometryArray it holds (Core memory, not Python's).
        if (PyGeometryArray.Is(result)) return new GeometryInput(PyGeometryArray.Target(result), 0, false);
        if (PyGeometry.Is(result)) return new GeometryInput(PyGeometry.Array(result), PyGeometry.Row(result), true);
        if (result.IsNone) return new GeometryInput(MissingScalar, 0, true);
        throw new PyTypeErrorException($"{argument}: expected geometries, got '{obj.TypeName}'");
    }

    /// <summary>
    /// An index argument: a Python int (<paramref name="scalar"/>) or integers of any width (a numpy array or
    /// scalar, a list), 0-d or 1-D. Values beyond int32 saturate (they are out of range of any geometry).
    /// </summary>
    public static int[] Indices(Borrowed obj, string argument, out bool scalar)
    {
        scalar = true;
        if (obj.IsInt()) return [Saturate(obj.ToInt64(argument))];
        if (obj.IsFloat() || obj.IsStr() || obj.IsBytes() || obj.IsNone || PyGeometry.Is(obj) || PyGeometryArray.Is(obj))
            throw new PyTypeErrorException($"{argument} must be an integer or an array of integers, not '{obj.TypeName}'");
        using Owned array = AsNumpyArray(obj);
        using BufferView view = BufferView.Acquire(array.Borrow(), argument);
        if (view.Dimensions > 1)
            throw new ArgumentException($"{argument} must be an integer or a 1-D array of integers, got a {view.Dimensions}-D array");
        char format = view.Format;
        bool signed = format is 'b' or 'h' or 'i' or 'l' or 'q';
        if (!signed && format is not ('B' or 'H' or 'I' or 'L' or 'Q'))
            throw new PyTypeErrorException($"{argument} must hold integers, got buffer format '{format}'");
        scalar = view.Dimensions == 0;
        var values = new int[checked((int)(scalar ? 1 : view.Shape(0)))];
        void* data = view.Pointer;
        for (int i = 0; i < values.Length; i++)
            values[i] = (view.ItemSize, signed) switch
            {
                (1, true) => ((sbyte*)data)[i],
                (1, false) => ((byte*)data)[i],
                (2, true) => ((short*)data)[i],
                (2, false) => ((ushort*)data)[i],
                (4, true) => ((int*)data)[i],
                (4, false) => Saturate(((uint*)data)[i]),
                (8, true) => Saturate(((long*)data)[i]),
                _ => Saturate((long)Math.Min(((ulong*)data)[i], long.MaxValue)),
            };
        return values;
    }

    private static int Saturate(long value) => (int)Math.Clamp(value, int.MinValue, int.MaxValue);

    /// <summary>A numpy float64 array sharing <paramref name="values"/>.</summary>
    public static Owned Doubles(DataBuffer<double> values) => NumpyArray(values.Pointer, values, sizeof(double), "d"u8, values.Length);

    /// <summary>A numpy bool array sharing <paramref name="values"/> (0 or 1 bytes).</summary>
    public static Owned Bools(DataBuffer<byte> values) => NumpyArray(values.Pointer, values, sizeof(byte), "?"u8, values.Length);

    /// <summary>A numpy int32 array sharing <paramref name="values"/>.</summary>
    public static Owned Ints(DataBuffer<int> values) => NumpyArray(values.Pointer, values, sizeof(int), "i"u8, values.Length);

    /// <summary>A bool from a kernel's 0 or 1 byte.</summary>
    public static Owned Bool(byte value) => Py.Bool(value != 0);

    /// <summary>An int from a kernel's int32.</summary>
    public static Owned Int(int value) => Py.Int(value);

    /// <summary>A str (or None) for a scalar input, else a numpy object array of str and None; equal strings
    /// share one str object.</summary>
    public static Owned Strings(bool scalar, string?[] values)
    {
        if (scalar) return values[0] is { } single ? Py.Str(single) : Py.None;
        using var items = new ObjectItems(values.Length);
        var made = new Dictionary<string, Owned>(StringComparer.Ordinal);
        try
        {
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] is not { } value) continue;
                if (!made.TryGetValue(value, out Owned text)) made[value] = text = Py.Str(value);
                items.Set(i, Owned.From(text.Borrow()));
            }
        }
        finally
        {
            foreach (Owned text in made.Values) text.Dispose();
        }
        return items.ToArray();
    }

    /// <summary><c>numpy.asarray(obj)</c>.</summary>
    public static Owned AsNumpyArray(Borrowed obj) => NumpyAsArray().Call(obj.Handle);

    /// <summary>A Geometry (or None) for a scalar input, else a GeometryArray.</summary>
    public static Owned Geometries(bool scalar, GeometryArray result) =>
        scalar ? PyGeometry.Scalar(result, 0) : PyGeometryArray.Wrap(result);

    /// <summary>A numpy array viewing <paramref name="data"/> (kept alive by <paramref name="owner"/>), without a copy.</summary>
    public static Owned NumpyArray(void* data, object owner, int itemSize, ReadOnlySpan<byte> format, long rows, long columns = 0)
    {
        using Owned exporter = BufferExport.Create(data, owner, itemSize, format, rows, columns);
        return NumpyAsArray().Call(exporter.Handle);
    }

    private static Borrowed NumpyAsArray()
    {
        if (_numpyAsArray.IsNull)
        {
            using Owned numpy = Py.Import("numpy");
            _numpyAsArray = numpy.Borrow().GetAttr("asarray");
        }
        return _numpyAsArray.Borrow();
    }

    private static GeometryArray MissingRow()
    {
        var builder = new GeometryArrayBuilder(1);
        builder.AppendNull();
        return builder.Finish();
    }
}
