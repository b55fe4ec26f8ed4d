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

/// <summary>Many rows decode in chunks that are concatenated: the result must equal one builder fed row by row.</summary>
public class WkbChunkConcatenationTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ChunksConcatenateLikeOneBuilder(int threads)
    {
        // Z, missing rows and collections first appear in different chunks, and one big row makes
        // the coordinate buffer large enough to be handed over without a copy.
        string[] shapes =
        [
            "0101000000000000000000F03F0000000000000040",
            "010200000002000000000000000000F03F000000000000004000000000000008400000000000001040",
            "01010000800000000000000840000000000000104000000000000014C0",
            "0107000000020000000101000000000000000000F03F0000000000000040010200000002000000000000000000F03F000000000000004000000000000008400000000000001040",
        ];
        var rows = new byte[]?[5000];
        for (int i = 0; i < rows.Length; i++)
            rows[i] = i % 997 == 5 ? null : Convert.FromHexString(shapes[i < 1500 ? i % 2 : i < 3000 ? i % 3 : (i % 4 == 3 ? 3 : i % 3)]);
        rows[4000] = BigLine(100_000);

        var expected = new GeometryArrayBuilder();
        foreach (byte[]? row in rows)
            if (row is null) expected.AppendNull();
            else WkbReader.Read(row, expected);
        GeometryArray want = expected.Finish();

        GeometryArray got = Index.BoxSets.WithThreads(threads, () => WkbReader.ReadMany(rows, OnInvalid.Raise).Array);
        Assert.Equal(want.Type, got.Type);
        Assert.True(got.HasZ);
        Assert.Equal(want.Length, got.Length);
        Assert.Equal(want.Coordinates.Span.ToArray(), got.Coordinates.Span.ToArray());
        Assert.Equal(want.GeometryOffsets.ToBuffer(want.Length).Span.ToArray(), got.GeometryOffsets.ToBuffer(got.Length).Span.ToArray());
        Assert.Equal(want.PartOffsets.ToBuffer(want.PartCount).Span.ToArray(), got.PartOffsets.ToBuffer(got.PartCount).Span.ToArray());
        Assert.Equal(want.RingOffsets.ToBuffer(want.RingCount).Span.ToArray(), got.RingOffsets.ToBuffer(got.RingCount).Span.ToArray());
        Assert.Equal(want.RowTypes!.Span.ToArray(), got.RowTypes!.Span.ToArray());
        Assert.Equal(want.PartKinds!.Span.ToArray(), got.PartKinds!.Span.ToArray());
        Assert.Equal(want.Validity!.Span.ToArray(), got.Validity!.Span.ToArray());
        for (int i = 0; i < rows.Length; i++)
            Assert.Equal(rows[i] is null ? null : WkbWriter.Write(want, i, WkbOptions.Default), got.IsNull(i) ? null : WkbWriter.Write(got, i, WkbOptions.Default));
    }

    private static byte[] BigLine(int vertices)
    {
        var wkb = new byte[9 + 16 * vertices];
        wkb[0] = 1;
        BitConverter.TryWriteBytes(wkb.AsSpan(1), 2u);
        BitConverter.TryWriteBytes(wkb.AsSpan(5), (uint)vertices);
        for (int i = 0; i < 2 * vertices; i++) BitConverter.TryWriteBytes(wkb.AsSpan(9 + 8 * i), i * 0.5);
        return wkb;
    }
}
