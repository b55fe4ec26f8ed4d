using NetTopologySuite.Geometries;
using Sharply.Core.Geometries;
using Sharply.Core.Kernels;
using Sharply.Core.Nts;
using Sharply.CPython;
using Kernels = Sharply.Core.Kernels;

namespace Sharply.Module.Functions;

/// <summary>Constructive operations: geometry -> geometry.</summary>
internal static unsafe class Constructive
{
    public static readonly PyFunction[] Functions =
    [
        new("centroid", ["geometry"], &Centroid),
        new("representative_point", ["geometry"], &RepresentativePoint),
        new("envelope", ["geometry"], &Envelope),
        new("convex_hull", ["geometry"], &ConvexHull),
        new("boundary", ["geometry"], &Boundary),
        new("buffer", ["geometry", "distance", "quad_segs", "cap_style", "join_style", "mitre_limit"], &Buffer),
        new("simplify", ["geometry", "tolerance", "preserve_topology"], &Simplify),
        new("make_valid", ["geometry"], &MakeValid),
        new("reverse", ["geometry"], &Reverse),
        new("normalize", ["geometry"], &Normalize),
        new("oriented_envelope", ["geometry"], &OrientedEnvelope),
        new("minimum_rotated_rectangle", ["geometry"], &OrientedEnvelope),
        new("minimum_bounding_circle", ["geometry"], &MinimumBoundingCircle),
        new("minimum_bounding_radius", ["geometry"], &MinimumBoundingRadius),
        new("segmentize", ["geometry", "max_segment_length"], &Segmentize),
        new("clip_by_rect", ["geometry", "xmin", "ymin", "xmax", "ymax"], &ClipByRect),
        new("offset_curve", ["geometry", "distance", "quad_segs", "join_style", "mitre_limit"], &OffsetCurve),
        new("delaunay_triangles", ["geometry", "tolerance", "only_edges"], &DelaunayTriangles),
        new("voronoi_polygons", ["geometry", "tolerance", "extend_to", "only_edges"], &VoronoiPolygons),
        new("snap", ["geometry", "reference", "tolerance"], &Snap),
        new("polygonize", ["geometries"], &Polygonize),
    ];

    private static Owned Centroid(in Arguments args) => Calls.UnaryGeometry(args[0], &Kernels.Constructive.Centroid);
    private static Owned RepresentativePoint(in Arguments args) => Calls.UnaryGeometry(args[0], &Kernels.Constructive.RepresentativePoint);
    private static Owned Envelope(in Arguments args) => Calls.UnaryGeometry(args[0], &Kernels.Constructive.Envelope);
    private static Owned ConvexHull(in Arguments args) => Calls.UnaryGeometry(args[0], &Kernels.Constructive.ConvexHull);
    private static Owned Boundary(in Arguments args) => Calls.UnaryGeometry(args[0], &Kernels.Constructive.Boundary);
    private static Owned MakeValid(in Arguments args) => Calls.UnaryGeometry(args[0], &Kernels.Constructive.MakeValid);
    private static Owned Reverse(in Arguments args) => Calls.UnaryGeometry(args[0], &Kernels.Constructive.Reverse);
    private static Owned Normalize(in Arguments args) => Calls.UnaryGeometry(args[0], &Kernels.Constructive.Normalize);
    private static Owned OrientedEnvelope(in Arguments args) => Calls.UnaryGeometry(args[0], &Kernels.Constructive.OrientedEnvelope);
    private static Owned MinimumBoundingCircle(in Arguments args) => Calls.UnaryGeometry(args[0], &Kernels.Constructive.MinimumBoundingCircle);
    private static Owned MinimumBoundingRadius(in Arguments args) => Calls.UnaryDouble(args[0], &Kernels.Constructive.MinimumBoundingRadius);

    private static Owned Segmentize(in Arguments args) =>
        Calls.UnaryGeometry(args[0], new SegmentizeKernel(args[1].ToDouble("max_segment_length")));

    private static Owned ClipByRect(in Arguments args) =>
        Calls.UnaryGeometry(args[0], new ClipByRectKernel(
            args[1].ToDouble("xmin"), args[2].ToDouble("ymin"), args[3].ToDouble("xmax"), args[4].ToDouble("ymax")));

    /// <summary><c>offset_curve</c>: buffer's limits on distance and quad_segs; the Python layer turns the
    /// join_style name into its integer code.</summary>
    private static Owned OffsetCurve(in Arguments args)
    {
        double distance = CheckedDistance(args[1].ToDouble("distance"));
        int quadSegs = CheckedQuadSegs(args[2].ToInt64("quad_segs"));
        double mitreLimit = args[4].ToDouble("mitre_limit");
        if (double.IsNaN(mitreLimit)) throw new ArgumentException("mitre_limit must be a number, got nan");
        return Calls.UnaryGeometry(args[0], new OffsetCurveKernel(distance, quadSegs, (BufferJoinStyle)args[3].ToInt64("join_style"), mitreLimit));
    }

    private static Owned DelaunayTriangles(in Arguments args) =>
        Calls.UnaryGeometry(args[0], new DelaunayKernel(args[1].ToDouble("tolerance"), args[2].ToBool()));

    /// <summary><c>voronoi_polygons</c>: extend_to is a geometry (its envelope counts) or None, converted once.</summary>
    private static Owned VoronoiPolygons(in Arguments args)
    {
        double tolerance = args[1].ToDouble("tolerance");
        Envelope? extendTo = null;
        if (args.HasValue(2))
        {
            GeometryInput input = Conversions.Geometry(args[2], "extend_to");
            if (!input.IsScalar) throw new ArgumentException("extend_to must be a single geometry or None");
            if (NtsConverter.ToNts(input.Rows, 0) is { IsEmpty: false } geometry)
            {
                Envelope envelope = geometry.EnvelopeInternal;
                if (!(double.IsFinite(envelope.MinX) && double.IsFinite(envelope.MinY) && double.IsFinite(envelope.MaxX) && double.IsFinite(envelope.MaxY)))
                    throw new ArgumentException("extend_to must have finite coordinates");
                extendTo = envelope;
            }
        }
        return Calls.UnaryGeometry(args[0], new VoronoiKernel(tolerance, extendTo, args[3].ToBool()));
    }

    private static Owned Snap(in Arguments args) =>
        Calls.BinaryGeometry(args, new SnapKernel(args[2].ToDouble("tolerance")));

    private static Owned Polygonize(in Arguments args) => Calls.ReduceGeometry(args[0], &Kernels.Constructive.Polygonize);

    /// <summary>The largest quad_segs (either sign) buffer takes: 400,000 vertices a circle. Beyond, a circle
    /// takes seconds and megabytes, and 10**9 would take gigabytes.</summary>
    private const long MaxQuadSegs = 100_000;

    /// <summary>The largest buffer distance (either sign): beyond, squared distances overflow and NTS's buffer
    /// dereferences null (a NullReferenceException, which kills the process under Python's faulthandler).</summary>
    private const double MaxDistance = 1e150;

    /// <summary><c>buffer</c>; the Python layer turns cap_style / join_style names into their integer codes.</summary>
    private static Owned Buffer(in Arguments args)
    {
        double distance = CheckedDistance(args[1].ToDouble("distance"));
        int quadSegs = CheckedQuadSegs(args[2].ToInt64("quad_segs"));
        double mitreLimit = args[5].ToDouble("mitre_limit");
        if (double.IsNaN(mitreLimit)) throw new ArgumentException("mitre_limit must be a number, got nan");
        return Calls.UnaryGeometry(args[0], new BufferKernel(distance, quadSegs,
            (BufferCapStyle)args[3].ToInt64("cap_style"), (BufferJoinStyle)args[4].ToInt64("join_style"), mitreLimit));
    }

    /// <summary>A buffer or offset distance: NaN (missing results) or at most <see cref="MaxDistance"/>.</summary>
    private static double CheckedDistance(double distance)
    {
        if (double.IsInfinity(distance)) throw new ArgumentException($"distance must be finite, got {(distance > 0 ? "inf" : "-inf")}");
        if (Math.Abs(distance) > MaxDistance) throw new ArgumentException($"distance must be between -1e150 and 1e150, got {distance:R}");
        return distance;
    }

    private static int CheckedQuadSegs(long quadSegs) =>
        quadSegs is < -MaxQuadSegs or > MaxQuadSegs
            ? throw new ArgumentException($"quad_segs must be between {-MaxQuadSegs} and {MaxQuadSegs}, got {quadSegs}")
            : (int)quadSegs;

    private static Owned Simplify(in Arguments args)
    {
        double tolerance = args[1].ToDouble("tolerance");
        if (tolerance < 0) throw new ArgumentException($"tolerance must be non-negative, got {tolerance}");
        return Calls.UnaryGeometry(args[0], new SimplifyKernel(tolerance, args[2].ToBool()));
    }

    /// <summary>The <c>Geometry.centroid</c> property.</summary>
    public static Owned CentroidOf(Borrowed self) => Calls.UnaryGeometry(self, &Kernels.Constructive.Centroid);

    /// <summary>The <c>Geometry.envelope</c> property.</summary>
    public static Owned EnvelopeOf(Borrowed self) => Calls.UnaryGeometry(self, &Kernels.Constructive.Envelope);

    /// <summary>The <c>Geometry.convex_hull</c> property.</summary>
    public static Owned ConvexHullOf(Borrowed self) => Calls.UnaryGeometry(self, &Kernels.Constructive.ConvexHull);

    /// <summary>The <c>Geometry.oriented_envelope</c> and <c>minimum_rotated_rectangle</c> properties.</summary>
    public static Owned OrientedEnvelopeOf(Borrowed self) => Calls.UnaryGeometry(self, &Kernels.Constructive.OrientedEnvelope);

    /// <summary>The <c>Geometry.boundary</c> property (None for geometry collections).</summary>
    public static Owned BoundaryOf(Borrowed self) => Calls.UnaryGeometry(self, &Kernels.Constructive.Boundary);

    private readonly struct BufferKernel(double distance, int quadSegs, BufferCapStyle cap, BufferJoinStyle join, double mitreLimit)
        : IGeometryKernel
    {
        public GeometryArray Apply(GeometryArray rows) =>
            Kernels.Constructive.Buffer(rows, distance, quadSegs, cap, join, mitreLimit);
    }

    private readonly struct ClipByRectKernel(double xmin, double ymin, double xmax, double ymax) : IGeometryKernel
    {
        public GeometryArray Apply(GeometryArray rows) => Kernels.Constructive.ClipByRect(rows, xmin, ymin, xmax, ymax);
    }

    private readonly struct OffsetCurveKernel(double distance, int quadSegs, BufferJoinStyle join, double mitreLimit) : IGeometryKernel
    {
        public GeometryArray Apply(GeometryArray rows) => Kernels.Constructive.OffsetCurve(rows, distance, quadSegs, join, mitreLimit);
    }

    private readonly struct DelaunayKernel(double tolerance, bool onlyEdges) : IGeometryKernel
    {
        public GeometryArray Apply(GeometryArray rows) => Kernels.Constructive.DelaunayTriangles(rows, tolerance, onlyEdges);
    }

    private readonly struct VoronoiKernel(double tolerance, Envelope? extendTo, bool onlyEdges) : IGeometryKernel
    {
        public GeometryArray Apply(GeometryArray rows) => Kernels.Constructive.VoronoiPolygons(rows, tolerance, extendTo, onlyEdges);
    }

    private readonly struct SnapKernel(double tolerance) : IBinaryGeometryKernel
    {
        public GeometryArray Apply(GeometryArray a, GeometryArray b) => Kernels.Constructive.Snap(a, b, tolerance);
    }

    private readonly struct SegmentizeKernel(double maxSegmentLength) : IGeometryKernel
    {
        public GeometryArray Apply(GeometryArray rows) => Kernels.Constructive.Segmentize(rows, maxSegmentLength);
    }

    private readonly struct SimplifyKernel(double tolerance, bool preserveTopology) : IGeometryKernel
    {
        public GeometryArray Apply(GeometryArray rows) => Kernels.Constructive.Simplify(rows, tolerance, preserveTopology);
    }
}
