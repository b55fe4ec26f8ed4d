namespace Sharply.Core.Geometries;

/// <summary>Geometry type codes. The values are the ISO WKB type codes (without dimension flags).</summary>
public enum GeometryType : byte
{
    /// <summary>No single type: used for arrays that mix types.</summary>
    Mixed = 0,
    /// <summary>A point.</summary>
    Point = 1,
    /// <summary>A linestring (linear rings too).</summary>
    LineString = 2,
    /// <summary>A polygon: a shell and holes.</summary>
    Polygon = 3,
    /// <summary>A collection of points.</summary>
    MultiPoint = 4,
    /// <summary>A collection of linestrings.</summary>
    MultiLineString = 5,
    /// <summary>A collection of polygons.</summary>
    MultiPolygon = 6,
    /// <summary>A collection of geometries of any types.</summary>
    GeometryCollection = 7,
}

/// <summary>Pure facts about <see cref="GeometryType"/>.</summary>
public static class GeometryTypes
{
    /// <summary>The kind of the parts of a geometry of this type: Point, LineString or Polygon
    /// (Mixed for collections, whose parts carry their own kind).</summary>
    public static GeometryType PartKind(GeometryType type) => type switch
    {
        GeometryType.Point or GeometryType.MultiPoint => GeometryType.Point,
        GeometryType.LineString or GeometryType.MultiLineString => GeometryType.LineString,
        GeometryType.Polygon or GeometryType.MultiPolygon => GeometryType.Polygon,
        _ => GeometryType.Mixed,
    };

    /// <summary>True for Point, LineString and Polygon: types that always hold exactly one part.</summary>
    public static bool IsSingle(GeometryType type) =>
        type is GeometryType.Point or GeometryType.LineString or GeometryType.Polygon;

    /// <summary>Shapely's type id: Point 0, LineString 1, (LinearRing 2), Polygon 3, MultiPoint 4,
    /// MultiLineString 5, MultiPolygon 6, GeometryCollection 7.</summary>
    public static int ShapelyTypeId(GeometryType type) => type switch
    {
        GeometryType.Point => 0,
        GeometryType.LineString => 1,
        _ => (int)type,
    };

    /// <summary>The WKT / GeoJSON name, e.g. "MultiPolygon".</summary>
    public static string Name(GeometryType type) => type switch
    {
        GeometryType.Point => "Point",
        GeometryType.LineString => "LineString",
        GeometryType.Polygon => "Polygon",
        GeometryType.MultiPoint => "MultiPoint",
        GeometryType.MultiLineString => "MultiLineString",
        GeometryType.MultiPolygon => "MultiPolygon",
        GeometryType.GeometryCollection => "GeometryCollection",
        _ => "Geometry",
    };
}
