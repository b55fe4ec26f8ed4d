using Sharply.Core.Geometries;

namespace Sharply.Core.IO;

/// <summary>The geometries decoded from many rows of WKB, WKT or GeoJSON.</summary>
public sealed class DecodeResult(GeometryArray array, IReadOnlyList<DecodeFailure> failures, int srid)
{
    /// <summary>One geometry per input row; missing inputs and (unless raised) invalid ones are missing rows.</summary>
    public GeometryArray Array { get; } = array;

    /// <summary>The rows that failed, in row order, when the policy was <see cref="OnInvalid.Warn"/>; else empty.</summary>
    public IReadOnlyList<DecodeFailure> Failures { get; } = failures;

    /// <summary>The first non-zero SRID found in the input (EWKB only), or 0.</summary>
    public int Srid { get; } = srid;
}
