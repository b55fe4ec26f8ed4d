using Sharply.Core.Geometries;
using Sharply.Core.IO;
using Sharply.Core.Kernels;

namespace Sharply.Core.Tests.Kernels;

public class CoordinateEditsTests
{
    private static GeometryArray Read(params string?[] wkt) => WktReader.ReadMany(wkt, OnInvalid.Raise).Array;

    private static string Texts(GeometryArray array) =>
        string.Join(" | ", Enumerable.Range(0, array.Length).Select(row => array.IsNull(row) ? "None" : WktWriter.Write(array, row, WktOptions.Default)));

    [Fact]
    public void ForceKeepsTheStructureAndSharesItsOffsets()
    {
        GeometryArray rows = Read("POLYGON Z ((0 0 1, 1 0 2, 1 1 3, 0 0 1))", "POLYGON ((5 5, 6 5, 6 6, 5 5))", null, "POLYGON EMPTY");
        GeometryArray flat = CoordinateEdits.Force2D(rows);
        Assert.Same(rows.RingOffsets.Buffer, flat.RingOffsets.Buffer);
        Assert.False(flat.HasZ);
        Assert.Equal("POLYGON ((0 0, 1 0, 1 1, 0 0)) | POLYGON ((5 5, 6 5, 6 6, 5 5)) | None | POLYGON EMPTY", Texts(flat));
        Assert.Same(flat, CoordinateEdits.Force2D(flat));
        GeometryArray raised = CoordinateEdits.Force3D(rows, [9, 8, 7, 6]);
        Assert.Same(rows.RingOffsets.Buffer, raised.RingOffsets.Buffer);
        Assert.Equal("POLYGON Z ((0 0 1, 1 0 2, 1 1 3, 0 0 1)) | POLYGON Z ((5 5 8, 6 5 8, 6 6 8, 5 5 8)) | None | POLYGON EMPTY", Texts(raised));
        Assert.Same(raised, CoordinateEdits.Force3D(raised, [0]));
        Assert.Throws<ArgumentException>(() => CoordinateEdits.Force3D(rows, [1, 2]));
    }

    [Fact]
    public void ForceOnSlicesLeavesTheOtherRowsAlone()
    {
        GeometryArray rows = Read("LINESTRING (0 0, 1 1)", "LINESTRING Z (2 2 2, 3 3 3)", "LINESTRING (4 4, 5 5)");
        Assert.Equal("LINESTRING Z (2 2 2, 3 3 3) | LINESTRING Z (4 4 1, 5 5 1)", Texts(CoordinateEdits.Force3D(rows.Slice(1, 2), [1])));
        Assert.Equal("LINESTRING (2 2, 3 3)", Texts(CoordinateEdits.Force2D(rows.Slice(1, 1))));
    }

    [Fact]
    public void SetCoordinatesFillsRowsInListOrder()
    {
        GeometryArray rows = Read("POINT (9 9)", "MULTIPOINT (0 0, EMPTY, 1 1)", null, "POLYGON ((0 0, 1 0, 1 1, 0 0))", "POINT EMPTY").Slice(1, 4);
        GeometryArray moved = CoordinateEdits.SetCoordinates(rows, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 5, 6], 2);
        Assert.Same(rows.PartOffsets.Buffer, moved.PartOffsets.Buffer);
        Assert.Equal("MULTIPOINT (1 2, EMPTY, 3 4) | None | POLYGON ((5 6, 7 8, 9 10, 5 6)) | POINT EMPTY", Texts(moved));
        Assert.Throws<ArgumentException>(() => CoordinateEdits.SetCoordinates(rows, [1, 2], 2));
        Assert.Equal("POINT Z (1 2 3)", Texts(CoordinateEdits.SetCoordinates(Read("POINT (0 0)"), [1, 2, 3], 3)));
    }

    [Fact]
    public void IsCcwFollowsTheCapAtTheTop()
    {
        GeometryArray lines = Read("LINESTRING (0 0, 2 0, 2 1, 1 1, 0 1, 0 0)", "LINESTRING (0 0, 0 1, 1 1, 2 1, 2 0, 0 0)",
            "LINESTRING (0 0, 1 1, 0 0, 1 1)", "LINESTRING (0 0, 1 0, 0 1)", "POLYGON ((0 0, 1 0, 1 1, 0 0))");
        var output = new byte[5];
        Properties.IsCcw(lines, output);
        Assert.Equal([1, 0, 0, 0, 0], output);
    }

    [Fact]
    public void BoxesBroadcastAndMissNaN()
    {
        GeometryArray boxes = Boxes.Create([0, 10], [0], [1, double.NaN], [2], ccw: true);
        Assert.Equal("POLYGON ((1 0, 1 2, 0 2, 0 0, 1 0)) | None", Texts(boxes));
        Assert.Equal("POLYGON ((0 0, 0 2, 1 2, 1 0, 0 0))", Texts(Boxes.Create([0], [0], [1], [2], ccw: false)));
        Assert.Throws<ArgumentException>(() => Boxes.Create([0, 1], [0, 1, 2], [1], [1], ccw: true));
    }
}
