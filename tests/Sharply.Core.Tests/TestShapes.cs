using System.Globalization;

namespace Sharply.Core.Tests;

/// <summary>WKT for test shapes shared by several test classes.</summary>
internal static class TestShapes
{
    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The rings of a star with a square hole: <paramref name="spikes"/> × 2 shell vertices, enough to
    /// be prepared (<c>PreparedPolygon</c>).</summary>
    public static string StarRings(double cx, double cy, double outer, double inner, int spikes)
    {
        var shell = new List<string>();
        for (int i = 0; i < 2 * spikes; i++)
        {
            double angle = Math.PI * i / spikes, r = i % 2 == 0 ? outer : inner;
            shell.Add($"{F(Math.Round(cx + r * Math.Cos(angle), 3))} {F(Math.Round(cy + r * Math.Sin(angle), 3))}");
        }
        shell.Add(shell[0]);
        double h = inner / 3;
        string hole = $"{F(cx - h)} {F(cy - h)}, {F(cx + h)} {F(cy - h)}, {F(cx + h)} {F(cy + h)}, {F(cx - h)} {F(cy + h)}, {F(cx - h)} {F(cy - h)}";
        return $"(({string.Join(", ", shell)}), ({hole}))";
    }
}
