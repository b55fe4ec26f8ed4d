using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;
using Sharply.Core.Geometries;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace Sharply.Core.Nts;

/// <summary>
/// Converts rows of a <see cref="GeometryArray"/> to NetTopologySuite geometries (viewing the array's
/// coordinates without copying) and NetTopologySuite geometries back to rows of a builder.
/// </summary>
public static class NtsConverter
{
    /// <summary>The factory of every geometry made here (floating precision, SRID 0).</summary>
    public static GeometryFactory Factory { get; } =
        new(new PrecisionModel(), 0, CoordinateArraySequenceFactory.Instance);

    /// <summary>Row <paramref name="row"/> as an NTS geometry, or null when the row is missing.</summary>
    /// <exception cref="GeometryOperationException">The row cannot be represented (e.g. an unclosed ring).</exception>
    public static NtsGeometry? ToNts(GeometryArray array, int row)
    {
        if (array.IsNull(row)) return null;
        GeometryType type = array.TypeOf(row);
        (int partStart, int partEnd) = array.PartsOf(row);
        try
        {
            if (type != GeometryType.GeometryCollection) return Geometry(array, type, partStart, partEnd);
            var members = new NtsGeometry[array.MemberCount(row)];
            int i = 0;
            foreach (Member member in array.MembersOf(row)) members[i++] = Geometry(array, member.Type, member.PartStart, member.PartEnd);
            return Factory.CreateGeometryCollection(members);
        }
        catch (ArgumentException error)
        {
            throw new GeometryOperationException(row, error);
        }
    }

    /// <summary>A geometry of a type other than GeometryCollection over parts <c>[partStart, partEnd)</c>.</summary>
    private static NtsGeometry Geometry(GeometryArray array, GeometryType type, int partStart, int partEnd)
    {
        switch (type)
        {
            case GeometryType.Point:
            case GeometryType.LineString:
            case GeometryType.Polygon:
                return partEnd > partStart ? Part(array, partStart, type) : Empty(type);
            case GeometryType.MultiPoint:
            {
                var points = new Point[partEnd - partStart];
                for (int p = partStart; p < partEnd; p++) points[p - partStart] = (Point)Part(array, p, GeometryType.Point);
                return Factory.CreateMultiPoint(points);
            }
            case GeometryType.MultiLineString:
            {
                var lines = new LineString[partEnd - partStart];
                for (int p = partStart; p < partEnd; p++) lines[p - partStart] = (LineString)Part(array, p, GeometryType.LineString);
                return Factory.CreateMultiLineString(lines);
            }
            default:
            {
                var polygons = new Polygon[partEnd - partStart];
                for (int p = partStart; p < partEnd; p++) polygons[p - partStart] = (Polygon)Part(array, p, GeometryType.Polygon);
                return Factory.CreateMultiPolygon(polygons);
            }
        }
    }

    private static NtsGeometry Empty(GeometryType type) => type switch
    {
        GeometryType.Point => Factory.CreatePoint(),
        GeometryType.LineString => Factory.CreateLineString(),
        _ => Factory.CreatePolygon(),
    };

    private static NtsGeometry Part(GeometryArray array, int part, GeometryType kind)
    {
        (int ringStart, int ringEnd) = array.RingsOf(part);
        switch (kind)
        {
            case GeometryType.Point:
                return array.IsPartEmpty(part, kind) ? Factory.CreatePoint() : Factory.CreatePoint(View(array, ringStart));
            case GeometryType.LineString:
                return ringEnd > ringStart ? Factory.CreateLineString(View(array, ringStart)) : Factory.CreateLineString();
            default:
                if (ringEnd == ringStart) return Factory.CreatePolygon();
                LinearRing shell = Factory.CreateLinearRing(View(array, ringStart));
                var holes = new LinearRing[ringEnd - ringStart - 1];
                for (int r = ringStart + 1; r < ringEnd; r++) holes[r - ringStart - 1] = Factory.CreateLinearRing(View(array, r));
                return Factory.CreatePolygon(shell, holes);
        }
    }

    private static CoordinateSequence View(GeometryArray array, int ring)
    {
        (int start, int end) = array.VerticesOf(ring);
        return new CoordinateView(array, start, end - start);
    }

    /// <summary>Appends <paramref name="geometry"/> as a row (null appends a missing row). A collection
    /// nested in a collection is flattened into its members.</summary>
    public static void Append(GeometryArrayBuilder builder, NtsGeometry? geometry)
    {
        if (geometry is null)
        {
            builder.AppendNull();
            return;
        }
        GeometryType type = TypeOf(geometry);
        builder.BeginGeometry(type);
        AppendBody(builder, geometry, type);
    }

    /// <summary>The parts of a geometry whose row or member has been begun (a nested collection's members).</summary>
    private static void AppendBody(GeometryArrayBuilder builder, NtsGeometry geometry, GeometryType type)
    {
        if (GeometryTypes.IsSingle(type))
        {
            AppendPart(builder, geometry);
            return;
        }
        var collection = (GeometryCollection)geometry;
        for (int i = 0; i < collection.NumGeometries; i++)
        {
            NtsGeometry member = collection.GetGeometryN(i);
            if (type != GeometryType.GeometryCollection)
            {
                AppendPart(builder, member);
                continue;
            }
            GeometryType memberType = TypeOf(member);
            if (memberType != GeometryType.GeometryCollection) builder.BeginMember(memberType);
            AppendBody(builder, member, memberType);
        }
    }

    private static GeometryType TypeOf(NtsGeometry geometry) => geometry switch
    {
        Point => GeometryType.Point,
        LineString => GeometryType.LineString,
        Polygon => GeometryType.Polygon,
        MultiPoint => GeometryType.MultiPoint,
        MultiLineString => GeometryType.MultiLineString,
        MultiPolygon => GeometryType.MultiPolygon,
        _ => GeometryType.GeometryCollection,
    };

    private static void AppendPart(GeometryArrayBuilder builder, NtsGeometry part)
    {
        builder.BeginPart(TypeOf(part));
        switch (part)
        {
            case Point point:
                builder.BeginRing();
                if (point.IsEmpty) builder.AddCoordinate(double.NaN, double.NaN);
                else AppendSequence(builder, point.CoordinateSequence);
                return;
            case LineString line:
                builder.BeginRing();
                AppendSequence(builder, line.CoordinateSequence);
                return;
            case Polygon polygon:
                if (polygon.IsEmpty) return;
                builder.BeginRing();
                AppendSequence(builder, polygon.Shell.CoordinateSequence);
                foreach (LinearRing hole in polygon.Holes)
                {
                    builder.BeginRing();
                    AppendSequence(builder, hole.CoordinateSequence);
                }
                return;
        }
    }

    private static void AppendSequence(GeometryArrayBuilder builder, CoordinateSequence sequence)
    {
        bool hasZ = sequence.HasZ;
        for (int i = 0; i < sequence.Count; i++)
        {
            double z = hasZ ? sequence.GetZ(i) : double.NaN;
            if (double.IsNaN(z)) builder.AddCoordinate(sequence.GetX(i), sequence.GetY(i));
            else builder.AddCoordinate(sequence.GetX(i), sequence.GetY(i), z);
        }
    }

    /// <summary>Builds an array from NTS geometries (nulls become missing rows).</summary>
    public static GeometryArray ToArray(IReadOnlyList<NtsGeometry?> geometries, string? crs = null)
    {
        var builder = new GeometryArrayBuilder(geometries.Count);
        foreach (NtsGeometry? geometry in geometries) Append(builder, geometry);
        return builder.Finish(crs);
    }
}
