using System.Globalization;
using System.Text;
using Sharply.Core.Geometries;
using Sharply.Core.Kernels;
using static Sharply.Core.Tests.Kernels.KernelFixtures;

namespace Sharply.Core.Tests.Kernels;

/// <summary>The cell grid of <see cref="PreparedPolygon"/> must give exactly the full scan's answers.</summary>
public class PreparedGridTests
{
    /// <summary>A jagged star with <paramref name="vertices"/> vertices around (cx, cy), as WKT ring text.</summary>
    private static string Star(Random random, double cx, double cy, double radius, int vertices, bool clockwise)
    {
        var text = new StringBuilder("(");
        for (int i = 0; i <= vertices; i++)
        {
            int k = i % vertices;
            double angle = (clockwise ? -1 : 1) * 2 * Math.PI * k / vertices;
            double r = radius * (0.55 + 0.45 * ((k * 7919 % 13) / 13.0)) * (k == 0 ? 1 : 0.9 + 0.1 * random.NextDouble());
            if (i == vertices) r = radius * 0.55;
            double x = Math.Round(cx + r * Math.Cos(angle), 3), y = Math.Round(cy + r * Math.Sin(angle), 3);
            if (i > 0) text.Append(", ");
            text.Append(x.ToString(CultureInfo.InvariantCulture)).Append(' ').Append(y.ToString(CultureInfo.InvariantCulture));
        }
        return text.Append(')').ToString();
    }

    private static GeometryArray JaggedMultiPolygon()
    {
        var random = new Random(3);
        string shell = Star(random, 0, 0, 100, 3000, false), hole = Star(random, 5, -3, 30, 400, true);
        string island = Star(random, 250, 40, 40, 600, false);
        // Axis-parallel edges on cell-friendly coordinates: many points lie exactly on them.
        string square = "(300 -100, 340 -100, 340 -60, 300 -60, 300 -100)";
        return FromWkt($"MULTIPOLYGON (({shell}, {hole}), ({island}), ({square}))");
    }

    [Fact]
    public void GridPathMatchesFullScan()
    {
        GeometryArray polygon = JaggedMultiPolygon();
        Assert.True(PreparedPolygon.TryCreate(polygon, 0)!.HasGrid);
        var random = new Random(11);
        var xs = new List<double>();
        var ys = new List<double>();
        ReadOnlySpan<double> coordinates = polygon.Coordinates.Span;
        for (int i = 0; i + 3 < coordinates.Length; i += 2)
        {
            // Vertices, edge midpoints, and points just beside them.
            xs.Add(coordinates[i]); ys.Add(coordinates[i + 1]);
            xs.Add((coordinates[i] + coordinates[i + 2]) / 2); ys.Add((coordinates[i + 1] + coordinates[i + 3]) / 2);
            xs.Add(coordinates[i] + 1e-9); ys.Add(coordinates[i + 1]);
        }
        for (int i = 0; i < 50_000; i++)
        {
            xs.Add(-110 + random.NextDouble() * 460);
            ys.Add(Math.Round(-110 + random.NextDouble() * 220, i % 2 == 0 ? 0 : 6));
        }
        double[] x = [.. xs], y = [.. ys];
        var indexed = new byte[x.Length];
        var scanned = new byte[x.Length];
        foreach (bool boundary in new[] { false, true })
        {
            if (boundary) Predicates.IntersectsXy(polygon, x, y, indexed);
            else Predicates.ContainsXy(polygon, x, y, indexed);
            for (int i = 0; i < x.Length; i++)
            {
                PointInPolygon.Location location = PointInPolygon.Locate(polygon, 0, x[i], y[i]);
                scanned[i] = location == PointInPolygon.Location.Interior || (boundary && location == PointInPolygon.Location.Boundary) ? (byte)1 : (byte)0;
            }
            Assert.Equal(scanned, indexed);
        }
        int inside = indexed.Count(v => v == 1);
        Assert.InRange(inside, x.Length / 10, x.Length / 2);
    }

    [Fact]
    public void GridAnswersKnownPoints()
    {
        // A square with a square hole: centre of the hole outside, ring between inside, edges boundary.
        GeometryArray polygon = FromWkt("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0), (40 40, 60 40, 60 60, 40 60, 40 40))");
        Assert.True(PreparedPolygon.TryCreate(polygon, 0)!.HasGrid);
        double[] x = [50, 20, 100, 40, 70, 99.999, -1, 101, 0.001, 50, 30, 45, 55, 10, 90, 85, 50];
        double[] y = [50, 20, 50, 50, 70, 99.999, 50, 50, 0.001, 0, 50, 45, 58, 90, 10, 85, 99];
        var contains = new byte[x.Length];
        var intersects = new byte[x.Length];
        Predicates.ContainsXy(polygon, x, y, contains);
        Predicates.IntersectsXy(polygon, x, y, intersects);
        Assert.Equal(new byte[] { 0, 1, 0, 0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 1, 1, 1, 1 }, contains);
        Assert.Equal(new byte[] { 0, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 0, 0, 1, 1, 1, 1 }, intersects);
    }
}
