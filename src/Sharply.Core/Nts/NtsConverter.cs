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
                case GeometryType.MultiPolygon:
                {
                    var polygons = new Polygon[partEnd - partStart];
                    for (int p = partStart; p < partEnd; p++) polygons[p - partStart] = (Polygon)Part(array, p, GeometryType.Polygon);
                    return Factory.CreateMultiPolygon(polygons);
                }
                default:
                {
                    var members = new NtsGeometry[partEnd - partStart];
                    for (int p = partStart; p < partEnd; p++) members[p - partStart] = Part(array, p, array.PartKindOf(p, type));
                    return Factory.CreateGeometryCollection(members);
                }
            }
        }
        catch (ArgumentException error)
        {
            throw new GeometryOperationException(row, error.Message, error);
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

    /// <summary>Appends <paramref name="geometry"/> as a row (null appends a missing row). Nested
    /// collections are flattened into their points, linestrings and polygons.</summary>
    public static void Append(GeometryArrayBuilder builder, NtsGeometry? geometry)
    {
        if (geometry is null)
        {
            builder.AppendNull();
            return;
        }
        switch (geometry)
        {
            case Point or LineString or Polygon:
                builder.BeginGeometry(KindOf(geometry));
                AppendPart(builder, geometry);
                return;
            default:
                builder.BeginGeometry(geometry switch
                {
                    MultiPoint => GeometryType.MultiPoint,
                    MultiLineString => GeometryType.MultiLineString,
                    MultiPolygon => GeometryType.MultiPolygon,
                    _ => GeometryType.GeometryCollection,
                });
                AppendMembers(builder, (GeometryCollection)geometry);
                return;
        }
    }

    private static void AppendMembers(GeometryArrayBuilder builder, GeometryCollection collection)
    {
        for (int i = 0; i < collection.NumGeometries; i++)
        {
            NtsGeometry member = collection.GetGeometryN(i);
            if (member is GeometryCollection nested) AppendMembers(builder, nested);
            else AppendPart(builder, member);
        }
    }

    private static GeometryType KindOf(NtsGeometry geometry) => geometry switch
    {
        Point => GeometryType.Point,
        LineString => GeometryType.LineString,
        _ => GeometryType.Polygon,
    };

    private static void AppendPart(GeometryArrayBuilder builder, NtsGeometry part)
    {
        GeometryType kind = KindOf(part);
        builder.BeginPart(kind);
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
