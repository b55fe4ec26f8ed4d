using Sharply.Core.Geometries;
using Sharply.Core.Kernels;
using static Sharply.Core.Tests.Kernels.KernelFixtures;

namespace Sharply.Core.Tests.Kernels;

/// <summary>The indexed path (one row against many points) must give exactly the full scan's answers.</summary>
public class PointInPolygonTests
{
    private static readonly string[] Shapes =
    [
        "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))",
        "MULTIPOLYGON (((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 1 3, 3 3, 3 1, 1 1)), ((4 4, 8 4, 6 9, 4 4)), ((1.5 1.5, 2.5 1.5, 2 2.5, 1.5 1.5)))",
        "POLYGON ((0 0, 3 1, 6 0, 7 3, 6 6, 3 5, 0 6, 1 3, 0 0), (2 2, 2 3, 3 3, 2 2), (4 2, 5 2, 5 3, 4 2))",
        "POLYGON ((0 0, 10 0, 10 0, 10 10, 0 0))",
        "POLYGON ((5 5, 5 5, 5 5, 5 5))",
    ];

    [Fact]
    public void IndexedPathMatchesFullScan()
    {
        var random = new Random(7);
        foreach (string wkt in Shapes)
        {
            GeometryArray polygon = FromWkt(wkt);
            var xs = new List<double>();
            var ys = new List<double>();
            ReadOnlySpan<double> coordinates = polygon.Coordinates.Span;
            for (int i = 0; i + 1 < coordinates.Length; i += 2)
            {
                // Every vertex, the midpoint of every edge, and points on the vertices' horizontals and verticals.
                xs.Add(coordinates[i]); ys.Add(coordinates[i + 1]);
                if (i + 3 < coordinates.Length)
                {
                    xs.Add((coordinates[i] + coordinates[i + 2]) / 2); ys.Add((coordinates[i + 1] + coordinates[i + 3]) / 2);
                }
                xs.Add(coordinates[i] + 0.5); ys.Add(coordinates[i + 1]);
                xs.Add(coordinates[i]); ys.Add(coordinates[i + 1] - 0.5);
            }
            for (int i = 0; i < 2000; i++)
            {
                xs.Add(Math.Round(random.NextDouble() * 12 - 1, 1));
                ys.Add(Math.Round(random.NextDouble() * 12 - 1, 1));
            }
            xs.Add(double.NaN); ys.Add(1);
            Assert.True(xs.Count >= PointInPolygon.PrepareThreshold);
            double[] x = [.. xs], y = [.. ys];
            GeometryArray copies = polygon.Take(new int[x.Length]);
            foreach (bool boundary in new[] { false, true })
            {
                var indexed = new byte[x.Length];
                var scanned = new byte[x.Length];
                if (boundary)
                {
                    Predicates.IntersectsXy(polygon, x, y, indexed);
                    Predicates.IntersectsXy(copies, x, y, scanned);
                }
                else
                {
                    Predicates.ContainsXy(polygon, x, y, indexed);
                    Predicates.ContainsXy(copies, x, y, scanned);
                }
                Assert.Equal(scanned, indexed);
                Assert.Contains((byte)0, indexed);
            }
        }
    }

    [Fact]
    public void IndexedPathGivesKnownAnswers()
    {
        GeometryArray polygon = FromWkt(Shapes[0]);
        double[] x = Enumerable.Repeat(-1.0, 20).Concat([1, 3, 2, 10, 5, 11, 0, 3]).ToArray();
        double[] y = Enumerable.Repeat(5.0, 20).Concat([1, 3, 3, 5, 10, 5, 0, 2]).ToArray();
        var contains = new byte[x.Length];
        var intersects = new byte[x.Length];
        Predicates.ContainsXy(polygon, x, y, contains);
        Predicates.IntersectsXy(polygon, x, y, intersects);
        Assert.Equal(new byte[20].Concat(new byte[] { 1, 0, 0, 0, 0, 0, 0, 0 }), contains);
        Assert.Equal(new byte[20].Concat(new byte[] { 1, 0, 1, 1, 1, 0, 1, 1 }), intersects);
    }

    [Fact]
    public void SharedFirstVertexDecidesIntersectsAndDisjoint()
    {
        GeometryArray a = FromWkt("POLYGON ((0 0, 4 0, 4 4, 0 0))", "POLYGON ((0 0, 4 0, 4 4, 0 0))", "LINESTRING (9 9, 10 10)");
        GeometryArray b = FromWkt("POLYGON ((0 0, -4 0, -4 -4, 0 0))", "POLYGON ((1 0, 5 0, 5 4, 1 0))", "POINT (9 9)");
        var output = new byte[3];
        Predicates.Intersects(a, b, output);
        Assert.Equal([1, 1, 1], output);
        Predicates.Disjoint(a, b, output);
        Assert.Equal([0, 0, 0], output);
    }
}
