namespace Sharply.Core.Geometries;

/// <summary>Validity bitmaps of kernels that decide presence row by row.</summary>
internal static class ValidityBits
{
    /// <summary>The bitmap of one flag byte per row (non-zero = present), or null when every row is present.</summary>
    public static DataBuffer<byte>? FromFlags(ReadOnlySpan<byte> present)
    {
        if (!present.Contains((byte)0)) return null;
        DataBuffer<byte> bits = DataBuffer<byte>.Allocate((present.Length + 7) / 8);
        Span<byte> span = bits.Span;
        span.Clear();
        for (int i = 0; i < present.Length; i++)
            if (present[i] != 0) span[i >> 3] |= (byte)(1 << (i & 7));
        return bits;
    }
}
