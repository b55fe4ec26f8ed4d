namespace Sharply.Core.IO;

/// <summary>How <see cref="GeoJsonWriter"/> formats geometries.</summary>
public sealed record GeoJsonOptions
{
    /// <summary>Compact output, as Shapely 2's <c>to_geojson</c> writes by default.</summary>
    public static GeoJsonOptions Default { get; } = new();

    /// <summary>Spaces per nesting level, one value per line (as GEOS / nlohmann json indent), or null for compact output.</summary>
    public int? Indent { get; init; }

    internal void Validate()
    {
        if (Indent is < 0 or > 64) throw new ArgumentOutOfRangeException(nameof(Indent), Indent, "must be 0 to 64");
    }
}
