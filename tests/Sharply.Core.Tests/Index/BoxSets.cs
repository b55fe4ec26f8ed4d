namespace Sharply.Core.Tests.Index;

/// <summary>Seeded item bounds for index tests and brute-force references over them.</summary>
internal static class BoxSets
{
    /// <summary>Boxes on a small integer grid (so many touch and tie), with points, lines and NaN items mixed in.</summary>
    public static double[] Mixed(int count, int seed, double nanFraction = 0.05)
    {
        var random = new Random(seed);
        double[] bounds = new double[4 * count];
        for (int i = 0; i < count; i++)
        {
            double x = random.Next(0, 100), y = random.Next(0, 100);
            double w, h;
            switch (random.Next(4))
            {
                case 0: w = h = 0; break;
                case 1: w = random.Next(0, 10); h = 0; break;
                case 2: w = random.NextDouble() * 10; h = random.NextDouble() * 10; break;
                default: w = random.Next(0, 6); h = random.Next(0, 6); break;
            }
            bounds[4 * i] = x;
            bounds[4 * i + 1] = y;
            bounds[4 * i + 2] = x + w;
            bounds[4 * i + 3] = y + h;
            if (random.NextDouble() < nanFraction) bounds[4 * i + random.Next(4)] = double.NaN;
        }
        return bounds;
    }

    /// <summary>Points with continuous random coordinates.</summary>
    public static double[] Points(int count, int seed)
    {
        var random = new Random(seed);
        double[] bounds = new double[4 * count];
        for (int i = 0; i < count; i++)
        {
            double x = random.NextDouble() * 1000, y = random.NextDouble() * 1000;
            bounds[4 * i] = bounds[4 * i + 2] = x;
            bounds[4 * i + 1] = bounds[4 * i + 3] = y;
        }
        return bounds;
    }

    public static bool IsMissing(double[] b, int i) => !(b[4 * i] <= b[4 * i + 2] && b[4 * i + 1] <= b[4 * i + 3]);

    /// <summary>Euclidean distance between box <paramref name="i"/> of <paramref name="a"/> and box <paramref name="j"/> of <paramref name="b"/>.</summary>
    public static double BoxDistance(double[] a, int i, double[] b, int j)
    {
        double dx = Math.Max(0, Math.Max(a[4 * i] - b[4 * j + 2], b[4 * j] - a[4 * i + 2]));
        double dy = Math.Max(0, Math.Max(a[4 * i + 1] - b[4 * j + 3], b[4 * j + 1] - a[4 * i + 3]));
        return Math.Sqrt(dx * dx + dy * dy);
    }

    /// <summary>The (query, tree) pairs within <paramref name="distance"/>, by brute force, in output order.</summary>
    public static List<(long, long)> BrutePairs(double[] queries, double[] items, double distance)
    {
        var pairs = new List<(long, long)>();
        for (int i = 0; i < queries.Length / 4; i++)
        {
            if (IsMissing(queries, i)) continue;
            for (int j = 0; j < items.Length / 4; j++)
            {
                if (!IsMissing(items, j) && BoxDistance(queries, i, items, j) <= distance) pairs.Add((i, j));
            }
        }
        return pairs;
    }

    public static List<(long, long)> Pairs(Sharply.Core.Index.IndexPairs result)
    {
        var pairs = new List<(long, long)>(result.Count);
        for (int k = 0; k < result.Count; k++) pairs.Add((result.Inputs[k], result.Trees[k]));
        return pairs;
    }

    /// <summary>Runs <paramref name="action"/> with the given thread count.</summary>
    public static T WithThreads<T>(int threads, Func<T> action)
    {
        int before = Sharply.Core.Parallel.ParallelRange.ThreadCount;
        Sharply.Core.Parallel.ParallelRange.ThreadCount = threads;
        try
        {
            return action();
        }
        finally
        {
            Sharply.Core.Parallel.ParallelRange.ThreadCount = before;
        }
    }
}
