using Sharply.Core.Geometries;
using Sharply.Core.Kernels;

namespace Sharply.Core.Tests.Kernels;

/// <summary>The vector bounds scan must give the scalar scan's boxes, NaN coordinates skipped.</summary>
public class BoundsPathTests
{
    [Fact]
    public void VectorScanMatchesScalarScan()
    {
        var random = new Random(5);
        var builder = new GeometryArrayBuilder();
        var rows = new List<double[]>();
        for (int row = 0; row < 300; row++)
        {
            int n = row % 40 + 2;
            var xy = new double[2 * n];
            for (int i = 0; i < xy.Length; i++)
                xy[i] = random.Next(10) == 0 ? double.NaN : Math.Round(random.NextDouble() * 2000 - 1000, 2);
            rows.Add(xy);
            builder.BeginGeometry(GeometryType.LineString);
            builder.BeginPart(GeometryType.LineString);
            builder.BeginRing();
            for (int i = 0; i < n; i++) builder.AddCoordinate(xy[2 * i], xy[2 * i + 1]);
        }
        GeometryArray array = builder.Finish();
        var bounds = new double[4 * rows.Count];
        Measurement.Bounds(array, bounds);
        for (int row = 0; row < rows.Count; row++)
        {
            double[] xy = rows[row];
            double x0 = double.PositiveInfinity, y0 = double.PositiveInfinity, x1 = double.NegativeInfinity, y1 = double.NegativeInfinity;
            for (int i = 0; i < xy.Length; i += 2)
            {
                if (!double.IsNaN(xy[i])) { x0 = Math.Min(x0, xy[i]); x1 = Math.Max(x1, xy[i]); }
                if (!double.IsNaN(xy[i + 1])) { y0 = Math.Min(y0, xy[i + 1]); y1 = Math.Max(y1, xy[i + 1]); }
            }
            double[] expected = x0 > x1 ? [double.NaN, double.NaN, double.NaN, double.NaN] : [x0, y0, x1, y1];
            Assert.Equal(expected, bounds[(4 * row)..(4 * row + 4)]);
        }
    }
}
