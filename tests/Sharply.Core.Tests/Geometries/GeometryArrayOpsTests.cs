using Sharply.Core.Geometries;
using Sharply.Core.IO;

namespace Sharply.Core.Tests.Geometries;

public class GeometryArrayOpsTests
{
    private static readonly string?[] Rows =
    [
        "POINT (1 2)", null, "LINESTRING (0 0, 1 1, 2 0)", "POLYGON ((0 0, 4 0, 4 4, 0 0), (1 1, 2 1, 2 2, 1 1))",
        "MULTIPOINT (5 5, 6 6)", "GEOMETRYCOLLECTION (POINT (7 7), LINESTRING (8 8, 9 9))", null,
        "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((5 5, 6 5, 6 6, 5 5)))", "POINT EMPTY", "LINESTRING EMPTY",
    ];

    private static string?[] Wkt(GeometryArray array)
    {
        var result = new string?[array.Length];
        for (int row = 0; row < array.Length; row++)
            result[row] = array.IsNull(row) ? null : WktWriter.Write(array, row, new WktOptions());
        return result;
    }

    private static GeometryArray Read(params string?[] rows) => WktReader.ReadMany(rows, OnInvalid.Raise).Array;

    [Fact]
    public void EverySliceOfAMixedArrayMatchesItsRows()
    {
        GeometryArray array = Read(Rows);
        for (int start = 0; start <= Rows.Length; start++)
            for (int length = 0; start + length <= Rows.Length; length++)
            {
                GeometryArray slice = array.Slice(start, length);
                slice.Validate();
                Assert.Equal(Rows[start..(start + length)], Wkt(slice));
            }
    }

    [Theory]
    [InlineData("POINT (1 2)", "POINT (3 4)", "POINT (5 6)")]
    [InlineData("LINESTRING (0 0, 1 1)", "LINESTRING (2 2, 3 3, 4 4)", "LINESTRING EMPTY")]
    [InlineData("POLYGON ((0 0, 1 0, 1 1, 0 0))", "POLYGON EMPTY", "POLYGON ((5 5, 6 5, 6 6, 5 5))")]
    [InlineData("MULTIPOINT (1 1, 2 2)", "MULTIPOINT EMPTY", "MULTIPOINT (3 3)")]
    public void SlicesOfSingleTypeArraysShareTheCoordinates(string first, string second, string third)
    {
        GeometryArray array = Read(first, second, third);
        GeometryArray tail = array.Slice(1, 2);
        Assert.Equal(new string?[] { second, third }, Wkt(tail));
        Assert.Same(array.Coordinates.Owner, tail.Coordinates.Owner);
    }

    [Fact]
    public void TakeGathersRowsAndMinusOneIsMissing()
    {
        GeometryArray array = Read(Rows);
        GeometryArray taken = array.Take([3, -1, 0, 3]);
        Assert.Equal(new[] { Rows[3], null, Rows[0], Rows[3] }, Wkt(taken));
        Assert.Throws<IndexOutOfRangeException>(() => array.Take([10]));
    }

    [Fact]
    public void ConcatKeepsOrderAndPromotesZ()
    {
        GeometryArray joined = GeometryArrayOps.Concat([Read("POINT (1 2)", null), Read("POINT Z (1 2 3)")]);
        Assert.True(joined.HasZ);
        Assert.Equal(new string?[] { "POINT (1 2)", null, "POINT Z (1 2 3)" }, Wkt(joined));
    }
}
