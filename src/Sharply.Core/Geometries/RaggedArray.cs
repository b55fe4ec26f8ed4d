namespace Sharply.Core.Geometries;

/// <summary>
/// Geometries of one type as Shapely's ragged arrays (GeoArrow's native layouts): one interleaved
/// coordinate array and the offsets levels from the innermost out, numbered from zero. The levels per
/// type: Point none; LineString (vertices); Polygon (ring vertices, polygon rings); MultiPoint (points);
/// MultiLineString (line vertices, lines); MultiPolygon (ring vertices, polygon rings, polygons).
/// </summary>
public sealed class RaggedArray(GeometryType type, bool hasZ, DataBuffer<double> coordinates, DataBuffer<int>[] offsets)
{
    /// <summary>The type of every geometry.</summary>
    public GeometryType Type { get; } = type;

    /// <summary>True when coordinates are x, y, z.</summary>
    public bool HasZ { get; } = hasZ;

    /// <summary>Values per coordinate: 2 or 3.</summary>
    public int Dimension => HasZ ? 3 : 2;

    /// <summary>Exactly the coordinates the offsets reference, interleaved (a view of an array's buffer when possible).</summary>
    public DataBuffer<double> Coordinates { get; } = coordinates;

    /// <summary>Number of coordinates.</summary>
    public int CoordinateCount => Coordinates.Length / Dimension;

    /// <summary>The offsets levels, innermost first, each starting at zero.</summary>
    public DataBuffer<int>[] Offsets { get; } = offsets;

    /// <summary>Number of offsets levels of a ragged array of <paramref name="type"/>, or -1 when the type has none.</summary>
    public static int LevelCount(GeometryType type) => type switch
    {
        GeometryType.Point => 0,
        GeometryType.LineString or GeometryType.MultiPoint => 1,
        GeometryType.Polygon or GeometryType.MultiLineString => 2,
        GeometryType.MultiPolygon => 3,
        _ => -1,
    };
}
