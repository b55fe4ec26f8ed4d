using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Buffer;
using NetTopologySuite.Simplify;
using Sharply.Core.Geometries;
using Sharply.Core.Nts;
using Sharply.Core.Parallel;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace Sharply.Core.Kernels;

/// <summary>Geometry -> geometry kernels. Missing rows stay missing. Centroid, envelope and reverse
/// work on the coordinate memory; the others use NetTopologySuite.</summary>
public static unsafe class Constructive
{
    /// <summary>GEOS's centroid: area-weighted over polygons, else length-weighted over lines, else the
    /// mean of the points (the highest dimension present wins); POINT EMPTY for empty rows.</summary>
    public static GeometryArray Centroid(GeometryArray array)
    {
        var xy = new double[2 * array.Length];
        var body = new CentroidBody { Array = array, Output = xy };
        ParallelRange.For(array.Length, WorkGrain.Scan(array), ref body);
        var builder = new GeometryArrayBuilder(array.Length);
        for (int row = 0; row < array.Length; row++)
        {
            if (array.IsNull(row)) builder.AppendNull();
            else builder.AddPoint(xy[2 * row], xy[2 * row + 1]);
        }
        return builder.Finish(array.Crs);
    }

    /// <summary>The bounding box of each row as GEOS 3.11 builds it: a Polygon (degenerate when the box has
    /// no width or height), a Point when it is one point, POINT EMPTY for empty rows.</summary>
    public static GeometryArray Envelope(GeometryArray array)
    {
        var builder = new GeometryArrayBuilder(array.Length);
        for (int row = 0; row < array.Length; row++)
        {
            if (array.IsNull(row))
            {
                builder.AppendNull();
                continue;
            }
            RowBounds.Of(array, row, out double x0, out double y0, out double x1, out double y1);
            if (double.IsNaN(x0) || (x0 == x1 && y0 == y1))
            {
                builder.AddPoint(x0, y0);
                continue;
            }
            builder.BeginGeometry(GeometryType.Polygon);
            builder.BeginPart(GeometryType.Polygon);
            builder.BeginRing();
            builder.AddCoordinate(x0, y0);
            builder.AddCoordinate(x1, y0);
            builder.AddCoordinate(x1, y1);
            builder.AddCoordinate(x0, y1);
            builder.AddCoordinate(x0, y0);
        }
        return builder.Finish(array.Crs);
    }

    /// <summary>Each row with the vertex order of every line and ring reversed.</summary>
    public static GeometryArray Reverse(GeometryArray array)
    {
        var builder = new GeometryArrayBuilder(array.Length, array.HasZ);
        int dim = array.Dimension;
        Span<double> vertex = stackalloc double[3];
        for (int row = 0; row < array.Length; row++)
        {
            if (array.IsNull(row))
            {
                builder.AppendNull();
                continue;
            }
            GeometryType type = array.TypeOf(row);
            builder.BeginGeometry(type);
            (int partStart, int partEnd) = array.PartsOf(row);
            for (int part = partStart; part < partEnd; part++)
            {
                builder.BeginPart(array.PartKindOf(part, type));
                (int ringStart, int ringEnd) = array.RingsOf(part);
                for (int ring = ringStart; ring < ringEnd; ring++)
                {
                    builder.BeginRing();
                    ReadOnlySpan<double> values = array.RingCoordinates(ring);
                    for (int v = values.Length - dim; v >= 0; v -= dim)
                    {
                        values.Slice(v, dim).CopyTo(vertex);
                        builder.AddCoordinates(vertex[..dim], dim);
                    }
                }
            }
        }
        return builder.Finish(array.Crs);
    }

    /// <summary>A point guaranteed to lie in each row (NTS InteriorPoint).</summary>
    public static GeometryArray RepresentativePoint(GeometryArray array) => GeometryDriver.Run(array, new RepresentativePointOp());

    /// <summary>The smallest convex geometry containing each row; missing rows stay missing.</summary>
    public static GeometryArray ConvexHull(GeometryArray array) => GeometryDriver.Run(array, new ConvexHullOp());

    /// <summary>The topological boundary; missing for geometry collections (as in Shapely).</summary>
    public static GeometryArray Boundary(GeometryArray array) => GeometryDriver.Run(array, new BoundaryOp());

    /// <summary>Buffer by <paramref name="distance"/> with Shapely's parameters.</summary>
    public static GeometryArray Buffer(GeometryArray array, double distance, int quadSegs = 8,
        BufferCapStyle capStyle = BufferCapStyle.Round, BufferJoinStyle joinStyle = BufferJoinStyle.Round, double mitreLimit = 5)
    {
        var parameters = new BufferParameters(quadSegs, (EndCapStyle)capStyle, (JoinStyle)joinStyle, mitreLimit);
        return GeometryDriver.Run(array, new BufferRowOp(distance, parameters));
    }

    /// <summary>Douglas-Peucker simplification; topology-preserving when <paramref name="preserveTopology"/>.</summary>
    public static GeometryArray Simplify(GeometryArray array, double tolerance, bool preserveTopology = true) =>
        GeometryDriver.Run(array, new SimplifyOp(tolerance, preserveTopology));

    /// <summary>A valid version of each row (NTS GeometryFixer, the algorithm of GEOS's
    /// make_valid(method="structure"); collapsed parts are dropped).</summary>
    public static GeometryArray MakeValid(GeometryArray array) => GeometryDriver.Run(array, new MakeValidOp());

    /// <summary>Each row in normal form (ordered parts, rings starting at their lowest vertex, shells clockwise).</summary>
    public static GeometryArray Normalize(GeometryArray array) => GeometryDriver.Run(array, new NormalizeOp());

    private struct CentroidBody : IRangeBody
    {
        public GeometryArray Array;
        public double[] Output;

        public void Run(int start, int end)
        {
            for (int row = start; row < end; row++)
            {
                if (Array.IsNull(row)) continue;
                (Output[2 * row], Output[2 * row + 1]) = CentroidOf(Array, row);
            }
        }
    }

    /// <summary>The centroid of one row. The lengths of polygon rings only matter when the total area is
    /// zero, so they are summed only then (a second pass with <paramref name="polygonLines"/>).</summary>
    private static (double X, double Y) CentroidOf(GeometryArray array, int row, bool polygonLines = false)
    {
        bool sawPolygon = false;
        GeometryType type = array.TypeOf(row);
        (int partStart, int partEnd) = array.PartsOf(row);
        int dim = array.Dimension;
        double* coordinates = array.Coordinates.Pointer;
        double baseX = double.NaN, baseY = 0, area2 = 0, areaX = 0, areaY = 0;
        double length = 0, lineX = 0, lineY = 0, pointX = 0, pointY = 0;
        int points = 0;
        for (int part = partStart; part < partEnd; part++)
        {
            GeometryType kind = array.PartKindOf(part, type);
            if (array.IsPartEmpty(part, kind)) continue;
            (int ringStart, int ringEnd) = array.RingsOf(part);
            for (int ring = ringStart; ring < ringEnd; ring++)
            {
                (int vs, int ve) = array.VerticesOf(ring);
                // Safe: vertices [vs, ve) lie inside the validated coordinate buffer.
                double* p = coordinates + (long)vs * dim;
                int n = ve - vs;
                if (n == 0) continue;
                if (kind == GeometryType.Point)
                {
                    pointX += p[0];
                    pointY += p[1];
                    points++;
                    continue;
                }
                if (kind == GeometryType.Polygon)
                {
                    if (double.IsNaN(baseX))
                    {
                        baseX = p[0];
                        baseY = p[1];
                    }
                    double ringArea2 = 0, ringX = 0, ringY = 0;
                    for (int i = 0; i + 1 < n; i++)
                    {
                        double ax = p[i * dim] - baseX, ay = p[i * dim + 1] - baseY;
                        double bx = p[(i + 1) * dim] - baseX, by = p[(i + 1) * dim + 1] - baseY;
                        double cross = ax * by - bx * ay;
                        ringArea2 += cross;
                        ringX += cross * (ax + bx);
                        ringY += cross * (ay + by);
                    }
                    double sign = (ring == ringStart) == (ringArea2 >= 0) ? 1 : -1;
                    area2 += sign * ringArea2;
                    areaX += sign * ringX;
                    areaY += sign * ringY;
                    sawPolygon = true;
                    if (!polygonLines) continue;
                }
                double partLength = 0;
                for (int i = 0; i + 1 < n; i++)
                {
                    double ax = p[i * dim], ay = p[i * dim + 1], bx = p[(i + 1) * dim], by = p[(i + 1) * dim + 1];
                    double dx = bx - ax, dy = by - ay, segment = Math.Sqrt(dx * dx + dy * dy);
                    partLength += segment;
                    lineX += segment * (ax + bx) / 2;
                    lineY += segment * (ay + by) / 2;
                }
                length += partLength;
                if (partLength == 0)
                {
                    pointX += p[0];
                    pointY += p[1];
                    points++;
                }
            }
        }
        if (area2 != 0) return (baseX + areaX / 3 / area2, baseY + areaY / 3 / area2);
        if (sawPolygon && !polygonLines) return CentroidOf(array, row, polygonLines: true);
        if (length != 0) return (lineX / length, lineY / length);
        if (points != 0) return (pointX / points, pointY / points);
        return (double.NaN, double.NaN);
    }

    private readonly struct RepresentativePointOp : IGeometryOp
    {
        public NtsGeometry Apply(NtsGeometry geometry) => geometry.IsEmpty ? NtsConverter.Factory.CreatePoint() : geometry.InteriorPoint;
    }

    private readonly struct ConvexHullOp : IGeometryOp
    {
        public NtsGeometry Apply(NtsGeometry geometry) => geometry.ConvexHull();
    }

    private readonly struct BoundaryOp : IGeometryOp
    {
        public NtsGeometry? Apply(NtsGeometry geometry) =>
            geometry.OgcGeometryType == OgcGeometryType.GeometryCollection ? null : geometry.Boundary;
    }

    private readonly struct BufferRowOp(double distance, BufferParameters parameters) : IGeometryOp
    {
        public NtsGeometry Apply(NtsGeometry geometry) => FastBuffer.Buffer(geometry, distance, parameters);
    }

    private readonly struct SimplifyOp(double tolerance, bool preserveTopology) : IGeometryOp
    {
        public NtsGeometry Apply(NtsGeometry geometry) => preserveTopology
            ? TopologyPreservingSimplifier.Simplify(geometry, tolerance)
            : DouglasPeuckerSimplifier.Simplify(geometry, tolerance);
    }

    private readonly struct MakeValidOp : IGeometryOp
    {
        public NtsGeometry Apply(NtsGeometry geometry) => GeometryFixer.Fix(geometry);
    }

    private readonly struct NormalizeOp : IGeometryOp
    {
        public NtsGeometry Apply(NtsGeometry geometry)
        {
            NtsGeometry copy = geometry.Copy();
            copy.Normalize();
            return copy;
        }
    }
}
