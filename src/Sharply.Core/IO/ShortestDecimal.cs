using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Sharply.Core.IO;

/// <summary>
/// The shortest decimal that reads back as a given double, by Dragonbox (J. Jeon, "Dragonbox: A New
/// Floating-Point Binary-to-Decimal Conversion Algorithm", 2020): among the shortest decimals inside the
/// value's rounding interval, the one nearest the value (an exact tie takes the even digit). One 64 x 128-bit
/// multiplication by a cached power of ten gives the interval's upper end scaled so that its width is
/// 100 to 1000 units; the shortest decimal is then found by dividing by 1000 or, failing that, 100, and
/// a second multiplication (the parity and integrality of a product) is needed only for rare boundary cases.
/// </summary>
internal static class ShortestDecimal
{
    private const ulong HiddenBit = 1UL << 52;

    /// <summary>Digits dropped below the interval's width: the width is scaled to 10^Kappa .. 10^(Kappa + 1) units.</summary>
    private const int Kappa = 2;

    private const uint BigDivisor = 1000, SmallDivisor = 100;

    /// <summary>Range of the cached powers 10^k.</summary>
    private const int MinPower = -292, MaxPower = 326;

    /// <summary>
    /// For each k from MinPower to MaxPower, ceil(10^k / 2^r) with r chosen so that 2^127 &lt;= it &lt; 2^128,
    /// stored as its high and low 64 bits (exact for 0 &lt;= k &lt;= 55, where 10^k fits).
    /// </summary>
    private static readonly ulong[] Powers = MakePowers();

    private static ulong[] MakePowers()
    {
        var powers = new ulong[2 * (MaxPower - MinPower + 1)];
        for (int k = MinPower; k <= MaxPower; k++)
        {
            int r = FloorLog2Pow10(k) - 127;
            BigInteger numerator = k >= 0 ? BigInteger.Pow(10, k) : BigInteger.One;
            BigInteger denominator = k >= 0 ? BigInteger.One : BigInteger.Pow(10, -k);
            if (r >= 0) denominator <<= r;
            else numerator <<= -r;
            BigInteger g = BigInteger.DivRem(numerator, denominator, out BigInteger remainder);
            if (!remainder.IsZero) g += 1;
            int index = 2 * (k - MinPower);
            powers[index] = (ulong)(g >> 64);
            powers[index + 1] = (ulong)(g & ulong.MaxValue);
        }
        return powers;
    }

    /// <summary>
    /// For each biased exponent e from 1 to 2046, at 2 e: the power 10^-minusK of <see cref="Powers"/> that
    /// <see cref="Nearest"/> multiplies by (minusK = floor((e - 1075) log10 2) - Kappa), looked up straight from
    /// the exponent bits: the load no longer waits for minusK to be computed.
    /// </summary>
    private static readonly ulong[] PowersByExponent = MakePowersByExponent();

    /// <summary>For each biased exponent e from 1 to 2046: beta = q + floor(-minusK log2 10), the bits by which
    /// <see cref="Nearest"/> shifts, with q = e - 1075 and minusK as in <see cref="PowersByExponent"/>.</summary>
    private static readonly byte[] BetasByExponent = MakeBetasByExponent();

    private static ulong[] MakePowersByExponent()
    {
        var powers = new ulong[2 * 2047];
        for (int biased = 1; biased < 2047; biased++)
        {
            int index = 2 * (-(FloorLog10Pow2(biased - 1075) - Kappa) - MinPower);
            powers[2 * biased] = Powers[index];
            powers[2 * biased + 1] = Powers[index + 1];
        }
        return powers;
    }

    private static byte[] MakeBetasByExponent()
    {
        var betas = new byte[2047];
        for (int biased = 1; biased < 2047; biased++)
        {
            int q = biased - 1075;
            betas[biased] = (byte)(q + FloorLog2Pow10(-(FloorLog10Pow2(q) - Kappa)));
        }
        return betas;
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
        // A subnormal's binary exponent is the smallest normal one's.
        if (biased == 0) return Nearest(1, fraction, out exponent);
        ulong c = HiddenBit | fraction;
        int q = biased - 1075;
        // An integer below 2^53 is its own shortest decimal.
        if (q is < 0 and > -53 && (c & ((1UL << -q) - 1)) == 0)
        {
            exponent = 0;
            return WithoutTrailingZeros(c >> -q, ref exponent);
        }
        // Above a power of two (but the smallest normal) the interval below is half as wide as the one above.
        if (fraction == 0 && biased > 1) return NearestInShorterInterval(q, out exponent);
        return Nearest(biased, c, out exponent);
    }

    /// <summary>The shortest decimal of c * 2^q, q = <paramref name="biased"/> - 1075, whose rounding interval is
    /// symmetric.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Nearest(int biased, ulong c, out int exponent)
    {
        // The interval's ends are included when c is even (ties round to even when read back).
        bool closed = (c & 1) == 0;
        ulong twoC = c << 1;
        int minusK = FloorLog10Pow2(biased - 1075) - Kappa;
        // Safe: 1 <= biased <= 2046 (a finite double's), inside both tables.
        int beta = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(BetasByExponent), biased);
        ref ulong power = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(PowersByExponent), 2 * biased);
        ulong high = power, low = Unsafe.Add(ref power, 1);
        // In units of 10^minusK: the interval's width (100 <= delta < 1000) and its upper end z, the integer
        // part of (2c + 1) 2^(q - 1) 10^-minusK (the top 64 of 192 product bits), with whether it is exact.
        uint delta = (uint)(high >> (63 - beta));
        ulong upper = (twoC | 1) << beta;
        ulong middle = MultiplyHigh(upper, low);
        ulong productLow = upper * high + middle;
        ulong z = MultiplyHigh(upper, high) + (productLow < middle ? 1UL : 0);
        bool zIsInteger = productLow == 0;
        // A multiple of 1000 units inside the interval is the shortest (the width is below 1000: at most one is).
        ulong significand = z / BigDivisor;
        uint r = (uint)(z - BigDivisor * significand);
        bool found;
        if (r < delta)
        {
            found = !(r == 0 && zIsInteger && !closed);
            if (!found)
            {
                // z itself is that multiple and the open interval excludes it.
                significand--;
                r = BigDivisor;
            }
        }
        else if (r > delta) found = false;
        else
        {
            // r == delta: the multiple is the lower end, up to fractions of a unit; compare them.
            (bool parity, bool isInteger) = ProductParity(twoC - 1, high, low, beta);
            found = parity | (isInteger & closed);
        }
        if (found)
        {
            exponent = minusK + Kappa + 1;
            return WithoutTrailingZeros(significand, ref exponent);
        }
        // Otherwise the multiple of 100 units nearest the value y = z - delta / 2, which is inside the interval
        // (its width is at least 100 units) and has no trailing zero (no multiple of 1000 is inside).
        exponent = minusK + Kappa;
        uint distance = r - (delta / 2) + (SmallDivisor / 2);
        uint steps = distance / SmallDivisor;
        significand = 10 * significand + steps;
        if (distance == steps * SmallDivisor)
        {
            // y's integer part is z - delta / 2 or one less, and y may be a tie: decided by its parity and
            // integrality (the divisors being even, z and r have the same parity).
            bool approximateParity = ((distance ^ (SmallDivisor / 2)) & 1) != 0;
            (bool parity, bool isInteger) = ProductParity(twoC, high, low, beta);
            if (parity != approximateParity || ((significand & 1) != 0 && isInteger)) significand--;
        }
        return significand;
    }

    /// <summary>The shortest decimal of 2^52 * 2^q (a power of two above the smallest normal), whose rounding
    /// interval below is half as wide as the one above; both ends are included (the significand is even).</summary>
    private static ulong NearestInShorterInterval(int q, out int exponent)
    {
        int minusK = FloorLog10ThreeQuartersPow2(q);
        int beta = q + FloorLog2Pow10(-minusK);
        ulong high = Powers[2 * (-minusK - MinPower)];
        // The interval's ends in units of 10^minusK; the lower one rounded up to an integer unless it is one
        // (only for q = 2, 3).
        ulong left = (high - (high >> 54)) >> (11 - beta);
        ulong right = (high + (high >> 53)) >> (11 - beta);
        if (q is not (2 or 3)) left++;
        ulong significand = right / 10;
        if (significand * 10 >= left)
        {
            exponent = minusK + 1;
            return WithoutTrailingZeros(significand, ref exponent);
        }
        // The value rounded up to an integer unit (a tie, which happens only at q = -77, goes to even).
        exponent = minusK;
        significand = ((high >> (10 - beta)) + 1) / 2;
        if ((significand & 1) != 0 && q == -77) significand--;
        else if (significand < left) significand++;
        return WithoutTrailingZeros(significand, ref exponent);
    }

    /// <summary>The parity of the integer part of <paramref name="twoF"/> 2^beta (high, low) / 2^128 and whether
    /// that product is an integer (from the low 128 of its 192 bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (bool Parity, bool IsInteger) ProductParity(ulong twoF, ulong high, ulong low, int beta)
    {
        ulong productLow = twoF * low;
        ulong productHigh = twoF * high + MultiplyHigh(twoF, low);
        return (((productHigh >> (64 - beta)) & 1) != 0, ((productHigh << beta) | (productLow >> (64 - beta))) == 0);
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
