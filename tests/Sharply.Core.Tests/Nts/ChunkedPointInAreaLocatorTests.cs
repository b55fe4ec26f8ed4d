using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using Sharply.Core.Nts;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace Sharply.Core.Tests.Nts;

/// <summary>The chunked locator answers exactly as NTS's IndexedPointInAreaLocator, on valid and invalid areas.</summary>
public class ChunkedPointInAreaLocatorTests
{
    private static readonly GeometryFactory Factory = NtsConverter.Factory;

    private static LinearRing Ring(Random random, double cx, double cy, double radius, int count)
    {
        var points = new Coordinate[count + 1];
        for (int i = 0; i < count; i++)
        {
            double angle = 2 * Math.PI * i / count, r = radius * (0.7 + 0.6 * random.NextDouble());
            points[i] = new Coordinate(Math.Round(cx + r * Math.Cos(angle), 1), Math.Round(cy + r * Math.Sin(angle), 1));
        }
        points[count] = points[0].Copy();
        return Factory.CreateLinearRing(points);
    }

    private static IEnumerable<NtsGeometry> Areas()
    {
        var random = new Random(11);
        yield return Factory.CreatePolygon(Ring(random, 0, 0, 100, 300));
        yield return Factory.CreatePolygon(Ring(random, 0, 0, 100, 77), [Ring(random, 0, 0, 30, 40), Ring(random, 50, 10, 10, 33)]);
        // Overlapping parts: invalid, and located by the parity of all rings together.
        yield return Factory.CreateMultiPolygon([Factory.CreatePolygon(Ring(random, 0, 0, 60, 100)), Factory.CreatePolygon(Ring(random, 40, 0, 60, 65))]);
        yield return Ring(random, 10, 10, 50, 31);
        // Axis-aligned squares: points on horizontal and vertical edges and at vertices.
        yield return Factory.CreateMultiPolygon([
            (Polygon)Factory.ToGeometry(new Envelope(0, 10, 0, 10)), (Polygon)Factory.ToGeometry(new Envelope(20, 30, 0, 64))]);
    }

    [Fact]
    public void LocatesEveryPointAsIndexedPointInAreaLocator()
    {
        var random = new Random(5);
        int boundary = 0, interior = 0, exterior = 0;
        foreach (NtsGeometry area in Areas())
        {
            var expected = new IndexedPointInAreaLocator(area);
            var actual = new ChunkedPointInAreaLocator(area);
            Envelope envelope = area.EnvelopeInternal;
            var points = new List<Coordinate>();
            for (int i = 0; i < 2000; i++)
                points.Add(new Coordinate(
                    Math.Round(envelope.MinX - 5 + (envelope.Width + 10) * random.NextDouble(), i % 2 == 0 ? 1 : 8),
                    Math.Round(envelope.MinY - 5 + (envelope.Height + 10) * random.NextDouble(), i % 3 == 0 ? 1 : 8)));
            Coordinate[] vertices = area.Coordinates;
            points.AddRange(vertices);
            for (int i = 1; i < vertices.Length; i++)
                points.Add(new Coordinate((vertices[i - 1].X + vertices[i].X) / 2, (vertices[i - 1].Y + vertices[i].Y) / 2));
            foreach (Coordinate point in points)
            {
                Location location = expected.Locate(point);
                Assert.Equal(location, actual.Locate(point));
                if (location == Location.Boundary) boundary++;
                else if (location == Location.Interior) interior++;
                else exterior++;
            }
        }
        Assert.True(boundary > 500 && interior > 1000 && exterior > 1000, $"{boundary} {interior} {exterior}");
    }

    [Fact]
    public void KnownLocations()
    {
        var square = (Polygon)Factory.ToGeometry(new Envelope(0, 100, 0, 100));
        var locator = new ChunkedPointInAreaLocator(square);
        Assert.Equal(Location.Interior, locator.Locate(new Coordinate(50, 50)));
        Assert.Equal(Location.Boundary, locator.Locate(new Coordinate(100, 37)));
        Assert.Equal(Location.Boundary, locator.Locate(new Coordinate(0, 0)));
        Assert.Equal(Location.Exterior, locator.Locate(new Coordinate(100.5, 50)));
        Assert.Equal(Location.Exterior, locator.Locate(new Coordinate(-1, 100)));
        Assert.Equal(Location.Exterior, new ChunkedPointInAreaLocator(Factory.CreatePolygon()).Locate(new Coordinate(0, 0)));
    }
}
