using System.Globalization;
using System.Text;
using Sharply.Core.Geometries;

namespace Sharply.Core.Tests.Arrow;

/// <summary>One array per geometry type with a regular row, a null, an empty and a last regular row,
/// and a WKT-like description of rows to compare arrays by value.</summary>
internal static class GeoArrowFixtures
{
    public static readonly GeometryType[] NativeTypes =
    [
        GeometryType.Point, GeometryType.LineString, GeometryType.Polygon,
        GeometryType.MultiPoint, GeometryType.MultiLineString, GeometryType.MultiPolygon,
    ];

    public static GeometryArray Build(GeometryType type, bool z = false, string? crs = null)
    {
        var b = new GeometryArrayBuilder(hasZ: z);
        Row(b, type, z, 0);
        b.AppendNull();
        Empty(b, type, z);
        Row(b, type, z, 10);
        return b.Finish(crs);
    }

    private static void Empty(GeometryArrayBuilder b, GeometryType type, bool z)
    {
        if (type == GeometryType.Point)
        {
            b.BeginGeometry(type);
            b.BeginPart(GeometryType.Point);
            b.BeginRing();
            if (z) b.AddCoordinate(double.NaN, double.NaN, double.NaN);
            else b.AddCoordinate(double.NaN, double.NaN);
            return;
        }
        b.BeginGeometry(type);
        if (type == GeometryType.LineString) { b.BeginPart(type); b.BeginRing(); }
        if (type == GeometryType.Polygon) b.BeginPart(type);
    }

    private static void Ring(GeometryArrayBuilder b, bool z, double shift, params double[] xy)
    {
        b.BeginRing();
        for (int i = 0; i < xy.Length; i += 2)
            if (z) b.AddCoordinate(xy[i] + shift, xy[i + 1], shift + i);
            else b.AddCoordinate(xy[i] + shift, xy[i + 1]);
    }

    private static void Part(GeometryArrayBuilder b, GeometryType kind, bool z, double shift)
    {
        b.BeginPart(kind);
        switch (kind)
        {
            case GeometryType.Point:
                Ring(b, z, shift, 1, 2);
                break;
            case GeometryType.LineString:
                Ring(b, z, shift, 0, 0, 1, 1, 2, 0);
                break;
            default:
                Ring(b, z, shift, 0, 0, 4, 0, 4, 4, 0, 4, 0, 0);
                Ring(b, z, shift, 1, 1, 2, 1, 2, 2, 1, 1);
                break;
        }
    }

    private static void Row(GeometryArrayBuilder b, GeometryType type, bool z, double shift)
    {
        b.BeginGeometry(type);
        GeometryType kind = GeometryTypes.PartKind(type);
        int parts = GeometryTypes.IsSingle(type) ? 1 : 2;
        for (int part = 0; part < parts; part++) Part(b, kind, z, shift + part * 100);
    }

    /// <summary>Live exports once earlier tests' unreachable imports have been finalized.</summary>
    public static long SettledLiveCount()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        return Sharply.Core.Arrow.ArrowExport.LiveCount;
    }

    /// <summary>Every row as text: "null" or the type followed by parts, rings and coordinates.</summary>
    public static string[] Describe(GeometryArray array)
    {
        var rows = new string[array.Length];
        for (int row = 0; row < array.Length; row++)
        {
            if (array.IsNull(row))
            {
                rows[row] = "null";
                continue;
            }
            var text = new StringBuilder(GeometryTypes.Name(array.TypeOf(row)));
            (int partStart, int partEnd) = array.PartsOf(row);
            for (int part = partStart; part < partEnd; part++)
            {
                text.Append(" (");
                (int ringStart, int ringEnd) = array.RingsOf(part);
                for (int ring = ringStart; ring < ringEnd; ring++)
                {
                    text.Append('[');
                    ReadOnlySpan<double> values = array.RingCoordinates(ring);
                    for (int i = 0; i < values.Length; i++)
                        text.Append(i % array.Dimension == 0 && i > 0 ? ", " : i > 0 ? " " : "")
                            .Append(values[i].ToString(CultureInfo.InvariantCulture));
                    text.Append(']');
                }
                text.Append(')');
            }
            rows[row] = text.ToString();
        }
        return rows;
    }
}
