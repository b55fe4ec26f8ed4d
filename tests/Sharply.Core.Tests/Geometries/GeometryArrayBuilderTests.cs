using Sharply.Core.Geometries;

namespace Sharply.Core.Tests.Geometries;

public class GeometryArrayBuilderTests
{
    [Fact]
    public void PointsUseIdentityOffsetsAndNaNForEmpty()
    {
        var builder = new GeometryArrayBuilder();
        builder.AddPoint(1, 2);
        builder.AddPoint(double.NaN, double.NaN);
        GeometryArray array = builder.Finish();
        Assert.Equal(GeometryType.Point, array.Type);
        Assert.True(array.GeometryOffsets.IsIdentity && array.PartOffsets.IsIdentity && array.RingOffsets.IsIdentity);
        Assert.Equal(new double[] { 1, 2 }, array.RingCoordinates(0).ToArray());
        Assert.False(array.IsEmpty(0));
        Assert.True(array.IsEmpty(1));
    }

    [Fact]
    public void MissingPolygonGetsPlaceholderPartSoTheLevelStaysIdentity()
    {
        var builder = new GeometryArrayBuilder();
        builder.BeginGeometry(GeometryType.Polygon);
        builder.BeginPart(GeometryType.Polygon);
        builder.BeginRing();
        builder.AddCoordinates([0, 0, 1, 0, 1, 1, 0, 0], 2);
        builder.AppendNull();
        GeometryArray array = builder.Finish();
        array.Validate();
        Assert.Equal(GeometryType.Polygon, array.Type);
        Assert.True(array.GeometryOffsets.IsIdentity);
        Assert.False(array.IsNull(0));
        Assert.True(array.IsNull(1));
        Assert.Equal((1, 1), array.RingsOf(1));
    }

    [Fact]
    public void ZIsAddedOnTheFlyWithNaNForEarlierCoordinates()
    {
        var builder = new GeometryArrayBuilder();
        builder.AddPoint(1, 2);
        builder.BeginGeometry(GeometryType.Point);
        builder.BeginPart(GeometryType.Point);
        builder.BeginRing();
        builder.AddCoordinate(3, 4, 5);
        GeometryArray array = builder.Finish();
        Assert.True(array.HasZ);
        Assert.Equal(1, array.RingCoordinates(0)[0]);
        Assert.True(double.IsNaN(array.RingCoordinates(0)[2]));
        Assert.Equal(new double[] { 3, 4, 5 }, array.RingCoordinates(1).ToArray());
    }

    [Fact]
    public void MixedArrayKeepsRowTypesAndCollectionPartKinds()
    {
        var builder = new GeometryArrayBuilder();
        builder.AddPoint(1, 2);
        builder.BeginGeometry(GeometryType.GeometryCollection);
        builder.BeginPart(GeometryType.LineString);
        builder.BeginRing();
        builder.AddCoordinates([0, 0, 1, 1], 2);
        builder.BeginPart(GeometryType.Point);
        builder.BeginRing();
        builder.AddCoordinate(5, 5);
        GeometryArray array = builder.Finish();
        array.Validate();
        Assert.Equal(GeometryType.Mixed, array.Type);
        Assert.Equal(GeometryType.GeometryCollection, array.TypeOf(1));
        Assert.Equal(GeometryType.LineString, array.PartKindOf(1, GeometryType.GeometryCollection));
        Assert.Equal(GeometryType.Point, array.PartKindOf(2, GeometryType.GeometryCollection));
    }

    [Fact]
    public void ValidateRejectsDecreasingOffsets()
    {
        var offsets = new Offsets(DataBuffer<int>.From([0, 3, 2]));
        var array = new GeometryArray(2, GeometryType.LineString, false, DataBuffer<double>.From(new double[8]),
            Offsets.Identity, Offsets.Identity, offsets);
        var error = Assert.Throws<InvalidLayoutException>(array.Validate);
        Assert.Contains("decrease", error.Message);
    }

    [Fact]
    public void ValidateRejectsOffsetsBeyondCoordinates()
    {
        var offsets = new Offsets(DataBuffer<int>.From([0, 3, 9]));
        var array = new GeometryArray(2, GeometryType.LineString, false, DataBuffer<double>.From(new double[8]),
            Offsets.Identity, Offsets.Identity, offsets);
        Assert.Throws<InvalidLayoutException>(array.Validate);
    }
}
