using Sharply.Core.Geometries;
using Sharply.Core.IO;
using Sharply.Core.Kernels;

namespace Sharply.Core.Tests.Kernels;

public class AccessorsTests
{
    private static GeometryArray Read(params string?[] wkt) => WktReader.ReadMany(wkt, OnInvalid.Raise).Array;

    private static string Texts(GeometryArray array) =>
        Joined(Enumerable.Range(0, array.Length).Select(row => array.IsNull(row) ? null : WktWriter.Write(array, row, WktOptions.Default)).ToArray());

    private static string Joined(params string?[] texts) => string.Join(" | ", texts.Select(text => text ?? "None"));

    [Fact]
    public void PartsOfAMultiArrayShareItsBuffers()
    {
        GeometryArray multi = Read("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5), (5.2 5.1, 5.8 5.1, 5.8 5.7, 5.2 5.1)))",
            "MULTIPOLYGON EMPTY", null, "MULTIPOLYGON (((9 9, 10 9, 10 10, 9 9)))");
        GeometryArray parts = Accessors.Parts(multi.Slice(1, 3), out DataBuffer<long> index);
        Assert.Equal(Joined("POLYGON ((9 9, 10 9, 10 10, 9 9))"), Texts(parts));
        Assert.Equal([3L - 1], index.Span.ToArray());
        parts = Accessors.Parts(multi, out index);
        Assert.Same(multi.Coordinates, parts.Coordinates);
        Assert.Same(multi.RingOffsets.Buffer, parts.RingOffsets.Buffer);
        Assert.Equal(GeometryType.Polygon, parts.Type);
        Assert.Equal([0L, 0, 3], index.Span.ToArray());
        Assert.Equal(3, parts.Length);
    }

    [Fact]
    public void PartsOfMixedSinglesAndMultisOfOneKindShareBuffers()
    {
        GeometryArray mixed = Read("POLYGON ((0 0, 1 0, 1 1, 0 0))", "MULTIPOLYGON (((5 5, 6 5, 6 6, 5 5)), ((7 7, 8 7, 8 8, 7 7)))", "POLYGON EMPTY");
        GeometryArray parts = Accessors.Parts(mixed, out DataBuffer<long> index);
        Assert.Same(mixed.Coordinates, parts.Coordinates);
        Assert.Equal(Joined("POLYGON ((0 0, 1 0, 1 1, 0 0))", "POLYGON ((5 5, 6 5, 6 6, 5 5))", "POLYGON ((7 7, 8 7, 8 8, 7 7))", "POLYGON EMPTY"), Texts(parts));
        Assert.Equal([0L, 1, 1, 2], index.Span.ToArray());
        GeometryArray points = Read("POINT (1 1)", null, "MULTIPOINT (2 2, 3 3)");
        Assert.Equal(Joined("POINT (1 1)", "POINT (2 2)", "POINT (3 3)"), Texts(Accessors.Parts(points, out _)));
    }

    [Fact]
    public void PartsOfCollectionsAreTheirMembers()
    {
        GeometryArray collections = Read("GEOMETRYCOLLECTION (MULTIPOINT (0 0, 1 1), POINT EMPTY, MULTILINESTRING EMPTY)", "GEOMETRYCOLLECTION EMPTY",
            "POINT (4 5)", null, "LINESTRING EMPTY");
        GeometryArray parts = Accessors.Parts(collections, out DataBuffer<long> index);
        Assert.Equal(Joined("MULTIPOINT (0 0, 1 1)", "POINT EMPTY", "MULTILINESTRING EMPTY", "POINT (4 5)", "LINESTRING EMPTY"), Texts(parts));
        Assert.Equal([0L, 0, 0, 2, 4], index.Span.ToArray());
    }

    [Fact]
    public void GeometryNCountsFromEitherEndAndBroadcasts()
    {
        GeometryArray rows = Read("MULTIPOINT (0 0, 1 1, 2 2)", "POINT (7 7)", null);
        Assert.Equal(Joined("POINT (2 2)", "POINT (7 7)", null), Texts(Accessors.GeometryN(rows, [-1])));
        Assert.Equal(Joined(null, null, null), Texts(Accessors.GeometryN(rows, [3])));
        Assert.Equal(Joined("POINT (0 0)", null, "POINT (1 1)", "POINT (0 0)"), Texts(Accessors.GeometryN(rows.Slice(0, 1), [0, -4, 1, -3])));
        Assert.Throws<ArgumentException>(() => Accessors.GeometryN(rows, [0, 1]));
    }

    [Fact]
    public void RingsOfAPolygonArrayShareItsBuffers()
    {
        GeometryArray polygons = Read("POLYGON ((0 0, 4 0, 4 4, 0 0), (1 0.5, 3 0.5, 3 2.5, 1 0.5))", "POLYGON EMPTY", "POLYGON ((9 9, 10 9, 10 10, 9 9))");
        GeometryArray rings = Accessors.Rings(polygons, out DataBuffer<long> index);
        Assert.Same(polygons.Coordinates, rings.Coordinates);
        Assert.Equal(Joined("LINESTRING (0 0, 4 0, 4 4, 0 0)", "LINESTRING (1 0.5, 3 0.5, 3 2.5, 1 0.5)", "LINESTRING (9 9, 10 9, 10 10, 9 9)"), Texts(rings));
        Assert.Equal([0L, 0, 2], index.Span.ToArray());
        GeometryArray shells = Accessors.ExteriorRing(polygons);
        Assert.NotSame(polygons.Coordinates, shells.Coordinates);
        Assert.Equal(Joined("LINESTRING (0 0, 4 0, 4 4, 0 0)", "LINESTRING EMPTY", "LINESTRING (9 9, 10 9, 10 10, 9 9)"), Texts(shells));
        GeometryArray simple = Read("POLYGON ((0 0, 1 0, 1 1, 0 0))", "POLYGON ((9 9, 10 9, 10 10, 9 9))");
        Assert.Same(simple.Coordinates, Accessors.ExteriorRing(simple).Coordinates);
        Assert.Equal(Joined(null, null, null), Texts(Accessors.InteriorRing(polygons, [1])));
        Assert.Equal(Joined("LINESTRING (1 0.5, 3 0.5, 3 2.5, 1 0.5)", null, null), Texts(Accessors.InteriorRing(polygons, [-1])));
    }

    [Fact]
    public void PointNKeepsZAndGivesMissingRowsOutOfRange()
    {
        GeometryArray lines = Read("LINESTRING Z (0 0 1, 1 1 2, 2 2 3)", "LINESTRING EMPTY", "POINT (1 1)", null);
        GeometryArray points = Accessors.PointN(lines, [-2]);
        Assert.Equal(Joined("POINT Z (1 1 2)", null, null, null), Texts(points));
        Assert.True(points.HasZ);
        Assert.Equal(Joined("POINT Z (0 0 1)", "POINT Z (2 2 3)", null), Texts(Accessors.PointN(lines.Slice(0, 1), [0, 2, int.MaxValue])));
    }

    [Fact]
    public void ManyRowsGiveTheSameResultsInParallel()
    {
        string[] wkt = Enumerable.Range(0, 20_000).Select(i => i % 3 == 0
            ? $"MULTILINESTRING (({i} 0, {i} 1), ({i} 2, {i} 3, {i} 4))"
            : $"GEOMETRYCOLLECTION (POINT ({i} 1), LINESTRING ({i} 0, {i} 5))").ToArray();
        GeometryArray rows = Read(wkt);
        GeometryArray last = Accessors.GeometryN(rows, [-1]);
        for (int i = 0; i < wkt.Length; i += 997)
            Assert.Equal(i % 3 == 0 ? $"LINESTRING ({i} 2, {i} 3, {i} 4)" : $"LINESTRING ({i} 0, {i} 5)", WktWriter.Write(last, i, WktOptions.Default));
        GeometryArray parts = Accessors.Parts(rows, out DataBuffer<long> index);
        Assert.Equal(2 * wkt.Length, parts.Length);
        Assert.Equal(wkt.Length - 1, index.Span[^1]);
    }
}
