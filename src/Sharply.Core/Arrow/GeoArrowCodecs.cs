namespace Sharply.Core.Arrow;

/// <summary>
/// The WKB and WKT codecs that geoarrow.wkb / geoarrow.wkt import and export use: by default those of
/// <c>Sharply.Core.IO</c> (WKT written at full precision). They can be replaced, or set to null; while
/// one is missing, the encodings that need it throw <see cref="NotSupportedException"/>.
/// </summary>
public static class GeoArrowCodecs
{
    /// <summary>Writes rows as WKB for <c>geoarrow.wkb</c> export.</summary>
    public static GeometryEncoder? WkbEncoder { get; set; } = IO.GeoArrowSerialization.EncodeWkb;
    /// <summary>Writes rows as WKT for <c>geoarrow.wkt</c> export.</summary>
    public static GeometryEncoder? WktEncoder { get; set; } = IO.GeoArrowSerialization.EncodeWkt;
    /// <summary>Reads <c>geoarrow.wkb</c> (and bare Binary) imports.</summary>
    public static GeometryDecoder? WkbDecoder { get; set; } = IO.GeoArrowSerialization.DecodeWkb;
    /// <summary>Reads <c>geoarrow.wkt</c> (and bare Utf8) imports.</summary>
    public static GeometryDecoder? WktDecoder { get; set; } = IO.GeoArrowSerialization.DecodeWkt;

    internal static T Require<T>(T? codec, string name) where T : Delegate =>
        codec ?? throw new NotSupportedException($"no {name} codec is registered in GeoArrowCodecs");
}
