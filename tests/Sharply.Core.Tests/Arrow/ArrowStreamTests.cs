using System.Runtime.InteropServices;
using Sharply.Core.Arrow;
using Sharply.Core.Geometries;

namespace Sharply.Core.Tests.Arrow;

[Collection("Arrow")]
public unsafe class ArrowStreamTests
{
    [Fact]
    public void AnExportedStreamYieldsOneChunkThenEnds()
    {
        long baseline = GeoArrowFixtures.SettledLiveCount();
        GeometryArray array = GeoArrowFixtures.Build(GeometryType.MultiPolygon, z: true);
        ArrowArrayStream stream;
        ArrowExport.ExportStream(array, &stream);
        ArrowSchema schema;
        Assert.Equal(0, stream.GetSchema(&stream, &schema));
        ArrowArray first, second;
        Assert.Equal(0, stream.GetNext(&stream, &first));
        Assert.Equal(0, stream.GetNext(&stream, &second));
        Assert.True(first.Release != null);
        Assert.True(second.Release == null);
        Assert.True(stream.GetLastError(&stream) == null);
        GeometryArray imported = ArrowImport.ImportArray(&schema, &first);
        Assert.Equal(GeoArrowFixtures.Describe(array), GeoArrowFixtures.Describe(imported));
        schema.Release(&schema);
        stream.Release(&stream);
        Assert.True(stream.Release == null);
        GC.KeepAlive(imported);
    }

    [Fact]
    public void AStreamReportsEncodingErrorsThroughGetLastError()
    {
        GeometryEncoder? saved = GeoArrowCodecs.WkbEncoder;
        GeoArrowCodecs.WkbEncoder = null;
        try
        {
            var builder = new GeometryArrayBuilder();
            builder.AddPoint(1, 2);
            builder.BeginGeometry(GeometryType.LineString);
            GeometryArray mixed = builder.Finish();
            ArrowArrayStream stream;
            ArrowExport.ExportStream(mixed, &stream);
            ArrowArray chunk;
            Assert.Equal(38, stream.GetNext(&stream, &chunk));
            Assert.Equal("no WKB codec is registered in GeoArrowCodecs", Marshal.PtrToStringUTF8((nint)stream.GetLastError(&stream)));
            stream.Release(&stream);
        }
        finally
        {
            GeoArrowCodecs.WkbEncoder = saved;
        }
    }

    [Fact]
    public void ASingleChunkStreamImportsWithoutCopying()
    {
        long baseline = GeoArrowFixtures.SettledLiveCount();
        GeometryArray array = GeoArrowFixtures.Build(GeometryType.LineString, crs: "OGC:CRS84");
        ArrowArrayStream stream;
        ArrowExport.ExportStream(array, &stream);
        GeometryArray imported = ArrowImport.ImportStream(&stream);
        Assert.True(stream.Release == null);
        Assert.True(imported.Coordinates.Pointer == array.Coordinates.Pointer);
        Assert.Equal("OGC:CRS84", imported.Crs);
        Assert.Equal(GeoArrowFixtures.Describe(array), GeoArrowFixtures.Describe(imported));
        Assert.Equal(baseline + 3, ArrowExport.LiveCount);
        GC.KeepAlive(imported);
    }

    [Fact]
    public void SeveralChunksAreConcatenatedAndReleased()
    {
        long baseline = GeoArrowFixtures.SettledLiveCount();
        GeometryArray a = GeoArrowFixtures.Build(GeometryType.Polygon, crs: "EPSG:3857");
        GeometryArray b = GeoArrowFixtures.Build(GeometryType.Polygon, crs: "EPSG:3857");
        ArrowArrayStream stream = ChunkStream.Create(a, b);
        GeometryArray imported = ArrowImport.ImportStream(&stream);
        Assert.Equal(8, imported.Length);
        Assert.Equal("EPSG:3857", imported.Crs);
        Assert.Equal([.. GeoArrowFixtures.Describe(a), .. GeoArrowFixtures.Describe(b)], GeoArrowFixtures.Describe(imported));
        Assert.Equal(baseline, ArrowExport.LiveCount);
        Assert.Equal(1, ChunkStream.Releases);
    }

    [Fact]
    public void AnEmptyStreamGivesAnEmptyArrayOfItsType()
    {
        ArrowArrayStream stream = ChunkStream.Create(GeoArrowFixtures.Build(GeometryType.MultiLineString, z: true));
        ArrowArray chunk;
        Assert.Equal(0, stream.GetNext(&stream, &chunk));
        chunk.Release(&chunk);
        GeometryArray imported = ArrowImport.ImportStream(&stream);
        Assert.Equal(0, imported.Length);
        Assert.Equal(GeometryType.MultiLineString, imported.Type);
        Assert.True(imported.HasZ);
    }

    /// <summary>A producer stream over several arrays, exported one chunk each.</summary>
    private static class ChunkStream
    {
        public static int Releases;

        public static ArrowArrayStream Create(params GeometryArray[] chunks)
        {
            Releases = 0;
            return new ArrowArrayStream
            {
                GetSchema = &GetSchema,
                GetNext = &GetNext,
                GetLastError = &GetLastError,
                Release = &Release,
                PrivateData = (void*)GCHandle.ToIntPtr(GCHandle.Alloc((chunks[0], new Queue<GeometryArray>(chunks)))),
            };
        }

        private static (GeometryArray First, Queue<GeometryArray> Left) State(ArrowArrayStream* stream) =>
            ((GeometryArray, Queue<GeometryArray>))GCHandle.FromIntPtr((nint)stream->PrivateData).Target!;

        [UnmanagedCallersOnly]
        private static int GetSchema(ArrowArrayStream* stream, ArrowSchema* output)
        {
            ArrowExport.ExportSchema(State(stream).First, output);
            return 0;
        }

        [UnmanagedCallersOnly]
        private static int GetNext(ArrowArrayStream* stream, ArrowArray* output)
        {
            if (State(stream).Left.TryDequeue(out GeometryArray? chunk)) ArrowExport.ExportArray(chunk, output);
            else *output = default;
            return 0;
        }

        [UnmanagedCallersOnly]
        private static byte* GetLastError(ArrowArrayStream* stream) => null;

        [UnmanagedCallersOnly]
        private static void Release(ArrowArrayStream* stream)
        {
            Releases++;
            GCHandle.FromIntPtr((nint)stream->PrivateData).Free();
            stream->Release = null;
        }
    }
}
