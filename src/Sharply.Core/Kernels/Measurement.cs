using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NetTopologySuite.Algorithm.Distance;
using NetTopologySuite.Geometries;
using Sharply.Core.Geometries;
using Sharply.Core.Nts;
using Sharply.Core.Parallel;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace Sharply.Core.Kernels;

/// <summary>Measures: area, length, bounds, distances. Missing rows give NaN.</summary>
public static unsafe class Measurement
{
    /// <summary>Area of each row (shell minus holes for polygons, 0 for points and lines).</summary>
    public static void Area(GeometryArray array, Span<double> output) => UnaryDriver.Run<AreaOp>(array, output);

    /// <summary>Area of one row (NaN when missing): the scalar path, with no loop to set up.</summary>
    public static double AreaOf(GeometryArray array, int row) => array.IsNull(row) ? double.NaN : AreaOp.Apply(array, row);

    /// <summary>Length of one row (NaN when missing).</summary>
    public static double LengthOf(GeometryArray array, int row) => array.IsNull(row) ? double.NaN : LengthOp.Apply(array, row);

    /// <summary>Length of each row (perimeter of all rings for polygons, 0 for points).</summary>
    public static void Length(GeometryArray array, Span<double> output) => UnaryDriver.Run<LengthOp>(array, output);

    /// <summary>xmin, ymin, xmax, ymax of each row into <paramref name="output"/> (4 values per row); NaN for empty and missing rows.</summary>
    public static void Bounds(GeometryArray array, Span<double> output)
    {
        if (output.Length != 4L * array.Length)
            throw new ArgumentException($"output has length {output.Length}, {4L * array.Length} expected");
        // Safe: the loop finishes before the fixed block ends; each row writes its own 4 slots.
        fixed (double* target = output)
        {
            var body = new BoundsBody { Array = array, Output = target };
            ParallelRange.For(array.Length, WorkGrain.Scan(array), ref body);
        }
    }

    /// <summary>The bounds of all rows together: xmin, ymin, xmax, ymax (NaN when no row has coordinates).</summary>
    public static void TotalBounds(GeometryArray array, Span<double> output)
    {
        if (output.Length != 4) throw new ArgumentException($"output has length {output.Length}, 4 expected");
        int grain = WorkGrain.Scan(array);
        int chunks = (array.Length + grain - 1) / grain;
        var partial = new double[4 * Math.Max(chunks, 1)];
        partial.AsSpan().Fill(double.NaN);
        var body = new TotalBoundsBody { Array = array, Grain = grain, Partial = partial };
        ParallelRange.For(array.Length, grain, ref body);
        double x0 = double.NaN, y0 = double.NaN, x1 = double.NaN, y1 = double.NaN;
        for (int c = 0; c < chunks; c++)
        {
            if (double.IsNaN(partial[4 * c])) continue;
            x0 = double.IsNaN(x0) ? partial[4 * c] : Math.Min(x0, partial[4 * c]);
            y0 = double.IsNaN(y0) ? partial[4 * c + 1] : Math.Min(y0, partial[4 * c + 1]);
            x1 = double.IsNaN(x1) ? partial[4 * c + 2] : Math.Max(x1, partial[4 * c + 2]);
            y1 = double.IsNaN(y1) ? partial[4 * c + 3] : Math.Max(y1, partial[4 * c + 3]);
        }
        output[0] = x0;
        output[1] = y0;
        output[2] = x1;
        output[3] = y1;
    }

    /// <summary>Cartesian distance between paired rows; NaN when either is missing or empty.</summary>
    public static void Distance(GeometryArray a, GeometryArray b, Span<double> output) =>
        BinaryDriver.Run(a, b, output, new DistanceOp());

    /// <summary>Discrete Hausdorff distance between paired rows; NaN when either is missing or empty.</summary>
    public static void HausdorffDistance(GeometryArray a, GeometryArray b, Span<double> output) =>
        BinaryDriver.Run(a, b, output, new HausdorffOp());

    /// <summary>Discrete Fréchet distance between paired rows over their vertices (GEOS's definition),
    /// each segment first split into round(1 / <paramref name="densify"/>) equal pieces unless
    /// <paramref name="densify"/> is NaN; NaN when either row is missing or empty.</summary>
    public static void FrechetDistance(GeometryArray a, GeometryArray b, double densify, Span<double> output)
    {
        if (!double.IsNaN(densify) && !(densify > 0 && densify <= 1))
            throw new ArgumentException($"densify must be in (0, 1], got {densify:R}");
        // Each segment becomes round(1 / densify) pieces: beyond a million, the distance matrix alone would take
        // terabytes (and the count would overflow an int below 4.7e-10).
        if (!double.IsNaN(densify) && 1 / densify > 1e6)
            throw new ArgumentException($"densify must be at least 1e-6, got {densify:R}");
        BinaryDriver.Run(a, b, output, new FrechetOp(double.IsNaN(densify) ? 1 : (int)Math.Round(1 / densify)));
    }

    /// <summary>The smallest distance a vertex of each row can move to make it invalid (NTS MinimumClearance);
    /// infinity when no move can (a point, empty rows), NaN for missing rows.</summary>
    public static void MinimumClearance(GeometryArray array, Span<double> output) => UnaryDriver.Run<MinimumClearanceOp>(array, output);

    /// <summary>Signed area of a ring (positive when counter-clockwise), with GEOS's formula.</summary>
    internal static double RingSignedArea(GeometryArray array, int ring)
    {
        (int start, int end) = array.VerticesOf(ring);
        int n = end - start, dim = array.Dimension;
        if (n < 3) return 0;
        // Safe: the ring's vertices [start, end) lie inside the validated coordinate buffer, and the
        // loop reads vertices 0 .. n-1 only.
        double* p = array.Coordinates.Pointer + (long)start * dim;
        double x0 = p[0], sum = 0;
        double* last = p + (long)(n - 1) * dim;
        for (double* v = p + dim; v < last; v += dim)
            sum += (v[0] - x0) * (v[1 - dim] - v[1 + dim]);
        return sum / 2;
    }

    /// <summary>Length of the polyline through vertices [start, end).</summary>
    internal static double PathLength(GeometryArray array, int start, int end)
    {
        int dim = array.Dimension;
        if (end - start < 2) return 0;
        // Safe: reads vertices start .. end-1 of the validated coordinate buffer.
        double* p = array.Coordinates.Pointer + (long)start * dim;
        double* last = p + (long)(end - start - 1) * dim;
        double sum = 0;
        if (dim == 2 && Sse3.IsSupported)
        {
            // Two segments per step: the square roots are computed side by side (correctly rounded, so
            // equal to the scalar ones) and added in vertex order, so the sum is bit-identical.
            for (; p + 4 <= last; p += 4)
            {
                Vector128<double> a = Sse2.LoadVector128(p), b = Sse2.LoadVector128(p + 2), c = Sse2.LoadVector128(p + 4);
                Vector128<double> d0 = Sse2.Subtract(b, a), d1 = Sse2.Subtract(c, b);
                Vector128<double> lengths = Sse2.Sqrt(Sse3.HorizontalAdd(Sse2.Multiply(d0, d0), Sse2.Multiply(d1, d1)));
                sum += lengths.GetElement(0);
                sum += lengths.GetElement(1);
            }
        }
        for (double* v = p; v < last; v += dim)
        {
            double dx = v[dim] - v[0], dy = v[dim + 1] - v[1];
            sum += Math.Sqrt(dx * dx + dy * dy);
        }
        return sum;
    }

    private struct AreaOp : IUnaryDoubleOp
    {
        public static double Apply(GeometryArray array, int row)
        {
            GeometryType type = array.TypeOf(row);
            return type is GeometryType.Point or GeometryType.MultiPoint or GeometryType.LineString or GeometryType.MultiLineString
                ? 0
                : Sum(array, row, type);
        }

        // Out of line, so that a point or a line (a scalar call on one, above all) returns without paying this loop's frame.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static double Sum(GeometryArray array, int row, GeometryType type)
        {
            (int partStart, int partEnd) = array.PartsOf(row);
            double area = 0;
            for (int part = partStart; part < partEnd; part++)
            {
                if (array.PartKindOf(part, type) != GeometryType.Polygon) continue;
                (int ringStart, int ringEnd) = array.RingsOf(part);
                for (int ring = ringStart; ring < ringEnd; ring++)
                {
                    double ringArea = Math.Abs(RingSignedArea(array, ring));
                    area += ring == ringStart ? ringArea : -ringArea;
                }
            }
            return area;
        }
    }

    private struct LengthOp : IUnaryDoubleOp
    {
        public static double Apply(GeometryArray array, int row)
        {
            GeometryType type = array.TypeOf(row);
            return type is GeometryType.Point or GeometryType.MultiPoint ? 0 : Sum(array, row, type);
        }

        // Out of line, so that a point returns without paying this loop's frame.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static double Sum(GeometryArray array, int row, GeometryType type)
        {
            (int partStart, int partEnd) = array.PartsOf(row);
            double length = 0;
            for (int part = partStart; part < partEnd; part++)
            {
                if (array.PartKindOf(part, type) == GeometryType.Point) continue;
                (int ringStart, int ringEnd) = array.RingsOf(part);
                for (int ring = ringStart; ring < ringEnd; ring++)
                {
                    (int start, int end) = array.VerticesOf(ring);
                    length += PathLength(array, start, end);
                }
            }
            return length;
        }
    }

    private struct BoundsBody : IRangeBody
    {
        public GeometryArray Array;
        public double* Output;

        public void Run(int start, int end)
        {
            for (int row = start; row < end; row++)
            {
                double* o = Output + 4L * row;
                if (Array.IsNull(row)) o[0] = o[1] = o[2] = o[3] = double.NaN;
                else RowBounds.Of(Array, row, out o[0], out o[1], out o[2], out o[3]);
            }
        }
    }

    private struct TotalBoundsBody : IRangeBody
    {
        public GeometryArray Array;
        public int Grain;
        public double[] Partial;

        public void Run(int start, int end)
        {
            double x0 = double.NaN, y0 = double.NaN, x1 = double.NaN, y1 = double.NaN;
            for (int row = start; row < end; row++)
            {
                if (Array.IsNull(row)) continue;
                RowBounds.Of(Array, row, out double a, out double b, out double c, out double d);
                if (double.IsNaN(a)) continue;
                x0 = double.IsNaN(x0) ? a : Math.Min(x0, a);
                y0 = double.IsNaN(y0) ? b : Math.Min(y0, b);
                x1 = double.IsNaN(x1) ? c : Math.Max(x1, c);
                y1 = double.IsNaN(y1) ? d : Math.Max(y1, d);
            }
            int chunk = start / Grain;
            Partial[4 * chunk] = x0;
            Partial[4 * chunk + 1] = y0;
            Partial[4 * chunk + 2] = x1;
            Partial[4 * chunk + 3] = y1;
        }
    }

    private readonly struct DistanceOp : IBinaryOp<double>
    {
        public double Missing => double.NaN;

        public double Apply(GeometryArray a, int rowA, GeometryArray b, int rowB, NtsGeometry? scalarA, NtsGeometry? scalarB)
        {
            if (a.IsEmpty(rowA) || b.IsEmpty(rowB)) return double.NaN;
            if (a.TypeOf(rowA) == GeometryType.Point && b.TypeOf(rowB) == GeometryType.Point)
            {
                (int va, _) = a.VerticesOf(a.PartOffsets[a.PartsOf(rowA).Start]);
                (int vb, _) = b.VerticesOf(b.PartOffsets[b.PartsOf(rowB).Start]);
                ReadOnlySpan<double> pa = a.VertexCoordinates(va, va + 1), pb = b.VertexCoordinates(vb, vb + 1);
                double dx = pa[0] - pb[0], dy = pa[1] - pb[1];
                return Math.Sqrt(dx * dx + dy * dy);
            }
            return (scalarA ?? NtsConverter.ToNts(a, rowA)!).Distance(scalarB ?? NtsConverter.ToNts(b, rowB)!);
        }
    }

    private readonly struct FrechetOp(int pieces) : IBinaryOp<double>
    {
        public double Missing => double.NaN;

        public double Apply(GeometryArray a, int rowA, GeometryArray b, int rowB, NtsGeometry? scalarA, NtsGeometry? scalarB)
        {
            if (a.IsEmpty(rowA) || b.IsEmpty(rowB)) return double.NaN;
            Coordinate[] left = Densified((scalarA ?? NtsConverter.ToNts(a, rowA)!).Coordinates);
            Coordinate[] right = Densified((scalarB ?? NtsConverter.ToNts(b, rowB)!).Coordinates);
            return DiscreteFrechet(left, right);
        }

        /// <summary>The vertices in order with round(1 / densify) - 1 points added between consecutive ones
        /// (GEOS's densification); NaN or infinite coordinates raise.</summary>
        private Coordinate[] Densified(Coordinate[] vertices)
        {
            foreach (Coordinate vertex in vertices)
                if (!double.IsFinite(vertex.X) || !double.IsFinite(vertex.Y))
                    throw new ArgumentException("NaN or infinite coordinates have no Fréchet distance");
            if (pieces == 1) return vertices;
            var points = new Coordinate[checked((vertices.Length - 1) * pieces + 1)];
            points[0] = vertices[0];
            for (int i = 1, next = 1; i < vertices.Length; i++)
            {
                Coordinate previous = vertices[i - 1], vertex = vertices[i];
                for (int k = 1; k < pieces; k++)
                {
                    double t = (double)k / pieces;
                    points[next++] = new Coordinate(previous.X + t * (vertex.X - previous.X), previous.Y + t * (vertex.Y - previous.Y));
                }
                points[next++] = vertex;
            }
            return points;
        }

        /// <summary>The discrete Fréchet distance by its dynamic programme (Eiter and Mannila), one row of the
        /// coupling table at a time. NTS 2.6's DiscreteFrechetDistance answers too high on some inputs.</summary>
        private static double DiscreteFrechet(Coordinate[] p, Coordinate[] q)
        {
            var previous = new double[q.Length];
            var current = new double[q.Length];
            for (int i = 0; i < p.Length; i++)
            {
                for (int j = 0; j < q.Length; j++)
                {
                    double distance = p[i].Distance(q[j]);
                    double reach = i == 0 && j == 0 ? 0
                        : i == 0 ? current[j - 1]
                        : j == 0 ? previous[0]
                        : Math.Min(previous[j], Math.Min(previous[j - 1], current[j - 1]));
                    current[j] = Math.Max(reach, distance);
                }
                (previous, current) = (current, previous);
            }
            return previous[q.Length - 1];
        }
    }

    private readonly struct MinimumClearanceOp : IUnaryDoubleOp
    {
        public static double Apply(GeometryArray array, int row)
        {
            if (array.IsEmpty(row)) return double.PositiveInfinity;
            NtsGeometry geometry = NtsConverter.ToNts(array, row)!;
            foreach (Coordinate coordinate in geometry.Coordinates)
                if (!double.IsFinite(coordinate.X) || !double.IsFinite(coordinate.Y))
                    throw new GeometryOperationException(row, new ArgumentException("NaN or infinite coordinates have no minimum clearance"));
            double distance;
            try
            {
                distance = NetTopologySuite.Precision.MinimumClearance.GetDistance(geometry);
            }
            catch (Exception error) when (error is not SharplyException)
            {
                throw new GeometryOperationException(row, error);
            }
            return distance == double.MaxValue ? double.PositiveInfinity : distance;
        }
    }

    private readonly struct HausdorffOp : IBinaryOp<double>
    {
        public double Missing => double.NaN;

        public double Apply(GeometryArray a, int rowA, GeometryArray b, int rowB, NtsGeometry? scalarA, NtsGeometry? scalarB)
        {
            if (a.IsEmpty(rowA) || b.IsEmpty(rowB)) return double.NaN;
            return DiscreteHausdorffDistance.Distance(scalarA ?? NtsConverter.ToNts(a, rowA)!, scalarB ?? NtsConverter.ToNts(b, rowB)!);
        }
    }
}
