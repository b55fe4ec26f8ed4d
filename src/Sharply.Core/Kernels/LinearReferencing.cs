using Sharply.Core.Geometries;
using Sharply.Core.Parallel;

namespace Sharply.Core.Kernels;

/// <summary>
/// Linear referencing on the coordinate memory: points at a distance along lines, and the distance along a
/// line of the point nearest to another. Both walk the line parts of a row in order as GEOS 3.11's
/// LengthIndexedLine does (same comparisons and the same floating-point steps, so the values are GEOS's
/// to the bit), with Shapely 2's rules for missing, empty and non-linear rows.
/// </summary>
public static unsafe class LinearReferencing
{
    /// <summary>
    /// The point at <c>distances[i]</c> along each row (broadcast against the rows; a fraction of the length
    /// when <paramref name="normalized"/>). Negative distances count from the end, out-of-range ones clamp to
    /// the ends. Missing rows and NaN distances give missing results; empty rows (and a Multi* or collection
    /// whose first line is empty) give POINT EMPTY.
    /// </summary>
    /// <exception cref="InvalidCastException">A row is a Point or MultiPoint, or a collection whose first
    /// member is not a LineString (Shapely's TypeError).</exception>
    /// <exception cref="GeometryOperationException">A row has a part that is not a line (a polygon).</exception>
    public static GeometryArray InterpolatePoint(GeometryArray lines, ReadOnlySpan<double> distances, bool normalized)
    {
        Broadcast shape = Broadcast.Of(lines.Length, distances.Length);
        int dim = lines.Dimension;
        DataBuffer<double> coordinates = DataBuffer<double>.Allocate(checked(dim * shape.Count));
        fixed (double* distance = distances)
        {
            var body = new InterpolateBody
            {
                Lines = lines, Distances = distance, Shape = shape, Normalized = normalized, Output = coordinates.Pointer,
            };
            if (shape.Count == 1) body.Run(0, 1);
            else ParallelRange.For(shape.Count, WorkGrain.Scan(shape.Count, (double)WorkGrain.Vertices(lines) / Math.Max(1, lines.Length)), ref body);
        }
        return new GeometryArray(shape.Count, GeometryType.Point, lines.HasZ, coordinates, Offsets.Identity, Offsets.Identity, Offsets.Identity,
            validity: Validity(lines, distances, shape), crs: lines.Crs);
    }

    /// <summary>
    /// The distance along each row of <paramref name="lines"/> to the point of it nearest to the paired
    /// point of <paramref name="points"/> (a fraction of the length when <paramref name="normalized"/>).
    /// NaN for missing or empty rows (of either side).
    /// </summary>
    /// <exception cref="GeometryOperationException">A line row has a part that is not a line, or a point row
    /// is not a Point.</exception>
    public static void LocatePoint(GeometryArray lines, GeometryArray points, bool normalized, Span<double> output)
    {
        Broadcast shape = Broadcast.Of(lines.Length, points.Length, output.Length);
        // Safe: the loop finishes before the fixed block ends; indices stay below shape.Count.
        fixed (double* target = output)
        {
            var body = new LocateBody { Lines = lines, Points = points, Shape = shape, Normalized = normalized, Output = target };
            if (shape.Count == 1) body.Run(0, 1);
            else ParallelRange.For(shape.Count, WorkGrain.Scan(lines, points, shape), ref body);
        }
    }

    /// <summary>The validity of the interpolated points: a row is missing when its line is or its distance is NaN.</summary>
    private static DataBuffer<byte>? Validity(GeometryArray lines, ReadOnlySpan<double> distances, Broadcast shape)
    {
        bool anyMissing = lines.HasNulls;
        for (int i = 0; i < distances.Length && !anyMissing; i++) anyMissing = double.IsNaN(distances[i]);
        if (!anyMissing) return null;
        DataBuffer<byte> validity = DataBuffer<byte>.Allocate((shape.Count + 7) / 8);
        validity.Span.Clear();
        for (int i = 0; i < shape.Count; i++)
            if (!lines.IsNull(i & shape.MaskA) && !double.IsNaN(distances[i & shape.MaskB]))
                validity.Span[i >> 3] |= (byte)(1 << (i & 7));
        return validity;
    }

    private struct InterpolateBody : IRangeBody
    {
        public GeometryArray Lines;
        public double* Distances;
        public Broadcast Shape;
        public bool Normalized;
        public double* Output;

        public void Run(int start, int end)
        {
            int dim = Lines.Dimension;
            for (int i = start; i < end; i++)
            {
                int row = i & Shape.MaskA;
                // Safe: Output holds dim values per result, and i stays below Shape.Count.
                double* point = Output + (long)i * dim;
                double distance = Distances[i & Shape.MaskB];
                if (Lines.IsNull(row) || double.IsNaN(distance) || !IsInterpolable(Lines, row, i))
                {
                    for (int k = 0; k < dim; k++) point[k] = double.NaN;
                    continue;
                }
                CheckLineal(Lines, row, i);
                if (Normalized) distance *= Length(Lines, row);
                Interpolate(Lines, row, distance, point);
            }
        }
    }

    private struct LocateBody : IRangeBody
    {
        public GeometryArray Lines, Points;
        public Broadcast Shape;
        public bool Normalized;
        public double* Output;

        public void Run(int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                int rowA = i & Shape.MaskA, rowB = i & Shape.MaskB;
                if (Lines.IsNull(rowA) || Points.IsNull(rowB))
                {
                    Output[i] = double.NaN;
                    continue;
                }
                if (Lines.IsEmpty(rowA) || Points.IsEmpty(rowB))
                {
                    Output[i] = double.NaN;
                    continue;
                }
                if (Points.TypeOf(rowB) != GeometryType.Point)
                    throw new GeometryOperationException(i, $"other must be a Point, not a {Points.TypeOf(rowB)}");
                CheckLineal(Lines, rowA, i);
                int vertex = Points.RingOffsets[Points.PartOffsets[Points.GeometryOffsets[rowB]]];
                ReadOnlySpan<double> xy = Points.VertexCoordinates(vertex, vertex + 1);
                double measure = Project(Lines, rowA, xy[0], xy[1]);
                if (Normalized)
                {
                    // GEOS gives 0 on a line of zero length rather than 0 / 0.
                    double length = Length(Lines, rowA);
                    measure = length == 0 ? 0 : measure / length;
                }
                Output[i] = measure;
            }
        }
    }

    /// <summary>Shapely 2's checks before GEOSInterpolate: false (POINT EMPTY) for an empty row or a
    /// Multi* / collection whose first member is empty; a TypeError for points and for collections
    /// whose first member is not a LineString.</summary>
    private static bool IsInterpolable(GeometryArray lines, int row, int index)
    {
        GeometryType type = lines.TypeOf(row);
        if (type is GeometryType.Point or GeometryType.MultiPoint)
            throw new InvalidCastException($"row {index}: line_interpolate_point needs a linear geometry, not a {type}");
        if (lines.IsEmpty(row)) return false;
        if (type is not (GeometryType.MultiLineString or GeometryType.GeometryCollection)) return true;
        foreach (Member first in lines.MembersOf(row))
        {
            if (first.Type != GeometryType.LineString)
                throw new InvalidCastException($"row {index}: the first member of a collection must be a LineString, not a {first.Type}");
            return first.PartStart != first.PartEnd && !lines.IsPartEmpty(first.PartStart, GeometryType.LineString);
        }
        return false;
    }

    /// <summary>GEOS's LinearIterator accepts only line parts.</summary>
    private static void CheckLineal(GeometryArray lines, int row, int index)
    {
        GeometryType type = lines.TypeOf(row);
        (int start, int end) = lines.PartsOf(row);
        for (int part = start; part < end; part++)
            if (lines.PartKindOf(part, type) != GeometryType.LineString)
                throw new GeometryOperationException(index, $"linear referencing needs lines, and a {type} has {lines.PartKindOf(part, type)} parts");
    }

    /// <summary>GEOS's length of a lineal row: each line's segments summed in order, then the lines' sums.</summary>
    private static double Length(GeometryArray lines, int row)
    {
        int dim = lines.Dimension;
        double total = 0;
        (int start, int end) = lines.PartsOf(row);
        for (int part = start; part < end; part++)
        {
            (int ringStart, int ringEnd) = lines.RingsOf(part);
            if (ringStart == ringEnd) continue;
            ReadOnlySpan<double> v = lines.RingCoordinates(ringStart);
            double length = 0;
            for (int k = dim; k < v.Length; k += dim)
            {
                double dx = v[k] - v[k - dim], dy = v[k + 1] - v[k + 1 - dim];
                length += Math.Sqrt(dx * dx + dy * dy);
            }
            total += length;
        }
        return total;
    }

    /// <summary>LengthIndexedLine.extractPoint: the location at <paramref name="distance"/> (resolved to the
    /// lower location at vertices and line ends), written to <paramref name="point"/>.</summary>
    private static void Interpolate(GeometryArray lines, int row, double distance, double* point)
    {
        int dim = lines.Dimension;
        if (distance < 0) distance = Length(lines, row) + distance;
        (int start, int end) = lines.PartsOf(row);
        ReadOnlySpan<double> last = default;
        double total = 0;
        for (int part = start; part < end; part++)
        {
            (int ringStart, int ringEnd) = lines.RingsOf(part);
            if (ringStart == ringEnd) continue;
            ReadOnlySpan<double> v = lines.RingCoordinates(ringStart);
            if (v.Length == 0) continue;
            if (distance <= 0)
            {
                v[..dim].CopyTo(new Span<double>(point, dim));
                return;
            }
            for (int k = dim; k < v.Length; k += dim)
            {
                double dx = v[k] - v[k - dim], dy = v[k + 1] - v[k + 1 - dim];
                double segment = Math.Sqrt(dx * dx + dy * dy);
                if (total + segment > distance)
                {
                    double fraction = (distance - total) / segment;
                    AlongSegment(v.Slice(k - dim, dim), v.Slice(k, dim), fraction, point, dim);
                    return;
                }
                total += segment;
            }
            // A distance exactly at the end of a line resolves to that end, not to the next line's start.
            if (total == distance)
            {
                v[^dim..].CopyTo(new Span<double>(point, dim));
                return;
            }
            last = v;
        }
        last[^dim..].CopyTo(new Span<double>(point, dim));
    }

    /// <summary>LinearLocation.pointAlongSegmentByFraction, z included (NaN when either z is).</summary>
    private static void AlongSegment(ReadOnlySpan<double> p0, ReadOnlySpan<double> p1, double fraction, double* point, int dim)
    {
        if (fraction <= 0)
        {
            p0.CopyTo(new Span<double>(point, dim));
            return;
        }
        if (fraction >= 1)
        {
            p1.CopyTo(new Span<double>(point, dim));
            return;
        }
        for (int k = 0; k < dim; k++) point[k] = (p1[k] - p0[k]) * fraction + p0[k];
    }

    /// <summary>LengthIndexOfPoint.indexOf: the measure of the nearest point on the first nearest segment.</summary>
    private static double Project(GeometryArray lines, int row, double x, double y)
    {
        int dim = lines.Dimension;
        double minDistance = double.PositiveInfinity, measure = -1, segmentStart = 0;
        (int start, int end) = lines.PartsOf(row);
        for (int part = start; part < end; part++)
        {
            (int ringStart, int ringEnd) = lines.RingsOf(part);
            if (ringStart == ringEnd) continue;
            ReadOnlySpan<double> v = lines.RingCoordinates(ringStart);
            for (int k = dim; k < v.Length; k += dim)
            {
                double ax = v[k - dim], ay = v[k - dim + 1], bx = v[k], by = v[k + 1];
                double length = Math.Sqrt((ax - bx) * (ax - bx) + (ay - by) * (ay - by));
                double distance = PointToSegment(x, y, ax, ay, bx, by);
                if (distance < minDistance)
                {
                    double factor = ProjectionFactor(x, y, ax, ay, bx, by);
                    measure = factor <= 0 ? segmentStart : factor <= 1 ? segmentStart + factor * length : segmentStart + length;
                    minDistance = distance;
                }
                segmentStart += length;
            }
        }
        return measure;
    }

    /// <summary>LineSegment.projectionFactor.</summary>
    private static double ProjectionFactor(double x, double y, double ax, double ay, double bx, double by)
    {
        if (x == ax && y == ay) return 0;
        if (x == bx && y == by) return 1;
        double dx = bx - ax, dy = by - ay;
        return ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy);
    }

    /// <summary>Distance.pointToSegment.</summary>
    private static double PointToSegment(double x, double y, double ax, double ay, double bx, double by)
    {
        if (ax == bx && ay == by) return Math.Sqrt((x - ax) * (x - ax) + (y - ay) * (y - ay));
        double len2 = (bx - ax) * (bx - ax) + (by - ay) * (by - ay);
        double r = ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / len2;
        if (r <= 0) return Math.Sqrt((x - ax) * (x - ax) + (y - ay) * (y - ay));
        if (r >= 1) return Math.Sqrt((x - bx) * (x - bx) + (y - by) * (y - by));
        double s = ((ay - y) * (bx - ax) - (ax - x) * (by - ay)) / len2;
        return Math.Abs(s) * Math.Sqrt(len2);
    }
}
