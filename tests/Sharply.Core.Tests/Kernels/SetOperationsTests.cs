using Sharply.Core.Geometries;
using Sharply.Core.Kernels;
using static Sharply.Core.Tests.Kernels.KernelFixtures;

namespace Sharply.Core.Tests.Kernels;

public class SetOperationsTests
{
    private static readonly KernelFixtures F = Instance;

    [Fact]
    public void OverlaysMatchGeosAreas()
    {
        // NTS's OverlayNG rejects mixed-dimension collections (GEOS accepts them): polygonal pairs only.
        bool Polygonal(System.Text.Json.JsonElement p, string side) => F.Wkt[p.GetProperty(side).GetInt32()]!.Contains("POLYGON") && !F.Wkt[p.GetProperty(side).GetInt32()]!.StartsWith("GEOMETRYCOLLECTION");
        var pairs = F.Pairs.Where(p => p.TryGetProperty("overlay", out _) && Polygonal(p, "a") && Polygonal(p, "b")).ToArray();
        GeometryArray a = F.Rows(pairs.Select(p => p.GetProperty("a").GetInt32()));
        GeometryArray b = F.Rows(pairs.Select(p => p.GetProperty("b").GetInt32()));
        Func<GeometryArray, GeometryArray, GeometryArray>[] operations =
            [SetOperations.Intersection, SetOperations.Union, SetOperations.Difference, SetOperations.SymmetricDifference];
        var area = new double[pairs.Length];
        for (int k = 0; k < operations.Length; k++)
        {
            Measurement.Area(operations[k](a, b), area);
            for (int i = 0; i < pairs.Length; i++)
                Close(pairs[i].GetProperty("overlay")[k].GetDouble(), area[i], 1e-6, $"overlay {k} of pair {i}");
        }
    }

    [Fact]
    public void BroadcastAndMissingRows()
    {
        GeometryArray squares = FromWkt("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))", null, "POLYGON ((5 5, 6 5, 6 6, 5 6, 5 5))");
        GeometryArray result = SetOperations.Intersection(squares, FromWkt("POLYGON ((1 1, 3 1, 3 3, 1 3, 1 1))"));
        var area = new double[3];
        Measurement.Area(result, area);
        Assert.Equal(1, area[0], 12);
        Assert.True(result.IsNull(1));
        Assert.Equal(0, area[2]);
    }

    [Fact]
    public void UnionAllAndIntersectionAll()
    {
        GeometryArray squares = FromWkt("POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0))", null, "POLYGON ((1 1, 3 1, 3 3, 1 3, 1 1))", "POLYGON ((1.5 0, 4 0, 4 4, 1.5 4, 1.5 0))");
        var area = new double[1];
        Measurement.Area(SetOperations.UnionAll(squares), area);
        Assert.Equal(13.5, area[0], 9);
        Measurement.Area(SetOperations.IntersectionAll(squares), area);
        Assert.Equal(0.5, area[0], 12);
        var types = new int[1];
        Properties.TypeId(SetOperations.UnionAll(FromWkt((string?)null)), types);
        Assert.Equal(7, types[0]);
    }
}
