using Sharply.Core.Geometries;
using Sharply.Core.Kernels;
using static Sharply.Core.Tests.Kernels.KernelFixtures;

namespace Sharply.Core.Tests.Kernels;

/// <summary><see cref="PreparedPolygon"/> against the full scans: point location and distance.</summary>
public class PreparedPolygonTests
{
    private static GeometryArray Shapes() => FromWkt(
        "POLYGON " + TestShapes.StarRings(50, 50, 40, 20, 60),
        $"MULTIPOLYGON ({TestShapes.StarRings(20, 80, 15, 8, 40)}, ((70 0, 90 0, 90 20, 70 20, 70 0)))");

    /// <summary>Random points, integer points, and the vertices and edge midpoints of <paramref name="shapes"/>.</summary>
    private static List<(double X, double Y)> Probes(GeometryArray shapes, int seed, int count)
    {
        var random = new Random(seed);
        var probes = new List<(double, double)>();
        for (int i = 0; i < count; i++) probes.Add((random.NextDouble() * 120 - 10, random.NextDouble() * 120 - 10));
        for (int i = 0; i < count / 10; i++) probes.Add((random.Next(0, 101), random.Next(0, 101)));
        ReadOnlySpan<double> coordinates = shapes.VertexCoordinates(0, shapes.CoordinateCount);
        for (int v = 0; v + 3 < coordinates.Length; v += 2)
        {
            probes.Add((coordinates[v], coordinates[v + 1]));
            probes.Add((coordinates[v] * 0.5 + coordinates[v + 2] * 0.5, coordinates[v + 1] * 0.5 + coordinates[v + 3] * 0.5));
        }
        return probes;
    }

    [Fact]
    public void LocateAgreesWithTheCrossingNumberTest()
    {
        GeometryArray shapes = Shapes();
        for (int row = 0; row < shapes.Length; row++)
        {
            PreparedPolygon prepared = PreparedPolygon.TryCreate(shapes, row)!;
            int boundary = 0;
            foreach ((double x, double y) in Probes(shapes, row, 20000))
            {
                PointInPolygon.Location expected = PointInPolygon.Locate(shapes, row, x, y);
                Assert.True(expected == prepared.Locate(x, y), $"row {row}: ({x}, {y})");
                if (expected == PointInPolygon.Location.Boundary) boundary++;
            }
            Assert.True(boundary > 100);
        }
    }

    [Fact]
    public void IsWithinDistanceMatchesTheExactDistance()
    {
        GeometryArray shapes = Shapes();
        for (int row = 0; row < shapes.Length; row++)
        {
            PreparedPolygon prepared = PreparedPolygon.TryCreate(shapes, row)!;
            List<(double X, double Y)> probes = Probes(shapes, 10 + row, 4000);
            GeometryArray points = PointArrays.FromColumns(probes.Select(p => p.X).ToArray(), probes.Select(p => p.Y).ToArray(), default, null);
            var distances = new double[probes.Count];
            Measurement.Distance(points, shapes.Take(new int[probes.Count].Select(_ => row).ToArray()), distances);
            foreach (double distance in new[] { 0.7, 3.0, 25.0 })
            {
                int within = 0;
                for (int i = 0; i < probes.Count; i++)
                {
                    (double x, double y) = probes[i];
                    bool expected = distances[i] <= distance;
                    Assert.True(expected == prepared.IsWithinDistance(x, y, distance), $"row {row}, d {distance}: ({x}, {y})");
                    Assert.True(expected == PreparedPolygon.IsWithinDistance(shapes, row, x, y, distance), $"row {row}, d {distance}: ({x}, {y})");
                    if (expected) within++;
                }
                Assert.InRange(within, 1, probes.Count - 1);
            }
        }
    }
}
