using Sharply.Core.Geometries;

namespace Sharply.Core.Tests.Geometries;

public class RaggedArraysTests
{
    private static GeometryArray Lines(params double[][] lines)
    {
        var builder = new GeometryArrayBuilder();
        foreach (double[] line in lines)
        {
            builder.BeginGeometry(GeometryType.LineString);
            builder.BeginPart(GeometryType.LineString);
            builder.BeginRing();
            builder.AddCoordinates(line, 2);
        }
        return builder.Finish();
    }

    [Fact]
    public void ExportSharesTheCoordinateBufferAndZeroBasedOffsets()
    {
        GeometryArray lines = Lines([0, 0, 1, 1], [2, 2, 3, 3, 4, 4]);
        RaggedArray ragged = RaggedArrays.ToRagged(lines, includeZ: false);
        Assert.Same(lines.Coordinates.Owner, ragged.Coordinates.Owner);
        Assert.Same(lines.RingOffsets.Buffer!.Owner, ragged.Offsets[0].Owner);
        Assert.Equal([0, 2, 5], ragged.Offsets[0].Span.ToArray());
    }

    [Fact]
    public void ExportOfASliceRebasesOffsetsButViewsCoordinates()
    {
        GeometryArray slice = Lines([0, 0, 1, 1], [2, 2, 3, 3, 4, 4], [5, 5, 6, 6]).Slice(1, 2);
        RaggedArray ragged = RaggedArrays.ToRagged(slice, includeZ: false);
        Assert.Equal([0, 3, 5], ragged.Offsets[0].Span.ToArray());
        Assert.Equal([2, 2, 3, 3, 4, 4, 5, 5, 6, 6], ragged.Coordinates.Span.ToArray());
        Assert.Same(slice.Coordinates.Owner, ragged.Coordinates.Owner);
    }

    [Fact]
    public void MixedSingleAndMultiBecomeMultiAndMissingRowsEmpty()
    {
        var builder = new GeometryArrayBuilder();
        builder.AddPoint(1, 2);
        builder.AppendNull();
        builder.BeginGeometry(GeometryType.MultiPoint);
        builder.BeginPart(GeometryType.Point);
        builder.BeginRing();
        builder.AddCoordinate(3, 4);
        builder.BeginPart(GeometryType.Point);
        builder.BeginRing();
        builder.AddCoordinate(5, 6);
        RaggedArray ragged = RaggedArrays.ToRagged(builder.Finish(), includeZ: true);
        Assert.Equal(GeometryType.MultiPoint, ragged.Type);
        Assert.Equal([0, 1, 1, 3], ragged.Offsets[0].Span.ToArray());
        double[] coordinates = ragged.Coordinates.Span.ToArray();
        Assert.Equal([1, 2, 3, 4, 5, 6], new[] { coordinates[0], coordinates[1], coordinates[3], coordinates[4], coordinates[6], coordinates[7] });
        Assert.True(double.IsNaN(coordinates[2]) && double.IsNaN(coordinates[5]) && double.IsNaN(coordinates[8]));
    }

    [Fact]
    public void MissingPointsGiveNaNAndOtherMixturesAreRejected()
    {
        var builder = new GeometryArrayBuilder();
        builder.AddPoint(1, 2);
        builder.AppendNull();
        RaggedArray ragged = RaggedArrays.ToRagged(builder.Finish(), includeZ: false);
        Assert.Equal(4, ragged.Coordinates.Length);
        Assert.True(double.IsNaN(ragged.Coordinates.Span[2]));

        builder = new GeometryArrayBuilder();
        builder.AddPoint(1, 2);
        builder.BeginGeometry(GeometryType.LineString);
        builder.BeginPart(GeometryType.LineString);
        ArgumentException error = Assert.Throws<ArgumentException>(() => RaggedArrays.ToRagged(builder.Finish(), false));
        Assert.Equal("Geometry type combination is not supported (['POINT', 'LINESTRING'])", error.Message);
    }

    [Fact]
    public void ImportDetectsIdentityLevels()
    {
        GeometryArray polygons = RaggedArrays.FromRagged(GeometryType.Polygon, false,
            DataBuffer<double>.From([0, 0, 1, 0, 1, 1, 0, 0]), [DataBuffer<int>.From([0, 4]), DataBuffer<int>.From([0, 1])]);
        Assert.True(polygons.GeometryOffsets.IsIdentity && polygons.PartOffsets.IsIdentity);
        Assert.False(polygons.RingOffsets.IsIdentity);
        Assert.Equal(1, polygons.Length);
    }

    [Fact]
    public void CloseRingsAppendsTheFirstCoordinate()
    {
        GeometryArray rings = RaggedArrays.FromRagged(GeometryType.LineString, false,
            DataBuffer<double>.From([0, 0, 1, 0, 1, 1, 5, 5, 6, 5, 6, 6, 5, 5]), [DataBuffer<int>.From([0, 3, 7])], closeRings: true);
        Assert.Equal([0, 0, 1, 0, 1, 1, 0, 0, 5, 5, 6, 5, 6, 6, 5, 5], rings.Coordinates.Span.ToArray());
        Assert.Equal((4, 8), rings.VerticesOf(1));
    }

    [Theory]
    [InlineData(new long[] { 0, 0, 1, 2, 2 }, new[] { 0, 2, 3, 5 })]
    [InlineData(new long[] { 0 }, new[] { 0, 1 })]
    [InlineData(new long[0], new[] { 0 })]
    public void OffsetsFromIndices(long[] indices, int[] offsets) =>
        Assert.Equal(offsets, RaggedArrays.OffsetsFromIndices<long>(indices).Span.ToArray());

    [Theory]
    [InlineData(new long[] { 0, 2 }, "index 1 is missing from indices")]
    [InlineData(new long[] { 0, 1, 0 }, "indices must be sorted: 0 follows 1 at position 2")]
    [InlineData(new long[] { 0, long.MaxValue }, "index 1 is missing from indices")]
    [InlineData(new long[] { -3 }, "indices must be non-negative, got -3 at position 0")]
    public void BadIndices(long[] indices, string message) =>
        Assert.Equal(message, Assert.Throws<ArgumentException>(() => RaggedArrays.OffsetsFromIndices<long>(indices)).Message);

    [Fact]
    public void GroupingSkipsMissingParts()
    {
        var builder = new GeometryArrayBuilder();
        builder.AddPoint(1, 2);
        builder.AppendNull();
        builder.AddPoint(3, 4);
        GeometryArray multi = Collections.Collect(builder.Finish(), DataBuffer<int>.From([0, 2, 3]), GeometryType.MultiPoint);
        Assert.Equal(GeometryType.MultiPoint, multi.Type);
        Assert.Equal([1, 2, 3, 4], multi.Coordinates.Span.ToArray());
        Assert.Equal((0, 1), multi.PartsOf(0));
    }

    [Fact]
    public void CoordinateListsSkipMissingRowsAndEmptyPoints()
    {
        var builder = new GeometryArrayBuilder();
        builder.AddPoint(1, 2);
        builder.AppendNull();
        builder.AddPoint(double.NaN, double.NaN);
        builder.AddPoint(3, 4);
        GeometryArray points = builder.Finish();
        Assert.Equal([1, 2, 3, 4], CoordinateLists.Get(points, false).Span.ToArray());
        Assert.Equal([0L, 3L], CoordinateLists.RowIndex(points).Span.ToArray());
        Assert.Equal(2, CoordinateLists.Count(points));
    }
}
