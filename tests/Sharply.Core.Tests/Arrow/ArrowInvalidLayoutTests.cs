using Sharply.Core.Arrow;
using Sharply.Core.Geometries;

namespace Sharply.Core.Tests.Arrow;

/// <summary>Hand-built structs that lie about their layout are rejected, and the producer's array is
/// still released exactly once.</summary>
[Collection("Arrow")]
public unsafe class ArrowInvalidLayoutTests
{
    private static readonly double[] ThreeVertices = [0, 0, 1, 1, 2, 2];

    private static string Rejects(NativeArrow native, nint schema, nint array, GeometryType? type = null)
    {
        int before = NativeArrow.Releases;
        var error = Assert.Throws<InvalidLayoutException>(() => ArrowImport.ImportArray((ArrowSchema*)schema, (ArrowArray*)array, type));
        Assert.Equal(before + 1, NativeArrow.Releases);
        Assert.True(((ArrowArray*)array)->Release == null);
        return error.Message;
    }

    [Fact]
    public void ValidHandBuiltLineStringsImportWithoutCopyAndReleaseOnCollection()
    {
        using var native = new NativeArrow();
        (nint schema, nint array) = native.LineStrings([0, 2, 3], ThreeVertices);
        double* producer = (double*)((ArrowArray*)array)->Children[0]->Children[0]->Buffers[1];
        int before = NativeArrow.Releases;
        ImportAndDrop(schema, array, producer);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.Equal(before + 1, NativeArrow.Releases);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ImportAndDrop(nint schema, nint array, double* producer)
    {
        int before = NativeArrow.Releases;
        GeometryArray imported = ArrowImport.ImportArray((ArrowSchema*)schema, (ArrowArray*)array);
        Assert.True(imported.Coordinates.Pointer == producer);
        Assert.Equal(["LineString ([0 0, 1 1])", "LineString ([2 2])"], GeoArrowFixtures.Describe(imported));
        Assert.Equal(before, NativeArrow.Releases);
    }

    [Fact]
    public void DecreasingOffsetsAreRejected()
    {
        using var native = new NativeArrow();
        (nint schema, nint array) = native.LineStrings([0, 2, 1], ThreeVertices);
        Assert.Contains("decrease", Rejects(native, schema, array));
    }

    [Fact]
    public void OffsetsBeyondTheCoordinatesAreRejected()
    {
        using var native = new NativeArrow();
        (nint schema, nint array) = native.LineStrings([0, 2, 4], ThreeVertices);
        Assert.Contains("4 coordinates", Rejects(native, schema, array));
    }

    [Fact]
    public void NegativeFirstOffsetIsRejected()
    {
        using var native = new NativeArrow();
        (nint schema, nint array) = native.LineStrings([-1, 2, 3], ThreeVertices);
        Assert.Contains("start at -1", Rejects(native, schema, array));
    }

    [Fact]
    public void ShortCoordinateValuesAreRejected()
    {
        using var native = new NativeArrow();
        (nint schema, nint array) = native.LineStrings([0, 2, 3], ThreeVertices, valueLength: 5);
        Assert.Contains("5 values, 6 needed", Rejects(native, schema, array));
    }

    [Fact]
    public void UnknownCoordinateFormatIsRejected()
    {
        using var native = new NativeArrow();
        (nint schema, nint array) = native.LineStrings([0, 2, 3], ThreeVertices);
        ((ArrowSchema*)schema)->Children[0]->Children[0]->Format = native.Text("f");
        Assert.Contains("float64", Rejects(native, schema, array));
    }

    [Fact]
    public void WrongChildCountIsRejected()
    {
        using var native = new NativeArrow();
        (nint schema, nint array) = native.LineStrings([0, 2, 3], ThreeVertices);
        ((ArrowSchema*)schema)->ChildCount = 0;
        Assert.Contains("0 children, 1 expected", Rejects(native, schema, array));
    }

    [Fact]
    public void WrongBufferCountIsRejected()
    {
        using var native = new NativeArrow();
        (nint schema, nint array) = native.LineStrings([0, 2, 3], ThreeVertices);
        ((ArrowArray*)array)->BufferCount = 1;
        Assert.Contains("1 buffers, 2 expected", Rejects(native, schema, array));
    }

    [Fact]
    public void NullOffsetsBufferIsRejected()
    {
        using var native = new NativeArrow();
        (nint schema, nint array) = native.LineStrings([0, 2, 3], ThreeVertices);
        ((ArrowArray*)array)->Buffers[1] = null;
        Assert.Contains("null offsets", Rejects(native, schema, array));
    }

    [Fact]
    public void NullsWithoutABitmapAreRejected()
    {
        using var native = new NativeArrow();
        (nint schema, nint array) = native.LineStrings([0, 2, 3], ThreeVertices);
        ((ArrowArray*)array)->NullCount = 1;
        Assert.Contains("no validity bitmap", Rejects(native, schema, array));
    }

    [Fact]
    public void UnknownExtensionAndBareLayoutWithoutTypeAreRejected()
    {
        using var native = new NativeArrow();
        (nint schema, nint array) = native.LineStrings([0, 2, 3], ThreeVertices);
        ((ArrowSchema*)schema)->Metadata = native.GeoMetadata("geoarrow.box");
        Assert.Contains("geoarrow.box", Rejects(native, schema, array));
        (schema, array) = native.LineStrings([0, 2, 3], ThreeVertices);
        ((ArrowSchema*)schema)->Metadata = null;
        Assert.Contains("no GeoArrow extension name", Rejects(native, schema, array));
        (schema, array) = native.LineStrings([0, 2, 3], ThreeVertices);
        ((ArrowSchema*)schema)->Metadata = null;
        Assert.Contains("must be a List", Rejects(native, schema, array, GeometryType.Polygon));
    }

    [Fact]
    public void MeasuredCoordinatesAreRejected()
    {
        using var native = new NativeArrow();
        (nint schema, nint array) = native.LineStrings([0, 1], [1, 2, 3]);
        ((ArrowSchema*)schema)->Children[0]->Format = native.Text("+w:3");
        ((ArrowSchema*)schema)->Children[0]->Children[0]->Name = native.Text("xym");
        Assert.Contains("with M", Rejects(native, schema, array));
    }

    [Fact]
    public void BadExtensionMetadataIsRejected()
    {
        using var native = new NativeArrow();
        (nint schema, nint array) = native.LineStrings([0, 2, 3], ThreeVertices);
        ((ArrowSchema*)schema)->Metadata = native.GeoMetadata("geoarrow.linestring", "{crs");
        Assert.Contains("not valid JSON", Rejects(native, schema, array));
    }

    [Fact]
    public void LargeListOffsetsAreNarrowedWhenTheyFit()
    {
        using var native = new NativeArrow();
        (nint schema, nint array) = native.LineStrings([0, 2, 3], ThreeVertices);
        ((ArrowSchema*)schema)->Format = native.Text("+L");
        ((ArrowArray*)array)->Buffers[1] = native.Buffer(0L, 2L, 3L);
        GeometryArray imported = ArrowImport.ImportArray((ArrowSchema*)schema, (ArrowArray*)array);
        Assert.Equal(["LineString ([0 0, 1 1])", "LineString ([2 2])"], GeoArrowFixtures.Describe(imported));

        (schema, array) = native.LineStrings([0, 2, 3], ThreeVertices);
        ((ArrowSchema*)schema)->Format = native.Text("+L");
        ((ArrowArray*)array)->Buffers[1] = native.Buffer(0L, 2L, 1L << 40);
        Assert.Contains("does not fit in 32 bits", Rejects(native, schema, array));
    }

    [Fact]
    public void ReleasedOrNullInputsAreRejected()
    {
        using var native = new NativeArrow();
        (nint schema, nint array) = native.LineStrings([0, 2, 3], ThreeVertices);
        ((ArrowArray*)array)->Release = null;
        Assert.Throws<InvalidLayoutException>(() => ArrowImport.ImportArray((ArrowSchema*)schema, (ArrowArray*)array));
        Assert.Throws<InvalidLayoutException>(() => ArrowImport.ImportArray((ArrowSchema*)schema, null));
        Assert.Throws<InvalidLayoutException>(() => ArrowImport.ImportStream(null));
    }
}
