using System.Globalization;
using Sharply.Core.Geometries;
using Sharply.Core.Index;
using Sharply.Core.IO;
using Sharply.Core.Kernels;

namespace Sharply.Core.Tests.Index;

public class GeometryTreeTests
{
    private delegate void Kernel(GeometryArray a, GeometryArray b, Span<byte> output);

    private static readonly (SpatialPredicate Predicate, Kernel Kernel)[] Topological =
    [
        (SpatialPredicate.Intersects, Predicates.Intersects), (SpatialPredicate.Within, Predicates.Within),
        (SpatialPredicate.Contains, Predicates.Contains), (SpatialPredicate.Overlaps, Predicates.Overlaps),
        (SpatialPredicate.Crosses, Predicates.Crosses), (SpatialPredicate.Touches, Predicates.Touches),
        (SpatialPredicate.Covers, Predicates.Covers), (SpatialPredicate.CoveredBy, Predicates.CoveredBy),
        (SpatialPredicate.ContainsProperly, Predicates.ContainsProperly),
    ];

    private static GeometryArray Wkt(IEnumerable<string?> rows) => WktReader.ReadMany(rows.ToList(), OnInvalid.Raise).Array;

    private static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);


    /// <summary>Polygons (big stars with holes, a multipolygon, small squares), lines, points, empties and nulls.</summary>
    private static GeometryArray Shapes() => Wkt(
    [
        "POLYGON " + TestShapes.StarRings(50, 50, 40, 20, 60),
        "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))",
        null,
        $"MULTIPOLYGON ({TestShapes.StarRings(20, 80, 15, 8, 40)}, ((70 0, 90 0, 90 20, 70 20, 70 0)))",
        "LINESTRING (0 50, 100 50)",
        "POLYGON EMPTY",
        "POLYGON ((5 5, 15 5, 15 15, 5 15, 5 5))",
        "MULTIPOINT ((50 50), (10 10))",
        "POINT (45 45)",
    ]);

    /// <summary>Random points plus points on vertices, edges and hole corners of <see cref="Shapes"/>, an empty point and nulls.</summary>
    private static GeometryArray Points(int count, int seed)
    {
        var random = new Random(seed);
        var rows = new List<string?> { "POINT (10 10)", "POINT (5 0)", "POINT (0 0)", "POINT EMPTY", null, "POINT (45 45)", "POINT (90 10)" };
        string star = TestShapes.StarRings(50, 50, 40, 20, 60);
        foreach (string vertex in star.Replace("(", "").Replace(")", "").Split(", ").Take(30)) rows.Add($"POINT ({vertex})");
        for (int i = 0; i < count; i++)
            rows.Add(random.Next(10) == 0
                ? $"POINT ({random.Next(0, 101)} {random.Next(0, 101)})"
                : $"POINT ({F(random.NextDouble() * 110 - 5)} {F(random.NextDouble() * 110 - 5)})");
        return Wkt(rows);
    }

    /// <summary>Every pair (i, j) for which kernel(a[i], b[j]) holds, by brute force over the cross product.</summary>
    private static List<(long, long)> Brute(GeometryArray a, GeometryArray b, Kernel kernel)
    {
        int[] rowsA = new int[a.Length * b.Length], rowsB = new int[a.Length * b.Length];
        for (int i = 0; i < a.Length; i++)
            for (int j = 0; j < b.Length; j++)
            {
                rowsA[i * b.Length + j] = i;
                rowsB[i * b.Length + j] = j;
            }
        var output = new byte[rowsA.Length];
        kernel(a.Take(rowsA), b.Take(rowsB), output);
        var pairs = new List<(long, long)>();
        for (int k = 0; k < output.Length; k++)
            if (output[k] == 1 && !a.IsEmpty(rowsA[k]) && !b.IsEmpty(rowsB[k])) pairs.Add((rowsA[k], rowsB[k]));
        return pairs;
    }

    private static List<(long, long)> Pairs(IndexPairs pairs)
    {
        var result = new List<(long, long)>();
        for (int k = 0; k < pairs.Count; k++) result.Add((pairs.Inputs[k], pairs.Trees[k]));
        return result;
    }

    [Fact]
    public void EveryPredicateMatchesBruteForceWhicheverSideIsTheTree()
    {
        GeometryArray shapes = Shapes(), points = Points(400, 1);
        GeometryArray all = GeometryArrayOps.Concat([shapes, points]);
        foreach ((SpatialPredicate predicate, Kernel kernel) in Topological)
        {
            Assert.Equal(Brute(points, shapes, kernel), Pairs(new GeometryTree(shapes).Query(points, predicate)));
            Assert.Equal(Brute(shapes, points, kernel), Pairs(new GeometryTree(points).Query(shapes, predicate)));
            Assert.Equal(Brute(all, all, kernel), Pairs(SpatialJoin.Join(all, all, predicate)));
            // The smaller left operand is indexed and queried with the converse predicate.
            Assert.Equal(Brute(shapes, points, kernel), Pairs(SpatialJoin.Join(shapes, points, predicate)));
            Assert.Equal(Brute(points, shapes, kernel), Pairs(SpatialJoin.Join(points, shapes, predicate)));
        }
    }

    [Fact]
    public void PredicateArgumentOrderIsInputThenTree()
    {
        GeometryArray square = Wkt(["POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"]), point = Wkt(["POINT (5 5)"]);
        var tree = new GeometryTree(point);
        Assert.Equal([(0L, 0L)], Pairs(tree.Query(square, SpatialPredicate.Contains)));
        Assert.Empty(Pairs(tree.Query(square, SpatialPredicate.Within)));
        Assert.Equal([(0L, 0L)], Pairs(new GeometryTree(square).Query(point, SpatialPredicate.Within)));
        Assert.Empty(Pairs(new GeometryTree(square).Query(point, SpatialPredicate.Contains)));
    }

    [Fact]
    public void JoinAgreesWithThePredicateKernelsOnANearDegenerateLine()
    {
        // The line ends 1e-16 outside the polygon, next to a vertex: RelateNG (used by both) says it crosses.
        GeometryArray line = Wkt(["LINESTRING (0 15, 1 17)"]);
        GeometryArray circle = Wkt(["POLYGON ((5 13, 4.923141121612922 12.219638711935486, 4.695518130045147 11.469266270539642, 4.325878449210181 10.777719067921591, 3.8284271247461903 10.17157287525381, 3.222280932078409 9.674121550789819, 2.5307337294603593 9.304481869954852, 1.7803612880645132 9.076858878387078, 1.0000000000000002 9, 0.2196387119354872 9.076858878387078, -0.5307337294603589 9.304481869954852, -1.2222809320784078 9.674121550789819, -1.8284271247461898 10.17157287525381, -2.3258784492101814 10.777719067921591, -2.695518130045147 11.46926627053964, -2.9231411216129217 12.219638711935486, -3 13, -2.9231411216129217 13.780361288064514, -2.6955181300451474 14.530733729460358, -2.325878449210182 15.222280932078409, -1.8284271247461907 15.82842712474619, -1.2222809320784087 16.32587844921018, -0.5307337294603613 16.695518130045144, 0.2196387119354853 16.92314112161292, 0.9999999999999992 17, 1.7803612880645132 16.92314112161292, 2.5307337294603602 16.695518130045148, 3.2222809320784074 16.325878449210183, 3.8284271247461894 15.828427124746192, 4.325878449210181 15.222280932078409, 4.695518130045146 14.530733729460362, 4.923141121612922 13.780361288064515, 5 13))"]);
        byte[] within = new byte[1], crosses = new byte[1];
        Sharply.Core.Kernels.Predicates.Within(line, circle, within);
        Sharply.Core.Kernels.Predicates.Crosses(line, circle, crosses);
        Assert.Equal(within[0] == 1, Pairs(new GeometryTree(circle).Query(line, SpatialPredicate.Within)).Count == 1);
        Assert.Equal(crosses[0] == 1, Pairs(new GeometryTree(circle).Query(line, SpatialPredicate.Crosses)).Count == 1);
        Assert.Equal(within[0] == 1, Pairs(new GeometryTree(line).Query(circle, SpatialPredicate.Covers)).Count == 1);
    }

    [Fact]
    public void BoundsOnlyQueryKeepsEveryCandidateButNeverMissingOrEmptyRows()
    {
        GeometryArray shapes = Shapes();
        var tree = new GeometryTree(shapes);
        Assert.Equal(7, tree.Count);
        List<(long, long)> pairs = Pairs(tree.Query(Wkt(["POINT (12 12)", null, "POINT EMPTY", "LINESTRING EMPTY"]), SpatialPredicate.None));
        Assert.Equal([(0L, 0L), (0, 3), (0, 6), (0, 7)], pairs);
        Assert.Empty(Pairs(new GeometryTree(Wkt([null, "POINT EMPTY"])).Query(shapes, SpatialPredicate.Intersects)));
        Assert.Empty(Pairs(new GeometryTree(Wkt([])).Query(shapes, SpatialPredicate.Intersects)));
    }

    [Fact]
    public void DWithinMatchesBruteForce()
    {
        GeometryArray shapes = Shapes(), points = Points(300, 2);
        GeometryArray all = GeometryArrayOps.Concat([shapes, points]);
        foreach (double distance in new[] { 0.0, 0.5, 3.0 })
        {
            Kernel kernel = (a, b, output) => Predicates.DWithin(a, b, distance, output);
            Assert.Equal(Brute(points, shapes, kernel), Pairs(new GeometryTree(shapes).Query(points, SpatialPredicate.DWithin, [distance])));
            Assert.Equal(Brute(shapes, points, kernel), Pairs(new GeometryTree(points).Query(shapes, SpatialPredicate.DWithin, [distance])));
            Assert.Equal(Brute(all, all, kernel), Pairs(SpatialJoin.Join(all, all, SpatialPredicate.DWithin, [distance])));
            Assert.Equal(Brute(shapes, points, kernel), Pairs(SpatialJoin.Join(shapes, points, SpatialPredicate.DWithin, [distance])));
        }
        double[] perInput = Enumerable.Range(0, points.Length).Select(i => i % 3 == 0 ? 2.0 : double.NaN).ToArray();
        List<(long, long)> expected = Brute(points, shapes, (a, b, output) => Predicates.DWithin(a, b, 2.0, output))
            .Where(p => p.Item1 % 3 == 0).ToList();
        Assert.Equal(expected, Pairs(new GeometryTree(shapes).Query(points, SpatialPredicate.DWithin, perInput)));
    }

    [Fact]
    public void DistanceArgumentsAreChecked()
    {
        var tree = new GeometryTree(Shapes());
        GeometryArray points = Points(3, 3);
        Assert.Throws<ArgumentException>(() => tree.Query(points, SpatialPredicate.DWithin));
        Assert.Throws<ArgumentException>(() => tree.Query(points, SpatialPredicate.Intersects, [1.0]));
        Assert.Throws<ArgumentException>(() => tree.Query(points, SpatialPredicate.DWithin, [1.0, 2.0]));
    }

    [Fact]
    public void PointsAgainstAFewPolygonsMatchBruteForce()
    {
        // Only polygons (with a null and an empty row) in the tree: the points skip it (PointPolygonJoin).
        GeometryArray polygons = Wkt(
        [
            "POLYGON " + TestShapes.StarRings(50, 50, 40, 20, 60),
            null,
            "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))",
            "POLYGON EMPTY",
            $"MULTIPOLYGON ({TestShapes.StarRings(20, 80, 15, 8, 40)}, ((70 0, 90 0, 90 20, 70 20, 70 0)))",
            "POLYGON ((5 5, 15 5, 15 15, 5 15, 5 5))",
        ]);
        GeometryArray points = Points(1500, 7);
        foreach ((SpatialPredicate predicate, Kernel kernel) in Topological)
        {
            List<(long, long)> expected = Brute(points, polygons, kernel);
            Assert.Equal(expected, Pairs(new GeometryTree(polygons).Query(points, predicate)));
            Assert.Equal(expected, Pairs(SpatialJoin.Join(points, polygons, predicate)));
            Assert.Equal(Brute(polygons, points, kernel), Pairs(SpatialJoin.Join(polygons, points, predicate)));
        }
        Assert.NotEmpty(Brute(points, polygons, Predicates.Touches));
    }

    [Fact]
    public void NearestMatchesBruteForce()
    {
        GeometryArray shapes = Shapes(), points = Points(200, 4);
        GeometryArray all = GeometryArrayOps.Concat([shapes, points]);
        var tree = new GeometryTree(all);
        foreach (bool allMatches in new[] { true, false })
        {
            IndexPairs found = tree.Nearest(points, returnDistance: true, allMatches: allMatches);
            var expected = new List<(long, long)>();
            var distances = new List<double>();
            for (int i = 0; i < points.Length; i++)
            {
                if (points.IsNull(i) || points.IsEmpty(i)) continue;
                var d = new double[all.Length];
                Measurement.Distance(points.Take(Enumerable.Repeat(i, all.Length).ToArray()), all, d);
                double best = d.Where(v => !double.IsNaN(v)).Min();
                IEnumerable<int> ties = Enumerable.Range(0, all.Length).Where(j => d[j] == best);
                foreach (int j in allMatches ? ties : ties.Take(1))
                {
                    expected.Add((i, j));
                    distances.Add(best);
                }
            }
            Assert.Equal(expected, Pairs(found));
            Assert.Equal(distances, found.Distances!.Span.ToArray());
        }
    }

    [Fact]
    public void ExclusiveNearestSkipsEqualGeometries()
    {
        GeometryArray items = Wkt(["POINT (0 0)", "POINT (1 0)", "POLYGON ((0 0, 1 0, 1 1, 0 0))", "POLYGON ((1 0, 1 1, 0 0, 1 0))", "POINT (3 0)"]);
        IndexPairs found = new GeometryTree(items).Nearest(items, exclusive: true);
        // The polygons are equal to each other (same ring, another start) and touch both points; (3 0) is
        // 2 from (1 0), a vertex of both polygons.
        Assert.Equal([(0L, 2L), (0, 3), (1, 2), (1, 3), (2, 0), (2, 1), (3, 0), (3, 1), (4, 1), (4, 2), (4, 3)], Pairs(found));
        Assert.DoesNotContain(Pairs(new GeometryTree(items).Nearest(items, maxDistance: 1.5, exclusive: true)), p => p.Item1 == 4);
    }

    [Fact]
    public void ResultsAreIdenticalForAnyThreadCount()
    {
        GeometryArray shapes = Shapes(), points = Points(3000, 5);
        List<(long, long)> one = BoxSets.WithThreads(1, () => Pairs(SpatialJoin.Join(points, shapes, SpatialPredicate.Intersects)));
        List<(long, long)> four = BoxSets.WithThreads(4, () => Pairs(SpatialJoin.Join(points, shapes, SpatialPredicate.Intersects)));
        Assert.Equal(one, four);
        List<(long, long)> flipped = BoxSets.WithThreads(4, () => Pairs(SpatialJoin.Join(shapes, points, SpatialPredicate.Intersects)));
        Assert.Equal(one.Select(p => (p.Item2, p.Item1)).Order().ToList(), flipped);
    }
}
