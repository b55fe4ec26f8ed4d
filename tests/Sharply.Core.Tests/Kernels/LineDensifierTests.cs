using Sharply.Core.Geometries;
using Sharply.Core.IO;
using Sharply.Core.Kernels;

namespace Sharply.Core.Tests.Kernels;

public class LineDensifierTests
{
    private static GeometryArray Read(params string?[] wkt) => WktReader.ReadMany(wkt, OnInvalid.Raise).Array;

    private static string Texts(GeometryArray array) =>
        string.Join(" | ", Enumerable.Range(0, array.Length).Select(row => array.IsNull(row) ? "None" : WktWriter.Write(array, row, WktOptions.Default)));

    private static double[] Coordinates(GeometryArray array) => array.Coordinates.Span[..(array.CoordinateCount * array.Dimension)].ToArray();

    [Fact]
    public void SplitsLongSegmentsIntoEqualPiecesAndSharesTheStructure()
    {
        GeometryArray rows = Read("LINESTRING (0 0, 10 0, 10 1)", null, "MULTILINESTRING ((0 0, 0 3), EMPTY, (1 1, 1 1, 2 1))", "LINESTRING EMPTY");
        GeometryArray result = Constructive.Segmentize(rows, 3);
        // 10 / 3 -> 4 pieces of 2.5; 3 / 3 -> 1 piece; the repeated (1 1) is dropped as GEOS drops it.
        Assert.Equal("LINESTRING (0 0, 2.5 0, 5 0, 7.5 0, 10 0, 10 1) | None | MULTILINESTRING ((0 0, 0 3), EMPTY, (1 1, 2 1)) | LINESTRING EMPTY",
            Texts(result));
        Assert.Same(rows.GeometryOffsets.Buffer, result.GeometryOffsets.Buffer);
        Assert.Same(rows.Validity, result.Validity);
    }

    [Fact]
    public void InnerPointsFollowGeosFractionsWithoutZ()
    {
        // 1 / 0.3 -> 4 pieces of 0.25: the fractions (j * 0.25) / 1 and x0 + f (x1 - x0), z NaN as GEOS's pointAlong.
        GeometryArray result = Constructive.Segmentize(Read("LINESTRING Z (0.1 0 1, 1.1 0 5)"), 0.3);
        double[] expected = [0.1, 0, 1];
        for (int j = 1; j < 4; j++)
        {
            double fraction = j * 0.25 / 1.0;
            expected = [.. expected, 0.1 + fraction * (1.1 - 0.1), 0, double.NaN];
        }
        expected = [.. expected, 1.1, 0, 5];
        Assert.Equal(expected, Coordinates(result));
    }

    [Fact]
    public void NaNVerticesRepeatAsInGeos()
    {
        // A NaN segment length is not split; NaN never equals the last vertex, so it is added twice.
        GeometryArray result = Constructive.Segmentize(Read("LINESTRING (0 0, NaN 0, 5 0)"), 3);
        Assert.Equal([0, 0, double.NaN, 0, double.NaN, 0, 5, 0], Coordinates(result));
    }

    [Fact]
    public void CollectionsOfPointsAndLinesAndSlicesUseTheKernel()
    {
        GeometryArray rows = Read("POINT (9 9)", "GEOMETRYCOLLECTION (POINT (0 0), LINESTRING (0 0, 0 4))", "MULTIPOINT ((1 1), (1 1))", "LINESTRING (0 0, 1 0)");
        Assert.True(LineDensifier.Handles(rows));
        Assert.Equal("POINT (9 9) | GEOMETRYCOLLECTION (POINT (0 0), LINESTRING (0 0, 0 2, 0 4)) | MULTIPOINT (1 1, 1 1) | LINESTRING (0 0, 1 0)",
            Texts(Constructive.Segmentize(rows, 3)));
        Assert.Equal("GEOMETRYCOLLECTION (POINT (0 0), LINESTRING (0 0, 0 2, 0 4)) | MULTIPOINT (1 1, 1 1)",
            Texts(Constructive.Segmentize(rows.Slice(1, 2), 3)));
        GeometryArray points = Read("POINT (1 2)", "POINT EMPTY");
        Assert.Same(points, Constructive.Segmentize(points, 1));
        Assert.False(LineDensifier.Handles(Read("LINESTRING (0 0, 1 1)", "POLYGON ((0 0, 1 0, 1 1, 0 0))")));
        Assert.False(LineDensifier.Handles(Read("GEOMETRYCOLLECTION (POLYGON ((0 0, 1 0, 1 1, 0 0)))")));
    }

    [Fact]
    public void DegenerateLinesAndTinyLengthsRaiseOrEmptyAsInGeos()
    {
        var collapsed = Assert.Throws<GeometryOperationException>(() => Constructive.Segmentize(Read("LINESTRING (0 0, 1 0)", "LINESTRING (1 1, 1 1)"), 3));
        Assert.Equal(1, collapsed.Row);
        var tiny = Assert.Throws<GeometryOperationException>(() => Constructive.Segmentize(Read("LINESTRING (0 0, 1e9 0)"), 1e-2));
        Assert.Contains("too small", tiny.Message);
        Assert.Throws<GeometryOperationException>(() => Constructive.Segmentize(Read("LINESTRING (0 0, Infinity 0)"), 1));
    }
}
