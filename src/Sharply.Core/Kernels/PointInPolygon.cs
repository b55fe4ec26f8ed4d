using System.Runtime.CompilerServices;
using Sharply.Core.Geometries;
using Sharply.Core.Parallel;

namespace Sharply.Core.Kernels;

/// <summary>
/// Point-in-geometry tests on the coordinate memory: a bounding-box reject, then the crossing number
/// over every ring of every polygon part, with points on a ring reported as boundary. A point equal to a
/// point part, or on a line part away from the ends of an open line, is interior; the ends of an open
/// line are boundary (per part: an end shared by two lines of a MultiLineString stays boundary).
/// A single polygonal row tested against many points is first indexed by <see cref="PreparedPolygon"/>,
/// which gives the same answers from the edges near the point.
/// </summary>
internal static unsafe class PointInPolygon
{
    /// <summary>Where a point lies relative to a geometry.</summary>
    public enum Location : byte { Exterior, Boundary, Interior }

    /// <summary>Points against one row from which indexing the row pays off.</summary>
    internal const int PrepareThreshold = 16;

    public static void Run(GeometryArray array, ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<byte> output, bool boundaryCounts)
    {
        if (x.Length != y.Length) throw new ArgumentException($"x has length {x.Length} but y has {y.Length}");
        Broadcast shape = Broadcast.Of(array.Length, x.Length, output.Length);
        // Safe: the loop finishes before the fixed blocks end; indices are masked to the operand lengths.
        // A single row tested against many points is indexed once (shared, read-only, by all threads).
        PreparedPolygon? prepared = shape.MaskA == 0 && shape.Count >= PrepareThreshold ? PreparedPolygon.TryCreate(array, 0) : null;
        fixed (double* px = x, py = y)
        fixed (byte* target = output)
        {
            var body = new Body { Array = array, Prepared = prepared, X = px, Y = py, Shape = shape, Output = target, BoundaryCounts = boundaryCounts };
            ParallelRange.For(shape.Count, WorkGrain.Scan(shape.Count, prepared is not null ? 1 : (double)WorkGrain.Vertices(array) / Math.Max(1, array.Length)), ref body);
        }
    }

    private struct Body : IRangeBody
    {
        public GeometryArray Array;
        public PreparedPolygon? Prepared;
        public double* X, Y;
        public Broadcast Shape;
        public byte* Output;
        public bool BoundaryCounts;

        public void Run(int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                int row = i & Shape.MaskA, point = i & Shape.MaskB;
                double x = X[point], y = Y[point];
                bool result = false;
                if (!Array.IsNull(row) && !double.IsNaN(x) && !double.IsNaN(y))
                {
                    Location location = Prepared is not null ? Prepared.Locate(x, y) : Locate(Array, row, x, y);
                    result = location == Location.Interior || (BoundaryCounts && location == Location.Boundary);
                }
                Output[i] = result ? (byte)1 : (byte)0;
            }
        }
    }

    internal static Location Locate(GeometryArray array, int row, double x, double y)
    {
        RowBounds.Of(array, row, out double x0, out double y0, out double x1, out double y1);
        if (!(x >= x0 && x <= x1 && y >= y0 && y <= y1)) return Location.Exterior;
        GeometryType type = array.TypeOf(row);
        (int partStart, int partEnd) = array.PartsOf(row);
        Location best = Location.Exterior;
        for (int part = partStart; part < partEnd; part++)
        {
            Location location = LocatePart(array, part, array.PartKindOf(part, type), x, y);
            // A point on the boundary of one polygon and inside another is inside the union; good enough
            // for valid multipolygons, whose parts touch only at points.
            if (location == Location.Interior) return Location.Interior;
            if (location == Location.Boundary) best = Location.Boundary;
        }
        return best;
    }

    private static Location LocatePart(GeometryArray array, int part, GeometryType kind, double x, double y)
    {
        (int ringStart, int ringEnd) = array.RingsOf(part);
        if (ringStart == ringEnd) return Location.Exterior;
        int dim = array.Dimension;
        if (kind == GeometryType.Point)
        {
            ReadOnlySpan<double> p = array.RingCoordinates(ringStart);
            // A point has no interior in the sense of intersects_xy: equality counts as interior.
            return p.Length >= 2 && p[0] == x && p[1] == y ? Location.Interior : Location.Exterior;
        }
        if (kind == GeometryType.LineString)
        {
            (int start, int end) = array.VerticesOf(ringStart);
            double* p = array.Coordinates.Pointer + (long)start * dim;
            if (!OnPath(p, end - start, dim, x, y)) return Location.Exterior;
            // Safe: the line has end - start >= 1 vertices (OnPath found the point on them).
            double* last = p + (long)(end - start - 1) * dim;
            bool closed = p[0] == last[0] && p[1] == last[1];
            bool atEnd = (p[0] == x && p[1] == y) || (last[0] == x && last[1] == y);
            // The end points of an open line are its boundary; the rest of the line is its interior.
            return atEnd && !closed ? Location.Boundary : Location.Interior;
        }
        bool inside = false;
        for (int ring = ringStart; ring < ringEnd; ring++)
        {
            (int start, int end) = array.VerticesOf(ring);
            int crossings = Crossings(array.Coordinates.Pointer + (long)start * dim, end - start, dim, x, y);
            if (crossings < 0) return Location.Boundary;
            bool inRing = (crossings & 1) == 1;
            if (ring == ringStart)
            {
                if (!inRing) return Location.Exterior;
                inside = true;
            }
            else if (inRing) return Location.Exterior;
        }
        return inside ? Location.Interior : Location.Exterior;
    }

    /// <summary>Crossings of a rightward ray from (x, y) with the ring, or -1 when the point is on it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Crossings(double* p, int n, int dim, double x, double y)
    {
        int crossings = 0;
        // Safe: p points at n vertices of the validated coordinate buffer; the loop reads vertices 0..n-1.
        double* last = p + (long)(n - 1) * dim;
        for (double* v = p; v < last; v += dim)
        {
            int c = EdgeCrossing(v[0], v[1], v[dim], v[dim + 1], x, y);
            if (c < 0) return -1;
            crossings += c;
        }
        return crossings;
    }

    /// <summary>1 when a rightward ray from (x, y) crosses edge a-b, 0 when not, -1 when the point is on the edge.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int EdgeCrossing(double ax, double ay, double bx, double by, double x, double y)
    {
        if ((ay > y) != (by > y))
        {
            // Orientation of the point against the segment, oriented upward: exact sign test as in
            // GEOS's RayCrossingCounter (a zero determinant means the point is on the segment).
            double det = (ax - x) * (by - y) - (bx - x) * (ay - y);
            if (det == 0) return -1;
            return (det > 0) == (by > ay) ? 1 : 0;
        }
        if (ay == y && by == y && x >= Math.Min(ax, bx) && x <= Math.Max(ax, bx)) return -1;
        if ((ax == x && ay == y) || (bx == x && by == y)) return -1;
        return 0;
    }

    private static bool OnPath(double* p, int n, int dim, double x, double y)
    {
        if (n == 1) return p[0] == x && p[1] == y;
        // Safe: reads vertices 0..n-1 of the validated coordinate buffer.
        double* last = p + (long)(n - 1) * dim;
        for (double* v = p; v < last; v += dim)
        {
            double ax = v[0], ay = v[1], bx = v[dim], by = v[dim + 1];
            if (x < Math.Min(ax, bx) || x > Math.Max(ax, bx) || y < Math.Min(ay, by) || y > Math.Max(ay, by)) continue;
            if ((bx - ax) * (y - ay) - (by - ay) * (x - ax) == 0) return true;
        }
        return false;
    }
}
