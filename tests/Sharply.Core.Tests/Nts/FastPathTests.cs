using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Noding;
using NetTopologySuite.Operation.OverlayNG;
using Sharply.Core.Nts;
using Sharply.Core.Tests.Kernels;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;
using SpatialFunction = NetTopologySuite.Operation.Overlay.SpatialFunction;

namespace Sharply.Core.Tests.Nts;

/// <summary>The sweep-noded overlay gives exactly what NTS's own OverlayNGRobust gives.</summary>
public class FastPathTests
{
    private static readonly SpatialFunction[] Functions =
        [SpatialFunction.Intersection, SpatialFunction.Union, SpatialFunction.Difference, SpatialFunction.SymDifference];

    /// <summary>A closed ring of <paramref name="count"/> vertices wandering around a circle, with a seeded
    /// radius noise that makes it self-intersect often (so overlays take the fallback path too).</summary>
    private static Coordinate[] WobblyRing(Random random, double cx, double cy, double radius, int count, double noise, bool z)
    {
        var points = new Coordinate[count + 1];
        for (int i = 0; i < count; i++)
        {
            double angle = 2 * Math.PI * i / count, r = radius * (1 + noise * (random.NextDouble() - 0.5));
            double x = cx + r * Math.Cos(angle), y = cy + r * Math.Sin(angle);
            points[i] = z ? new CoordinateZ(x, y, i) : new Coordinate(x, y);
        }
        points[count] = points[0].Copy();
        return points;
    }

    /// <summary>Pairs of polygons far from the origin whose vertices differ by a few ulps: floating-point
    /// noding fails on some of them (seeds 7, 10 and 14 among the first 16), so the fallback runs.</summary>
    private static IEnumerable<(NtsGeometry, NtsGeometry)> NearlyCoincident()
    {
        for (int seed = 0; seed < 16; seed++)
        {
            var random = new Random(seed);
            var ring = new Coordinate[201];
            for (int i = 0; i < 200; i++)
            {
                double angle = 2 * Math.PI * i / 200, r = 100 * (1 + 0.5 * random.NextDouble());
                ring[i] = new Coordinate(4373100 + r * Math.Cos(angle), 5521800 + r * Math.Sin(angle));
            }
            ring[200] = ring[0].Copy();
            Coordinate[] moved = ring.Select(c => new Coordinate(c.X + (random.NextDouble() - 0.5) * 3e-8, c.Y + (random.NextDouble() - 0.5) * 3e-8)).ToArray();
            moved[200] = moved[0].Copy();
            yield return (NtsConverter.Factory.CreatePolygon(ring), NtsConverter.Factory.CreatePolygon(moved));
        }
    }

    internal static IEnumerable<NtsGeometry> Shapes()
    {
        var random = new Random(7);
        GeometryFactory factory = NtsConverter.Factory;
        for (int k = 0; k < 12; k++)
        {
            bool z = k % 4 == 3;
            Polygon Polygon(double cx, double cy, double noise) =>
                factory.CreatePolygon(WobblyRing(random, cx, cy, 100, 200 + 50 * k, noise, z));
            yield return Polygon(0, 0, 0.05);
            yield return factory.CreateMultiPolygon([Polygon(30, 10, 0.02), Polygon(260, 0, 0.3)]);
            yield return factory.CreateLineString(WobblyRing(random, 50, 50, 80, 300, 0.5, z));
        }
        KernelFixtures fixtures = KernelFixtures.Instance;
        for (int row = 0; row < fixtures.Array.Length; row++)
            if (NtsConverter.ToNts(fixtures.Array, row) is { } geometry) yield return geometry;
    }

    private static void AssertSame(NtsGeometry expected, NtsGeometry actual, string what)
    {
        Assert.True(expected.EqualsExact(actual), $"{what}: {actual.AsText()[..Math.Min(200, actual.AsText().Length)]}");
        Assert.Equal(expected.NumPoints, actual.NumPoints);
        Coordinate[] e = expected.Coordinates, a = actual.Coordinates;
        for (int i = 0; i < e.Length; i++) Assert.Equal(e[i].Z, a[i].Z);
    }

    [Fact]
    public void OverlayEqualsOverlayNGRobust()
    {
        NtsGeometry[] shapes = Shapes().Where(s => s is IPolygonal).Take(36).ToArray();
        int fallbacks = 0, failures = 0, compared = 0;
        (NtsGeometry, NtsGeometry)[] pairs = [.. shapes.Zip(shapes.Skip(1)), .. NearlyCoincident()];
        for (int i = 0; i < pairs.Length; i++)
        {
            (NtsGeometry a, NtsGeometry b) = pairs[i];
            foreach (SpatialFunction function in Functions)
            {
                NtsGeometry expected;
                try
                {
                    expected = OverlayNGRobust.Overlay(a, b, function);
                }
                catch (Exception)
                {
                    Assert.ThrowsAny<Exception>(() => FastOverlay.Overlay(a, b, function));
                    failures++;
                    continue;
                }
                AssertSame(expected, FastOverlay.Overlay(a, b, function), $"{function} of pair {i}");
                compared++;
                try
                {
                    OverlayNG.Overlay(a, b, function, a.Factory.PrecisionModel, new ValidatingSweepNoder());
                }
                catch (TopologyException)
                {
                    fallbacks++;
                }
            }
        }
        Assert.True(fallbacks > 0, "no pair exercised the fallback");
        Assert.True(compared > 150 && failures < 30, $"{compared} compared, {failures} failed in NTS too");
    }

    [Fact]
    public void OverlayLocatesDisconnectedEdgesAsNts()
    {
        // No ring of one input touches a ring of the other: every edge is located in the other input.
        GeometryFactory factory = NtsConverter.Factory;
        Polygon Square(double x0, double y0, double size) => (Polygon)factory.ToGeometry(new Envelope(x0, x0 + size, y0, y0 + size));
        var random = new Random(2);
        var holed = factory.CreatePolygon(factory.CreateLinearRing(WobblyRing(random, 0, 0, 100, 400, 0.1, false)),
            [factory.CreateLinearRing(WobblyRing(random, 0, 0, 30, 120, 0.1, false))]);
        var parts = factory.CreateMultiPolygon([Square(-5, -5, 10), Square(50, 0, 8), Square(300, 300, 5), Square(-70, 10, 3)]);
        foreach (SpatialFunction function in Functions)
        {
            AssertSame(OverlayNGRobust.Overlay(holed, parts, function), FastOverlay.Overlay(holed, parts, function), $"{function}");
            AssertSame(OverlayNGRobust.Overlay(parts, holed, function), FastOverlay.Overlay(parts, holed, function), $"{function}, swapped");
        }
        Assert.Equal(8 * 8 + 3 * 3, FastOverlay.Overlay(holed, parts, SpatialFunction.Intersection).Area, 9);
    }

    [Fact]
    public void SweepNoderFindsTheNodesOfMCIndexNoder()
    {
        var random = new Random(3);
        var lines = new List<Coordinate[]>();
        for (int k = 0; k < 30; k++) lines.Add(WobblyRing(random, random.Next(100), random.Next(100), 40, 60, 0.8, false));
        lines.Add([new Coordinate(0, 0), new Coordinate(0, 0), new Coordinate(10, 0)]);
        IList<ISegmentString> Strings() => lines.Select(l => (ISegmentString)new NodedSegmentString(l, null)).ToList();

        var reference = new MCIndexNoder(new IntersectionAdder(new RobustLineIntersector()));
        reference.ComputeNodes(Strings());
        var sweep = new SweepNoder(new IntersectionAdder(new RobustLineIntersector()));
        sweep.ComputeNodes(Strings());
        IList<ISegmentString> expected = reference.GetNodedSubstrings(), actual = sweep.GetNodedSubstrings();
        Assert.True(expected.Count > 10 * lines.Count);
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
            Assert.Equal(expected[i].Coordinates.Select(c => (c.X, c.Y)), actual[i].Coordinates.Select(c => (c.X, c.Y)));
    }

    [Fact]
    public void CombsHandOverToTheRTreeWithTheSameNodes()
    {
        // 3000 long horizontal teeth all overlap in x: the sweep alone would compare ~4.5 million pairs.
        const int teeth = 3000;
        var comb = new List<Coordinate> { new(0, 0) };
        for (int i = 0; i < teeth; i++)
        {
            comb.Add(new Coordinate(1000, 2 * i));
            comb.Add(new Coordinate(1000, 2 * i + 1));
            comb.Add(new Coordinate(1, 2 * i + 1));
            comb.Add(new Coordinate(1, 2 * i + 2));
        }
        comb.Add(new Coordinate(0, 2 * teeth));
        comb.Add(new Coordinate(0, 0));
        Coordinate[] cut = [new(500, -1), new(500.5, 2 * teeth + 1)];
        IList<ISegmentString> Strings() => new List<ISegmentString> { new NodedSegmentString(comb.ToArray(), null), new NodedSegmentString(cut, null) };

        var reference = new MCIndexNoder(new IntersectionAdder(new RobustLineIntersector()));
        reference.ComputeNodes(Strings());
        var sweep = new SweepNoder(new IntersectionAdder(new RobustLineIntersector()));
        sweep.ComputeNodes(Strings());
        IList<ISegmentString> expected = reference.GetNodedSubstrings(), actual = sweep.GetNodedSubstrings();
        Assert.True(expected.Count > 2 * teeth);
        Assert.Equal(expected.Count, actual.Count);
        for (int i = 0; i < expected.Count; i++)
            Assert.Equal(expected[i].Coordinates.Select(c => (c.X, c.Y)), actual[i].Coordinates.Select(c => (c.X, c.Y)));
    }

    [Fact]
    public void SweepFindsAnUnnodedCrossingAndStopsWhenDone()
    {
        ISegmentString Line(params double[] xy) =>
            new NodedSegmentString(Enumerable.Range(0, xy.Length / 2).Select(i => new Coordinate(xy[2 * i], xy[2 * i + 1])).ToArray(), null);
        var crossing = new List<ISegmentString> { Line(0, 0, 10, 10), Line(0, 10, 10, 0), Line(20, 0, 30, 10), Line(20, 10, 30, 0) };
        var finder = new NodingIntersectionFinder(new RobustLineIntersector());
        SweepNoder.Intersect(crossing, finder);
        Assert.True(finder.HasIntersection);
        Assert.Equal(new Coordinate(5, 5), finder.Intersection);

        var touching = new List<ISegmentString> { Line(0, 0, 5, 5), Line(5, 5, 10, 0), Line(0, 10, 5, 5) };
        var none = new NodingIntersectionFinder(new RobustLineIntersector());
        SweepNoder.Intersect(touching, none);
        Assert.False(none.HasIntersection);
    }

    [Fact]
    public void ValidatingNoderNodesCrossings()
    {
        var a = (Polygon)new NetTopologySuite.IO.WKTReader().Read("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))");
        var b = (Polygon)new NetTopologySuite.IO.WKTReader().Read("POLYGON ((5 -5, 15 -5, 15 5, 5 5, 5 -5))");
        NtsGeometry result = OverlayNG.Overlay(a, b, SpatialFunction.Intersection, a.Factory.PrecisionModel, new ValidatingSweepNoder());
        Assert.Equal(25, result.Area, 12);
        Assert.Equal(175, FastOverlay.Overlay(a, b, SpatialFunction.Union).Area, 12);
    }
}
