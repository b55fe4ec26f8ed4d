using Apache.Arrow;
using Apache.Arrow.C;
using Apache.Arrow.Types;
using Sharply.Core.Arrow;
using Sharply.Core.Geometries;
using ArrowSchema = Sharply.Core.Arrow.ArrowSchema;

namespace Sharply.Core.Tests.Arrow;

/// <summary>Apache.Arrow, an independent implementation, reads what we export and produces what we import.</summary>
[Collection("Arrow")]
public unsafe class ApacheArrowInteropTests
{
    private static (Field Field, IArrowArray Array) ReadWithApache(GeometryArray array, GeoArrowEncoding encoding = GeoArrowEncoding.Default)
    {
        CArrowSchema* schema = CArrowSchema.Create();
        CArrowArray* exported = CArrowArray.Create();
        ArrowExport.ExportSchema(array, (ArrowSchema*)schema, encoding);
        ArrowExport.ExportArray(array, (Sharply.Core.Arrow.ArrowArray*)exported, encoding);
        Field field = CArrowSchemaImporter.ImportField(schema);
        IArrowArray imported = CArrowArrayImporter.ImportArray(exported, field.DataType);
        CArrowSchema.Free(schema);
        CArrowArray.Free(exported);
        return (field, imported);
    }

    private static GeometryArray ReadFromApache(Field field, IArrowArray array, GeometryType? type = null)
    {
        CArrowSchema* schema = CArrowSchema.Create();
        CArrowArray* exported = CArrowArray.Create();
        try
        {
            CArrowSchemaExporter.ExportField(field, schema);
            CArrowArrayExporter.ExportArray(array, exported);
            return ArrowImport.ImportArray((ArrowSchema*)schema, (Sharply.Core.Arrow.ArrowArray*)exported, type);
        }
        finally
        {
            CArrowSchema.Free(schema);
            CArrowArray.Free(exported);
        }
    }

    private static Dictionary<string, string> GeoMetadata(string name, string json = "{}") => new()
    {
        ["ARROW:extension:name"] = name,
        ["ARROW:extension:metadata"] = json,
    };

    private static double[] Doubles(IArrowArray array) => ((DoubleArray)array).Values.ToArray();

    [Fact]
    public void ApacheReadsOurLineStrings()
    {
        long baseline = GeoArrowFixtures.SettledLiveCount();
        (Field field, IArrowArray array) = ReadWithApache(GeoArrowFixtures.Build(GeometryType.LineString));
        Assert.Equal("geometry", field.Name);
        Assert.Equal("geoarrow.linestring", field.Metadata["ARROW:extension:name"]);
        Assert.Equal("{}", field.Metadata["ARROW:extension:metadata"]);
        var lines = (ListArray)array;
        Assert.Equal(4, lines.Length);
        Assert.Equal(1, lines.NullCount);
        Assert.Equal([false, true, false, false], Enumerable.Range(0, 4).Select(lines.IsNull));
        Assert.Equal([0, 3, 3, 3, 6], lines.ValueOffsets.ToArray());
        var vertices = (FixedSizeListArray)lines.Values;
        Assert.Equal("vertices", ((ListType)lines.Data.DataType).ValueField.Name);
        Assert.Equal("xy", ((FixedSizeListType)vertices.Data.DataType).ValueField.Name);
        Assert.Equal([0, 0, 1, 1, 2, 0, 10, 0, 11, 1, 12, 0], Doubles(vertices.Values));
        array.Dispose();
        Assert.Equal(baseline, ArrowExport.LiveCount);
    }

    [Fact]
    public void ApacheReadsOurMultiPolygonsWithTheirCrs()
    {
        (Field field, IArrowArray array) = ReadWithApache(GeoArrowFixtures.Build(GeometryType.MultiPolygon, z: true, crs: "EPSG:4326"));
        Assert.Equal("geoarrow.multipolygon", field.Metadata["ARROW:extension:name"]);
        Assert.Equal("{\"crs\":\"EPSG:4326\"}", field.Metadata["ARROW:extension:metadata"]);
        var polygons = (ListArray)array;
        Assert.Equal([0, 2, 2, 2, 4], polygons.ValueOffsets.ToArray());
        var rings = (ListArray)polygons.Values;
        Assert.Equal([0, 2, 4, 6, 8], rings.ValueOffsets.ToArray());
        var vertices = (ListArray)rings.Values;
        Assert.Equal([0, 5, 9, 14, 18, 23, 27, 32, 36], vertices.ValueOffsets.ToArray());
        var xyz = (FixedSizeListArray)vertices.Values;
        Assert.Equal("xyz", ((FixedSizeListType)xyz.Data.DataType).ValueField.Name);
        Assert.Equal([0, 0, 0, 4, 0, 2], Doubles(xyz.Values)[..6]);
        array.Dispose();
    }

    [Fact]
    public void ApacheReadsOurSeparatedPoints()
    {
        (Field field, IArrowArray array) = ReadWithApache(GeoArrowFixtures.Build(GeometryType.Point), GeoArrowEncoding.Separated);
        Assert.Equal("geoarrow.point", field.Metadata["ARROW:extension:name"]);
        var points = (StructArray)array;
        Assert.Equal(["x", "y"], ((StructType)points.Data.DataType).Fields.Select(f => f.Name));
        Assert.True(points.IsNull(1));
        Assert.Equal([1, double.NaN, double.NaN, 11], Doubles(points.Fields[0]));
        Assert.Equal([2, double.NaN, double.NaN, 2], Doubles(points.Fields[1]));
        array.Dispose();
    }

    [Fact]
    public void WeReadApachePointsWithNulls()
    {
        DoubleArray values = new DoubleArray.Builder().AppendRange([1, 2, 0, 0, 5, 6]).Build();
        ArrowBuffer validity = new ArrowBuffer.BitmapBuilder().Append(true).Append(false).Append(true).Build();
        var type = new FixedSizeListType(new Field("xy", DoubleType.Default, false), 2);
        var points = new FixedSizeListArray(type, 3, values, validity, 1);
        GeometryArray array = ReadFromApache(new Field("geom", type, true, GeoMetadata("geoarrow.point")), points);
        Assert.Equal(GeometryType.Point, array.Type);
        Assert.Equal(["Point ([1 2])", "null", "Point ([5 6])"], GeoArrowFixtures.Describe(array));
    }

    [Fact]
    public void WeReadSlicedApacheLineStringsWithAnUnalignedValidityBitmap()
    {
        DoubleArray values = new DoubleArray.Builder().AppendRange([0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5]).Build();
        var xy = new FixedSizeListType(new Field("xy", DoubleType.Default, false), 2);
        var vertices = new FixedSizeListArray(xy, 6, values, ArrowBuffer.Empty, 0);
        ArrowBuffer offsets = new ArrowBuffer.Builder<int>().AppendRange([0, 2, 2, 4, 6]).Build();
        ArrowBuffer validity = new ArrowBuffer.BitmapBuilder().AppendRange([true, false, true, true]).Build();
        var type = new ListType(new Field("vertices", xy, false));
        var lines = new ListArray(type, 4, offsets, vertices, validity, 1);
        IArrowArray sliced = lines.Slice(1, 3);
        GeometryArray array = ReadFromApache(new Field("geom", type, true, GeoMetadata("geoarrow.linestring", "{\"crs\":{\"id\":1}}")), sliced);
        Assert.Equal(["null", "LineString ([2 2, 3 3])", "LineString ([4 4, 5 5])"], GeoArrowFixtures.Describe(array));
        Assert.Equal("{\"id\":1}", array.Crs);
    }

    [Fact]
    public void WeReadApacheSeparatedPointsWithZByCopying()
    {
        DoubleArray x = new DoubleArray.Builder().AppendRange([1, 4]).Build();
        DoubleArray y = new DoubleArray.Builder().AppendRange([2, 5]).Build();
        DoubleArray z = new DoubleArray.Builder().AppendRange([3, 6]).Build();
        var type = new StructType([new Field("x", DoubleType.Default, false), new Field("y", DoubleType.Default, false), new Field("z", DoubleType.Default, false)]);
        var points = new StructArray(type, 2, [x, y, z], ArrowBuffer.Empty, 0);
        GeometryArray array = ReadFromApache(new Field("geom", type, true, GeoMetadata("geoarrow.point")), points);
        Assert.True(array.HasZ);
        Assert.Equal([1, 2, 3, 4, 5, 6], array.Coordinates.Span.ToArray());
    }

    [Fact]
    public void WeReadABareMultiPointLayoutWhenTheTypeIsGiven()
    {
        DoubleArray values = new DoubleArray.Builder().AppendRange([0, 0, 1, 1, 2, 2]).Build();
        var xy = new FixedSizeListType(new Field("item", DoubleType.Default, false), 2);
        var points = new FixedSizeListArray(xy, 3, values, ArrowBuffer.Empty, 0);
        ArrowBuffer offsets = new ArrowBuffer.Builder<int>().AppendRange([0, 2, 3]).Build();
        var type = new ListType(new Field("item", xy, false));
        var multi = new ListArray(type, 2, offsets, points, ArrowBuffer.Empty, 0);
        Assert.Throws<InvalidLayoutException>(() => ReadFromApache(new Field("g", type, true), multi));
        multi = new ListArray(type, 2, new ArrowBuffer.Builder<int>().AppendRange([0, 2, 3]).Build(), points, ArrowBuffer.Empty, 0);
        GeometryArray array = ReadFromApache(new Field("g", type, true), multi, GeometryType.MultiPoint);
        Assert.Equal(["MultiPoint ([0 0]) ([1 1])", "MultiPoint ([2 2])"], GeoArrowFixtures.Describe(array));
    }

    [Fact]
    public void TenMillionPointsAreImportedWithoutCopying()
    {
        const int count = 10_000_000;
        var builder = new ArrowBuffer.Builder<double>(count * 2);
        Span<double> block = stackalloc double[2];
        for (int i = 0; i < count; i++)
        {
            block[0] = i;
            block[1] = -i;
            builder.Append(block);
        }
        var values = new DoubleArray(builder.Build(), ArrowBuffer.Empty, count * 2, 0, 0);
        var type = new FixedSizeListType(new Field("xy", DoubleType.Default, false), 2);
        var points = new FixedSizeListArray(type, count, values, ArrowBuffer.Empty, 0);
        GeometryArray array = ReadFromApache(new Field("geom", type, true, GeoMetadata("geoarrow.point")), points);
        fixed (double* producer = values.Values)
            Assert.True(array.Coordinates.Pointer == producer);
        Assert.Equal(count, array.Length);
        Assert.Equal(-(count - 1), array.Coordinates.Span[^1]);
    }
}
