namespace Sharply.Core.Arrow;

/// <summary>How a <see cref="Geometries.GeometryArray"/> is laid out in Arrow.</summary>
public enum GeoArrowEncoding
{
    /// <summary>The native type when the array has one geometry type (interleaved coordinates, no copy), else WKB.</summary>
    Default,
    /// <summary>The native type with interleaved coordinates: FixedSizeList&lt;double&gt;[2|3].</summary>
    Interleaved,
    /// <summary>The native type with separated coordinates: Struct&lt;x, y[, z]&gt; (copies the coordinates).</summary>
    Separated,
    /// <summary>geoarrow.wkb: Binary, one well-known-binary value per row.</summary>
    Wkb,
    /// <summary>geoarrow.wkt: Utf8, one well-known-text value per row.</summary>
    Wkt,
}
