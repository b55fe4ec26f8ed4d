namespace Sharply.Core.Index;

/// <summary>Position along a Hilbert curve over a 65536 × 65536 grid.</summary>
internal static class Hilbert
{
    /// <summary>Largest grid coordinate.</summary>
    public const uint Max = 0xFFFF;

    /// <summary>The curve index of cell (<paramref name="x"/>, <paramref name="y"/>), both at most <see cref="Max"/>.
    /// Branch-free: the curve's state is propagated over the bits in parallel prefix steps.</summary>
    public static uint Index(uint x, uint y)
    {
        uint a = x ^ y;
        uint b = 0xFFFF ^ a;
        uint c = 0xFFFF ^ (x | y);
        uint d = x & (y ^ 0xFFFF);

        uint na = a | (b >> 1);
        uint nb = (a >> 1) ^ a;
        uint nc = ((c >> 1) ^ (b & (d >> 1))) ^ c;
        uint nd = ((a & (c >> 1)) ^ (d >> 1)) ^ d;

        a = na; b = nb; c = nc; d = nd;
        na = (a & (a >> 2)) ^ (b & (b >> 2));
        nb = (a & (b >> 2)) ^ (b & ((a ^ b) >> 2));
        nc ^= (a & (c >> 2)) ^ (b & (d >> 2));
        nd ^= (b & (c >> 2)) ^ ((a ^ b) & (d >> 2));

        a = na; b = nb; c = nc; d = nd;
        na = (a & (a >> 4)) ^ (b & (b >> 4));
        nb = (a & (b >> 4)) ^ (b & ((a ^ b) >> 4));
        nc ^= (a & (c >> 4)) ^ (b & (d >> 4));
        nd ^= (b & (c >> 4)) ^ ((a ^ b) & (d >> 4));

        a = na; b = nb; c = nc; d = nd;
        nc ^= (a & (c >> 8)) ^ (b & (d >> 8));
        nd ^= (b & (c >> 8)) ^ ((a ^ b) & (d >> 8));

        a = nc ^ (nc >> 1);
        b = nd ^ (nd >> 1);

        uint i0 = x ^ y;
        uint i1 = b | (0xFFFF ^ (i0 | a));
        return (Spread(i1) << 1) | Spread(i0);
    }

    /// <summary>Moves bit k of a 16-bit value to bit 2k.</summary>
    private static uint Spread(uint v)
    {
        v = (v | (v << 8)) & 0x00FF00FF;
        v = (v | (v << 4)) & 0x0F0F0F0F;
        v = (v | (v << 2)) & 0x33333333;
        return (v | (v << 1)) & 0x55555555;
    }
}
