using System.Text;
using Sharply.Core.IO;

namespace Sharply.Core.Tests.IO;

/// <summary>The exact-integer fast path of the shortest number text must equal .NET's round-trip text.</summary>
public class NumberTextTests
{
    private static string Fast(double value)
    {
        var span = new byte[64];
        int length = NumberText.TryFormatShortestFixed(value, span);
        return length == 0 ? "" : Encoding.ASCII.GetString(span, 0, length);
    }

    private static string General(double value)
    {
        var span = new byte[64];
        return Encoding.ASCII.GetString(span, 0, NumberText.FormatShortestGeneral(value, span));
    }

    [Theory]
    [InlineData(1.0, "1.0")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(0.1, "0.1")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0123, "0.0123")]
    [InlineData(1013819.2791090437, "1013819.2791090437")]
    [InlineData(123456789012345.6, "123456789012345.6")]
    [InlineData(1024.0, "1024.0")]
    [InlineData(0.30000000000000004, "0.30000000000000004")]
    public void KnownValues(double value, string expected)
    {
        Assert.Equal(expected, Fast(value));
        Assert.Equal(expected, General(value));
    }

    [Fact]
    public void OutOfRangeValuesTakeTheGeneralPath()
    {
        foreach (double value in new[] { 0.0, -0.0, 1e-4, 1e15, 1e300, double.Epsilon })
            Assert.Equal("", Fast(value));
    }

    [Fact]
    public void FastPathEqualsGeneralPathOnRandomValues()
    {
        var random = new Random(11);
        int fast = 0;
        for (int i = 0; i < 300_000; i++)
        {
            double value = (i % 4) switch
            {
                0 => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 16)),
                1 => Math.Round(random.NextDouble() * 1e6, random.Next(0, 12)),
                2 => BitConverter.Int64BitsToDouble(random.NextInt64(0x3F50000000000000, 0x4300000000000000)),
                _ => Math.Pow(2, random.Next(-9, 49)) * (random.Next(2) == 0 ? 1 : -1),
            };
            string text = Fast(value);
            if (text.Length == 0) continue;
            fast++;
            Assert.True(General(value) == text, $"{value:R}: fast {text}, general {General(value)}");
        }
        Assert.True(fast > 250_000, $"only {fast} values took the fast path");
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
