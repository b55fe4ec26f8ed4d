using System.Globalization;
using System.Numerics;
using Sharply.Core.IO;

namespace Sharply.Core.Tests.IO;

/// <summary>Shortest decimals (Żmij) must read back, carry no trailing zero and equal .NET's round-trip digits
/// (the shortest, nearest the value), above all where an interval's end or a tie lands on a decimal exactly.</summary>
public class ShortestDecimalTests
{
    /// <summary>Powers of two whose .NET round-trip text does not read back, with their right digits.</summary>
    private static readonly Dictionary<double, (ulong Digits, int Exponent)> NetRoundTripDefects = new()
    {
        [Math.ScaleB(1.0, -958)] = (41045368012983762, -305),
        [Math.ScaleB(1.0, -25)] = (29802322387695312, -24),
    };

    /// <summary>The digits without trailing zeros and exponent of .NET's round-trip text of a positive double.</summary>
    private static (ulong Digits, int Exponent) NetShortest(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        int e = text.IndexOf('E');
        int exponent = e < 0 ? 0 : int.Parse(text[(e + 1)..], CultureInfo.InvariantCulture);
        string mantissa = e < 0 ? text : text[..e];
        int point = mantissa.IndexOf('.');
        if (point >= 0)
        {
            exponent -= mantissa.Length - point - 1;
            mantissa = mantissa.Remove(point, 1);
        }
        ulong digits = ulong.Parse(mantissa, CultureInfo.InvariantCulture);
        for (; digits % 10 == 0; digits /= 10) exponent++;
        return (digits, exponent);
    }

    private static void AssertShortest(double value)
    {
        ulong digits = ShortestDecimal.Of(BitConverter.DoubleToUInt64Bits(value), out int exponent);
        string text = $"{digits}e{exponent}";
        Assert.True(digits % 10 != 0, $"{value:R}: trailing zero in {text}");
        Assert.True(double.Parse(text, CultureInfo.InvariantCulture) == value, $"{value:R}: {text} does not read back");
        (ulong Digits, int Exponent) expected = NetRoundTripDefects.TryGetValue(value, out var right) ? right : NetShortest(value);
        Assert.True(expected == (digits, exponent), $"{value:R}: {text}, expected {expected.Digits}e{expected.Exponent}");
    }

    private static double FromParts(ulong significand, int biased) => BitConverter.UInt64BitsToDouble(((ulong)biased << 52) | (significand & ((1UL << 52) - 1)));

    [Theory]
    [InlineData(1.0, 1UL, 0)]
    [InlineData(0.1, 1UL, -1)]
    [InlineData(0.3, 3UL, -1)]
    [InlineData(970217.0223999023, 9702170223999023UL, -10)]
    [InlineData(9007199254740992.0, 9007199254740992UL, 0)]
    [InlineData(9007199254740994.0, 9007199254740994UL, 0)]
    [InlineData(18014398509481984.0, 18014398509481984UL, 0)]
    [InlineData(1e23, 1UL, 23)]
    [InlineData(5e-324, 5UL, -324)]
    [InlineData(1e-323, 1UL, -323)]
    [InlineData(2.2250738585072014e-308, 22250738585072014UL, -324)]
    [InlineData(2.225073858507201e-308, 2225073858507201UL, -323)]
    [InlineData(1.7976931348623157e308, 17976931348623157UL, 292)]
    [InlineData(562949953421312.25, 5629499534213122UL, -1)]
    [InlineData(562949953421312.75, 5629499534213128UL, -1)]
    public void KnownDecimals(double value, ulong digits, int exponent)
    {
        Assert.Equal(digits, ShortestDecimal.Of(BitConverter.DoubleToUInt64Bits(value), out int actual));
        Assert.Equal(exponent, actual);
        AssertShortest(value);
    }

    [Fact]
    public void RandomBitPatterns()
    {
        var random = new Random(21);
        for (int i = 0; i < 1_500_000; i++) AssertShortest(BitConverter.Int64BitsToDouble(random.NextInt64(1, 0x7FF0000000000000)));
    }

    [Fact]
    public void EveryPowerOfTwoAndItsNeighbours()
    {
        for (int biased = 1; biased < 2047; biased++)
            foreach (double value in new[] { FromParts(0, biased), FromParts(1, biased), FromParts(2, biased), FromParts(ulong.MaxValue, biased), FromParts(ulong.MaxValue - 1, biased) })
                AssertShortest(value);
        for (int exponent = 0; exponent < 52; exponent++) AssertShortest(BitConverter.UInt64BitsToDouble(1UL << exponent));
    }

    [Fact]
    public void SubnormalsAndTheSmallestNormals()
    {
        for (ulong bits = 1; bits < 200_000; bits++) AssertShortest(BitConverter.UInt64BitsToDouble(bits));
        for (ulong bits = (1UL << 52) - 100_000; bits < (1UL << 52) + 100_000; bits++) AssertShortest(BitConverter.UInt64BitsToDouble(bits));
        var random = new Random(22);
        for (int i = 0; i < 200_000; i++) AssertShortest(BitConverter.Int64BitsToDouble(random.NextInt64(1, 1L << 52)));
    }

    [Fact]
    public void IntegersAroundTwoToThe53()
    {
        // Below 2^53 every integer is a double, above it every other one, then every fourth.
        for (long offset = -20_000; offset <= 20_000; offset++)
        {
            AssertShortest((1L << 53) + offset);
            AssertShortest((1L << 54) + 2 * offset);
            AssertShortest((1L << 55) + 4 * offset);
        }
        for (long integer = 1; integer < 200_000; integer++) AssertShortest(integer);
    }

    [Fact]
    public void EveryDigitCountAtEveryDecimalExponent()
    {
        var random = new Random(23);
        for (int exponent = -324; exponent <= 308; exponent++)
            for (int count = 1; count <= 17; count++)
                for (int i = 0; i < 6; i++)
                {
                    long digits = random.NextInt64((long)Math.Pow(10, count - 1), (long)Math.Pow(10, count));
                    double value = double.Parse($"{digits}e{exponent - count + 1}", CultureInfo.InvariantCulture);
                    if (value > 0 && double.IsFinite(value)) AssertShortest(value);
                }
    }

    [Fact]
    public void IntervalEndsOnAShorterDecimal()
    {
        // c 2^q with q >= 2: the interval's lower end (2c - 1) 2^(q-1) is a multiple of 10^(k+1), k = floor(q log10 2),
        // when 2c = 1 mod 5^(k+1); the upper end (2c + 1) 2^(q-1) when 2c = -1 mod 5^(k+1). Included for even c only.
        var random = new Random(24);
        for (int q = 2; q <= 76; q++)
        {
            int k = (int)Math.Floor(q * Math.Log10(2));
            var modulus = BigInteger.Pow(5, k + 1);
            if (modulus > (BigInteger)(1UL << 52)) break;
            ulong step = (ulong)modulus;
            foreach (int end in new[] { 1, -1 })
            {
                // The least c >= 2^52 with 2c = end mod 5^(k+1): c = end (5^(k+1) + 1) / 2 mod 5^(k+1).
                ulong residue = (ulong)(((end * (modulus + 1) / 2) % modulus + modulus) % modulus);
                ulong first = (1UL << 52) + (residue + step - (1UL << 52) % step) % step;
                for (int i = 0; i < 200; i++)
                {
                    ulong c = first + step * (ulong)random.NextInt64(0, (long)(((1UL << 53) - first) / step));
                    // c and c + 5^(k+1) meet the same condition with opposite parities.
                    foreach (ulong candidate in new[] { c, c + step })
                        if (candidate < 1UL << 53) AssertShortest(FromParts(candidate, q + 1075));
                }
            }
        }
    }

    [Fact]
    public void TiesBetweenTwoLastDigitsGoToTheEvenOne()
    {
        // c 2^q with q < 0 is exactly halfway between two decimals of 10^k (k = floor(q log10 2)) when c has
        // -q - 1 + k factors of two: a tie only the exact powers of ten meet.
        var random = new Random(25);
        for (int q = -1; q >= -80; q--)
        {
            int k = (int)Math.Floor(q * Math.Log10(2));
            int twos = -q - 1 + k;
            if (twos < 0 || twos > 51) continue;
            for (int i = 0; i < 400; i++)
            {
                ulong odd = (ulong)random.NextInt64(1L << (52 - twos), 1L << (53 - twos)) | 1;
                AssertShortest(FromParts(odd << twos, q + 1075));
            }
        }
    }
}
