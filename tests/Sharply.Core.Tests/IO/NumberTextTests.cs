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
}
