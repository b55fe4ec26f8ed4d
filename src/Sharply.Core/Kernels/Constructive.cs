using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Densify;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Buffer;
using NetTopologySuite.Operation.Distance;
using NetTopologySuite.Operation.Linemerge;
using NetTopologySuite.Operation.Overlay.Snap;
using NetTopologySuite.Simplify;
using NetTopologySuite.Triangulate;
using NetTopologySuite.Triangulate.QuadEdge;
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
        // Decided by type: 2D points are their own centroids, so the result shares their coordinates.
        if (array.Type == GeometryType.Point && !array.HasZ && array.GeometryOffsets.IsIdentity && array.PartOffsets.IsIdentity && array.RingOffsets.IsIdentity)
            return new GeometryArray(array.Length, GeometryType.Point, false, array.Coordinates, Offsets.Identity, Offsets.Identity, Offsets.Identity,
                validity: array.Validity, crs: array.Crs);
        // Each row writes its point straight into the result, a point array with identity offsets
        // (NaN coordinates for empty and missing rows), which keeps the input's validity.
        DataBuffer<double> xy = DataBuffer<double>.Allocate(checked(2 * array.Length));
        var body = new CentroidBody { Array = array, Output = xy.Pointer };
        ParallelRange.For(array.Length, WorkGrain.Scan(array), ref body);
        return new GeometryArray(array.Length, GeometryType.Point, false, xy, Offsets.Identity, Offsets.Identity, Offsets.Identity,
            validity: array.Validity, crs: array.Crs);
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
                builder.BeginPartLike(array, part, type);
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

    /// <summary>Buffer by <paramref name="distance"/> with Shapely's parameters; a NaN distance gives missing
    /// rows (as in Shapely 2).</summary>
    public static GeometryArray Buffer(GeometryArray array, double distance, int quadSegs = 8,
        BufferCapStyle capStyle = BufferCapStyle.Round, BufferJoinStyle joinStyle = BufferJoinStyle.Round, double mitreLimit = 5)
    {
        if (double.IsNaN(distance)) return Missing(array);
        var parameters = new BufferParameters(quadSegs, (EndCapStyle)capStyle, (JoinStyle)joinStyle, mitreLimit);
        return GeometryDriver.Run(array, new BufferRowOp(distance, parameters));
    }

    /// <summary>Douglas-Peucker simplification; topology-preserving when <paramref name="preserveTopology"/>. A NaN
    /// tolerance gives missing rows (as in Shapely 2; NTS's Douglas-Peucker recursion never ends on it).</summary>
    public static GeometryArray Simplify(GeometryArray array, double tolerance, bool preserveTopology = true) =>
        double.IsNaN(tolerance) ? Missing(array) : GeometryDriver.Run(array, new SimplifyOp(tolerance, preserveTopology));

    /// <summary>As many missing rows as <paramref name="array"/> has, with its CRS.</summary>
    private static GeometryArray Missing(GeometryArray array) => NtsConverter.ToArray(new NtsGeometry?[array.Length], array.Crs);

    /// <summary>A valid version of each row (NTS GeometryFixer, the algorithm of GEOS's
    /// make_valid(method="structure"); collapsed parts are dropped).</summary>
    public static GeometryArray MakeValid(GeometryArray array) => GeometryDriver.Run(array, new MakeValidOp());

    /// <summary>Each row in normal form (ordered parts, rings starting at their lowest vertex, shells clockwise).</summary>
    public static GeometryArray Normalize(GeometryArray array) => GeometryDriver.Run(array, new NormalizeOp());

    /// <summary>The line from the point of <paramref name="a"/> nearest to <paramref name="b"/> to the point of
    /// <paramref name="b"/> nearest to it (NTS DistanceOp), pair by pair; missing when either row is empty.</summary>
    public static GeometryArray ShortestLine(GeometryArray a, GeometryArray b) => GeometryDriver.Run(a, b, new ShortestLineOp());

    /// <summary>The lines of each row (not polygon rings) joined at their ends where exactly two meet (NTS
    /// LineMerger, GEOS's algorithm): a LineString, a MultiLineString, or GEOMETRYCOLLECTION EMPTY when there
    /// is no line.</summary>
    public static GeometryArray LineMerge(GeometryArray array) => GeometryDriver.Run(array, new LineMergeOp());

    /// <summary><see cref="LineMerge"/> without reversing any line (GEOS 3.11's directed merge).</summary>
    public static GeometryArray LineMergeDirected(GeometryArray array) => GeometryDriver.Run(array, new LineMergeDirectedOp());

    /// <summary>The rotated rectangle of least area enclosing each row (NTS MinimumAreaRectangle); a Point or
    /// LineString when the row is degenerate, POLYGON EMPTY for empty rows.</summary>
    public static GeometryArray OrientedEnvelope(GeometryArray array) => GeometryDriver.Run(array, new OrientedEnvelopeOp());

    /// <summary>The smallest circle enclosing each row (NTS MinimumBoundingCircle), as a polygon of GEOS's
    /// vertex count; a Point for a single point, POLYGON EMPTY for empty rows.</summary>
    public static GeometryArray MinimumBoundingCircle(GeometryArray array) => GeometryDriver.Run(array, new BoundingCircleOp());

    /// <summary>The radius of the smallest circle enclosing each row (0 for empty rows, NaN for missing ones).</summary>
    public static void MinimumBoundingRadius(GeometryArray array, Span<double> output) => UnaryDriver.Run<BoundingRadiusOp>(array, output);

    /// <summary>Each row with every segment longer than <paramref name="maxSegmentLength"/> split into
    /// ceil(length / max) equal pieces, as GEOS 3.11's Densifier: arrays without polygons over the coordinate
    /// memory (<see cref="LineDensifier"/>), others through NTS's Densifier (areas are made valid as GEOS does).</summary>
    public static GeometryArray Segmentize(GeometryArray array, double maxSegmentLength)
    {
        if (!(maxSegmentLength > 0)) throw new ArgumentException($"max_segment_length must be greater than 0, got {maxSegmentLength}");
        return LineDensifier.Handles(array) ? LineDensifier.Densify(array, maxSegmentLength)
            : GeometryDriver.Run(array, new SegmentizeOp(maxSegmentLength));
    }

    /// <summary>The parts of each row strictly inside the rectangle (GEOS's <c>GEOSClipByRect</c>, see
    /// <see cref="RectangleClipper"/>); NaN or infinite coordinates raise.</summary>
    public static GeometryArray ClipByRect(GeometryArray array, double xmin, double ymin, double xmax, double ymax) =>
        GeometryDriver.Run(array, new ClipByRectOp(new RectangleClipper(xmin, ymin, xmax, ymax)));

    /// <summary>The line at <paramref name="distance"/> to the left (right when negative) of each row's lines
    /// and rings (NTS OffsetCurve, GEOS 3.11's algorithm); LINESTRING EMPTY for empty rows and points, missing
    /// rows for a NaN distance.</summary>
    public static GeometryArray OffsetCurve(GeometryArray array, double distance, int quadSegs, BufferJoinStyle joinStyle, double mitreLimit)
    {
        if (double.IsNaN(distance)) return Missing(array);
        return GeometryDriver.Run(array, new OffsetCurveOp(distance, quadSegs, (JoinStyle)joinStyle, mitreLimit));
    }

    /// <summary>The Delaunay triangulation of each row's vertices (NTS DelaunayTriangulationBuilder, GEOS's
    /// algorithm): a GeometryCollection of triangles, or with <paramref name="onlyEdges"/> a MultiLineString of
    /// their edges; empty when there are fewer than three distinct vertices (two give their one edge).</summary>
    public static GeometryArray DelaunayTriangles(GeometryArray array, double tolerance, bool onlyEdges) =>
        GeometryDriver.Run(array, new DelaunayOp(CheckedTolerance(tolerance), onlyEdges));

    /// <summary>The Voronoi diagram of each row's vertices (NTS VoronoiDiagramBuilder, GEOS's algorithm): a
    /// GeometryCollection of cells clipped to the sites' envelope grown by its larger side (and to
    /// <paramref name="extendTo"/> when larger), or with <paramref name="onlyEdges"/> the cells' edges inside it.</summary>
    public static GeometryArray VoronoiPolygons(GeometryArray array, double tolerance, Envelope? extendTo, bool onlyEdges) =>
        GeometryDriver.Run(array, new VoronoiOp(CheckedTolerance(tolerance), extendTo, onlyEdges));

    /// <summary>Each row of <paramref name="a"/> with its vertices and segments snapped to the vertices of the
    /// paired row of <paramref name="b"/> within <paramref name="tolerance"/> (NTS GeometrySnapper, as GEOS); a NaN
    /// tolerance gives missing rows.</summary>
    public static GeometryArray Snap(GeometryArray a, GeometryArray b, double tolerance) =>
        double.IsNaN(tolerance)
            ? NtsConverter.ToArray(new NtsGeometry?[Broadcast.Of(a.Length, b.Length).Count], a.Crs ?? b.Crs)
            : GeometryDriver.Run(a, b, new SnapOp(tolerance));

    /// <summary>The polygons formed by the lines of all present rows (NTS Polygonizer, GEOS's algorithm: the
    /// lines must be noded), as a one-row GeometryCollection.</summary>
    public static GeometryArray Polygonize(GeometryArray array)
    {
        var polygonizer = new NetTopologySuite.Operation.Polygonize.Polygonizer();
        for (int row = 0; row < array.Length; row++)
        {
            if (NtsConverter.ToNts(array, row) is not { } geometry) continue;
            if (!HasFiniteCoordinates(geometry))
                throw new GeometryOperationException(row, new ArgumentException("NaN or infinite coordinates cannot be polygonized"));
            polygonizer.Add(geometry);
        }
        NtsGeometry result;
        try
        {
            result = NtsConverter.Factory.CreateGeometryCollection([.. polygonizer.GetPolygons()]);
        }
        catch (Exception error) when (error is not SharplyException)
        {
            throw new GeometryOperationException(-1, error);
        }
        return NtsConverter.ToArray([result], array.Crs);
    }

    private static double CheckedTolerance(double tolerance) =>
        tolerance >= 0 && double.IsFinite(tolerance) ? tolerance
        : throw new ArgumentException($"tolerance must be a finite non-negative number, got {tolerance:R}");

    private struct CentroidBody : IRangeBody
    {
        public GeometryArray Array;
        public double* Output;

        public void Run(int start, int end)
        {
            // Safe: Output holds 2 values per row of Array, and rows stay below Array.Length.
            for (int row = start; row < end; row++)
                (Output[2 * row], Output[2 * row + 1]) = Array.IsNull(row) ? (double.NaN, double.NaN) : CentroidOf(Array, row);
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
                    (double ringArea2, double ringX, double ringY) = RingMoments(p, n, dim, baseX, baseY);
                    double sign = (ring == ringStart) == (ringArea2 >= 0) ? 1 : -1;
                    area2 += sign * ringArea2;
                    areaX += sign * ringX;
                    areaY += sign * ringY;
                    sawPolygon = true;
                    if (!polygonLines) continue;
                }
                double partLength = AddSegments(p, n, dim, ref lineX, ref lineY);
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

    /// <summary>
    /// Twice the signed area of the ring through the <paramref name="n"/> vertices at <paramref name="p"/>,
    /// and its first moments times 6, all relative to (<paramref name="baseX"/>, <paramref name="baseY"/>):
    /// the running sums of the triangles (base, v[i], v[i+1]) in vertex order.
    /// </summary>
    private static (double Area2, double X, double Y) RingMoments(double* p, int n, int dim, double baseX, double baseY)
    {
        double area2 = 0, sumX = 0, sumY = 0;
        if (Sse3.IsSupported)
        {
            // x and y are independent lanes: each lane's sum takes the scalar loop's steps in its order,
            // and ay * bx equals bx * ay, so the results are bit-identical to the loop below.
            Vector128<double> origin = Vector128.Create(baseX, baseY);
            Vector128<double> a = Sse2.Subtract(Sse2.LoadVector128(p), origin), sums = Vector128<double>.Zero;
            Vector128<double> area = Vector128<double>.Zero;
            // Safe: reads vertices 1 .. n-1 of the ring, x and y only.
            for (double* v = p + dim, last = p + (long)(n - 1) * dim; v <= last; v += dim)
            {
                Vector128<double> b = Sse2.LoadVector128(v);
                b = Sse2.Subtract(b, origin);
                Vector128<double> products = Sse2.Multiply(a, Sse2.Shuffle(b, b, 0b01));
                Vector128<double> cross = Sse3.HorizontalSubtract(products, products);
                area = Sse2.AddScalar(area, cross);
                sums = Sse2.Add(sums, Sse2.Multiply(cross, Sse2.Add(a, b)));
                a = b;
            }
            return (area.ToScalar(), sums.GetElement(0), sums.GetElement(1));
        }
        double ax = p[0] - baseX, ay = p[1] - baseY;
        for (double* v = p + dim, last = p + (long)(n - 1) * dim; v <= last; v += dim)
        {
            double bx = v[0] - baseX, by = v[1] - baseY;
            double cross = ax * by - bx * ay;
            area2 += cross;
            sumX += cross * (ax + bx);
            sumY += cross * (ay + by);
            ax = bx;
            ay = by;
        }
        return (area2, sumX, sumY);
    }

    /// <summary>
    /// Adds each segment's length times its midpoint, in vertex order, to (<paramref name="sumX"/>,
    /// <paramref name="sumY"/>) for the line through the <paramref name="n"/> vertices at <paramref name="p"/>;
    /// returns the line's length.
    /// </summary>
    private static double AddSegments(double* p, int n, int dim, ref double sumX, ref double sumY)
    {
        double length = 0;
        if (Sse3.IsSupported)
        {
            // As in RingMoments, x and y are independent lanes taking the scalar loop's steps in its order
            // (the square root is correctly rounded and halving is exact), so the sums are bit-identical.
            Vector128<double> a = Sse2.LoadVector128(p), sums = Vector128.Create(sumX, sumY), total = Vector128<double>.Zero;
            Vector128<double> half = Vector128.Create(0.5);
            // Safe: reads vertices 1 .. n-1 of the line, x and y only.
            for (double* v = p + dim, last = p + (long)(n - 1) * dim; v <= last; v += dim)
            {
                Vector128<double> b = Sse2.LoadVector128(v), d = Sse2.Subtract(b, a);
                d = Sse2.Multiply(d, d);
                Vector128<double> segment = Sse2.Sqrt(Sse3.HorizontalAdd(d, d));
                total = Sse2.AddScalar(total, segment);
                sums = Sse2.Add(sums, Sse2.Multiply(Sse2.Multiply(segment, Sse2.Add(a, b)), half));
                a = b;
            }
            sumX = sums.ToScalar();
            sumY = sums.GetElement(1);
            return total.ToScalar();
        }
        double ax = p[0], ay = p[1];
        for (double* v = p + dim, last = p + (long)(n - 1) * dim; v <= last; v += dim)
        {
            double bx = v[0], by = v[1];
            double dx = bx - ax, dy = by - ay, segment = Math.Sqrt(dx * dx + dy * dy);
            length += segment;
            sumX += segment * (ax + bx) / 2;
            sumY += segment * (ay + by) / 2;
            ax = bx;
            ay = by;
        }
        return length;
    }

    private readonly struct RepresentativePointOp : IGeometryOp
    {
        // NTS's InteriorPoint dereferences null on NaN or infinite coordinates: a NullReferenceException that
        // kills the process when Python's faulthandler was enabled after the runtime (as under pytest).
        public NtsGeometry Apply(NtsGeometry geometry) =>
            geometry.IsEmpty ? NtsConverter.Factory.CreatePoint()
            : HasFiniteCoordinates(geometry) ? geometry.InteriorPoint
            : throw new ArgumentException("NaN or infinite coordinates have no interior point");
    }

    private static bool HasFiniteCoordinates(NtsGeometry geometry)
    {
        foreach (Coordinate coordinate in geometry.Coordinates)
            if (!double.IsFinite(coordinate.X) || !double.IsFinite(coordinate.Y)) return false;
        return true;
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

    private readonly struct ShortestLineOp : IBinaryGeometryOp
    {
        // DistanceOp, like InteriorPoint, dereferences null on NaN or infinite coordinates.
        public NtsGeometry? Apply(NtsGeometry a, NtsGeometry b) =>
            a.IsEmpty || b.IsEmpty ? null
            : HasFiniteCoordinates(a) && HasFiniteCoordinates(b) ? NtsConverter.Factory.CreateLineString(DistanceOp.NearestPoints(a, b))
            : throw new ArgumentException("NaN or infinite coordinates have no nearest points");
    }

    private readonly struct LineMergeOp : IGeometryOp
    {
        public NtsGeometry Apply(NtsGeometry geometry)
        {
            var merger = new LineMerger();
            merger.Add(DirectedLineMerger.Lines(geometry));
            return NtsConverter.Factory.BuildGeometry(merger.GetMergedLineStrings());
        }
    }

    private readonly struct LineMergeDirectedOp : IGeometryOp
    {
        public NtsGeometry Apply(NtsGeometry geometry) => DirectedLineMerger.Merge(geometry);
    }

    private readonly struct OrientedEnvelopeOp : IGeometryOp
    {
        public NtsGeometry Apply(NtsGeometry geometry)
        {
            if (geometry.IsEmpty) return NtsConverter.Factory.CreatePolygon();
            // GEOS builds rectangles and segments in 2D (a point keeps its z); NTS keeps z on some corners.
            NtsGeometry rectangle = MinimumAreaRectangle.GetMinimumRectangle(geometry).Copy();
            if (rectangle is Point) return rectangle;
            rectangle.Apply(new DropZ());
            return rectangle;
        }
    }

    private sealed class DropZ : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence sequence, int index)
        {
            if (sequence.HasZ) sequence.SetZ(index, double.NaN);
        }
    }

    private readonly struct BoundingCircleOp : IGeometryOp
    {
        public NtsGeometry Apply(NtsGeometry geometry) =>
            geometry.IsEmpty ? NtsConverter.Factory.CreatePolygon() : new MinimumBoundingCircle(geometry).GetCircle();
    }

    private readonly struct BoundingRadiusOp : IUnaryDoubleOp
    {
        public static double Apply(GeometryArray array, int row)
        {
            if (array.IsEmpty(row)) return 0;
            try
            {
                return new MinimumBoundingCircle(NtsConverter.ToNts(array, row)!).GetRadius();
            }
            catch (Exception error) when (error is not SharplyException)
            {
                throw new GeometryOperationException(row, error);
            }
        }
    }

    private readonly struct SegmentizeOp(double maxSegmentLength) : IGeometryOp
    {
        public NtsGeometry Apply(NtsGeometry geometry) =>
            // NTS casts each segment's piece count to int unchecked: bound the whole result's vertices first.
            geometry.Length / maxSegmentLength > int.MaxValue / 3
                ? throw new ArgumentException("max_segment_length is too small for the length of the geometry")
                : Densifier.Densify(geometry, maxSegmentLength);
    }

    private readonly struct ClipByRectOp(RectangleClipper clipper) : IGeometryOp
    {
        public NtsGeometry Apply(NtsGeometry geometry) =>
            HasFiniteCoordinates(geometry) ? clipper.Clip(geometry)
            : throw new ArgumentException("NaN or infinite coordinates cannot be clipped");
    }

    private readonly struct OffsetCurveOp(double distance, int quadSegs, JoinStyle joinStyle, double mitreLimit) : IGeometryOp
    {
        public NtsGeometry Apply(NtsGeometry geometry)
        {
            if (geometry.IsEmpty || geometry.Dimension == Dimension.Point) return NtsConverter.Factory.CreateLineString();
            if (!HasFiniteCoordinates(geometry)) throw new ArgumentException("NaN or infinite coordinates have no offset curve");
            return NetTopologySuite.Operation.Buffer.OffsetCurve.GetCurve(geometry, distance, quadSegs, joinStyle, mitreLimit);
        }
    }

    private readonly struct DelaunayOp(double tolerance, bool onlyEdges) : IGeometryOp
    {
        public NtsGeometry Apply(NtsGeometry geometry)
        {
            GeometryFactory factory = NtsConverter.Factory;
            if (!HasFiniteCoordinates(geometry)) throw new ArgumentException("NaN or infinite coordinates cannot be triangulated");
            if (geometry.IsEmpty) return onlyEdges ? factory.CreateMultiLineString() : factory.CreateGeometryCollection();
            var builder = new DelaunayTriangulationBuilder { Tolerance = tolerance };
            builder.SetSites(geometry);
            return onlyEdges ? builder.GetEdges(factory) : builder.GetTriangles(factory);
        }
    }

    private readonly struct VoronoiOp(double tolerance, Envelope? extendTo, bool onlyEdges) : IGeometryOp
    {
        public NtsGeometry Apply(NtsGeometry geometry)
        {
            GeometryFactory factory = NtsConverter.Factory;
            if (!HasFiniteCoordinates(geometry)) throw new ArgumentException("NaN or infinite coordinates have no Voronoi diagram");
            // GEOS: fewer than two distinct sites have no edges, and one cell only when there is an envelope
            // to extend to.
            CoordinateList sites = DelaunayTriangulationBuilder.ExtractUniqueCoordinates(geometry);
            Envelope diagram = DiagramEnvelope(DelaunayTriangulationBuilder.Envelope(sites), extendTo);
            NtsGeometry clip = factory.ToGeometry(diagram);
            if (sites.Count < 2)
            {
                if (onlyEdges) return extendTo is null || geometry.IsEmpty ? factory.CreateMultiLineString() : factory.CreateLineString();
                return extendTo is null || geometry.IsEmpty ? factory.CreateGeometryCollection() : factory.CreateGeometryCollection([clip]);
            }
            // GEOS's construction: the triangulation's frame covers the diagram's envelope (NTS's builder frames
            // the sites only, so its cells fall short of a larger extend_to, and it grows the sites' envelope
            // by its diagonal rather than its larger side).
            var subdivision = new QuadEdgeSubdivision(diagram, tolerance);
            new IncrementalDelaunayTriangulator(subdivision).InsertSites(DelaunayTriangulationBuilder.ToVertices(sites));
            IList<NtsGeometry> cells = subdivision.GetVoronoiCellPolygons(factory);
            if (onlyEdges) return CellEdges(cells, diagram);
            var clipped = new List<NtsGeometry>(cells.Count);
            foreach (NtsGeometry cell in cells)
            {
                if (diagram.Contains(cell.EnvelopeInternal))
                {
                    clipped.Add(cell);
                    continue;
                }
                Coordinate[] ring = ClipConvex(((Polygon)cell).ExteriorRing.Coordinates, diagram);
                if (ring.Length >= 4) clipped.Add(factory.CreatePolygon(ring));
            }
            return factory.CreateGeometryCollection([.. clipped]);
        }

        /// <summary>A convex ring clipped to the envelope (Sutherland-Hodgman, exact for convex rings: Voronoi
        /// cells are convex, and overlay is not robust for their far frame vertices); closed, or empty.</summary>
        private static Coordinate[] ClipConvex(Coordinate[] ring, Envelope envelope)
        {
            var points = new List<Coordinate>(ring.AsSpan(0, ring.Length - 1).ToArray());
            for (int side = 0; side < 4 && points.Count > 0; side++)
            {
                var output = new List<Coordinate>(points.Count + 2);
                for (int i = 0; i < points.Count; i++)
                {
                    Coordinate current = points[i], previous = points[(i + points.Count - 1) % points.Count];
                    bool inCurrent = Inside(current, side, envelope), inPrevious = Inside(previous, side, envelope);
                    if (inCurrent != inPrevious) output.Add(Crossing(previous, current, side, envelope));
                    if (inCurrent) output.Add(current);
                }
                points = output;
            }
            if (points.Count < 3) return [];
            points.Add(points[0].Copy());
            return [.. points];
        }

        private static bool Inside(Coordinate p, int side, Envelope e) => side switch
        {
            0 => p.X >= e.MinX,
            1 => p.X <= e.MaxX,
            2 => p.Y >= e.MinY,
            _ => p.Y <= e.MaxY,
        };

        private static Coordinate Crossing(Coordinate a, Coordinate b, int side, Envelope e)
        {
            if (side < 2)
            {
                double x = side == 0 ? e.MinX : e.MaxX;
                return new Coordinate(x, a.Y + (x - a.X) / (b.X - a.X) * (b.Y - a.Y));
            }
            double y = side == 2 ? e.MinY : e.MaxY;
            return new Coordinate(a.X + (y - a.Y) / (b.Y - a.Y) * (b.X - a.X), y);
        }

        /// <summary>
        /// The edges of the cells inside the envelope, as GEOS gives them: one segment per edge shared by two
        /// cells (both cells hold the same circumcentres, so a shared edge is found by its two ends), clipped
        /// to the envelope without its sides.
        /// </summary>
        private static NtsGeometry CellEdges(IList<NtsGeometry> cells, Envelope diagram)
        {
            GeometryFactory factory = NtsConverter.Factory;
            var seen = new HashSet<(double, double, double, double)>();
            var segments = new List<LineString>();
            foreach (NtsGeometry cell in cells)
            {
                Coordinate[] ring = ((Polygon)cell).ExteriorRing.Coordinates;
                for (int i = 1; i < ring.Length; i++)
                {
                    Coordinate a = ring[i - 1], b = ring[i];
                    if (a.Equals2D(b)) continue;
                    (Coordinate low, Coordinate high) = a.CompareTo(b) < 0 ? (a, b) : (b, a);
                    if (seen.Add((low.X, low.Y, high.X, high.Y))) segments.Add(factory.CreateLineString([a.Copy(), b.Copy()]));
                }
            }
            return new RectangleClipper(diagram.MinX, diagram.MinY, diagram.MaxX, diagram.MaxY)
                .Clip(factory.CreateMultiLineString([.. segments]));
        }

        /// <summary>GEOS's clipping envelope: the sites' envelope grown by its larger side, and the requested one.</summary>
        private static Envelope DiagramEnvelope(Envelope sites, Envelope? extendTo)
        {
            var envelope = new Envelope(sites);
            envelope.ExpandBy(Math.Max(sites.Width, sites.Height));
            if (extendTo is not null) envelope.ExpandToInclude(extendTo);
            return envelope;
        }
    }

    private readonly struct SnapOp(double tolerance) : IBinaryGeometryOp
    {
        public NtsGeometry Apply(NtsGeometry a, NtsGeometry b) =>
            HasFiniteCoordinates(a) && HasFiniteCoordinates(b) ? new GeometrySnapper(a).SnapTo(b, tolerance)
            : throw new ArgumentException("NaN or infinite coordinates cannot be snapped");
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
