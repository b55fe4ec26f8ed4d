using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Sharply.Core.IO;

/// <summary>
/// The shortest decimal that reads back as a given double, by Schubfach (R. Giulietti, "The Schubfach
/// way to render doubles", 2020): among the shortest decimals inside the value's rounding interval, the
/// one nearest the value (an exact tie takes the even digit), in exact integer arithmetic with one
/// 126-bit power of ten per decimal exponent.
/// </summary>
internal static class ShortestDecimal
{
    /// <summary>Binary exponent of the smallest subnormal: values are c * 2^q with q &gt;= MinBinaryExponent.</summary>
    private const int MinBinaryExponent = -1074;

    private const ulong HiddenBit = 1UL << 52;

    private const int MinDecimalExponent = -324, MaxDecimalExponent = 292;

    private const ulong Mask63 = (1UL << 63) - 1;

    /// <summary>
    /// For each decimal exponent k from -324 to 292, g = floor(10^-k / 2^r) + 1 with r chosen so that
    /// 2^125 &lt;= g &lt; 2^126, stored as the pair (g / 2^63, g mod 2^63).
    /// </summary>
    private static readonly ulong[] Powers = MakePowers();

    private static ulong[] MakePowers()
    {
        var powers = new ulong[2 * (MaxDecimalExponent - MinDecimalExponent + 1)];
        for (int k = MinDecimalExponent; k <= MaxDecimalExponent; k++)
        {
            int e = -k, r = FloorLog2Pow10(e) - 125;
            BigInteger g = e >= 0
                ? (r >= 0 ? BigInteger.Pow(10, e) >> r : BigInteger.Pow(10, e) << -r)
                : (BigInteger.One << -r) / BigInteger.Pow(10, -e);
            g += 1;
            int index = 2 * (k - MinDecimalExponent);
            powers[index] = (ulong)(g >> 63);
            powers[index + 1] = (ulong)(g & Mask63);
        }
        return powers;
    }

    /// <summary>floor(q log10 2).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FloorLog10Pow2(int q) => (int)((q * 661_971_961_083L) >> 41);

    /// <summary>floor(q log10 2 + log10 3/4).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FloorLog10ThreeQuartersPow2(int q) => (int)((q * 661_971_961_083L - 274_743_187_321L) >> 41);

    /// <summary>floor(e log2 10).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int FloorLog2Pow10(int e) => (int)((e * 913_124_641_741L) >> 38);

    /// <summary>
    /// The digits (no trailing zeros) and decimal <paramref name="exponent"/> of the shortest decimal
    /// digits * 10^exponent that reads back as the positive finite double with bits <paramref name="bits"/>
    /// (sign bit clear, not zero).
    /// </summary>
    public static ulong Of(ulong bits, out int exponent)
    {
        ulong fraction = bits & (HiddenBit - 1);
        int biased = (int)(bits >> 52);
        ulong digits;
        if (biased == 0) digits = Schubfach(MinBinaryExponent, fraction, out exponent);
        else
        {
            ulong c = HiddenBit | fraction;
            int q = biased - 1075;
            // An integer below 2^53 is its own shortest decimal.
            if (q is < 0 and > -53 && (c & ((1UL << -q) - 1)) == 0)
            {
                digits = c >> -q;
                exponent = 0;
            }
            else digits = Schubfach(q, c, out exponent);
        }
        // Trailing zeros off: digits * 5^-1 mod 2^64, rotated right by one bit, is digits / 10 when that is
        // exact and above (2^64 - 1) / 10 otherwise (one multiply per step, no division).
        for (ulong tenth = BitOperations.RotateRight(digits * 0xCCCC_CCCC_CCCC_CCCD, 1); tenth <= ulong.MaxValue / 10;
             tenth = BitOperations.RotateRight(digits * 0xCCCC_CCCC_CCCC_CCCD, 1))
        {
            digits = tenth;
            exponent++;
        }
        return digits;
    }

    /// <summary>The shortest decimal of c * 2^q, possibly with trailing zeros.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Schubfach(int q, ulong c, out int exponent)
    {
        ulong odd = c & 1;
        // In units of 2^(q - 2): the value, and the ends of its rounding interval (nearer below a power of two).
        ulong cb = c << 2, cbr = cb + 2, cbl;
        int k;
        if (c != HiddenBit || q == MinBinaryExponent)
        {
            cbl = cb - 2;
            k = FloorLog10Pow2(q);
        }
        else
        {
            cbl = cb - 1;
            k = FloorLog10ThreeQuartersPow2(q);
        }
        int h = q + FloorLog2Pow10(-k) + 2;
        // Safe: MinDecimalExponent <= k <= MaxDecimalExponent for every finite double, so both reads are inside Powers.
        ref ulong power = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Powers), 2 * (k - MinDecimalExponent));
        ulong g1 = power, g0 = Unsafe.Add(ref power, 1);
        // The value and the interval ends scaled by 10^-k, times 4, with a sticky bit for a fraction.
        ulong vb = RoundOdd(g1, g0, cb << h), vbl = RoundOdd(g1, g0, cbl << h), vbr = RoundOdd(g1, g0, cbr << h);
        ulong s = vb >> 2;
        // One digit fewer: s' = floor(s / 10); take s' or s' + 1 at exponent k + 1 when exactly one of
        // 10 s', 10 (s' + 1) is inside.
        // (Java checks this only from s = 100 on, as it writes at least two digits; small subnormals
        // need it below.)
        ulong sp = MultiplyHigh(s, 115_292_150_460_684_698UL << 4);
        ulong sp10 = 10 * sp, tp10 = sp10 + 10;
        bool lowerIn = vbl + odd <= sp10 << 2, upperIn = (tp10 << 2) + odd <= vbr;
        // Otherwise s or t = s + 1: the one inside, or when both are, the nearer (a tie takes the even one).
        // Chosen by selects, not branches: which case applies is as good as random from one value to the next.
        ulong t = s + 1;
        bool sIn = vbl + odd <= s << 2, tIn = (t << 2) + odd <= vbr;
        long compare = (long)(vb - ((s + t) << 1));
        ulong nearest = (compare > 0) | ((compare == 0) & ((s & 1) != 0)) ? t : s;
        ulong inside = sIn ? s : t;
        ulong pick = sIn == tIn ? nearest : inside;
        bool shorter = lowerIn != upperIn;
        ulong shortPick = lowerIn ? sp : sp + 1;
        exponent = shorter ? k + 1 : k;
        return shorter ? shortPick : pick;
    }

    /// <summary>floor(g * cp / 2^127) with its lowest bit set when the division is inexact (g = g1 2^63 + g0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong RoundOdd(ulong g1, ulong g0, ulong cp)
    {
        ulong x1 = MultiplyHigh(g0, cp);
        ulong y1 = MultiplyHigh(g1, cp), y0 = g1 * cp;
        ulong z = (y0 >> 1) + x1;
        ulong vbp = y1 + (z >> 63);
        return vbp | (((z & Mask63) + Mask63) >> 63);
    }

    /// <summary>The high 64 bits of a * b. (Math.BigMul's low half is an out parameter, which the JIT keeps
    /// in memory: a store and a reload on the critical path.)</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MultiplyHigh(ulong a, ulong b) => Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(a, b) : Math.BigMul(a, b, out _);
}
