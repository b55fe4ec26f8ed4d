using Sharply.Core.Arrow;
using Sharply.Core.Geometries;

namespace Sharply.Core.Tests.Arrow;

/// <summary>Every exported struct is released exactly once, whoever releases it.</summary>
[Collection("Arrow")]
public unsafe class ArrowReleaseTests
{
    [Fact]
    public void EachNodeOfAnExportIsCountedAndReleasedWithItsParent()
    {
        long baseline = GeoArrowFixtures.SettledLiveCount();
        GeometryArray array = GeoArrowFixtures.Build(GeometryType.Polygon);
        ArrowSchema schema;
        ArrowArray exported;
        ArrowExport.ExportSchema(array, &schema);
        ArrowExport.ExportArray(array, &exported);
        // polygon list, ring list, coordinate list, float64 values: four schemas and four arrays
        Assert.Equal(baseline + 8, ArrowExport.LiveCount);
        exported.Release(&exported);
        Assert.True(exported.Release == null);
        Assert.Equal(baseline + 4, ArrowExport.LiveCount);
        schema.Release(&schema);
        Assert.True(schema.Release == null);
        Assert.Equal(baseline, ArrowExport.LiveCount);
    }

    [Fact]
    public void AChildMovedOutLivesOnAfterItsParentIsReleased()
    {
        long baseline = GeoArrowFixtures.SettledLiveCount();
        GeometryArray array = GeoArrowFixtures.Build(GeometryType.LineString);
        ArrowArray exported;
        ArrowExport.ExportArray(array, &exported);
        ArrowArray moved = *exported.Children[0];
        exported.Children[0]->Release = null;
        exported.Release(&exported);
        Assert.Equal(baseline + 2, ArrowExport.LiveCount);
        double* values = (double*)moved.Children[0]->Buffers[1];
        Assert.True(values == array.Coordinates.Pointer);
        Assert.Equal(12, moved.Children[0]->Length);
        moved.Release(&moved);
        Assert.True(moved.Release == null);
        Assert.Equal(baseline, ArrowExport.LiveCount);
    }

    [Fact]
    public void AChildReleasedInPlaceFirstIsNotReleasedAgain()
    {
        long baseline = GeoArrowFixtures.SettledLiveCount();
        ArrowSchema schema;
        ArrowExport.ExportSchema(GeoArrowFixtures.Build(GeometryType.MultiLineString), &schema);
        ArrowSchema* child = schema.Children[0];
        child->Release(child);
        Assert.True(child->Release == null);
        Assert.Equal(baseline + 1, ArrowExport.LiveCount);
        schema.Release(&schema);
        Assert.Equal(baseline, ArrowExport.LiveCount);
    }

    [Fact]
    public void ExportedMemoryOutlivesTheArrayUntilRelease()
    {
        long baseline = GeoArrowFixtures.SettledLiveCount();
        ArrowArray exported;
        ExportAndForget(&exported);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var xy = (double*)exported.Children[0]->Buffers[1];
        Assert.Equal([5.0, 6.0, 7.0, 8.0], new ReadOnlySpan<double>(xy, 4).ToArray());
        exported.Release(&exported);
        Assert.Equal(baseline, ArrowExport.LiveCount);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ExportAndForget(ArrowArray* output)
    {
        var builder = new GeometryArrayBuilder();
        builder.AddPoint(5, 6);
        builder.AddPoint(7, 8);
        ArrowExport.ExportArray(builder.Finish(), output);
    }

    [Fact]
    public void AnImportedExportIsReleasedWhenTheImportIsCollected()
    {
        long baseline = GeoArrowFixtures.SettledLiveCount();
        ImportAndDrop();
        Assert.Equal(baseline + 3, ArrowExport.LiveCount);
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.Equal(baseline, ArrowExport.LiveCount);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ImportAndDrop()
    {
        GeometryArray imported = ArrowRoundTripTests.RoundTrip(GeoArrowFixtures.Build(GeometryType.MultiPoint));
        Assert.Equal(4, imported.Length);
    }

    [Fact]
    public void AFailedImportReleasesTheProducerAtOnce()
    {
        long baseline = GeoArrowFixtures.SettledLiveCount();
        GeometryArray lines = GeoArrowFixtures.Build(GeometryType.LineString);
        ArrowSchema schema;
        ArrowArray exported;
        ArrowExport.ExportSchema(GeoArrowFixtures.Build(GeometryType.Point), &schema);
        ArrowExport.ExportArray(lines, &exported);
        ArrowSchema* schemaPointer = &schema;
        ArrowArray* arrayPointer = &exported;
        Assert.Throws<InvalidLayoutException>(() => ArrowImport.ImportArray(schemaPointer, arrayPointer));
        Assert.True(exported.Release == null);
        schema.Release(&schema);
        Assert.Equal(baseline, ArrowExport.LiveCount);
    }
}
