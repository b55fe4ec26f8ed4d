using Sharply.Core.Geometries;
using Sharply.Core.Kernels;
using static Sharply.Core.Tests.Kernels.KernelFixtures;

namespace Sharply.Core.Tests.Kernels;

public class PredicatesTests
{
    private static readonly KernelFixtures F = Instance;

    private delegate void Predicate(GeometryArray a, GeometryArray b, Span<byte> output);

    private static readonly Predicate[] Kernels =
    [
        Predicates.Intersects, Predicates.Disjoint, Predicates.Contains, Predicates.Within, Predicates.Covers,
        Predicates.CoveredBy, Predicates.Touches, Predicates.Crosses, Predicates.Overlaps, Predicates.Equals,
        Predicates.ContainsProperly,
    ];

    [Fact]
    public void PredicatesAndRelateMatchGeosForEveryPair()
    {
        // GEOS's answers for invalid inputs are unspecified (RelateNG differs there): compare valid pairs.
        bool Valid(System.Text.Json.JsonElement p, string side) => F.Unary[p.GetProperty(side).GetInt32()].GetProperty("is_valid").GetBoolean();
        System.Text.Json.JsonElement[] pairs = F.Pairs.Where(p => Valid(p, "a") && Valid(p, "b")).ToArray();
        int[] rowsA = pairs.Select(p => p.GetProperty("a").GetInt32()).ToArray();
        int[] rowsB = pairs.Select(p => p.GetProperty("b").GetInt32()).ToArray();
        GeometryArray a = F.Rows(rowsA), b = F.Rows(rowsB);
        string[] names = F.Root.GetProperty("predicates").EnumerateArray().Select(e => e.GetString()!).ToArray();
        var output = new byte[pairs.Length];
        for (int k = 0; k < Kernels.Length; k++)
        {
            Kernels[k](a, b, output);
            for (int i = 0; i < pairs.Length; i++)
                Assert.True(pairs[i].GetProperty("p").GetString()![k] == (output[i] == 1 ? '1' : '0'),
                    $"{names[k]}({F.Wkt[rowsA[i]]}, {F.Wkt[rowsB[i]]})");
        }
        var matrices = new string?[pairs.Length];
        Predicates.Relate(a, b, matrices);
        for (int i = 0; i < pairs.Length; i++)
            Assert.True(pairs[i].GetProperty("relate").GetString() == matrices[i], $"relate({F.Wkt[rowsA[i]]}, {F.Wkt[rowsB[i]]}) = {matrices[i]}");
    }

    [Fact]
    public void OnePairGivesTheArrayAnswers()
    {
        // Every ordered pair of fixture rows (missing ones included) through the one-pair path.
        int n = F.Array.Length;
        int[] rowsA = Enumerable.Range(0, n * n).Select(i => i / n).ToArray(), rowsB = Enumerable.Range(0, n * n).Select(i => i % n).ToArray();
        GeometryArray a = F.Rows(rowsA), b = F.Rows(rowsB);
        GeometryArray[] single = Enumerable.Range(0, n).Select(row => F.Rows([row])).ToArray();
        var pairwise = new byte[n * n];
        var one = new byte[1];
        foreach (Predicate kernel in Kernels)
        {
            kernel(a, b, pairwise);
            for (int i = 0; i < n * n; i++)
            {
                kernel(single[rowsA[i]], single[rowsB[i]], one);
                Assert.True(pairwise[i] == one[0], $"{kernel.Method.Name}({F.Wkt[rowsA[i]]}, {F.Wkt[rowsB[i]]})");
            }
        }
    }

    [Fact]
    public void OnePairDecidedWithoutNtsAllocatesNothing()
    {
        GeometryArray p = FromWkt("POINT (1 2)"), q = FromWkt("POINT (1 3)"), polygon = FromWkt("POLYGON ((5 5, 6 5, 6 6, 5 5))");
        var output = new byte[1];
        void Calls()
        {
            Predicates.Intersects(p, q, output);
            Predicates.Intersects(p, p, output);
            Predicates.Disjoint(p, polygon, output);
            Predicates.Contains(polygon, p, output);
            Properties.IsEmpty(p, output);
        }
        Calls();
        long before = GC.GetAllocatedBytesForCurrentThread();
        Calls();
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void ScalarOnEitherSideGivesTheSameAnswers()
    {
        int[] present = Enumerable.Range(0, F.Array.Length).Where(r => F.Wkt[r] is not null).ToArray();
        GeometryArray all = F.Rows(present);
        var pairwise = new byte[present.Length];
        var broadcast = new byte[present.Length];
        foreach (int scalarRow in new[] { 8, 9, 3, present[^1] })
        {
            GeometryArray scalar = F.Rows([scalarRow]);
            GeometryArray repeated = F.Rows(Enumerable.Repeat(scalarRow, present.Length));
            foreach (Predicate kernel in Kernels)
            {
                kernel(all, repeated, pairwise);
                kernel(all, scalar, broadcast);
                Assert.Equal(pairwise, broadcast);
                kernel(repeated, all, pairwise);
                kernel(scalar, all, broadcast);
                Assert.Equal(pairwise, broadcast);
            }
        }
    }

    [Fact]
    public void MissingRowsAreFalse()
    {
        var output = new byte[2];
        Predicates.Disjoint(FromWkt(null, "POINT (0 0)"), FromWkt("POINT (5 5)", null), output);
        Assert.Equal([0, 0], output);
    }

    [Fact]
    public void RelatePatternEqualsExactAndDWithin()
    {
        GeometryArray polygons = FromWkt("POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0))", "POLYGON ((10 10, 11 10, 11 11, 10 10))", null);
        GeometryArray point = FromWkt("POINT (1 1)");
        var output = new byte[3];
        Predicates.RelatePattern(polygons, point, "T*****FF*", output);
        Assert.Equal([1, 0, 0], output);
        Predicates.RelatePattern(point, polygons, "T*F**F***", output);
        Assert.Equal([1, 0, 0], output);
        Predicates.DWithin(polygons, FromWkt("POINT (6 4)"), 2, output);
        Assert.Equal([1, 0, 0], output);
        Predicates.DWithin(polygons, FromWkt("POINT (6 4)"), 1.999, output);
        Assert.Equal([0, 0, 0], output);
        Predicates.EqualsExact(FromWkt("LINESTRING (0 0, 1 1)", "LINESTRING (0 0, 1 1)", "POINT (0 0)"),
            FromWkt("LINESTRING (0 0.05, 1 1)", "LINESTRING (1 1, 0 0)", "POINT (0 0)"), 0.1, output);
        Assert.Equal([1, 0, 1], output);
        Assert.Throws<ArgumentException>(() => Predicates.RelatePattern(polygons, point, "T*", output));
    }

    [Fact]
    public void PointInPolygonAgreesWithRelate()
    {
        GeometryArray polygon = FromWkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2))");
        double[] x = [1, 3, 2, 10, 5, 11, 0, 3];
        double[] y = [1, 3, 3, 5, 10, 5, 0, 2];
        var contains = new byte[x.Length];
        var intersects = new byte[x.Length];
        Predicates.ContainsXy(polygon, x, y, contains);
        Predicates.IntersectsXy(polygon, x, y, intersects);
        Assert.Equal([1, 0, 0, 0, 0, 0, 0, 0], contains);
        Assert.Equal([1, 0, 1, 1, 1, 0, 1, 1], intersects);
        GeometryArray points = FromWkt(x.Select((v, i) => $"POINT ({v} {y[i]})").ToArray());
        var expected = new byte[x.Length];
        Predicates.Contains(polygon, points, expected);
        Assert.Equal(expected, contains);
        Predicates.Intersects(polygon, points, expected);
        Assert.Equal(expected, intersects);
    }
}
