using Sharply.Core.Geometries;
using Sharply.Core.Parallel;

namespace Sharply.Core.Kernels;

/// <summary>
/// Kernels that change coordinates but not structure (Shapely's <c>force_2d</c>, <c>force_3d</c>,
/// <c>set_coordinates</c>): the result
/// shares every offsets buffer, row type, part code and the validity of the input and gets a new coordinate
/// buffer (the whole buffer of a slice, since offsets are absolute). An input already in the wanted form is
/// returned as it is.
/// </summary>
public static unsafe class CoordinateEdits
{
    /// <summary>Each row with x and y only.</summary>
    public static GeometryArray Force2D(GeometryArray array)
    {
        if (!array.HasZ) return array;
        int vertices = array.Coordinates.Length / 3;
        DataBuffer<double> xy = DataBuffer<double>.Allocate(checked(vertices * 2));
        var body = new DropZBody { Source = array.Coordinates.Pointer, Target = xy.Pointer };
        ParallelRange.For(vertices, WorkGrain.Scan(vertices, 1), ref body);
        return WithCoordinates(array, false, xy);
    }

    /// <summary>
    /// Each row with z: vertices without z (NaN z) get <paramref name="z"/> of their row (one value for all rows
    /// when it has one); z values already there are kept. Empty points stay empty.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="z"/> has neither 1 nor one value per row.</exception>
    public static GeometryArray Force3D(GeometryArray array, ReadOnlySpan<double> z)
    {
        if (z.Length != 1 && z.Length != array.Length)
            throw new ArgumentException($"z has {z.Length} values for {array.Length} geometries");
        if (array.HasZ && !HasMissingZ(array)) return array;
        int dimension = array.Dimension, vertices = array.Coordinates.Length / dimension;
        DataBuffer<double> xyz = DataBuffer<double>.Allocate(checked(vertices * 3));
        var copy = new AddZBody { Source = array.Coordinates.Pointer, Dimension = dimension, Target = xyz.Pointer };
        ParallelRange.For(vertices, WorkGrain.Scan(vertices, 1), ref copy);
        // Safe: z stays pinned until the loop ends; rows read their own value (or the only one).
        fixed (double* values = z)
        {
            var fill = new FillZBody { Array = array, Z = values, Mask = z.Length == 1 ? 0 : -1, Target = xyz.Pointer };
            ParallelRange.For(array.Length, WorkGrain.Scan(array), ref fill);
        }
        return WithCoordinates(array, true, xyz);
    }

    /// <summary>
    /// Each row over <paramref name="values"/> (interleaved, <paramref name="dimension"/> values each), taken in
    /// the order <see cref="CoordinateLists.Get"/> lists coordinates (empty points and missing rows take none).
    /// </summary>
    /// <exception cref="ArgumentException">The number of coordinates is not the arrays's.</exception>
    public static GeometryArray SetCoordinates(GeometryArray array, ReadOnlySpan<double> values, int dimension)
    {
        if (dimension is not (2 or 3)) throw new ArgumentException($"coordinates must have 2 or 3 values each, not {dimension}");
        DataBuffer<int> starts = DataBuffer<int>.Allocate(array.Length + 1);
        Properties.NumCoordinates(array, starts.Span[1..]);
        Span<int> offsets = starts.Span;
        offsets[0] = 0;
        for (int row = 0; row < array.Length; row++) offsets[row + 1] = checked(offsets[row] + offsets[row + 1]);
        if ((long)offsets[array.Length] * dimension != values.Length)
            throw new ArgumentException($"{values.Length / dimension} coordinates given, the geometries have {offsets[array.Length]}");
        DataBuffer<double> target = DataBuffer<double>.Allocate(checked(array.Coordinates.Length / array.Dimension * dimension));
        target.Span.Fill(double.NaN);
        // Safe: values stays pinned until the loop ends; each row writes its own vertices.
        fixed (double* source = values)
        {
            var body = new SetBody { Array = array, Source = source, Starts = starts.Pointer, Dimension = dimension, Target = target.Pointer };
            ParallelRange.For(array.Length, WorkGrain.Scan(array), ref body);
        }
        return WithCoordinates(array, dimension == 3, target);
    }

    private static bool HasMissingZ(GeometryArray array)
    {
        if (array.Length == 0) return false;
        int start = RowStart(array, 0), end = RowStart(array, array.Length);
        ReadOnlySpan<double> values = array.VertexCoordinates(start, end);
        for (int i = 0; i < values.Length; i += 3)
            if (double.IsNaN(values[i + 2]) && !double.IsNaN(values[i])) return true;
        return false;
    }

    /// <summary>The first vertex of <paramref name="row"/> (the end of the rows for <c>row == Length</c>).</summary>
    private static int RowStart(GeometryArray array, int row) => array.RingOffsets[array.PartOffsets[array.GeometryOffsets[row]]];

    private static GeometryArray WithCoordinates(GeometryArray array, bool hasZ, DataBuffer<double> coordinates) =>
        new(array.Length, array.Type, hasZ, coordinates, array.GeometryOffsets, array.PartOffsets, array.RingOffsets,
            array.RowTypes, array.PartKinds, array.Validity, array.Crs);

    private struct SetBody : IRangeBody
    {
        public GeometryArray Array;
        public double* Source, Target;
        public int* Starts;
        public int Dimension;

        public void Run(int start, int end)
        {
            for (int row = start; row < end; row++)
            {
                if (Array.IsNull(row)) continue;
                double* next = Source + (long)Starts[row] * Dimension;
                GeometryType type = Array.TypeOf(row);
                (int partStart, int partEnd) = Array.PartsOf(row);
                for (int part = partStart; part < partEnd; part++)
                {
                    GeometryType kind = Array.PartKindOf(part, type);
                    if (kind == GeometryType.Point && Array.IsPartEmpty(part, kind)) continue;
                    (int ringStart, int ringEnd) = Array.RingsOf(part);
                    int first = Array.RingOffsets[ringStart], last = Array.RingOffsets[ringEnd];
                    long count = (long)(last - first) * Dimension;
                    Buffer.MemoryCopy(next, Target + (long)first * Dimension, count * sizeof(double), count * sizeof(double));
                    next += count;
                }
            }
        }
    }

    private struct DropZBody : IRangeBody
    {
        public double* Source, Target;

        public void Run(int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                Target[2 * i] = Source[3 * i];
                Target[2 * i + 1] = Source[3 * i + 1];
            }
        }
    }

    private struct AddZBody : IRangeBody
    {
        public double* Source, Target;
        public int Dimension;

        public void Run(int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                Target[3 * i] = Source[Dimension * i];
                Target[3 * i + 1] = Source[Dimension * i + 1];
                Target[3 * i + 2] = Dimension == 3 ? Source[3 * i + 2] : double.NaN;
            }
        }
    }

    private struct FillZBody : IRangeBody
    {
        public GeometryArray Array;
        public double* Z;
        public int Mask;
        public double* Target;

        public void Run(int start, int end)
        {
            for (int row = start; row < end; row++)
            {
                if (Array.IsNull(row)) continue;
                double z = Z[row & Mask];
                for (int v = RowStart(Array, row), last = RowStart(Array, row + 1); v < last; v++)
                    if (double.IsNaN(Target[3 * v + 2]) && !double.IsNaN(Target[3 * v])) Target[3 * v + 2] = z;
            }
        }
    }
}
