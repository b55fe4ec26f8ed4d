using System.Text.Json;
using Sharply.Core.Kernels;
using static Sharply.Core.Tests.Kernels.KernelFixtures;

namespace Sharply.Core.Tests.Kernels;

public class MeasurementTests
{
    private static readonly KernelFixtures F = Instance;

    [Fact]
    public void AreaAndLengthMatchGeos()
    {
        var area = new double[F.Array.Length];
        var length = new double[F.Array.Length];
        Measurement.Area(F.Array, area);
        Measurement.Length(F.Array, length);
        for (int row = 0; row < F.Array.Length; row++)
        {
            if (F.Wkt[row] is null)
            {
                Assert.True(double.IsNaN(area[row]) && double.IsNaN(length[row]));
                continue;
            }
            Close(F.Unary[row].GetProperty("area").GetDouble(), area[row], what: $"area {F.Wkt[row]}");
            Close(F.Unary[row].GetProperty("length").GetDouble(), length[row], what: $"length {F.Wkt[row]}");
        }
    }

    [Fact]
    public void BoundsMatchGeos()
    {
        var bounds = new double[4 * F.Array.Length];
        Measurement.Bounds(F.Array, bounds);
        for (int row = 0; row < F.Array.Length; row++)
        {
            JsonElementOrNull(row, "bounds", out var expected);
            for (int k = 0; k < 4; k++)
                Close(expected is null ? double.NaN : expected[k], bounds[4 * row + k], what: $"bounds {F.Wkt[row]}");
        }
    }

    [Fact]
    public void TotalBoundsCoverEveryRow()
    {
        var total = new double[4];
        Measurement.TotalBounds(FromWkt("POINT (1 2)", null, "POINT EMPTY", "LINESTRING (-3 5, 4 -1)"), total);
        Assert.Equal([-3, -1, 4, 5], total);
        Measurement.TotalBounds(FromWkt(null, "POLYGON EMPTY"), total);
        Assert.All(total, v => Assert.True(double.IsNaN(v)));
    }

    [Fact]
    public void DistanceMatchesGeosAndIsNaNForEmpty()
    {
        foreach (JsonElement pair in F.Pairs)
        {
            int a = pair.GetProperty("a").GetInt32(), b = pair.GetProperty("b").GetInt32();
            var output = new double[1];
            Measurement.Distance(F.Rows([a]), F.Rows([b]), output);
            Close(Number(pair.GetProperty("distance")), output[0], what: $"distance {F.Wkt[a]} / {F.Wkt[b]}");
        }
    }

    [Fact]
    public void DistanceBroadcastsAScalar()
    {
        var output = new double[3];
        Measurement.Distance(FromWkt("POINT (0 0)", null, "LINESTRING (3 0, 3 10)"), FromWkt("POINT (3 4)"), output);
        Assert.Equal(5, output[0]);
        Assert.True(double.IsNaN(output[1]));
        Assert.Equal(0, output[2]);
        Measurement.HausdorffDistance(FromWkt("LINESTRING (0 0, 10 0)"), FromWkt("LINESTRING (0 1, 10 1)"), output.AsSpan(0, 1));
        Assert.Equal(1, output[0]);
    }

    [Fact]
    public void MismatchedLengthsAreRejected()
    {
        var output = new double[2];
        Assert.Throws<ArgumentException>(() => Measurement.Distance(FromWkt("POINT (0 0)", "POINT (1 1)"), FromWkt("POINT (0 0)", "POINT (1 1)", "POINT (2 2)"), output));
    }

    private static void JsonElementOrNull(int row, string name, out double[]? values)
    {
        values = null;
        if (F.Wkt[row] is null) return;
        System.Text.Json.JsonElement e = F.Unary[row].GetProperty(name);
        if (e.ValueKind == System.Text.Json.JsonValueKind.Null) return;
        values = e.EnumerateArray().Select(Number).ToArray();
    }
}
