using Sharply.Core.Geometries;

namespace Sharply.Core.IO;

/// <summary>
/// Encoded geometries, one value per row, stored back to back in one buffer (the layout of an Arrow
/// large binary / large string array). Missing rows have a cleared validity bit and no bytes.
/// </summary>
public sealed class EncodedRows(int length, DataBuffer<byte> data, DataBuffer<long> offsets, DataBuffer<byte>? validity)
{
    /// <summary>Number of rows.</summary>
    public int Length { get; } = length;

    /// <summary>All values back to back.</summary>
    public DataBuffer<byte> Data { get; } = data;

    /// <summary>Row <c>i</c> spans bytes <c>[Offsets[i], Offsets[i + 1])</c> of <see cref="Data"/>.</summary>
    public DataBuffer<long> Offsets { get; } = offsets;

    /// <summary>Validity bitmap (bit set = present, least significant bit first), or null when no row is missing.</summary>
    public DataBuffer<byte>? Validity { get; } = validity;

    /// <summary>True when row <paramref name="row"/> is missing.</summary>
    public bool IsNull(int row) => Validity is not null && (Validity.Span[row >> 3] & (1 << (row & 7))) == 0;

    /// <summary>The bytes of row <paramref name="row"/>.</summary>
    public ReadOnlySpan<byte> this[int row]
    {
        get
        {
            ReadOnlySpan<long> offsets = Offsets.Span;
            return Data.Span[(int)offsets[row]..(int)offsets[row + 1]];
        }
    }
}
