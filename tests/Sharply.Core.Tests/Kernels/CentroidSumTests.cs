using Sharply.Core.Geometries;
using Sharply.Core.Kernels;
using Sharply.Core.Parallel;
using static Sharply.Core.Tests.Kernels.KernelFixtures;

namespace Sharply.Core.Tests.Kernels;

/// <summary>The centroid's running sums keep their order: the values are pinned to the last bit, whatever
/// the vector path, the dimension or the thread count.</summary>
public class CentroidSumTests
{
    /// <summary>A star with a hole and a second star, a million units from the origin, where rounding shows.</summary>
    private const string FarStars = "MULTIPOLYGON (((1000103.5 2000001.25, 1000061.455078125 2000016.779296875, 1000090.1025390625 2000051.25, 1000045.9267578125 2000043.6767578125, 1000053.5 2000087.8525390625, 1000019.029296875 2000059.205078125, 1000003.5 2000101.25, 999987.970703125 2000059.205078125, 999953.5 2000087.8525390625, 999961.0732421875 2000043.6767578125, 999916.8974609375 2000051.25, 999945.544921875 2000016.779296875, 999903.5 2000001.25, 999945.544921875 1999985.720703125, 999916.8974609375 1999951.25, 999961.0732421875 1999958.8232421875, 999953.5 1999914.6474609375, 999987.970703125 1999943.294921875, 1000003.5 1999901.25, 1000019.029296875 1999943.294921875, 1000053.5 1999914.6474609375, 1000045.9267578125 1999958.8232421875, 1000090.1025390625 1999951.25, 1000061.455078125 1999985.720703125, 1000103.5 2000001.25), (1000030 2000005, 1000022.990234375 1999997.5, 1000020 1999987.6796875, 1000010 1999990, 1000000 1999987.6796875, 999997.009765625 1999997.5, 999990 2000005, 999997.009765625 2000012.5, 1000000 2000022.3203125, 1000010 2000020, 1000020 2000022.3203125, 1000022.990234375 2000012.5, 1000030 2000005)), ((1000450 2000100, 1000427.716796875 2000111.48046875, 1000435.35546875 2000135.35546875, 1000411.48046875 2000127.716796875, 1000400 2000150, 1000388.51953125 2000127.716796875, 1000364.64453125 2000135.35546875, 1000372.283203125 2000111.48046875, 1000350 2000100, 1000372.283203125 2000088.51953125, 1000364.64453125 2000064.64453125, 1000388.51953125 2000072.283203125, 1000400 2000050, 1000411.48046875 2000072.283203125, 1000435.35546875 2000064.64453125, 1000427.716796875 2000088.51953125, 1000450 2000100)))";

    // The sums in vertex order, ring by ring, relative to the first vertex (Python floats); GEOS 3.11 gives
    // POINT (1000084.7901940123 2000021.4097615865): its absolute-coordinate sums round 2 ulp apart in y.
    private const double ExpectedX = 1000084.7901940123, ExpectedY = 2000021.4097615867;

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void FarFromTheOriginTheSumsAreExact(int threads)
    {
        int before = ParallelRange.ThreadCount;
        ParallelRange.ThreadCount = threads;
        try
        {
            GeometryArray rows = FromWkt(Enumerable.Repeat(FarStars, 3000).ToArray());
            double[] xy = Constructive.Centroid(rows).Coordinates.Span.ToArray();
            for (int row = 0; row < rows.Length; row++)
            {
                Assert.Equal(ExpectedX, xy[2 * row]);
                Assert.Equal(ExpectedY, xy[2 * row + 1]);
            }
        }
        finally
        {
            ParallelRange.ThreadCount = before;
        }
    }

    /// <summary>Two far lines, alone and with a point that lines outweigh: the segments' lengths times their
    /// midpoints summed in vertex order (Python floats), which is also GEOS 3.11's POINT (3000019.412780549 -500024.2836579926).</summary>
    [Fact]
    public void FarLinesSumTheirSegmentsExactly()
    {
        const string lines = "MULTILINESTRING ((3000001.25 -500000.5, 3000029.548828125 -499982.341796875, 3000013.8271484375 -499955.9208984375, 2999945.2119140625 -499972.8955078125, 2999861.80078125 -500044.478515625, 2999828.005859375 -500113.9873046875, 2999892.412109375 -500101.697265625, 3000049.556640625 -499986.5400390625, 3000230.8173828125 -499845.986328125, 3000334.203125 -499805.076171875, 3000280.193359375 -499927.107421875, 3000063.6728515625 -500140.2529296875, 2999770.685546875 -500275.7119140625, 2999545.3955078125 -500201.3095703125, 2999519.2890625 -499944.8720703125, 2999737.3271484375 -499695.63671875, 3000121.4287109375 -499664.91015625), (3000200 -500100, 3000188.0380859375 -500085.6884765625, 3000141.46875 -500144.8134765625, 3000292.6533203125 -500037.689453125, 3000237.1865234375 -500140.44921875, 3000015.5234375 -500124.6884765625, 3000287.3544921875 -499992.94140625, 3000392.3720703125 -500260.990234375, 2999941.3740234375 -499954.681640625))";
        GeometryArray rows = FromWkt(lines, "GEOMETRYCOLLECTION (POINT (0 0), " + lines + ")");
        Assert.Equal([3000019.412780549, -500024.2836579926, 3000019.412780549, -500024.2836579926],
            Constructive.Centroid(rows).Coordinates.Span.ToArray());
    }

    [Fact]
    public void ZIsSkippedWithTheSameSums()
    {
        string withZ = System.Text.RegularExpressions.Regex.Replace(FarStars, @"(\d) (\d[\d.]*)", "$1 $2 7")
            .Replace("MULTIPOLYGON", "MULTIPOLYGON Z");
        GeometryArray rows = FromWkt(withZ);
        Assert.True(rows.HasZ);
        Assert.Equal([ExpectedX, ExpectedY], Constructive.Centroid(rows).Coordinates.Span.ToArray());
    }

    [Fact]
    public void MissingRowsStayMissingAndEmptyRowsGivePointEmpty()
    {
        GeometryArray centroids = Constructive.Centroid(FromWkt("POLYGON ((0 0, 4 0, 4 2, 0 2, 0 0))", null, "POLYGON EMPTY", "LINESTRING (0 0, 2 2)"));
        Assert.Equal(GeometryType.Point, centroids.Type);
        Assert.Equal([false, true, false, false], Enumerable.Range(0, 4).Select(centroids.IsNull));
        Assert.Equal([false, true], new[] { 0, 2 }.Select(centroids.IsEmpty));
        double[] xy = centroids.Coordinates.Span.ToArray();
        Assert.Equal([2, 1], xy[..2]);
        Assert.True(double.IsNaN(xy[4]) && double.IsNaN(xy[5]));
        Assert.Equal([1, 1], xy[6..]);
    }

    [Fact]
    public void TwoDimensionalPointsAreTheirOwnCentroidsWithoutACopy()
    {
        GeometryArray points = PointArrays.FromColumns([1.5, double.NaN, -3], [2.5, double.NaN, 1e300], default, "EPSG:2263");
        GeometryArray centroids = Constructive.Centroid(points);
        Assert.Same(points.Coordinates, centroids.Coordinates);
        Assert.Equal("EPSG:2263", centroids.Crs);
        Assert.Equal([false, true, false], Enumerable.Range(0, 3).Select(centroids.IsEmpty));

        GeometryArray withNull = FromWkt("POINT (1 2)", null, "POINT Z (3 4 5)");
        double[] xy = Constructive.Centroid(withNull).Coordinates.Span.ToArray();
        Assert.True(Constructive.Centroid(withNull).IsNull(1));
        Assert.Equal([1, 2, 3, 4], new[] { xy[0], xy[1], xy[4], xy[5] });
    }
}
