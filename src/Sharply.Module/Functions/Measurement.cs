using Sharply.Core.Geometries;
using Sharply.Core.Parallel;
using Sharply.CPython;
using Sharply.Module.Types;

namespace Sharply.Module.Functions;

/// <summary>Measures: geometry -> float64.</summary>
internal static unsafe class Measurement
{
    public static readonly PyFunction[] Functions =
    [
        new("area", ["geometry"], &Area),
    ];

    private static Owned Area(in Arguments args)
    {
        GeometryInput input = Conversions.Geometry(args[0], "geometry");
        if (input.IsScalar) return Py.Float(AreaOfRow(input.Array, input.Row));
        DataBuffer<double> result = DataBuffer<double>.Allocate(input.Length);
        var body = new AreaBody(input.Array, result);
        using (Gil.Release()) ParallelRange.For(input.Length, ParallelRange.Grain(input.Length), ref body);
        return Conversions.Doubles(input, result);
    }

    /// <summary>The <c>Geometry.area</c> property.</summary>
    public static Owned AreaOf(Borrowed self) => Py.Float(AreaOfRow(PyGeometry.Array(self), PyGeometry.Row(self)));

    private readonly struct AreaBody(GeometryArray array, DataBuffer<double> result) : IRangeBody
    {
        public void Run(int start, int end)
        {
            Span<double> values = result.Span;
            for (int row = start; row < end; row++) values[row] = AreaOfRow(array, row);
        }
    }

    private static double AreaOfRow(GeometryArray array, int row)
    {
        if (array.IsNull(row)) return double.NaN;
        double area = 0;
        GeometryType type = array.TypeOf(row);
        (int partStart, int partEnd) = array.PartsOf(row);
        for (int part = partStart; part < partEnd; part++)
        {
            if (array.PartKindOf(part, type) != GeometryType.Polygon) continue;
            (int ringStart, int ringEnd) = array.RingsOf(part);
            for (int ring = ringStart; ring < ringEnd; ring++)
            {
                double signed = Shoelace(array.RingCoordinates(ring), array.Dimension);
                area += ring == ringStart ? Math.Abs(signed) : -Math.Abs(signed);
            }
        }
        return area;
    }

    private static double Shoelace(ReadOnlySpan<double> ring, int dimension)
    {
        double sum = 0;
        for (int i = dimension; i < ring.Length; i += dimension)
            sum += ring[i - dimension] * ring[i + 1] - ring[i] * ring[i - dimension + 1];
        return sum / 2;
    }
}
