namespace Sharply.Core.IO;

/// <summary>How <see cref="WktWriter"/> formats geometries (the options of Shapely 2's <c>to_wkt</c>).</summary>
public sealed record WktOptions
{
    /// <summary>Shapely's defaults: 6 decimals, trimmed, Z kept.</summary>
    public static WktOptions Default { get; } = new();

    /// <summary>Decimals written; -1 writes 16 significant digits as GEOS does without a rounding precision.</summary>
    public int RoundingPrecision { get; init; } = 6;

    /// <summary>Drop trailing zeros (and the sign of zero): "POINT (1 2)" instead of "POINT (1.000000 2.000000)".</summary>
    public bool Trim { get; init; } = true;

    /// <summary>2 drops Z; 3 writes Z for rows that have z values.</summary>
    public int OutputDimension { get; init; } = 3;

    internal void Validate()
    {
        if (OutputDimension is not (2 or 3)) throw new ArgumentOutOfRangeException(nameof(OutputDimension), OutputDimension, "must be 2 or 3");
        if (RoundingPrecision is < -1 or > 17) throw new ArgumentOutOfRangeException(nameof(RoundingPrecision), RoundingPrecision, "must be -1 to 17");
    }
}
