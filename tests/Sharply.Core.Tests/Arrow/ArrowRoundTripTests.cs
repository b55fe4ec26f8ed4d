using Sharply.Core.Arrow;
using Sharply.Core.Geometries;

namespace Sharply.Core.Tests.Arrow;

[Collection("Arrow")]
public unsafe class ArrowRoundTripTests
{
    public static TheoryData<GeometryType, bool, GeoArrowEncoding> Cases()
    {
        var data = new TheoryData<GeometryType, bool, GeoArrowEncoding>();
        foreach (GeometryType type in GeoArrowFixtures.NativeTypes)
            foreach (bool z in new[] { false, true })
                foreach (GeoArrowEncoding encoding in new[] { GeoArrowEncoding.Interleaved, GeoArrowEncoding.Separated })
                    data.Add(type, z, encoding);
        return data;
    }

    internal static GeometryArray RoundTrip(GeometryArray array, GeoArrowEncoding encoding = GeoArrowEncoding.Default)
    {
        ArrowSchema schema;
        ArrowArray exported;
        ArrowExport.ExportSchema(array, &schema, encoding);
        ArrowExport.ExportArray(array, &exported, encoding);
        try
        {
            GeometryArray imported = ArrowImport.ImportArray(&schema, &exported);
            Assert.True(exported.Release == null);
            return imported;
        }
        finally
        {
            schema.Release(&schema);
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void EveryTypeRoundTripsWithNullsEmptiesAndZ(GeometryType type, bool z, GeoArrowEncoding encoding)
    {
        GeometryArray array = GeoArrowFixtures.Build(type, z);
        GeometryArray imported = RoundTrip(array, encoding);
        Assert.Equal(type, imported.Type);
        Assert.Equal(z, imported.HasZ);
        Assert.Equal(GeoArrowFixtures.Describe(array), GeoArrowFixtures.Describe(imported));
        Assert.True(imported.IsNull(1));
        Assert.True(imported.IsEmpty(2));
        Assert.False(imported.IsEmpty(3));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void InterleavedRoundTripSharesTheCoordinateMemory(GeometryType type, bool z, GeoArrowEncoding encoding)
    {
        GeometryArray array = GeoArrowFixtures.Build(type, z);
        GeometryArray imported = RoundTrip(array, encoding);
        bool shared = imported.Coordinates.Pointer == array.Coordinates.Pointer;
        Assert.Equal(encoding == GeoArrowEncoding.Interleaved, shared);
        if (type == GeometryType.MultiPolygon)
            Assert.True(imported.RingOffsets.Buffer!.Pointer == array.RingOffsets.Buffer!.Pointer);
    }

    [Fact]
    public void PolygonRowsReadBackExactly()
    {
        GeometryArray imported = RoundTrip(GeoArrowFixtures.Build(GeometryType.Polygon));
        Assert.Equal(
            ["Polygon ([0 0, 4 0, 4 4, 0 4, 0 0][1 1, 2 1, 2 2, 1 1])", "null", "Polygon ()",
             "Polygon ([10 0, 14 0, 14 4, 10 4, 10 0][11 1, 12 1, 12 2, 11 1])"],
            GeoArrowFixtures.Describe(imported));
    }

    [Theory]
    [InlineData("EPSG:4326")]
    [InlineData("{\"type\":\"GeographicCRS\",\"name\":\"WGS 84\"}")]
    public void CrsSurvivesTheRoundTrip(string crs)
    {
        GeometryArray imported = RoundTrip(GeoArrowFixtures.Build(GeometryType.Point, crs: crs));
        Assert.Equal(crs, imported.Crs);
    }

    [Fact]
    public void EmptyArrayRoundTrips()
    {
        GeometryArray empty = new GeometryArrayBuilder().Finish();
        GeometryArray imported = RoundTrip(empty);
        Assert.Equal(0, imported.Length);
        Assert.Equal(GeometryType.Point, imported.Type);
    }

    [Fact]
    public void LineStringsOfOneVertexMaterializeTheIdentityOffsets()
    {
        var builder = new GeometryArrayBuilder();
        for (int i = 0; i < 3; i++)
        {
            builder.BeginGeometry(GeometryType.LineString);
            builder.BeginPart(GeometryType.LineString);
            builder.BeginRing();
            builder.AddCoordinate(i, -i);
        }
        GeometryArray array = builder.Finish();
        Assert.True(array.RingOffsets.IsIdentity);
        GeometryArray imported = RoundTrip(array);
        Assert.Equal([0, 1, 2, 3], imported.RingOffsets.Buffer!.Span.ToArray());
        Assert.Equal(["LineString ([0 0])", "LineString ([1 -1])", "LineString ([2 -2])"], GeoArrowFixtures.Describe(imported));
    }

    [Fact]
    public void PointsWithNonIdentityLevelsAreGatheredIntoRowOrder()
    {
        // Row 0 is coordinate 1 and row 1 coordinate 2, through explicit ring offsets.
        DataBuffer<double> coordinates = DataBuffer<double>.From([1, 1, 9, 9, 5, 6]);
        var array = new GeometryArray(2, GeometryType.Point, false, coordinates,
            Offsets.Identity, Offsets.Identity, new Offsets(DataBuffer<int>.From([1, 2, 3])));
        array.Validate();
        GeometryArray imported = RoundTrip(array);
        Assert.True(imported.RingOffsets.IsIdentity);
        Assert.Equal([9, 9, 5, 6], imported.Coordinates.Span.ToArray());
    }
}
