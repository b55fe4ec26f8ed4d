using Apache.Arrow;
using Apache.Arrow.C;
using Apache.Arrow.Types;
using Sharply.Core.Arrow;
using Sharply.Core.Geometries;
using ArrowSchema = Sharply.Core.Arrow.ArrowSchema;

namespace Sharply.Core.Tests.Arrow;

/// <summary>requested_schema handling and the WKB / WKT codec seam (stand-in codecs and the default ones).</summary>
[Collection("Arrow")]
public unsafe class ArrowEncodingTests
{
    private static GeoArrowEncoding Request(GeometryArray array, GeometryArray requestFrom, GeoArrowEncoding encoding)
    {
        ArrowSchema requested;
        ArrowExport.ExportSchema(requestFrom, &requested, encoding);
        try
        {
            return ArrowExport.EncodingFor(array, &requested);
        }
        finally
        {
            requested.Release(&requested);
        }
    }

    [Theory]
    [InlineData(GeoArrowEncoding.Interleaved)]
    [InlineData(GeoArrowEncoding.Separated)]
    [InlineData(GeoArrowEncoding.Wkb)]
    [InlineData(GeoArrowEncoding.Wkt)]
    public void ARequestedSchemaIsHonoured(GeoArrowEncoding encoding)
    {
        GeometryArray polygons = GeoArrowFixtures.Build(GeometryType.Polygon, z: true);
        Assert.Equal(encoding, Request(polygons, polygons, encoding));
        Assert.Equal(GeoArrowEncoding.Default, ArrowExport.EncodingFor(polygons, null));
    }

    [Fact]
    public void IncompatibleRequestsAreRejected()
    {
        GeometryArray lines = GeoArrowFixtures.Build(GeometryType.LineString);
        var error = Assert.Throws<InvalidLayoutException>(() => Request(lines, GeoArrowFixtures.Build(GeometryType.Polygon), GeoArrowEncoding.Interleaved));
        Assert.Equal("cannot export a LineString array as geoarrow.polygon", error.Message);
        error = Assert.Throws<InvalidLayoutException>(() => Request(lines, GeoArrowFixtures.Build(GeometryType.LineString, z: true), GeoArrowEncoding.Interleaved));
        Assert.Contains("do not match this array's 2 dimensions", error.Message);

        CArrowSchema* int32 = CArrowSchema.Create();
        CArrowSchemaExporter.ExportType(Int32Type.Default, int32);
        error = Assert.Throws<InvalidLayoutException>(() => ArrowExport.EncodingFor(lines, (ArrowSchema*)int32));
        Assert.Contains("'i' is not a GeoArrow type", error.Message);
        CArrowSchema.Free(int32);
    }

    [Fact]
    public void MixedArraysHaveNoNativeLayout()
    {
        GeometryArray mixed = Mixed();
        ArrowSchema schema;
        ArrowSchema* output = &schema;
        var error = Assert.Throws<InvalidLayoutException>(() => ArrowExport.ExportSchema(mixed, output, GeoArrowEncoding.Separated));
        Assert.Equal("a Geometry array has no GeoArrow native type: request geoarrow.wkb or geoarrow.wkt", error.Message);
    }

    private static GeometryArray Mixed()
    {
        var builder = new GeometryArrayBuilder();
        builder.AddPoint(1, 2);
        builder.AppendNull();
        builder.BeginGeometry(GeometryType.LineString);
        return builder.Finish("EPSG:4326");
    }

    /// <summary>Stand-in encoder: one byte per row, its type code (0 for a missing row).</summary>
    private static (DataBuffer<byte>, DataBuffer<int>) TypeCodes(GeometryArray array)
    {
        DataBuffer<byte> data = DataBuffer<byte>.Allocate(array.Length);
        DataBuffer<int> offsets = DataBuffer<int>.Allocate(array.Length + 1);
        for (int row = 0; row <= array.Length; row++) offsets.Span[row] = row;
        for (int row = 0; row < array.Length; row++) data.Span[row] = array.IsNull(row) ? (byte)0 : (byte)array.TypeOf(row);
        return (data, offsets);
    }

    [Fact]
    public void MixedArraysExportAsWkbThroughTheRegisteredEncoder()
    {
        GeometryEncoder? saved = GeoArrowCodecs.WkbEncoder;
        GeoArrowCodecs.WkbEncoder = TypeCodes;
        try
        {
            CArrowSchema* schema = CArrowSchema.Create();
            CArrowArray* exported = CArrowArray.Create();
            ArrowExport.ExportSchema(Mixed(), (ArrowSchema*)schema);
            ArrowExport.ExportArray(Mixed(), (Sharply.Core.Arrow.ArrowArray*)exported);
            Field field = CArrowSchemaImporter.ImportField(schema);
            var binary = (BinaryArray)CArrowArrayImporter.ImportArray(exported, field.DataType);
            Assert.Equal("geoarrow.wkb", field.Metadata["ARROW:extension:name"]);
            Assert.Equal("{\"crs\":\"EPSG:4326\"}", field.Metadata["ARROW:extension:metadata"]);
            Assert.IsType<BinaryType>(field.DataType);
            Assert.Equal([1], binary.GetBytes(0).ToArray());
            Assert.True(binary.IsNull(1));
            Assert.Equal([2], binary.GetBytes(2).ToArray());
            binary.Dispose();
            CArrowSchema.Free(schema);
            CArrowArray.Free(exported);
        }
        finally
        {
            GeoArrowCodecs.WkbEncoder = saved;
        }
    }

    [Fact]
    public void WktIsImportedThroughTheRegisteredDecoderWithoutCopyingTheText()
    {
        var calls = new List<(int Length, int[] Offsets, string Text, bool SecondIsNull, nint Data)>();
        GeometryDecoder? saved = GeoArrowCodecs.WktDecoder;
        GeoArrowCodecs.WktDecoder = (length, offsets, data, validity) =>
        {
            calls.Add((length, offsets.Span[..(length + 1)].ToArray(), System.Text.Encoding.UTF8.GetString(data.Span),
                validity is not null && (validity.Span[0] & 2) == 0, (nint)data.Pointer));
            var builder = new GeometryArrayBuilder();
            builder.AddPoint(1, 2);
            builder.AppendNull();
            return builder.Finish();
        };
        try
        {
            StringArray text = new StringArray.Builder().Append("POINT (1 2)").AppendNull().Build();
            var field = new Field("wkt", StringType.Default, true, new Dictionary<string, string>
            {
                ["ARROW:extension:name"] = "geoarrow.wkt",
                ["ARROW:extension:metadata"] = "{\"crs\":\"OGC:CRS84\"}",
            });
            CArrowSchema* schema = CArrowSchema.Create();
            CArrowArray* exported = CArrowArray.Create();
            CArrowSchemaExporter.ExportField(field, schema);
            CArrowArrayExporter.ExportArray(text, exported);
            GeometryArray imported = ArrowImport.ImportArray((ArrowSchema*)schema, (Sharply.Core.Arrow.ArrowArray*)exported);
            CArrowSchema.Free(schema);
            CArrowArray.Free(exported);
            (int length, int[] offsets, string wkt, bool secondIsNull, nint data) = Assert.Single(calls);
            Assert.Equal(2, length);
            Assert.Equal([0, 11, 11], offsets);
            Assert.Equal("POINT (1 2)", wkt);
            Assert.True(secondIsNull);
            fixed (byte* producer = text.ValueBuffer.Span)
                Assert.Equal((nint)producer, data);
            Assert.Equal("OGC:CRS84", imported.Crs);
            Assert.Equal(["Point ([1 2])", "null"], GeoArrowFixtures.Describe(imported));
        }
        finally
        {
            GeoArrowCodecs.WktDecoder = saved;
        }
    }

    [Fact]
    public void WkbWithoutARegisteredDecoderIsNotSupported()
    {
        GeometryDecoder? saved = GeoArrowCodecs.WkbDecoder;
        GeoArrowCodecs.WkbDecoder = null;
        try
        {
            BinaryArray wkb = new BinaryArray.Builder().Append([1, 1, 0, 0, 0]).Build();
            CArrowSchema* schema = CArrowSchema.Create();
            CArrowArray* exported = CArrowArray.Create();
            CArrowSchemaExporter.ExportType(BinaryType.Default, schema);
            CArrowArrayExporter.ExportArray(wkb, exported);
            var error = Assert.Throws<NotSupportedException>(() => ArrowImport.ImportArray((ArrowSchema*)schema, (Sharply.Core.Arrow.ArrowArray*)exported));
            Assert.Equal("no WKB codec is registered in GeoArrowCodecs", error.Message);
            Assert.True(((Sharply.Core.Arrow.ArrowArray*)exported)->Release == null);
            CArrowSchema.Free(schema);
            CArrowArray.Free(exported);
        }
        finally
        {
            GeoArrowCodecs.WkbDecoder = saved;
        }
    }

    [Fact]
    public void TheDefaultCodecsAreCoreWkbAndWkt()
    {
        var builder = new GeometryArrayBuilder();
        builder.AddPoint(1, 2);
        builder.AppendNull();
        builder.BeginGeometry(GeometryType.LineString);
        builder.BeginPart(GeometryType.LineString);
        builder.BeginRing();
        builder.AddCoordinates([0, 0, 1.5, 2.25], 2);
        GeometryArray mixed = builder.Finish("EPSG:4326");
        foreach (GeoArrowEncoding encoding in new[] { GeoArrowEncoding.Wkb, GeoArrowEncoding.Wkt })
        {
            ArrowSchema schema;
            Sharply.Core.Arrow.ArrowArray array;
            ArrowExport.ExportSchema(mixed, &schema, encoding);
            ArrowExport.ExportArray(mixed, &array, encoding);
            GeometryArray imported = ArrowImport.ImportArray(&schema, &array);
            Assert.Equal(GeoArrowFixtures.Describe(mixed), GeoArrowFixtures.Describe(imported));
            Assert.Equal("EPSG:4326", imported.Crs);
        }
        (DataBuffer<byte> data, DataBuffer<int> offsets) = GeoArrowCodecs.WktEncoder!(mixed);
        Assert.Equal("POINT (1 2)", System.Text.Encoding.UTF8.GetString(data.Span[offsets.Span[0]..offsets.Span[1]]));
        Assert.Equal(offsets.Span[1], offsets.Span[2]);
    }
}
