using Sharply.Core.Index;

namespace Sharply.Core.Tests.Index;

/// <summary>Exact distance between two boxes: the true distance for points.</summary>
internal readonly struct BoxMetric(double[] queries, double[] items) : IItemDistance
{
    public double Distance(int input, int tree) => BoxSets.BoxDistance(queries, input, items, tree);
}

public class NearestTests
{
    /// <summary>A metric that excludes tree items with an odd index, like shapely's equality-based exclusion.</summary>
    private readonly struct EvenOnly(double[] queries, double[] items) : IItemDistance
    {
        public double Distance(int input, int tree) =>
            tree % 2 == 1 ? double.NaN : BoxSets.BoxDistance(queries, input, items, tree);
    }

    private static List<(long, long, double)> BruteNearest(double[] queries, double[] items, double maxDistance,
        bool exclusive, bool allMatches)
    {
        var result = new List<(long, long, double)>();
        for (int i = 0; i < queries.Length / 4; i++)
        {
            if (BoxSets.IsMissing(queries, i)) continue;
            double best = double.PositiveInfinity;
            var ties = new List<int>();
            for (int j = 0; j < items.Length / 4; j++)
            {
                if (BoxSets.IsMissing(items, j) || (exclusive && i == j)) continue;
                double d = BoxSets.BoxDistance(queries, i, items, j);
                if (d > maxDistance) continue;
                if (d < best) { best = d; ties.Clear(); }
                if (d == best) ties.Add(j);
            }
            foreach (int j in allMatches ? ties : ties.Take(1)) result.Add((i, j, best));
        }
        return result;
    }

    private static List<(long, long, double)> Triples(IndexPairs pairs)
    {
        var result = new List<(long, long, double)>();
        for (int k = 0; k < pairs.Count; k++) result.Add((pairs.Inputs[k], pairs.Trees[k], pairs.Distances!.Span[k]));
        return result;
    }

    [Fact]
    public void NearestOnAHandMadeExample()
    {
        double[] items = [0, 0, 0, 0, 4, 0, 4, 0, 2, 3, 2, 3, double.NaN, 0, 0, 0, 1, 5, 3, 6];
        double[] queries = [2, 0, 2, 0, double.NaN, 0, 0, 0, 2, 4.5, 2, 4.5, 10, 10, 12, 12];
        var tree = new PackedRTree(items, 2);
        var metric = new BoxMetric(queries, items);
        IndexPairs all = tree.Nearest(queries, metric, returnDistance: true);
        // (2, 0) is 2 from items 0 and 1 (tie); (2, 4.5) is 0.5 from item 4 and 1.5 from item 2;
        // (10..12, 10..12) is nearest to item 4 (box 1..3 x 5..6): dx = 7, dy = 4.
        Assert.Equal([(0L, 0L, 2.0), (0, 1, 2.0), (2, 4, 0.5), (3, 4, Math.Sqrt(65))], Triples(all));

        IndexPairs one = tree.Nearest(queries, metric, allMatches: false);
        Assert.Equal([(0L, 0L), (2, 4), (3, 4)], BoxSets.Pairs(one));
        Assert.Null(one.Distances);

        IndexPairs near = tree.Nearest(queries, metric, maxDistance: 1, returnDistance: true);
        Assert.Equal([(2L, 4L, 0.5)], Triples(near));
    }

    [Theory]
    [InlineData(2, false, true)]
    [InlineData(5, false, false)]
    [InlineData(10, true, true)]
    [InlineData(32, true, false)]
    public void NearestMatchesBruteForceOnAGridFullOfTies(int capacity, bool exclusive, bool allMatches)
    {
        double[] items = BoxSets.Mixed(1500, seed: capacity);
        double[] queries = BoxSets.Mixed(1500, seed: capacity + 1);
        for (int i = 0; i < 600; i++) queries[i] += 150;
        var tree = new PackedRTree(items, capacity);
        IndexPairs result = tree.Nearest(queries, new BoxMetric(queries, items), exclusive: exclusive,
            allMatches: allMatches, returnDistance: true);
        Assert.Equal(BruteNearest(queries, items, double.PositiveInfinity, exclusive, allMatches), Triples(result));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1.5)]
    [InlineData(20)]
    public void MaxDistanceLimitsTheMatches(double maxDistance)
    {
        double[] items = BoxSets.Points(3000, seed: 21);
        double[] queries = BoxSets.Mixed(800, seed: 22);
        for (int i = 0; i < queries.Length; i++) queries[i] *= 10;
        var tree = new PackedRTree(items, 7);
        IndexPairs result = tree.Nearest(queries, new BoxMetric(queries, items), maxDistance, returnDistance: true);
        Assert.Equal(BruteNearest(queries, items, maxDistance, false, true), Triples(result));
    }

    [Fact]
    public void SelfQueryWithExclusiveFindsAnotherItem()
    {
        double[] points = [0, 0, 0, 0, 1, 0, 1, 0, 3, 0, 3, 0, 3, 0, 3, 0];
        var tree = new PackedRTree(points, 2);
        IndexPairs result = tree.Nearest(points, new BoxMetric(points, points), exclusive: true, returnDistance: true);
        Assert.Equal([(0L, 1L, 1.0), (1, 0, 1.0), (2, 3, 0.0), (3, 2, 0.0)], Triples(result));
    }

    [Fact]
    public void ANaNDistanceExcludesThePair()
    {
        double[] items = BoxSets.Points(500, seed: 31);
        double[] queries = BoxSets.Points(100, seed: 32);
        var tree = new PackedRTree(items, 4);
        IndexPairs result = tree.Nearest(queries, new EvenOnly(queries, items), returnDistance: true);
        double[] evenItems = (double[])items.Clone();
        for (int j = 1; j < 500; j += 2) evenItems[4 * j] = double.NaN;
        Assert.Equal(BruteNearest(queries, evenItems, double.PositiveInfinity, false, true), Triples(result));
    }

    [Fact]
    public void NearestIsIdenticalForAnyThreadCount()
    {
        double[] items = BoxSets.Mixed(5000, seed: 41);
        double[] queries = BoxSets.Mixed(5000, seed: 42);
        var metric = new BoxMetric(queries, items);
        var tree = new PackedRTree(items, 10);
        var one = BoxSets.WithThreads(1, () => tree.Nearest(queries, metric, returnDistance: true));
        var several = BoxSets.WithThreads(3, () => tree.Nearest(queries, metric, returnDistance: true));
        Assert.Equal(Triples(one), Triples(several));
    }

    [Fact]
    public void ANegativeOrNaNMaxDistanceIsRejected()
    {
        var tree = new PackedRTree([0.0, 0, 1, 1]);
        var metric = new BoxMetric([0.0, 0, 1, 1], [0.0, 0, 1, 1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Nearest([0.0, 0, 1, 1], metric, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => tree.Nearest([0.0, 0, 1, 1], metric, double.NaN));
    }
}
