using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Sharply.Core.IO;

/// <summary>
/// The shortest decimal that reads back as a given double, by Żmij (V. Zverovich, 2025, after Schubfach and
/// xjb): among the shortest decimals inside the value's rounding interval, the one nearest the value (an exact
/// tie takes the even digit). One 64 x 128-bit multiplication by a rounded-down power 10^(-k-1), with
/// k = floor(log10 ulp), gives the value in units of 10^(k+1) as an integer part (all digits but the last)
/// and a 64-bit fraction (the last digit and what lies below it). With an interval at most one unit wide, the
/// integer part or the one above is the shorter candidate when an end of the interval reaches it; otherwise
/// the last digit is the fraction times ten, rounded. The truncations in the power and the product move the
/// fraction by at most one unit in 2^64, and the decisions' thresholds are set so that no double lands on the
/// wrong side (checked for every significand near a threshold at every exponent by the algorithm's authors).
/// </summary>
internal static class ShortestDecimal
{
    private const ulong HiddenBit = 1UL << 52;

    /// <summary>Range of the powers 10^p in <see cref="Powers"/>: p = -k - 1 for every double's k.</summary>
    private const int MinPower = -293, MaxPower = 323;

    /// <summary>2^63 + 6: rounds the fraction times ten to the nearest digit, the bias of 6 sending the
    /// truncated ties (fractions a hair below d.5) to the even digit.</summary>
    private const ulong BiasedHalf = (1UL << 63) + 6;

    /// <summary>
    /// For each p from MinPower to MaxPower, floor(10^p / 2^r) with r chosen so that 2^127 &lt;= it &lt; 2^128,
    /// stored as its high and low 64 bits (exact for 0 &lt;= p &lt;= 55, where 10^p fits).
    /// </summary>
    private static readonly ulong[] Powers = MakePowers();

    private static ulong[] MakePowers()
    {
        var powers = new ulong[2 * (MaxPower - MinPower + 1)];
        for (int p = MinPower; p <= MaxPower; p++)
        {
            BigInteger ten = BigInteger.Pow(10, Math.Abs(p));
            int bits = (int)ten.GetBitLength();
            BigInteger g = p >= 0 ? (ten << 128) >> bits : (BigInteger.One << (bits + 127)) / ten;
            int index = 2 * (p - MinPower);
            powers[index] = (ulong)(g >> 64);
            powers[index + 1] = (ulong)(g & ulong.MaxValue);
        }
        return powers;
    }

    /// <summary>For each biased exponent e from 1 to 2046, at 2 e: the power 10^(-k-1) of <see cref="Powers"/>
    /// that <see cref="Of"/> multiplies by (k = floor((e - 1075) log10 2)), looked up straight from the exponent
    /// bits: the load does not wait for k to be computed.</summary>
    private static readonly ulong[] PowersByExponent = MakePowersByExponent();

    /// <summary>For each biased exponent e from 1 to 2046: the shift of the significand (3 to 6) that puts the
    /// product's binary point 134 bits up, q + floor((-k - 1) log2 10) + 7 with q = e - 1075.</summary>
    private static readonly byte[] ShiftsByExponent = MakeShiftsByExponent();

    private static ulong[] MakePowersByExponent()
    {
        var powers = new ulong[2 * 2047];
        for (int biased = 1; biased < 2047; biased++)
        {
            int index = 2 * (-FloorLog10Pow2(biased - 1075) - 1 - MinPower);
            powers[2 * biased] = Powers[index];
            powers[2 * biased + 1] = Powers[index + 1];
        }
        return powers;
    }

    private static byte[] MakeShiftsByExponent()
    {
        var shifts = new byte[2047];
        for (int biased = 1; biased < 2047; biased++)
        {
            int q = biased - 1075;
            shifts[biased] = (byte)(q + FloorLog2Pow10(-FloorLog10Pow2(q) - 1) + 7);
        }
        return shifts;
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
        // A power of two's interval below is half as wide as the one above.
        if (fraction == 0) return OfPowerOfTwo(biased, out exponent);
        ulong c = fraction | HiddenBit;
        if (biased == 0)
        {
            // A subnormal has the smallest normal's binary exponent and no hidden bit.
            biased = 1;
            c = fraction;
        }
        // Safe: 1 <= biased <= 2046 (a finite double's), inside both tables.
        int shift = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ShiftsByExponent), biased);
        ref ulong power = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(PowersByExponent), 2 * biased);
        ulong high = power;
        (ulong integral, ulong fractional) = Scale(c << shift, high, Unsafe.Add(ref power, 1));
        int k = FloorLog10Pow2(biased - 1075);
        // Half the interval's width in units of 2^-64 (of 10^(k+1)), plus one when the ends are included (c even).
        ulong halfWidth = (high >> (7 - shift)) + ((c & 1) ^ 1);
        // The upper end passes the next integer (the carry of fractional + halfWidth) or the lower end is below
        // the integer part: that integer, one digit shorter, is inside (the width is below one unit: at most one is).
        bool up = halfWidth > ~fractional, down = halfWidth > fractional;
        ulong lastDigit = MultiplyHigh(fractional, 10) + (fractional * 10 > ~BiasedHalf ? 1UL : 0);
        // An exact x.25 is a tie between digits 2 and 3 that the bias would send to 3.
        if (fractional == 1UL << 62) lastDigit = 2;
        if (up | down)
        {
            exponent = k + 1;
            return WithoutTrailingZeros(integral + (up ? 1UL : 0), ref exponent);
        }
        // Never 0: that decimal would be the shorter integral part, found inside above.
        exponent = k;
        return 10 * integral + lastDigit;
    }

    /// <summary>The shortest decimal of 2^52 * 2^q, q = <paramref name="biased"/> - 1075 (the interval below is
    /// half as wide as the one above; both ends are included, the significand being even).</summary>
    private static ulong OfPowerOfTwo(int biased, out int exponent)
    {
        int q = biased - 1075;
        // k = floor(log10 (3/4) 2^q): the interval's width is still below one unit of 10^(k+1).
        int k = FloorLog10ThreeQuartersPow2(q);
        int p = -k - 1;
        int shift = q + FloorLog2Pow10(p) + 7;
        ulong high = Powers[2 * (p - MinPower)];
        (ulong integral, ulong fractional) = Scale(HiddenBit << shift, high, Powers[2 * (p - MinPower) + 1]);
        // The width above the value, in units of 2^-64 of 10^(k+1); the width below is half that.
        ulong halfWidth = high >> (7 - shift);
        bool up = halfWidth > ~fractional, down = (halfWidth >> 1) > fractional;
        if (up | down)
        {
            exponent = k + 1;
            return WithoutTrailingZeros(integral + (up ? 1UL : 0), ref exponent);
        }
        // The nearest last digit (ties up: the value is never one), raised to the lower end's when below it.
        ulong nearest = MultiplyHigh(fractional, 10) + (fractional * 10 > ~((1UL << 63) - 1) ? 1UL : 0);
        ulong lower = fractional - (halfWidth >> 1);
        ulong lowest = MultiplyHigh(lower, 10) + (lower * 10 != 0 ? 1UL : 0);
        exponent = k;
        return 10 * integral + Math.Max(nearest, lowest);
    }

    /// <summary>The top 128 bits of the 192-bit product of <paramref name="scaled"/> and (high, low), split at the
    /// binary point 134 bits up: the integer part and the 64 bits below the point.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Integral, ulong Fractional) Scale(ulong scaled, ulong high, ulong low)
    {
        ulong middle = MultiplyHigh(scaled, low);
        ulong productLow = scaled * high + middle;
        ulong productHigh = MultiplyHigh(scaled, high) + (productLow < middle ? 1UL : 0);
        return (productHigh >> 6, (productHigh << 58) | (productLow >> 6));
    }

    /// <summary>Trailing zeros off: digits * 5^-1 mod 2^64, rotated right by one bit, is digits / 10 when that is
    /// exact and above (2^64 - 1) / 10 otherwise (one multiply per step, no division).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong WithoutTrailingZeros(ulong digits, ref int exponent)
    {
        for (ulong tenth = BitOperations.RotateRight(digits * 0xCCCC_CCCC_CCCC_CCCD, 1); tenth <= ulong.MaxValue / 10;
             tenth = BitOperations.RotateRight(digits * 0xCCCC_CCCC_CCCC_CCCD, 1))
        {
            digits = tenth;
            exponent++;
        }
        return digits;
    }

    /// <summary>The high 64 bits of a * b. (Math.BigMul's low half is an out parameter, which the JIT keeps
    /// in memory: a store and a reload on the critical path.)</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MultiplyHigh(ulong a, ulong b) => Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(a, b) : Math.BigMul(a, b, out _);
}
