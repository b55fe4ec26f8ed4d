using Sharply.Core.Geometries;
using Sharply.Core.IO;

namespace Sharply.Core.Tests.IO;

/// <summary>Arrays of plain 2D little-endian points take a fast path that must equal the general one.</summary>
public class WkbPointFastPathTests
{
    private static byte[] Point(double x, double y)
    {
        var wkb = new byte[21];
        wkb[0] = 1;
        BitConverter.TryWriteBytes(wkb.AsSpan(1), 1u);
        BitConverter.TryWriteBytes(wkb.AsSpan(5), x);
        BitConverter.TryWriteBytes(wkb.AsSpan(13), y);
        return wkb;
    }

    [Fact]
    public void PointRowsDecodeLikeTheGeneralPath()
    {
        byte[]?[] rows = [Point(1, 2), Point(-3.5, 4e10), Point(double.NaN, double.NaN), Point(0, -0.0)];
        GeometryArray fast = WkbReader.ReadMany(rows, OnInvalid.Raise).Array;
        Assert.Equal(GeometryType.Point, fast.Type);
        Assert.False(fast.HasZ);
        Assert.Null(fast.Validity);
        Assert.Equal([1, 2, -3.5, 4e10, double.NaN, double.NaN, 0, -0.0], fast.Coordinates.Span.ToArray());
        Assert.True(fast.IsEmpty(2));

        // A big-endian copy of the same points takes the general path.
        byte[]?[] bigEndian = rows.Select(r =>
        {
            var b = new byte[21];
            b[0] = 0;
            b[4] = 1;
            for (int k = 0; k < 2; k++)
                for (int i = 0; i < 8; i++) b[5 + 8 * k + i] = r![5 + 8 * k + 7 - i];
            return (byte[]?)b;
        }).ToArray();
        GeometryArray general = WkbReader.ReadMany(bigEndian, OnInvalid.Raise).Array;
        Assert.Equal(general.Type, fast.Type);
        Assert.Equal(general.Length, fast.Length);
        Assert.Equal(general.CoordinateCount, fast.CoordinateCount);
        Assert.Equal(general.Coordinates.Span.ToArray(), fast.Coordinates.Span.ToArray());
        Assert.Equal(general.RingOffsets.IsIdentity, fast.RingOffsets.IsIdentity);
        Assert.Equal(general.PartOffsets.IsIdentity, fast.PartOffsets.IsIdentity);
        Assert.Equal(general.GeometryOffsets.IsIdentity, fast.GeometryOffsets.IsIdentity);
    }

    [Fact]
    public void MixedRowsFallBackToTheGeneralPath()
    {
        byte[] line = Convert.FromHexString("010200000002000000000000000000F03F000000000000004000000000000008400000000000001040");
        GeometryArray array = WkbReader.ReadMany([Point(1, 2), null, line], OnInvalid.Raise).Array;
        Assert.Equal(GeometryType.Mixed, array.Type);
        Assert.True(array.IsNull(1));
        Assert.Equal(GeometryType.LineString, array.TypeOf(2));
        Assert.Throws<GeometryDecodeException>(() => WkbReader.ReadMany([Point(1, 2), [1, 1, 0]], OnInvalid.Raise));
    }
}
