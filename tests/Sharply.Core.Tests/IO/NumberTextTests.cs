using System.Globalization;
using System.Text;
using Sharply.Core.IO;

namespace Sharply.Core.Tests.IO;

/// <summary>The shortest number text (Żmij) must equal .NET's round-trip text, and WKT's fixed text the decimal rule.</summary>
public class NumberTextTests
{
    private static string Shortest(double value)
    {
        var span = new byte[NumberText.MaxShortestLength];
        return Encoding.ASCII.GetString(span, 0, NumberText.FormatShortest(value, span));
    }

    /// <summary>.NET's shortest round-trip text with a lowercase exponent and ".0" on integral values.</summary>
    private static string Reference(double value)
    {
        if (!double.IsFinite(value)) return "null";
        string text = value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
        return text.Contains('.') || text.Contains('e') ? text : text + ".0";
    }

    /// <summary>Significant digits of a round-trip text (no sign, point, exponent, leading or trailing zeros).</summary>
    private static int SignificantDigits(string text)
    {
        int exponent = text.IndexOfAny(['e', 'E']);
        string digits = (exponent < 0 ? text : text[..exponent]).Replace("-", "").Replace(".", "").Trim('0');
        return Math.Max(digits.Length, 1);
    }

    /// <summary>Powers of two whose .NET round-trip text does not read back (it takes the interval below a
    /// power of two as wide as the one above), with Python's repr, which is right.</summary>
    private static readonly Dictionary<double, string> NetRoundTripDefects = new()
    {
        [Math.ScaleB(1.0, -958)] = "4.1045368012983762e-289",
        [Math.ScaleB(1.0, -25)] = "2.9802322387695312e-08",
    };

    private static void AssertShortest(double value)
    {
        string text = Shortest(value), expected = Reference(value);
        if (double.IsFinite(value) && double.Parse(expected, CultureInfo.InvariantCulture) != value)
        {
            Assert.True(NetRoundTripDefects.TryGetValue(Math.Abs(value), out string? right), $"{value:R} does not round-trip in .NET");
            expected = value < 0 ? "-" + right : right;
        }
        Assert.True(text == expected, $"{BitConverter.DoubleToInt64Bits(value):X16}: {text}, expected {expected}");
        if (!double.IsFinite(value)) return;
        Assert.Equal(BitConverter.DoubleToInt64Bits(value), BitConverter.DoubleToInt64Bits(double.Parse(text, CultureInfo.InvariantCulture)));
        if (value == 0) return;
        ulong digits = ShortestDecimal.Of(BitConverter.DoubleToUInt64Bits(Math.Abs(value)), out _);
        Assert.Equal(SignificantDigits(expected), digits.ToString(CultureInfo.InvariantCulture).Length);
    }

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0123, "0.0123")]
    [InlineData(0.0001, "0.0001")]
    [InlineData(0.00001, "1e-05")]
    [InlineData(-1.2345e-5, "-1.2345e-05")]
    [InlineData(1013819.2791090437, "1013819.2791090437")]
    [InlineData(123456789012345.6, "123456789012345.6")]
    [InlineData(1234567890123456.8, "1234567890123456.8")]
    [InlineData(1e16, "10000000000000000.0")]
    [InlineData(99999999999999980.0, "99999999999999980.0")]
    [InlineData(1e17, "1e+17")]
    [InlineData(1.5e17, "1.5e+17")]
    [InlineData(1e300, "1e+300")]
    [InlineData(1024.0, "1024.0")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    [InlineData(0.0, "0.0")]
    [InlineData(-0.0, "-0.0")]
    [InlineData(double.Epsilon, "5e-324")]
    [InlineData(double.MaxValue, "1.7976931348623157e+308")]
    [InlineData(double.NaN, "null")]
    [InlineData(double.NegativeInfinity, "null")]
    public void KnownValues(double value, string expected)
    {
        Assert.Equal(expected, Shortest(value));
        Assert.Equal(expected, Reference(value));
    }

    [Fact]
    public void PowersOfTwoWhereNetDoesNotRoundTripGetTheShortestRoundTripText()
    {
        foreach ((double value, string expected) in NetRoundTripDefects)
        {
            Assert.NotEqual(value, double.Parse(value.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
            Assert.Equal(expected, Shortest(value));
        }
    }

    [Fact]
    public void RandomBitPatternsEqualTheRoundTripText()
    {
        var random = new Random(11);
        for (int i = 0; i < 2_000_000; i++) AssertShortest(BitConverter.Int64BitsToDouble(random.NextInt64(long.MinValue, long.MaxValue)));
    }

    [Fact]
    public void RandomValuesOfEveryKindEqualTheRoundTripText()
    {
        var random = new Random(12);
        for (int i = 0; i < 1_000_000; i++)
        {
            double value = (i % 5) switch
            {
                0 => BitConverter.Int64BitsToDouble(random.NextInt64(1, 1L << 52)),
                1 => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-6, 19)),
                2 => random.NextInt64(-(1L << 62), 1L << 62) >> random.Next(0, 62),
                3 => Math.Round(random.NextDouble() * 1e6, random.Next(0, 12)),
                _ => BitConverter.Int64BitsToDouble(random.NextInt64(0x3F50000000000000, 0x4380000000000000)),
            };
            AssertShortest(value);
        }
    }

    [Fact]
    public void PowersAndTheirNeighboursEqualTheRoundTripText()
    {
        for (int exponent = -325; exponent <= 309; exponent++)
        {
            double power = double.Parse($"1e{exponent}", CultureInfo.InvariantCulture);
            foreach (double value in new[] { power, Math.BitDecrement(power), Math.BitIncrement(power), -power })
                AssertShortest(value);
        }
        for (int exponent = -1074; exponent <= 1023; exponent++)
        {
            double power = Math.ScaleB(1.0, exponent);
            foreach (double value in new[] { power, Math.BitDecrement(power), Math.BitIncrement(power), 3 * power })
                AssertShortest(value);
        }
        for (long integer = 0; integer < 100_000; integer++) AssertShortest(integer);
        for (long subnormal = 1; subnormal < 100_000; subnormal++) AssertShortest(BitConverter.Int64BitsToDouble(subnormal));
        foreach (double value in new[] { 0.0, -0.0, double.Epsilon, 2 * double.Epsilon, 3 * double.Epsilon, double.MaxValue, -double.MaxValue, 9007199254740993.0 })
            AssertShortest(value);
    }

    [Fact]
    public void EveryDigitCountAndPointPositionEqualsTheRoundTripText()
    {
        var random = new Random(13);
        for (int count = 1; count <= 17; count++)
            for (int point = -5; point <= 19; point++)
                for (int i = 0; i < 200; i++)
                {
                    var digits = new StringBuilder().Append((char)('1' + random.Next(9)));
                    for (int d = 1; d < count; d++) digits.Append((char)('0' + random.Next(10)));
                    if (count > 1) digits.Insert(1, '.');
                    double value = double.Parse($"{digits}e{point - 1}", CultureInfo.InvariantCulture);
                    AssertShortest(value);
                    AssertShortest(-value);
                }
    }

    [Fact]
    public void EveryBinaryExponentWithRandomSignificandsEqualsTheRoundTripText()
    {
        // Each exponent's cached power and shift are looked up by the exponent bits: every entry is used here.
        var random = new Random(15);
        for (long biased = 0; biased < 2047; biased++)
            for (int i = 0; i < 40; i++)
                AssertShortest(BitConverter.Int64BitsToDouble((biased << 52) | random.NextInt64(1L << 52)));
    }

    [Fact]
    public void EveryDigitInEveryPositionEqualsTheRoundTripText()
    {
        // The sixteen digits after a 17th are made in one vector, two, four and eight at a time: every digit
        // value in every place, with 16 and 17 digits and the point at every place among them.
        var random = new Random(16);
        for (int count = 16; count <= 17; count++)
            for (int place = 0; place < count; place++)
                for (int digit = 0; digit <= 9; digit++)
                    for (int point = 1; point < count; point++)
                    {
                        var digits = new StringBuilder();
                        for (int d = 0; d < count; d++) digits.Append(d == place ? (char)('0' + digit) : (char)('0' + random.Next(10)));
                        if (digits[0] == '0') digits[0] = '7';
                        double value = double.Parse(digits.Insert(point, '.').ToString(), CultureInfo.InvariantCulture);
                        AssertShortest(value);
                    }
    }

    [Fact]
    public void ShortestWritesOnlyInsideItsSpan()
    {
        var random = new Random(14);
        var buffer = new byte[3 * NumberText.MaxShortestLength];
        for (int i = 0; i < 10_000; i++)
        {
            Array.Fill(buffer, (byte)0xAA);
            double value = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 22));
            int length = NumberText.FormatShortest(value, buffer.AsSpan(NumberText.MaxShortestLength, NumberText.MaxShortestLength));
            Assert.True(length <= NumberText.MaxShortestText);
            Assert.Equal(Reference(value), Encoding.ASCII.GetString(buffer, NumberText.MaxShortestLength, length));
            Assert.All(buffer[..NumberText.MaxShortestLength], b => Assert.Equal(0xAA, b));
            Assert.All(buffer[(2 * NumberText.MaxShortestLength)..], b => Assert.Equal(0xAA, b));
        }
        Assert.Throws<ArgumentException>(() => NumberText.FormatShortest(1.5, new byte[NumberText.MaxShortestLength - 1]));
    }

    /// <summary>The WKT rule spelled out with decimal: round the shortest round-trip digits half to even.</summary>
    private static string Reference(double value, int precision, bool trim)
    {
        if (precision < 0)
            precision = !trim ? 16 : Math.Clamp(16 - (Math.Abs(value) < 1 ? 0 : (int)Math.Floor(Math.Log10(Math.Abs(value))) + 1), 0, 16);
        decimal exact = decimal.Parse(value.ToString("R", System.Globalization.CultureInfo.InvariantCulture),
            System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture);
        string text = decimal.Round(exact, precision, MidpointRounding.ToEven).ToString("F" + precision, System.Globalization.CultureInfo.InvariantCulture);
        if (value < 0 && text[0] != '-') text = "-" + text;
        if (trim && text.Contains('.'))
        {
            text = text.TrimEnd('0').TrimEnd('.');
            if (text == "-0") text = "0";
        }
        return text;
    }

    private static string Fixed(double value, int precision, bool trim)
    {
        var sink = new Utf8Sink(64);
        NumberText.WriteFixed(sink, value, precision, trim);
        return Encoding.ASCII.GetString(sink.Written);
    }

    [Theory]
    [InlineData(2.5e-06 * 1e3, 3, true, "0.002")]
    [InlineData(0.125, 2, false, "0.12")]
    [InlineData(0.375, 2, false, "0.38")]
    [InlineData(-0.001, 2, true, "0")]
    [InlineData(-0.001, 2, false, "-0.00")]
    [InlineData(1013819.2791090437, -1, true, "1013819.279109044")]
    [InlineData(2.5, 0, true, "2")]
    [InlineData(3.5, 0, false, "4")]
    [InlineData(12.0, 3, false, "12.000")]
    public void WktNumbersRoundTheShortestDigits(double value, int precision, bool trim, string expected)
    {
        Assert.Equal(expected, Reference(value, precision, trim));
        Assert.Equal(expected, Fixed(value, precision, trim));
    }

    [Fact]
    public void WktFastPathEqualsTheDecimalRule()
    {
        var random = new Random(5);
        for (int i = 0; i < 100_000; i++)
        {
            double value = (i % 3) switch
            {
                0 => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 16)),
                1 => Math.Round(random.NextDouble() * 1e4, random.Next(0, 6)) + (random.Next(2) == 0 ? 0.5 * Math.Pow(10, -random.Next(0, 6)) : 0),
                _ => -Math.Round(random.NextDouble() * 100, 3),
            };
            int precision = random.Next(-1, 18);
            bool trim = random.Next(2) == 0;
            string expected = Reference(value, precision, trim);
            Assert.True(expected == Fixed(value, precision, trim), $"{value:R} precision {precision} trim {trim}: {Fixed(value, precision, trim)} != {expected}");
        }
    }
}
