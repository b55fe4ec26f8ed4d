using Sharply.Core.Geometries;
using Sharply.Core.IO;

namespace Sharply.Core.Tests.IO;

public class WktTests
{
    private static string RoundTrip(string wkt, WktOptions? options = null)
    {
        var builder = new GeometryArrayBuilder();
        WktReader.Read(System.Text.Encoding.UTF8.GetBytes(wkt), builder);
        return WktWriter.Write(builder.Finish(), 0, options ?? WktOptions.Default);
    }

    // Expected strings are shapely 1.8.5 wkt.loads(...) then dumps(trim=True, rounding_precision=6),
    // except that M is dropped (GEOS 3.11 reads M as Z) and trailing text is rejected.
    [Theory]
    [InlineData("point(1 2)", "POINT (1 2)")]
    [InlineData("POINT M (1 2 3)", "POINT (1 2)")]
    [InlineData("POINT ZM (1 2 3 4)", "POINT Z (1 2 3)")]
    [InlineData("POINT (1 2 3)", "POINT Z (1 2 3)")]
    [InlineData("POINT (1e3 2E-2)", "POINT (1000 0.02)")]
    [InlineData("POINT (1 nan)", "POINT (1 NaN)")]
    [InlineData("POINT (inf -Infinity)", "POINT (Infinity -Infinity)")]
    [InlineData("POINT (+1 .5)", "POINT (1 0.5)")]
    [InlineData("POINT (1. 2)", "POINT (1 2)")]
    [InlineData("POINT Z EMPTY", "POINT EMPTY")]
    [InlineData("MULTIPOINT ((1 2), (3 4))", "MULTIPOINT (1 2, 3 4)")]
    [InlineData("MULTIPOINT (EMPTY, (1 2))", "MULTIPOINT (EMPTY, 1 2)")]
    [InlineData("SRID=4326;LINESTRING(0 0,1 1)", "LINESTRING (0 0, 1 1)")]
    [InlineData("MULTILINESTRING (EMPTY, (0 0, 1 1))", "MULTILINESTRING (EMPTY, (0 0, 1 1))")]
    [InlineData("GEOMETRYCOLLECTION (POINT EMPTY, LINESTRING EMPTY, MULTIPOINT ((1 2)), GEOMETRYCOLLECTION (POINT (3 4)))",
        "GEOMETRYCOLLECTION (POINT EMPTY, LINESTRING EMPTY, MULTIPOINT (1 2), POINT (3 4))")]
    public void ReadsWhatGeosReads(string input, string expected) => Assert.Equal(expected, RoundTrip(input));

    [Fact]
    public void NumbersAreFormattedLikeGeos()
    {
        // shapely 1.8.5: dumps(Point(v, v), trim=True, rounding_precision=6) and dumps(..., trim=True).
        Assert.Equal("POINT (1234567.123457 0)", RoundTrip("POINT (1234567.123456789 -1e-7)"));
        Assert.Equal("POINT (0.000002 0.000004)", RoundTrip("POINT (2.5e-6 3.5e-6)"));
        Assert.Equal("POINT (1 0.123458)", RoundTrip("POINT (1.0000005 0.1234575)"));
        Assert.Equal("POINT (1234567.123456789 0.0006666666666667)",
            RoundTrip("POINT (1234567.123456789 0.0006666666666666666)", new WktOptions { RoundingPrecision = -1 }));
        Assert.Equal("POINT (1.000000 -0.500000)", RoundTrip("POINT (1 -0.5)", new WktOptions { Trim = false }));
        Assert.Equal("POINT (1 2)", RoundTrip("POINT Z (1 2 3)", new WktOptions { OutputDimension = 2 }));
    }

    [Theory]
    [InlineData("LINESTRING (1 2, 3 4", "expected ')' at the end of the text")]
    [InlineData("POINT (1 2) x", "unexpected text after the geometry at character 12")]
    [InlineData("CIRCLE (1 2)", "unknown geometry type 'CIRCLE'")]
    [InlineData("POINT (1)", "expected a number at character 8")]
    [InlineData("POINT (1 nope)", "expected a number, found 'nope'")]
    [InlineData("POINT (1 2-3)", "invalid number '2-3'")]
    [InlineData("", "expected a geometry type")]
    public void BadInputNamesRowAndProblem(string input, string problem)
    {
        var error = Assert.Throws<GeometryDecodeException>(() => WktReader.ReadMany(new List<string?> { "POINT EMPTY", input }, OnInvalid.Raise));
        Assert.Equal(1, error.Row);
        Assert.Contains(problem, error.Problem);
    }

    [Fact]
    public void DeepCollectionsAreRejected()
    {
        string wkt = string.Concat(Enumerable.Repeat("GEOMETRYCOLLECTION (", 40)) + "POINT (1 2)" + new string(')', 40);
        var error = Assert.Throws<GeometryDecodeException>(() => WktReader.ReadMany(new List<string?> { wkt }, OnInvalid.Raise));
        Assert.Contains("nested deeper than 32", error.Problem);
    }

    [Fact]
    public void MissingRowsWriteNothing()
    {
        GeometryArray array = WktReader.ReadMany(new List<string?> { "POINT (1 2)", null }, OnInvalid.Raise).Array;
        EncodedRows rows = WktWriter.WriteMany(array, WktOptions.Default);
        Assert.Equal("POINT (1 2)"u8.ToArray(), rows[0].ToArray());
        Assert.True(rows.IsNull(1));
        Assert.Equal(0, rows[1].Length);
    }
}
