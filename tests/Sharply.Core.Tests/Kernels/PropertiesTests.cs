using Sharply.Core.Kernels;
using static Sharply.Core.Tests.Kernels.KernelFixtures;

namespace Sharply.Core.Tests.Kernels;

public class PropertiesTests
{
    private static readonly KernelFixtures F = Instance;

    private static void CheckFlag(Action<Sharply.Core.Geometries.GeometryArray, Span<byte>> kernel, string property)
    {
        // Shapely 1.8 reports is_closed only for LineStrings; GEOS (Shapely 2) also closes MultiLineStrings.
        bool Skip(int row) => property == "is_closed" && F.Wkt[row]?.StartsWith("MULTILINESTRING") == true;
        var output = new byte[F.Array.Length];
        var one = new byte[1];
        kernel(F.Array, output);
        for (int row = 0; row < F.Array.Length; row++)
        {
            if (Skip(row)) continue;
            bool expected = F.Wkt[row] is not null && F.Unary[row].GetProperty(property).GetBoolean();
            Assert.True(expected == (output[row] == 1), $"{property} of {F.Wkt[row]}: expected {expected}");
            kernel(F.Rows([row]), one); // the one-row path of every scalar call
            Assert.True(expected == (one[0] == 1), $"{property} of {F.Wkt[row]} alone: expected {expected}");
        }
    }

    [Fact] public void IsEmptyMatchesGeos() => CheckFlag(Properties.IsEmpty, "is_empty");
    [Fact] public void HasZMatchesGeos() => CheckFlag(Properties.HasZ, "has_z");
    [Fact] public void IsValidMatchesGeos() => CheckFlag(Properties.IsValid, "is_valid");
    [Fact] public void IsSimpleMatchesGeos() => CheckFlag(Properties.IsSimple, "is_simple");
    [Fact] public void IsClosedMatchesGeos() => CheckFlag(Properties.IsClosed, "is_closed");
    [Fact] public void IsRingMatchesGeos() => CheckFlag(Properties.IsRing, "is_ring");

    [Fact]
    public void DimensionsAreTheHighestMembersAndZFollowsTheRow()
    {
        Sharply.Core.Geometries.GeometryArray rows = Sharply.Core.IO.WktReader.ReadMany(
            ["GEOMETRYCOLLECTION (POINT (1 1), MULTIPOLYGON EMPTY)", "GEOMETRYCOLLECTION EMPTY", "MULTILINESTRING EMPTY", "POINT Z (1 2 3)", "POINT (1 2)", null],
            Sharply.Core.IO.OnInvalid.Raise).Array;
        var dimensions = new int[6];
        var coordinateDimensions = new int[6];
        var z = new double[6];
        Properties.Dimensions(rows, dimensions);
        Properties.CoordinateDimension(rows, coordinateDimensions);
        Properties.GetZ(rows, z);
        Assert.Equal([2, -1, 1, 0, 0, -1], dimensions);
        Assert.Equal([2, 2, 2, 3, 2, -1], coordinateDimensions);
        Assert.Equal([double.NaN, double.NaN, double.NaN, 3, double.NaN, double.NaN], z);
    }

    [Fact]
    public void MultiLineStringIsClosedWhenEveryLineIs()
    {
        var output = new byte[3];
        Properties.IsClosed(FromWkt("MULTILINESTRING ((0 0, 1 0, 1 1, 0 0), (5 5, 6 5, 5 5))", "MULTILINESTRING ((0 0, 1 0), (5 5, 6 5, 5 5))", "MULTILINESTRING EMPTY"), output);
        Assert.Equal([1, 0, 0], output);
    }

    [Fact]
    public void IsValidReasonMatchesGeos()
    {
        var output = new string?[F.Array.Length];
        Properties.IsValidReason(F.Array, output);
        for (int row = 0; row < F.Array.Length; row++)
        {
            // NTS may report another witness point than GEOS: compare the reason, and the point only when valid.
            string? expected = F.Wkt[row] is null ? null : F.Unary[row].GetProperty("reason").GetString();
            Assert.Equal(expected?.Split('[')[0], output[row]?.Split('[')[0]);
        }
    }

    [Fact]
    public void CountsAndTypesFollowShapely()
    {
        var array = FromWkt("POINT (1 2)", "POINT EMPTY", "LINESTRING (0 0, 1 1, 2 2)", "POLYGON ((0 0, 1 0, 1 1, 0 0), (0.1 0.05, 0.2 0.05, 0.2 0.1, 0.1 0.05))",
            "MULTIPOINT ((0 0), (1 1))", "GEOMETRYCOLLECTION (POINT (0 0), LINESTRING (0 0, 1 1))", "POLYGON EMPTY", null);
        var ints = new int[array.Length];
        Properties.TypeId(array, ints);
        Assert.Equal([0, 0, 1, 3, 4, 7, 3, -1], ints);
        Properties.NumPoints(array, ints);
        Assert.Equal([0, 0, 3, 0, 0, 0, 0, 0], ints);
        Properties.NumCoordinates(array, ints);
        Assert.Equal([1, 0, 3, 8, 2, 3, 0, 0], ints);
        Properties.NumGeometries(array, ints);
        Assert.Equal([1, 1, 1, 1, 2, 2, 1, 0], ints);
        Properties.NumInteriorRings(array, ints);
        Assert.Equal([0, 0, 0, 1, 0, 0, 0, 0], ints);
        var doubles = new double[array.Length];
        Properties.GetX(array, doubles);
        Assert.Equal(1, doubles[0]);
        Assert.All(doubles[1..], v => Assert.True(double.IsNaN(v)));
        Properties.GetY(array, doubles);
        Assert.Equal(2, doubles[0]);
        var flags = new byte[array.Length];
        Properties.IsMissing(array, flags);
        Assert.Equal([0, 0, 0, 0, 0, 0, 0, 1], flags);
    }

    [Fact]
    public void RowFunctionsMatchTheArrayKernels()
    {
        var doubles = new double[F.Array.Length];
        var flags = new byte[F.Array.Length];
        Properties.GetX(F.Array, doubles);
        for (int row = 0; row < F.Array.Length; row++) Assert.Equal(doubles[row], Properties.XOf(F.Array, row));
        Properties.GetY(F.Array, doubles);
        for (int row = 0; row < F.Array.Length; row++) Assert.Equal(doubles[row], Properties.YOf(F.Array, row));
        Properties.HasZ(F.Array, flags);
        for (int row = 0; row < F.Array.Length; row++) Assert.Equal(flags[row] == 1, Properties.HasZOf(F.Array, row));
        Properties.IsClosed(F.Array, flags);
        for (int row = 0; row < F.Array.Length; row++) Assert.Equal(flags[row] == 1, Properties.IsClosedOf(F.Array, row));
        Assert.Contains(F.Wkt, wkt => wkt is null);
        Assert.Contains(doubles, value => !double.IsNaN(value));
    }
}
