namespace Sharply.Core.Arrow;

/// <summary>
/// The WKB and WKT codecs that geoarrow.wkb / geoarrow.wkt import and export use. They live in
/// <c>Sharply.Core.IO</c> and are registered here once at start-up (the Arrow layer does not depend on IO).
/// While one is missing, the encodings that need it throw <see cref="NotSupportedException"/>.
/// </summary>
public static class GeoArrowCodecs
{
    public static GeometryEncoder? WkbEncoder { get; set; }
    public static GeometryEncoder? WktEncoder { get; set; }
    public static GeometryDecoder? WkbDecoder { get; set; }
    public static GeometryDecoder? WktDecoder { get; set; }

    internal static T Require<T>(T? codec, string name) where T : Delegate =>
        codec ?? throw new NotSupportedException($"no {name} codec is registered in GeoArrowCodecs");
}
