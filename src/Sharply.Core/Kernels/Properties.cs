using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;
using Sharply.Core.Geometries;
using Sharply.Core.Nts;
using Sharply.Core.Parallel;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace Sharply.Core.Kernels;

/// <summary>Per-row facts: type, counts, coordinates of points, emptiness, validity. Missing rows give
/// Shapely's values for None (-1 type id, 0 counts, NaN coordinates, false flags).</summary>
public static unsafe class Properties
{
    /// <summary>Shapely's type id (Point 0 ... GeometryCollection 7), -1 for missing rows.</summary>
    public static void TypeId(GeometryArray array, Span<int> output) => UnaryDriver.Run<TypeIdOp>(array, output);

    /// <summary>Vertices of a LineString row; 0 for every other type.</summary>
    public static void NumPoints(GeometryArray array, Span<int> output) => UnaryDriver.Run<NumPointsOp>(array, output);

    /// <summary>All coordinates of a row (POINT EMPTY has none).</summary>
    public static void NumCoordinates(GeometryArray array, Span<int> output) => UnaryDriver.Run<NumCoordinatesOp>(array, output);

    /// <summary>Members of a multi-geometry or collection; 1 for a single geometry (even empty).</summary>
    public static void NumGeometries(GeometryArray array, Span<int> output) => UnaryDriver.Run<NumGeometriesOp>(array, output);

    /// <summary>Holes of a Polygon row; 0 for every other type.</summary>
    public static void NumInteriorRings(GeometryArray array, Span<int> output) => UnaryDriver.Run<NumInteriorRingsOp>(array, output);

    /// <summary>X of a Point row; NaN for other types, empty points and missing rows.</summary>
    public static void GetX(GeometryArray array, Span<double> output) => UnaryDriver.Run<GetXOp>(array, output);

    /// <summary>Y of a Point row; NaN otherwise.</summary>
    public static void GetY(GeometryArray array, Span<double> output) => UnaryDriver.Run<GetYOp>(array, output);

    /// <summary>Z of a Point row; NaN for other types, empty points, points without z and missing rows.</summary>
    public static void GetZ(GeometryArray array, Span<double> output) => UnaryDriver.Run<GetZOp>(array, output);

    /// <summary>Inherent dimension: 0 for points, 1 for lines, 2 for polygons, the highest of the members for a
    /// collection; -1 for an empty collection and for missing rows.</summary>
    public static void Dimensions(GeometryArray array, Span<int> output) => UnaryDriver.Run<DimensionsOp>(array, output);

    /// <summary>Values per coordinate: 3 for rows with z (see <see cref="HasZ"/>), else 2; -1 for missing rows.</summary>
    public static void CoordinateDimension(GeometryArray array, Span<int> output) => UnaryDriver.Run<CoordinateDimensionOp>(array, output);

    /// <summary>X of one row (see <see cref="GetX"/>).</summary>
    public static double XOf(GeometryArray array, int row) => array.IsNull(row) ? double.NaN : GetXOp.Apply(array, row);

    /// <summary>Y of one row (see <see cref="GetY"/>).</summary>
    public static double YOf(GeometryArray array, int row) => array.IsNull(row) ? double.NaN : GetYOp.Apply(array, row);

    /// <summary>True for rows without coordinates (false for missing rows).</summary>
    public static void IsEmpty(GeometryArray array, Span<byte> output) => UnaryDriver.Run<IsEmptyOp>(array, output);

    /// <summary>True for rows with at least one non-NaN z coordinate.</summary>
    public static void HasZ(GeometryArray array, Span<byte> output) => UnaryDriver.Run<HasZOp>(array, output);

    /// <summary>Whether one row has z (see <see cref="HasZ"/>).</summary>
    public static bool HasZOf(GeometryArray array, int row) => !array.IsNull(row) && HasZOp.Apply(array, row);

    /// <summary>True for non-empty LineString / MultiLineString rows whose lines end where they start.</summary>
    public static void IsClosed(GeometryArray array, Span<byte> output) => UnaryDriver.Run<IsClosedOp>(array, output);

    /// <summary>Whether one row is closed (see <see cref="IsClosed"/>).</summary>
    public static bool IsClosedOf(GeometryArray array, int row) => !array.IsNull(row) && IsClosedOp.Apply(array, row);

    /// <summary>True for LineString rows that are closed and simple.</summary>
    public static void IsRing(GeometryArray array, Span<byte> output) => UnaryDriver.Run<IsRingOp>(array, output);

    /// <summary>True for LineString rows of at least 4 vertices whose ring turns counterclockwise, by GEOS's
    /// test (the orientation at the highest vertex, robust to flat tops and repeated points); false otherwise.</summary>
    public static void IsCcw(GeometryArray array, Span<byte> output) => UnaryDriver.Run<IsCcwOp>(array, output);

    /// <summary>True for missing rows.</summary>
    public static void IsMissing(GeometryArray array, Span<byte> output)
    {
        UnaryDriver.CheckOutput(array, output.Length);
        for (int row = 0; row < array.Length; row++) output[row] = array.IsNull(row) ? (byte)1 : (byte)0;
    }

    /// <summary>True for present rows (the opposite of <see cref="IsMissing"/>).</summary>
    public static void IsGeometry(GeometryArray array, Span<byte> output)
    {
        UnaryDriver.CheckOutput(array, output.Length);
        for (int row = 0; row < array.Length; row++) output[row] = array.IsNull(row) ? (byte)0 : (byte)1;
    }

    /// <summary>OGC validity (IsValidOp); false for missing rows.</summary>
    public static void IsValid(GeometryArray array, Span<byte> output) => UnaryDriver.Run<ValidOp>(array, output);

    /// <summary>OGC simplicity (IsSimpleOp); false for missing rows.</summary>
    public static void IsSimple(GeometryArray array, Span<byte> output) => UnaryDriver.Run<IsSimpleOp>(array, output);

    /// <summary>
    /// Why a row is invalid, in GEOS's words ("Valid Geometry", "Self-intersection[x y]",
    /// "Ring Self-intersection[x y]", ...); null for missing rows.
    /// </summary>
    public static void IsValidReason(GeometryArray array, string?[] output)
    {
        UnaryDriver.CheckOutput(array, output.Length);
        var body = new ReasonBody { Array = array, Output = output };
        ParallelRange.For(array.Length, WorkGrain.Nts(array), ref body);
    }

    /// <summary>GEOS's text for an NTS validation error.</summary>
    internal static string Reason(TopologyValidationError? error)
    {
        if (error is null) return "Valid Geometry";
        string message = error.ErrorType switch
        {
            TopologyValidationErrors.SelfIntersection => "Self-intersection",
            TopologyValidationErrors.RingSelfIntersection => "Ring Self-intersection",
            TopologyValidationErrors.TooFewPoints => "Too few points in geometry component",
            TopologyValidationErrors.RingNotClosed => "Ring is not closed",
            TopologyValidationErrors.InvalidCoordinate => "Invalid Coordinate",
            TopologyValidationErrors.HoleOutsideShell => "Hole lies outside shell",
            TopologyValidationErrors.NestedHoles => "Holes are nested",
            TopologyValidationErrors.DisconnectedInteriors => "Interior is disconnected",
            TopologyValidationErrors.NestedShells => "Nested shells",
            TopologyValidationErrors.DuplicateRings => "Duplicate Rings",
            _ => error.Message,
        };
        var at = error.Coordinate;
        return at is null ? message : FormattableString.Invariant($"{message}[{at.X} {at.Y}]");
    }

    private static int FirstVertex(GeometryArray array, int row) =>
        array.RingOffsets[array.PartOffsets[array.PartsOf(row).Start]];

    private struct TypeIdOp : IUnaryIntOp
    {
        public static int Missing => -1;
        public static int Apply(GeometryArray array, int row) => GeometryTypes.ShapelyTypeId(array.TypeOf(row));
    }

    private struct NumPointsOp : IUnaryIntOp
    {
        public static int Missing => 0;

        public static int Apply(GeometryArray array, int row)
        {
            if (array.TypeOf(row) != GeometryType.LineString) return 0;
            (int partStart, int partEnd) = array.PartsOf(row);
            if (partStart == partEnd) return 0;
            (int ringStart, int ringEnd) = array.RingsOf(partStart);
            if (ringStart == ringEnd) return 0;
            (int start, int end) = array.VerticesOf(ringStart);
            return end - start;
        }
    }

    private struct NumCoordinatesOp : IUnaryIntOp
    {
        public static int Missing => 0;

        public static int Apply(GeometryArray array, int row)
        {
            GeometryType type = array.TypeOf(row);
            (int partStart, int partEnd) = array.PartsOf(row);
            int count = 0;
            for (int part = partStart; part < partEnd; part++)
            {
                GeometryType kind = array.PartKindOf(part, type);
                if (kind == GeometryType.Point)
                {
                    count += array.IsPartEmpty(part, kind) ? 0 : 1;
                    continue;
                }
                (int ringStart, int ringEnd) = array.RingsOf(part);
                count += array.RingOffsets[ringEnd] - array.RingOffsets[ringStart];
            }
            return count;
        }
    }

    private struct NumGeometriesOp : IUnaryIntOp
    {
        public static int Missing => 0;

        public static int Apply(GeometryArray array, int row) => array.MemberCount(row);
    }

    private struct NumInteriorRingsOp : IUnaryIntOp
    {
        public static int Missing => 0;

        public static int Apply(GeometryArray array, int row)
        {
            if (array.TypeOf(row) != GeometryType.Polygon) return 0;
            (int partStart, int partEnd) = array.PartsOf(row);
            if (partStart == partEnd) return 0;
            (int ringStart, int ringEnd) = array.RingsOf(partStart);
            return Math.Max(0, ringEnd - ringStart - 1);
        }
    }

    private struct GetXOp : IUnaryDoubleOp
    {
        public static double Apply(GeometryArray array, int row) =>
            array.TypeOf(row) == GeometryType.Point && !array.IsEmpty(row)
                ? array.Coordinates.Pointer[(long)FirstVertex(array, row) * array.Dimension]
                : double.NaN;
    }

    private struct GetYOp : IUnaryDoubleOp
    {
        public static double Apply(GeometryArray array, int row) =>
            array.TypeOf(row) == GeometryType.Point && !array.IsEmpty(row)
                ? array.Coordinates.Pointer[(long)FirstVertex(array, row) * array.Dimension + 1]
                : double.NaN;
    }

    private struct GetZOp : IUnaryDoubleOp
    {
        public static double Apply(GeometryArray array, int row) =>
            array.HasZ && array.TypeOf(row) == GeometryType.Point && !array.IsEmpty(row)
                ? array.Coordinates.Pointer[(long)FirstVertex(array, row) * 3 + 2]
                : double.NaN;
    }

    private struct DimensionsOp : IUnaryIntOp
    {
        public static int Missing => -1;

        public static int Apply(GeometryArray array, int row)
        {
            GeometryType type = array.TypeOf(row);
            if (type != GeometryType.GeometryCollection) return Dimension(GeometryTypes.PartKind(type));
            (int partStart, int partEnd) = array.PartsOf(row);
            int highest = -1;
            for (int part = partStart; part < partEnd; part++)
                highest = Math.Max(highest, Dimension(PartCodes.Kind(array.PartCode(part))));
            return highest;
        }

        private static int Dimension(GeometryType kind) => kind switch
        {
            GeometryType.Point => 0,
            GeometryType.LineString => 1,
            _ => 2,
        };
    }

    private struct CoordinateDimensionOp : IUnaryIntOp
    {
        public static int Missing => -1;

        public static int Apply(GeometryArray array, int row) => HasZOp.Apply(array, row) ? 3 : 2;
    }

    private struct IsEmptyOp : IUnaryBoolOp
    {
        public static bool Apply(GeometryArray array, int row) => array.IsEmpty(row);
    }

    private struct HasZOp : IUnaryBoolOp
    {
        public static bool Apply(GeometryArray array, int row)
        {
            if (!array.HasZ) return false;
            (int partStart, int partEnd) = array.PartsOf(row);
            int start = array.RingOffsets[array.PartOffsets[partStart]];
            int end = array.RingOffsets[array.PartOffsets[partEnd]];
            ReadOnlySpan<double> values = array.VertexCoordinates(start, end);
            for (int i = 2; i < values.Length; i += 3)
                if (!double.IsNaN(values[i])) return true;
            return false;
        }
    }

    private struct IsClosedOp : IUnaryBoolOp
    {
        public static bool Apply(GeometryArray array, int row)
        {
            GeometryType type = array.TypeOf(row);
            if (type is not (GeometryType.LineString or GeometryType.MultiLineString)) return false;
            (int partStart, int partEnd) = array.PartsOf(row);
            if (partStart == partEnd) return false;
            for (int part = partStart; part < partEnd; part++)
            {
                (int ringStart, int ringEnd) = array.RingsOf(part);
                if (ringStart == ringEnd) return false;
                (int start, int end) = array.VerticesOf(ringStart);
                if (end == start) return false;
                ReadOnlySpan<double> first = array.VertexCoordinates(start, start + 1), last = array.VertexCoordinates(end - 1, end);
                if (first[0] != last[0] || first[1] != last[1]) return false;
            }
            return true;
        }
    }

    private struct IsRingOp : IUnaryBoolOp
    {
        public static bool Apply(GeometryArray array, int row) =>
            array.TypeOf(row) == GeometryType.LineString && IsClosedOp.Apply(array, row)
            && OfNts(array, row, static geometry => geometry.IsSimple);
    }

    private struct IsCcwOp : IUnaryBoolOp
    {
        public static bool Apply(GeometryArray array, int row)
        {
            if (array.TypeOf(row) != GeometryType.LineString) return false;
            (int partStart, int partEnd) = array.PartsOf(row);
            if (partStart == partEnd) return false;
            (int ringStart, int ringEnd) = array.RingsOf(partStart);
            if (ringStart == ringEnd) return false;
            (int start, int end) = array.VerticesOf(ringStart);
            return end - start >= 4 && IsCcwRing(array.VertexCoordinates(start, end), array.Dimension);
        }

        /// <summary>GEOS's Orientation::isCCW over interleaved coordinates (the last vertex closes the ring).</summary>
        private static bool IsCcwRing(ReadOnlySpan<double> ring, int dimension)
        {
            int points = ring.Length / dimension - 1;
            // The first highest vertex reached by a rising segment; none means the ring is flat.
            int high = 0;
            double prevY = ring[1], highY = ring[1];
            for (int i = 1; i <= points; i++)
            {
                double y = ring[i * dimension + 1];
                if (y > prevY && y >= highY)
                {
                    high = i;
                    highY = y;
                }
                prevY = y;
            }
            if (high == 0) return false;
            // The first vertex after it that is lower: the segment before it falls from the top.
            int downLow = high;
            do downLow = (downLow + 1) % points;
            while (downLow != high && ring[downLow * dimension + 1] == highY);
            int downHigh = downLow > 0 ? downLow - 1 : points - 1;
            Coordinate upLowPoint = At(ring, dimension, high - 1), highPoint = At(ring, dimension, high);
            Coordinate downLowPoint = At(ring, dimension, downLow), downHighPoint = At(ring, dimension, downHigh);
            if (highPoint.Equals2D(downHighPoint))
            {
                // A pointed cap: its turn decides, unless it folds back on itself (A-B-A).
                if (upLowPoint.Equals2D(highPoint) || downLowPoint.Equals2D(highPoint) || upLowPoint.Equals2D(downLowPoint)) return false;
                return Orientation.Index(upLowPoint, highPoint, downLowPoint) == OrientationIndex.CounterClockwise;
            }
            // A flat cap: its direction decides.
            return downHighPoint.X - highPoint.X < 0;
        }

        private static Coordinate At(ReadOnlySpan<double> ring, int dimension, int i) => new(ring[i * dimension], ring[i * dimension + 1]);
    }

    private struct ValidOp : IUnaryBoolOp
    {
        public static bool Apply(GeometryArray array, int row) => OfNts(array, row, static geometry => geometry.IsValid);
    }

    private struct IsSimpleOp : IUnaryBoolOp
    {
        public static bool Apply(GeometryArray array, int row) => OfNts(array, row, static geometry => geometry.IsSimple);
    }

    /// <summary>An NTS property of one row; its failures (NaN coordinates in IsSimple) name the row.</summary>
    private static bool OfNts(GeometryArray array, int row, Func<NtsGeometry, bool> property)
    {
        try
        {
            return property(NtsConverter.ToNts(array, row)!);
        }
        catch (Exception error) when (error is not SharplyException)
        {
            throw new GeometryOperationException(row, error);
        }
    }

    private struct ReasonBody : IRangeBody
    {
        public GeometryArray Array;
        public string?[] Output;

        public void Run(int start, int end)
        {
            for (int row = start; row < end; row++)
                Output[row] = Array.IsNull(row) ? null : Reason(new IsValidOp(NtsConverter.ToNts(Array, row)).ValidationError);
        }
    }
}
