using Sharply.Core.Index;

namespace Sharply.Core.Tests.Index;

public class PackedRTreeTests
{
    private struct EvenSum : IPairFilter
    {
        public readonly bool Keep(int input, int tree) => (input + tree) % 2 == 0;
    }

    [Fact]
    public void SearchFindsTheBoxesThatIntersectIncludingTouching()
    {
        double[] items =
        [
            0, 0, 1, 1,
            2, 2, 3, 3,
            double.NaN, 0, 1, 1,
            1, 1, 1, 1,
            5, 5, 4, 6,
            -1, 0.5, 10, 0.5,
        ];
        var tree = new PackedRTree(items, nodeCapacity: 2);
        Assert.Equal(6, tree.ItemCount);
        Assert.Equal(4, tree.Count);

        var found = new List<int> { 99 };
        tree.Search(1, 1, 2, 2, found);
        Assert.Equal([99, 0, 1, 3], found);

        found.Clear();
        tree.Search(-5, -5, 50, 50, found);
        Assert.Equal([0, 1, 3, 5], found);

        found.Clear();
        tree.Search(1.5, 1.5, 1.9, 1.9, found);
        Assert.Empty(found);

        tree.Search(double.NaN, 0, 1, 1, found);
        tree.Search(1, 1, 0, 0, found);
        Assert.Empty(found);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void AnEmptyTreeAnswersNothing(int missingItems)
    {
        double[] items = new double[4 * missingItems];
        items.AsSpan().Fill(double.NaN);
        var tree = new PackedRTree(items);
        Assert.Equal(0, tree.Count);
        var found = new List<int>();
        tree.Search(double.NegativeInfinity, double.NegativeInfinity, double.PositiveInfinity, double.PositiveInfinity, found);
        Assert.Empty(found);
        IndexPairs pairs = tree.QueryPairs([0, 0, 1, 1, 2, 2, 3, 3]);
        Assert.Equal(0, pairs.Count);
        Assert.Equal(0, pairs.Indices.Length);
        IndexPairs nearest = tree.Nearest([0, 0, 1, 1], new BoxMetric([0, 0, 1, 1], items), returnDistance: true);
        Assert.Equal(0, nearest.Count);
        Assert.Equal(0, nearest.Distances!.Length);
    }

    [Theory]
    [InlineData(1, 2)]
    [InlineData(7, 3)]
    [InlineData(500, 2)]
    [InlineData(500, 5)]
    [InlineData(2000, 10)]
    [InlineData(2000, 16)]
    [InlineData(3000, 32)]
    public void SearchMatchesBruteForce(int count, int capacity)
    {
        double[] items = BoxSets.Mixed(count, seed: count + capacity);
        double[] queries = BoxSets.Mixed(200, seed: 7 * count, nanFraction: 0);
        var tree = new PackedRTree(items, capacity);
        var found = new List<int>();
        for (int q = 0; q < 200; q++)
        {
            found.Clear();
            tree.Search(queries[4 * q], queries[4 * q + 1], queries[4 * q + 2] + 20, queries[4 * q + 3] + 20, found);
            var expected = new List<int>();
            for (int j = 0; j < count; j++)
            {
                if (BoxSets.IsMissing(items, j)) continue;
                if (items[4 * j] <= queries[4 * q + 2] + 20 && items[4 * j + 2] >= queries[4 * q]
                    && items[4 * j + 1] <= queries[4 * q + 3] + 20 && items[4 * j + 3] >= queries[4 * q + 1])
                    expected.Add(j);
            }
            Assert.Equal(expected, found);
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    [InlineData(10)]
    [InlineData(32)]
    public void QueryPairsMatchesBruteForceInOrder(int capacity)
    {
        double[] items = BoxSets.Mixed(1500, seed: capacity);
        double[] queries = BoxSets.Mixed(700, seed: 100 + capacity);
        var tree = new PackedRTree(items, capacity);
        Assert.Equal(BoxSets.BrutePairs(queries, items, 0), BoxSets.Pairs(tree.QueryPairs(queries)));
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(3)]
    [InlineData(12.25)]
    public void QueryPairsWithinADistanceUseEuclideanBoxDistance(double distance)
    {
        double[] items = BoxSets.Mixed(1200, seed: 5);
        double[] queries = BoxSets.Mixed(400, seed: 6);
        var tree = new PackedRTree(items, 6);
        Assert.Equal(BoxSets.BrutePairs(queries, items, distance), BoxSets.Pairs(tree.QueryPairs(queries, [distance])));
    }

    [Fact]
    public void DistancesCanDifferPerQueryAndNaNOrNegativeMatchNothing()
    {
        double[] items = [0, 0, 0, 0, 3, 4, 3, 4, 10, 0, 11, 1];
        var tree = new PackedRTree(items, 2);
        double[] queries = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 6, 0, 6, 0];
        IndexPairs pairs = tree.QueryPairs(queries, [4.999, 5, double.NaN, -1, 4]);
        // Query 0 reaches only item 0; query 1 reaches item 1 at exactly 5; query 4 at (6, 0) reaches
        // item 1 at distance 5 (no) and item 2 at distance 4 (yes).
        Assert.Equal([(0L, 0L), (1, 0), (1, 1), (4, 2)], BoxSets.Pairs(pairs));
        Assert.Equal([0L, 1, 1, 4, 0, 0, 1, 2], pairs.Indices.Span.ToArray());
    }

    [Fact]
    public void TheFilterRefinesEveryCandidate()
    {
        double[] items = BoxSets.Mixed(800, seed: 11);
        double[] queries = BoxSets.Mixed(300, seed: 12);
        var tree = new PackedRTree(items, 8);
        var expected = BoxSets.BrutePairs(queries, items, 1).FindAll(p => (p.Item1 + p.Item2) % 2 == 0);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, BoxSets.Pairs(tree.QueryPairs(queries, [1.0], new EvenSum())));
    }

    [Fact]
    public void ResultsAreIdenticalForAnyThreadCount()
    {
        double[] items = BoxSets.Points(20_000, seed: 3);
        double[] queries = BoxSets.Mixed(5000, seed: 4);
        for (int i = 0; i < queries.Length; i++) queries[i] *= 10;
        var one = BoxSets.WithThreads(1, () => new PackedRTree(items, 9).QueryPairs(queries, [2.0]));
        var several = BoxSets.WithThreads(3, () => new PackedRTree(items, 9).QueryPairs(queries, [2.0]));
        Assert.True(one.Count > 1000);
        Assert.Equal(one.Indices.Span.ToArray(), several.Indices.Span.ToArray());
    }

    [Fact]
    public void LargeResultsAreSortedThroughTheBitmapToo()
    {
        double[] items = BoxSets.Points(30_000, seed: 8);
        items[4 * 17] = double.NaN;
        var tree = new PackedRTree(items, 12);
        double[] queries = [0, 0, 1000, 1000, 0, 0, 500, 1000, 250, 250, 260, 260];
        Assert.Equal(BoxSets.BrutePairs(queries, items, 0), BoxSets.Pairs(tree.QueryPairs(queries)));
        var found = new List<int>();
        tree.Search(0, 0, 1000, 1000, found);
        Assert.Equal(29_999, found.Count);
        Assert.Equal(Enumerable.Range(0, 30_000).Where(i => i != 17), found);
    }

    [Fact]
    public void EveryNodeCapacityFromTwoToThirtyTwoGivesTheBruteForceAnswer()
    {
        double[] items = BoxSets.Mixed(333, seed: 51);
        double[] queries = BoxSets.Mixed(150, seed: 52);
        var expected = BoxSets.BrutePairs(queries, items, 1.5);
        for (int capacity = 2; capacity <= 32; capacity++)
        {
            var tree = new PackedRTree(items, capacity);
            Assert.Equal(expected, BoxSets.Pairs(tree.QueryPairs(queries, [1.5])));
        }
    }

    [Fact]
    public void InfiniteBoundsAreStoredAndFound()
    {
        double inf = double.PositiveInfinity;
        double[] items =
        [
            -inf, -inf, inf, inf,
            0, 0, 1, 1,
            5, -inf, 6, 0,
            1e308, 1e308, 1.5e308, 1.5e308,
        ];
        var tree = new PackedRTree(items, 2);
        Assert.Equal(4, tree.Count);
        Assert.Equal([(0L, 0L), (0, 1), (1, 0), (1, 2), (2, 0), (2, 3)],
            BoxSets.Pairs(tree.QueryPairs([0.5, 0.5, 0.5, 0.5, 5.5, -1e300, 5.5, -1e300, 1.2e308, 1.2e308, inf, inf])));
    }

    [Fact]
    public void InconsistentLengthsAreRejected()
    {
        Assert.Throws<InvalidLayoutException>(() => new PackedRTree(new double[7]));
        var tree = new PackedRTree(new double[8]);
        Assert.Throws<InvalidLayoutException>(() => tree.QueryPairs(new double[5]));
        Assert.Throws<InvalidLayoutException>(() => tree.QueryPairs(new double[8], [1.0, 2, 3]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new PackedRTree(new double[8], nodeCapacity: 1));
    }
}
