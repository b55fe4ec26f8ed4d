using Sharply.Core.Geometries;

namespace Sharply.Core.IO;

/// <summary>Decodes one encoded value into one row of a builder.</summary>
internal interface IRowDecoder
{
    /// <summary>Input bytes per coordinate value at least (8 for WKB), used to reserve the coordinates of
    /// a chunk up front; 0 when the input size says nothing useful.</summary>
    static virtual int BytesPerValue => 0;

    /// <summary>Appends exactly one row (possibly missing) decoded from <paramref name="input"/> and
    /// returns the SRID it declares (0 for none). Throws <see cref="GeometryDecodeException"/>, possibly
    /// after appending part of the row (the caller truncates).</summary>
    static abstract int Decode(ReadOnlySpan<byte> input, GeometryArrayBuilder builder, long row);
}
