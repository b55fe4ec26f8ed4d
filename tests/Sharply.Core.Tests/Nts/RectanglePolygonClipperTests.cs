using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Sharply.Core.Nts;

namespace Sharply.Core.Tests.Nts;

/// <summary>The one-pass polygon clipping against hand-computed results, and its refusal of invalid polygons.</summary>
public class RectanglePolygonClipperTests
{
    private static readonly WKTReader Reader = new(NtsConverter.Factory.GeometryServices);

    private static List<Polygon>? Clip(string wkt)
    {
        var output = new List<Polygon>();
        return new RectanglePolygonClipper(0, 0, 10, 10).TryClip((Polygon)Reader.Read(wkt), output) ? output : null;
    }

    [Theory]
    [InlineData("POLYGON ((-5 -5, 15 -5, 15 15, -5 15, -5 -5), (-2 4, 3 4, 3 6, -2 6, -2 4))", "POLYGON ((0 0, 0 4, 3 4, 3 6, 0 6, 0 10, 10 10, 10 0, 0 0))")]
    [InlineData("POLYGON ((-5 -5, 15 -5, 15 15, -5 15, -5 -5), (2 2, 3 2, 3 3, 2 3, 2 2))", "POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0), (2 2, 3 2, 3 3, 2 3, 2 2))")]
    [InlineData("POLYGON ((-5 5, 5 -5, 15 5, 5 15, -5 5))", "POLYGON ((0 0, 0 10, 10 10, 10 0, 0 0))")]
    [InlineData("POLYGON ((2 -3, 3 5, 4 -3, 2 -3))", "POLYGON ((2.375 0, 3 5, 3.625 0, 2.375 0))")]
    public void ClipsOnePolygon(string input, string expected)
    {
        List<Polygon> parts = Assert.IsType<List<Polygon>>(Clip(input));
        Polygon part = Assert.Single(parts);
        Assert.True(part.EqualsNormalized(Reader.Read(expected)), part.AsText());
    }

    [Fact]
    public void CutsAHoleThroughIntoTwoParts()
    {
        List<Polygon> parts = Assert.IsType<List<Polygon>>(Clip("POLYGON ((-5 -5, 15 -5, 15 15, -5 15, -5 -5), (-1 4, 11 4, 11 6, -1 6, -1 4))"));
        Assert.Equal([40.0, 40.0], parts.Select(p => p.Area).Order());
    }

    [Fact]
    public void DropsAShellOutsideAndKeepsNothingInsideAHole()
    {
        Assert.Empty(Assert.IsType<List<Polygon>>(Clip("POLYGON ((10 10, 20 10, 20 20, 10 20, 10 10))")));
        Assert.Empty(Assert.IsType<List<Polygon>>(Clip("POLYGON ((-5 -5, 15 -5, 15 15, -5 15, -5 -5), (-1 -1, 11 -1, 11 11, -1 11, -1 -1))")));
    }

    [Theory]
    [InlineData("POLYGON ((-5 -5, 15 15, 15 -5, -5 15, -5 -5))")]
    [InlineData("POLYGON ((-1 1, 11 1, 11 2, -1 2, -1 1), (6 3, 7 3, 7 4, 6 3))")]
    [InlineData("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (-2 4, 3 4, 3 6, -2 6, -2 4))")]
    public void RefusesInvalidPolygons(string input) => Assert.Null(Clip(input));
}
