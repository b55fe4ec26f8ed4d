using Sharply.Core.Geometries;
using Sharply.Core.Kernels;

namespace Sharply.Core.Tests.Kernels;

/// <summary>Length sums segments two at a time with vector square roots: the result must be bit-identical
/// to the plain vertex-order sum.</summary>
public class LengthPathTests
{
    [Fact]
    public void VectorLengthEqualsTheSequentialSum()
    {
        var random = new Random(3);
        var builder = new GeometryArrayBuilder();
        var expected = new List<double>();
        for (int row = 0; row < 200; row++)
        {
            int n = random.Next(0, 40);
            var xy = new double[2 * n];
            for (int i = 0; i < xy.Length; i++) xy[i] = (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 7));
            double sum = 0;
            for (int i = 0; i + 1 < n; i++)
            {
                double dx = xy[2 * i + 2] - xy[2 * i], dy = xy[2 * i + 3] - xy[2 * i + 1];
                sum += Math.Sqrt(dx * dx + dy * dy);
            }
            builder.BeginGeometry(GeometryType.LineString);
            builder.BeginPart(GeometryType.LineString);
            builder.BeginRing();
            builder.AddCoordinates(xy, 2);
            expected.Add(sum);
        }
        GeometryArray lines = builder.Finish();
        var output = new double[lines.Length];
        Measurement.Length(lines, output);
        for (int row = 0; row < output.Length; row++)
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[row]), BitConverter.DoubleToInt64Bits(output[row]));
    }
}
