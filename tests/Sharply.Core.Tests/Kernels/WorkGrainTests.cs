using Sharply.Core.Geometries;
using Sharply.Core.Kernels;
using Sharply.Core.Parallel;
using static Sharply.Core.Tests.Kernels.KernelFixtures;

namespace Sharply.Core.Tests.Kernels;

/// <summary>Chunks follow the vertices, and results do not depend on the thread count.</summary>
public class WorkGrainTests
{
    private static GeometryArray Circles(int rows, int vertices)
    {
        var builder = new GeometryArrayBuilder();
        for (int row = 0; row < rows; row++)
        {
            builder.BeginGeometry(GeometryType.Polygon);
            builder.BeginPart(GeometryType.Polygon);
            builder.BeginRing();
            for (int i = 0; i < vertices; i++)
            {
                double angle = 2 * Math.PI * i / vertices;
                builder.AddCoordinate(row * 3 + Math.Cos(angle), Math.Sin(angle) + 0.1 * row);
            }
            builder.AddCoordinate(row * 3 + 1, 0.1 * row);
        }
        return builder.Finish();
    }

    [Fact]
    public void FewHugeRowsGetAChunkEach()
    {
        Assert.Equal(1, WorkGrain.Scan(Circles(5, 50_000)));
        Assert.Equal(1, WorkGrain.Nts(Circles(5, 50)));
    }

    [Fact]
    public void ManySmallRowsShareChunks()
    {
        var builder = new GeometryArrayBuilder();
        for (int i = 0; i < 1_000_000; i++) builder.AddPoint(i, i);
        GeometryArray points = builder.Finish();
        // 32 Ki vertices per chunk: 31 chunks.
        Assert.Equal(32 * 1024, WorkGrain.Scan(points));
        // A tiny array stays in one chunk (4 Ki vertices at least).
        Assert.Equal(100, WorkGrain.Scan(FromWkt(Enumerable.Repeat("POINT (1 2)", 100).ToArray())));
    }

    [Fact]
    public void ResultsAreTheSameForAnyThreadCount()
    {
        GeometryArray array = Circles(7, 20_000);
        int before = ParallelRange.ThreadCount;
        try
        {
            double[][] runs = new double[3][];
            for (int threads = 1; threads <= 3; threads++)
            {
                ParallelRange.ThreadCount = threads;
                var area = new double[7];
                var bounds = new double[28];
                var total = new double[4];
                Measurement.Area(array, area);
                Measurement.Bounds(array, bounds);
                Measurement.TotalBounds(array, total);
                runs[threads - 1] = [.. area, .. bounds, .. total];
            }
            Assert.Equal(runs[0], runs[1]);
            Assert.Equal(runs[0], runs[2]);
            Assert.Equal([-1, -1, 19, 1.6], runs[0][^4..], (p, q) => Math.Abs(p - q) < 1e-12);
        }
        finally
        {
            ParallelRange.ThreadCount = before;
        }
    }
}
