using System.Runtime.InteropServices;
using Sharply.Core.Geometries;
using Sharply.Core.IO;
using Sharply.CPython;
using Sharply.CPython.Raw;
using Sharply.Module.Functions;
using Kernels = Sharply.Core.Kernels;

namespace Sharply.Module.Types;

/// <summary>
/// The Python type <c>sharply.Geometry</c>: a light view of one row of a GeometryArray (no copy).
/// Properties are native getters that call the same kernels and codecs as the module functions; methods
/// with arguments are the module functions, bound with the geometry first.
/// </summary>
internal static unsafe class PyGeometry
{
    /// <summary>Longest <c>repr</c>, brackets included, as in Shapely 2.</summary>
    private const int MaxReprLength = 80;

    private static readonly WktOptions FullPrecision = WktOptions.Default with { RoundingPrecision = -1 };

    public static nint Type { get; private set; }

    private const string GeometryDoc = """
        A geometry: a view of one row of a GeometryArray (no copy).

        Geometries come from indexing an array or from the constructors. They have Shapely's properties
        (``geom_type``, ``wkt``, ``wkb``, ``bounds``, ``coords``, ``exterior``, ``geoms``...) and every
        vectorized function as a method or property (``g.area``, ``g.buffer(1)``, ``g.intersects(h)``).
        Equality is exact and geometries are hashable and picklable.

        Examples
        --------
        >>> import sharply
        >>> line = sharply.from_wkt("LINESTRING (0 0, 3 4)")
        >>> line
        <LINESTRING (0 0, 3 4)>
        >>> line.length, line.geom_type, line.bounds
        (5.0, 'LineString', (0.0, 0.0, 3.0, 4.0))
        >>> line.buffer(1).area > 10
        True
        >>> line == sharply.from_wkt("LINESTRING (0 0, 3 4)")
        True
        """;

    public static Owned CreateType(nint module)
    {
        Owned type = new HeapType("sharply.Geometry", GeometryDoc)
            .Slot(CApi.Py_tp_repr, (delegate* unmanaged<nint, nint>)&Repr)
            .Slot(CApi.Py_tp_richcompare, (delegate* unmanaged<nint, nint, int, nint>)&RichCompare)
            .Slot(CApi.Py_tp_hash, (delegate* unmanaged<nint, nint>)&Hash)
            .Getter("area", &Measurement.AreaOf, "Area of the geometry (0 for points and lines).")
            .Getter("length", &Measurement.LengthOf, "Length of the geometry (perimeter for polygons, 0 for points).")
            .Getter("bounds", &Measurement.BoundsOf, "(xmin, ymin, xmax, ymax); NaN for an empty geometry.")
            .Getter("geom_type", &Properties.GeomTypeOf, "Name of the geometry type, e.g. \"MultiPolygon\".")
            .Getter("is_empty", &Properties.IsEmptyOf, "True when the geometry has no coordinates.")
            .Getter("is_valid", &Properties.IsValidOf, "True when the geometry is valid in the OGC sense.")
            .Getter("is_simple", &Properties.IsSimpleOf, "True when the geometry is simple in the OGC sense.")
            .Getter("is_ring", &Properties.IsRingOf, "True for a closed and simple LineString.")
            .Getter("is_closed", &Properties.IsClosedOf, "True for a LineString or MultiLineString whose lines end where they start.")
            .Getter("has_z", &Properties.HasZOf, "True when the geometry has z coordinates.")
            .Getter("x", &Properties.XOf, "X coordinate of a Point (NaN for other geometries).")
            .Getter("y", &Properties.YOf, "Y coordinate of a Point (NaN for other geometries).")
            .Getter("z", &Z, "Z coordinate of a Point with Z.")
            .Getter("centroid", &Constructive.CentroidOf, "The geometric center (POINT EMPTY for an empty geometry).")
            .Getter("envelope", &Constructive.EnvelopeOf, "The bounding box as a Polygon (a Point when degenerate to one point).")
            .Getter("convex_hull", &Constructive.ConvexHullOf, "The smallest convex geometry containing this one.")
            .Getter("boundary", &Constructive.BoundaryOf, "The topological boundary (None for geometry collections).")
            .Getter("oriented_envelope", &Constructive.OrientedEnvelopeOf, "The rotated rectangle of least area enclosing the geometry.")
            .Getter("minimum_rotated_rectangle", &Constructive.OrientedEnvelopeOf, "The rotated rectangle of least area enclosing the geometry.")
            .Getter("wkt", &Wkt, "Well-known text at full precision, trimmed.")
            .Getter("wkb", &Wkb, "Well-known binary (little endian, extended WKB for Z).")
            .Getter("coords", &Coords, "Coordinates of a point or linestring: a read-only numpy (N, 2) or (N, 3) float64 array.")
            .Getter("exterior", &Exterior, "The shell of a polygon, as a LineString.")
            .Getter("interiors", &Interiors, "The holes of a polygon, as a tuple of LineStrings.")
            .Getter("geoms", &Geoms, "The members of a multi-part geometry or collection, as a GeometryArray.")
            .Method("contains", &Methods.Contains, MethodSummary("contains"), Other)
            .Method("contains_properly", &Methods.ContainsProperly, MethodSummary("contains_properly"), Other)
            .Method("covered_by", &Methods.CoveredBy, MethodSummary("covered_by"), Other)
            .Method("covers", &Methods.Covers, MethodSummary("covers"), Other)
            .Method("crosses", &Methods.Crosses, MethodSummary("crosses"), Other)
            .Method("disjoint", &Methods.Disjoint, MethodSummary("disjoint"), Other)
            .Method("equals", &Methods.Equals, MethodSummary("equals"), Other)
            .Method("intersects", &Methods.Intersects, MethodSummary("intersects"), Other)
            .Method("overlaps", &Methods.Overlaps, MethodSummary("overlaps"), Other)
            .Method("relate", &Methods.Relate, MethodSummary("relate"), Other)
            .Method("relate_pattern", &Methods.RelatePattern, MethodSummary("relate_pattern"), Other)
            .Method("touches", &Methods.Touches, MethodSummary("touches"), Other)
            .Method("within", &Methods.Within, MethodSummary("within"), Other)
            .Method("dwithin", &Methods.Dwithin, MethodSummary("dwithin"), Other)
            .Method("equals_exact", &Methods.EqualsExact, MethodSummary("equals_exact"), Other)
            .Method("distance", &Methods.Distance, MethodSummary("distance"), Other)
            .Method("hausdorff_distance", &Methods.HausdorffDistance, MethodSummary("hausdorff_distance"), Other)
            .Method("difference", &Methods.Difference, MethodSummary("difference"), Other)
            .Method("intersection", &Methods.Intersection, MethodSummary("intersection"), Other)
            .Method("symmetric_difference", &Methods.SymmetricDifference, MethodSummary("symmetric_difference"), Other)
            .Method("union", &Methods.Union, MethodSummary("union"), Other)
            .Method("make_valid", &Methods.MakeValid, MethodSummary("make_valid"))
            .Method("normalize", &Methods.Normalize, MethodSummary("normalize"))
            .Method("representative_point", &Methods.RepresentativePoint, MethodSummary("representative_point"))
            .Method("reverse", &Methods.Reverse, MethodSummary("reverse"))
            .Method("segmentize", &Methods.Segmentize, MethodSummary("segmentize"))
            .Build(module);
        Type = type.Handle;
        return type;
    }

    /// <summary>Shapely's name for the second geometry of a method (<c>g.intersects(other=h)</c>).</summary>
    private const string Other = "other";

    private static string MethodSummary(string name) => $"``sharply.{name}`` with this geometry as first argument.";

    /// <summary>
    /// The entry points of the methods, one per method (the C signature does not say which method is
    /// called); each binds its arguments like the module function of the same name, with the geometry first.
    /// </summary>
    private static class Methods
    {
        [UnmanagedCallersOnly] public static nint Contains(nint s, nint* a, nint n, nint k) => FunctionBinder.CallMethod(&Contains, s, a, n, k);
        [UnmanagedCallersOnly] public static nint ContainsProperly(nint s, nint* a, nint n, nint k) => FunctionBinder.CallMethod(&ContainsProperly, s, a, n, k);
        [UnmanagedCallersOnly] public static nint CoveredBy(nint s, nint* a, nint n, nint k) => FunctionBinder.CallMethod(&CoveredBy, s, a, n, k);
        [UnmanagedCallersOnly] public static nint Covers(nint s, nint* a, nint n, nint k) => FunctionBinder.CallMethod(&Covers, s, a, n, k);
        [UnmanagedCallersOnly] public static nint Crosses(nint s, nint* a, nint n, nint k) => FunctionBinder.CallMethod(&Crosses, s, a, n, k);
        [UnmanagedCallersOnly] public static nint Disjoint(nint s, nint* a, nint n, nint k) => FunctionBinder.CallMethod(&Disjoint, s, a, n, k);
        [UnmanagedCallersOnly] public static nint Equals(nint s, nint* a, nint n, nint k) => FunctionBinder.CallMethod(&Equals, s, a, n, k);
        [UnmanagedCallersOnly] public static nint Intersects(nint s, nint* a, nint n, nint k) => FunctionBinder.CallMethod(&Intersects, s, a, n, k);
        [UnmanagedCallersOnly] public static nint Overlaps(nint s, nint* a, nint n, nint k) => FunctionBinder.CallMethod(&Overlaps, s, a, n, k);
        [UnmanagedCallersOnly] public static nint Relate(nint s, nint* a, nint n, nint k) => FunctionBinder.CallMethod(&Relate, s, a, n, k);
        [UnmanagedCallersOnly] public static nint RelatePattern(nint s, nint* a, nint n, nint k) => FunctionBinder.CallMethod(&RelatePattern, s, a, n, k);
        [UnmanagedCallersOnly] public static nint Touches(nint s, nint* a, nint n, nint k) => FunctionBinder.CallMethod(&Touches, s, a, n, k);
        [UnmanagedCallersOnly] public static nint Within(nint s, nint* a, nint n, nint k) => FunctionBinder.CallMethod(&Within, s, a, n, k);
        [UnmanagedCallersOnly] public static nint Dwithin(nint s, nint* a, nint n, nint k) => FunctionBinder.CallMethod(&Dwithin, s, a, n, k);
        [UnmanagedCallersOnly] public static nint EqualsExact(nint s, nint* a, nint n, nint k) => FunctionBinder.CallMethod(&EqualsExact, s, a, n, k);
        [UnmanagedCallersOnly] public static nint Distance(nint s, nint* a, nint n, nint k) => FunctionBinder.CallMethod(&Distance, s, a, n, k);
        [UnmanagedCallersOnly] public static nint HausdorffDistance(nint s, nint* a, nint n, nint k) => FunctionBinder.CallMethod(&HausdorffDistance, s, a, n, k);
        [UnmanagedCallersOnly] public static nint Difference(nint s, nint* a, nint n, nint k) => FunctionBinder.CallMethod(&Difference, s, a, n, k);
        [UnmanagedCallersOnly] public static nint Intersection(nint s, nint* a, nint n, nint k) => FunctionBinder.CallMethod(&Intersection, s, a, n, k);
        [UnmanagedCallersOnly] public static nint SymmetricDifference(nint s, nint* a, nint n, nint k) => FunctionBinder.CallMethod(&SymmetricDifference, s, a, n, k);
        [UnmanagedCallersOnly] public static nint Union(nint s, nint* a, nint n, nint k) => FunctionBinder.CallMethod(&Union, s, a, n, k);
        [UnmanagedCallersOnly] public static nint MakeValid(nint s, nint* a, nint n, nint k) => FunctionBinder.CallMethod(&MakeValid, s, a, n, k);
        [UnmanagedCallersOnly] public static nint Normalize(nint s, nint* a, nint n, nint k) => FunctionBinder.CallMethod(&Normalize, s, a, n, k);
        [UnmanagedCallersOnly] public static nint RepresentativePoint(nint s, nint* a, nint n, nint k) => FunctionBinder.CallMethod(&RepresentativePoint, s, a, n, k);
        [UnmanagedCallersOnly] public static nint Reverse(nint s, nint* a, nint n, nint k) => FunctionBinder.CallMethod(&Reverse, s, a, n, k);
        [UnmanagedCallersOnly] public static nint Segmentize(nint s, nint* a, nint n, nint k) => FunctionBinder.CallMethod(&Segmentize, s, a, n, k);
    }

    public static bool Is(Borrowed obj) => obj.Type == Type;

    /// <summary>The geometry at <paramref name="row"/>, or None when the row is missing.</summary>
    public static Owned Scalar(GeometryArray array, int row) =>
        array.IsNull(row) ? Py.None : ManagedObject.New(Type, array, row);

    public static GeometryArray Array(Borrowed obj) => ManagedObject.Target<GeometryArray>(obj);

    public static int Row(Borrowed obj) => (int)ManagedObject.Extra(obj);

    /// <summary>Shapely 2's repr: <c>&lt;POLYGON ((0 0, 1 0, 1 1, 0 0))&gt;</c>, cut to 80 characters.</summary>
    public static string ReprOf(GeometryArray array, int row)
    {
        string wkt = WktWriter.Write(array, row, FullPrecision);
        return wkt.Length > MaxReprLength - 2 ? $"<{wkt[..(MaxReprLength - 5)]}...>" : $"<{wkt}>";
    }

    [UnmanagedCallersOnly]
    private static nint Repr(nint self) => Boundary.Call(self, &ReprBody);

    private static Owned ReprBody(Borrowed self) => Py.Str(ReprOf(Array(self), Row(self)));

    [UnmanagedCallersOnly]
    private static nint RichCompare(nint self, nint other, int op) => Boundary.Call(self, other, op, &RichCompareBody);

    /// <summary>Exact equality: same type, structure and coordinates (the same WKB).</summary>
    private static Owned RichCompareBody(Borrowed self, Borrowed other, int op)
    {
        if (op is not (CApi.Py_EQ or CApi.Py_NE) || !Is(other)) return Owned.From(new Borrowed(CApi.Py_NotImplemented));
        bool equal = WkbOf(self).AsSpan().SequenceEqual(WkbOf(other));
        return Py.Bool(equal == (op == CApi.Py_EQ));
    }

    [UnmanagedCallersOnly]
    private static nint Hash(nint self) => Boundary.CallValue(self, &HashBody);

    private static nint HashBody(Borrowed self)
    {
        var hash = new HashCode();
        hash.AddBytes(WkbOf(self));
        int value = hash.ToHashCode();
        return value == -1 ? -2 : value; // -1 means "error" to CPython
    }

    private static byte[] WkbOf(Borrowed self) => WkbWriter.Write(Array(self), Row(self), WkbOptions.Default);

    private static Owned Wkt(Borrowed self) => Py.Str(WktWriter.Write(Array(self), Row(self), FullPrecision));

    private static Owned Wkb(Borrowed self) => Py.Bytes(WkbOf(self));

    /// <summary>The vertices [start, end) of a point or linestring row.</summary>
    private static (int Start, int End) Vertices(GeometryArray array, int row)
    {
        (int partStart, int partEnd) = array.PartsOf(row);
        return (array.RingOffsets[array.PartOffsets[partStart]], array.RingOffsets[array.PartOffsets[partEnd]]);
    }

    private static Owned Z(Borrowed self)
    {
        GeometryArray array = Array(self);
        int row = Row(self);
        if (array.TypeOf(row) != GeometryType.Point)
            throw new PyAttributeErrorException($"'{GeometryTypes.Name(array.TypeOf(row))}' geometry has no attribute 'z'");
        (int start, int end) = Vertices(array, row);
        double z = start == end || array.Dimension == 2 ? double.NaN : array.VertexCoordinates(start, end)[2];
        return double.IsNaN(z) ? throw new ArgumentException("the point has no z coordinate") : Py.Float(z);
    }

    /// <summary>
    /// A view of the coordinate buffer (no copy) when the row's dimension is the array's; a copy of x and
    /// y for a 2D row in an array with Z.
    /// </summary>
    private static Owned Coords(Borrowed self)
    {
        GeometryArray array = Array(self);
        int row = Row(self);
        GeometryType type = array.TypeOf(row);
        if (type is not (GeometryType.Point or GeometryType.LineString))
            throw new NotSupportedException($"a {GeometryTypes.Name(type)} has no coordinate sequence (use its parts or rings)");
        if (array.IsEmpty(row)) return Conversions.NumpyArray(array.Coordinates.Pointer, array.Coordinates, sizeof(double), "d"u8, 0, 2);
        (int start, int end) = Vertices(array, row);
        Span<byte> hasZ = stackalloc byte[1];
        Kernels.Properties.HasZ(array.Slice(row, 1), hasZ);
        int dimension = array.Dimension;
        if (hasZ[0] != 0 || dimension == 2)
            return Conversions.NumpyArray(array.Coordinates.Pointer + (long)start * dimension, array.Coordinates,
                sizeof(double), "d"u8, end - start, dimension);
        ReadOnlySpan<double> source = array.VertexCoordinates(start, end);
        DataBuffer<double> xy = DataBuffer<double>.Allocate((end - start) * 2);
        Span<double> target = xy.Span;
        for (int i = 0; i < end - start; i++)
        {
            target[2 * i] = source[3 * i];
            target[2 * i + 1] = source[3 * i + 1];
        }
        return Conversions.NumpyArray(xy.Pointer, xy, sizeof(double), "d"u8, end - start, 2);
    }

    /// <summary>The rings of a polygon row (the shell first).</summary>
    private static (int Start, int End) Rings(Borrowed self, string name)
    {
        GeometryArray array = Array(self);
        int row = Row(self);
        GeometryType type = array.TypeOf(row);
        if (type != GeometryType.Polygon)
            throw new PyAttributeErrorException($"'{GeometryTypes.Name(type)}' geometry has no attribute '{name}'");
        (int partStart, int partEnd) = array.PartsOf(row);
        return partStart == partEnd ? (0, 0) : array.RingsOf(partStart);
    }

    /// <summary>A one-row LineString array over ring <paramref name="ring"/>'s coordinates (no copy; -1: empty).</summary>
    private static GeometryArray RingAsLine(GeometryArray array, int ring)
    {
        (int start, int end) = ring < 0 ? (0, 0) : array.VerticesOf(ring);
        return new GeometryArray(1, GeometryType.LineString, array.HasZ, array.Coordinates, Offsets.Identity, Offsets.Identity,
            new Offsets(DataBuffer<int>.From([start, end])), crs: array.Crs);
    }

    private static Owned Exterior(Borrowed self)
    {
        (int start, int end) = Rings(self, "exterior");
        return Scalar(RingAsLine(Array(self), start < end ? start : -1), 0);
    }

    private static Owned Interiors(Borrowed self)
    {
        (int start, int end) = Rings(self, "interiors");
        GeometryArray array = Array(self);
        int holes = Math.Max(0, end - start - 1);
        Owned tuple = Owned.Checked(CApi.PyTuple_New(holes));
        for (int i = 0; i < holes; i++)
            CApi.PyTuple_SetItem(tuple.Handle, i, Scalar(RingAsLine(array, start + 1 + i), 0).Steal());
        return tuple;
    }

    private static Owned Geoms(Borrowed self)
    {
        GeometryArray array = Array(self);
        int row = Row(self);
        GeometryType type = array.TypeOf(row);
        if (GeometryTypes.IsSingle(type))
            throw new PyAttributeErrorException($"'{GeometryTypes.Name(type)}' geometry has no attribute 'geoms'");
        var builder = new GeometryArrayBuilder(array.MemberCount(row), array.HasZ);
        foreach (Member member in array.MembersOf(row)) builder.AppendMember(array, member);
        return PyGeometryArray.Wrap(builder.Finish(array.Crs));
    }
}
