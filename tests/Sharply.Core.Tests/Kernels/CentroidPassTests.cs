using Sharply.Core.Geometries;
using Sharply.Core.Kernels;
using static Sharply.Core.Tests.Kernels.KernelFixtures;

namespace Sharply.Core.Tests.Kernels;

/// <summary>Polygon ring lengths are summed only when the area is zero: both passes must give GEOS's answer.</summary>
public class CentroidPassTests
{
    [Fact]
    public void ZeroAreaPolygonsFallBackToTheirRings()
    {
        GeometryArray rows = FromWkt(
            "POLYGON ((0 0, 2 0, 1 0, 0 0))",
            "GEOMETRYCOLLECTION (POLYGON ((0 0, 4 0, 2 0, 0 0)), LINESTRING (10 0, 10 2))",
            "GEOMETRYCOLLECTION (POLYGON ((0 0, 2 0, 2 2, 0 2, 0 0)), LINESTRING (10 0, 10 2))");
        GeometryArray centroids = Constructive.Centroid(rows);
        // Shapely 1.8 / GEOS 3.11: POINT (1 0), POINT (3.6 0.2), POINT (1 1).
        Assert.Equal([1, 0, 3.6, 0.2, 1, 1], centroids.Coordinates.Span.ToArray());
    }
}
