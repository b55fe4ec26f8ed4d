using Sharply.Core.Geometries;
using Sharply.Core.IO;

namespace Sharply.Core.Tests.IO;

public class WkbTests
{
    private static GeometryArray Read(params string[] hex) =>
        WkbReader.ReadMany(hex.Select(h => (byte[]?)Convert.FromHexString(h)).ToList(), OnInvalid.Raise).Array;

    private static string Hex(GeometryArray array, int row, WkbOptions? options = null) =>
        Convert.ToHexString(WkbWriter.Write(array, row, options ?? WkbOptions.Default));

    [Fact]
    public void BigEndianIsoZAndEwkbSridAllRead()
    {
        // POINT (1 2) big endian; POINT Z (1 2 3) as ISO 1001; EWKB POINT SRID=4326.
        DecodeResult result = WkbReader.ReadMany(new List<byte[]?>
        {
            Convert.FromHexString("00000000013FF00000000000004000000000000000"),
            Convert.FromHexString("01E9030000000000000000F03F00000000000000400000000000000840"),
            Convert.FromHexString("0101000020E6100000000000000000F03F0000000000000040"),
        }, OnInvalid.Raise);
        GeometryArray array = result.Array;
        Assert.Equal(4326, result.Srid);
        Assert.True(array.HasZ);
        Assert.Equal(new[] { 1.0, 2.0, double.NaN, 1, 2, 3, 1, 2, double.NaN }, array.Coordinates.Span.ToArray());
        Assert.Equal("0101000000000000000000F03F0000000000000040", Hex(array, 0));
        Assert.Equal("0101000080000000000000F03F00000000000000400000000000000840", Hex(array, 1));
    }

    [Fact]
    public void WriterOptionsFollowShapely2()
    {
        GeometryArray array = Read("0101000080000000000000F03F00000000000000400000000000000840");
        Assert.Equal("0101000000000000000000F03F0000000000000040", Hex(array, 0, new WkbOptions { OutputDimension = 2 }));
        Assert.Equal("00800000013FF000000000000040000000000000004008000000000000", Hex(array, 0, new WkbOptions { ByteOrder = WkbByteOrder.BigEndian }));
        Assert.Equal("01E9030000000000000000F03F00000000000000400000000000000840", Hex(array, 0, new WkbOptions { Iso = true }));
        Assert.Equal("01010000A0E6100000000000000000F03F00000000000000400000000000000840", Hex(array, 0, new WkbOptions { Srid = 4326 }));
        Assert.Equal("0101000080000000000000F03F00000000000000400000000000000840"u8.ToArray(),
            WkbWriter.WriteMany(array, WkbOptions.Default with { Hex = true })[0].ToArray());
    }

    [Fact]
    public void MissingRowsStayMissing()
    {
        DecodeResult result = WkbReader.ReadMany(new List<byte[]?> { null, Convert.FromHexString("010200000000000000"), null }, OnInvalid.Raise);
        EncodedRows rows = WkbWriter.WriteMany(result.Array, WkbOptions.Default);
        Assert.True(rows.IsNull(0) && !rows.IsNull(1) && rows.IsNull(2));
        Assert.Equal(new long[] { 0, 0, 9, 9 }, rows.Offsets.Span.ToArray());
    }

    [Theory]
    [InlineData("0101000000000000000000F03F", "truncated WKB")]
    [InlineData("02010000000000000000000000000000000000000000", "bad byte order flag 2")]
    [InlineData("0109000000", "unknown geometry type code 9")]
    [InlineData("0102000000FFFFFF7F", "vertex count 2147483647")]
    [InlineData("0101000000000000000000F03F000000000000004000", "1 trailing bytes")]
    [InlineData("0104000000010000000102000000000000000", "hex WKB has an odd number of digits")]
    [InlineData("010400000001000000010200000000000000", "a MultiPoint cannot hold a LineString")]
    public void BadInputNamesRowAndProblem(string hex, string problem)
    {
        byte[] value = hex.Length % 2 == 0 ? Convert.FromHexString(hex) : System.Text.Encoding.ASCII.GetBytes(hex);
        var error = Assert.Throws<GeometryDecodeException>(() =>
            WkbReader.ReadMany(new List<byte[]?> { Convert.FromHexString("010700000000000000"), value }, OnInvalid.Raise));
        Assert.Equal(1, error.Row);
        Assert.Contains(problem, error.Problem);
    }

    [Fact]
    public void DeepCollectionsAreRejected()
    {
        var bytes = new List<byte>();
        for (int i = 0; i < 40; i++) bytes.AddRange(Convert.FromHexString("010700000001000000"));
        var error = Assert.Throws<GeometryDecodeException>(() => WkbReader.Read(bytes.ToArray(), new GeometryArrayBuilder()));
        Assert.Contains("nested deeper than 32", error.Problem);
    }

    [Fact]
    public void WarnMakesBadRowsMissingAndReportsThem()
    {
        DecodeResult result = WkbReader.ReadMany(new List<byte[]?> { new byte[] { 1, 2 }, Convert.FromHexString("0101000000000000000000F03F0000000000000040") }, OnInvalid.Warn);
        Assert.True(result.Array.IsNull(0));
        Assert.False(result.Array.IsNull(1));
        Assert.Equal(0, Assert.Single(result.Failures).Row);
        Assert.Empty(WkbReader.ReadMany(new List<byte[]?> { new byte[] { 1, 2 } }, OnInvalid.Ignore).Failures);
    }

    [Fact]
    public void ManyRowsDecodeInParallelIdenticallyToOneThread()
    {
        var rows = new List<byte[]?>();
        var random = new Random(7);
        for (int i = 0; i < 20000; i++)
        {
            var builder = new GeometryArrayBuilder();
            if (i % 97 == 0)
            {
                rows.Add(null);
                continue;
            }
            builder.BeginGeometry(GeometryType.LineString);
            builder.BeginPart(GeometryType.LineString);
            builder.BeginRing();
            for (int k = 0; k < 1 + i % 5; k++)
                if (i % 1001 == 0) builder.AddCoordinate(random.NextDouble(), random.NextDouble(), k);
                else builder.AddCoordinate(random.NextDouble(), random.NextDouble());
            rows.Add(WkbWriter.Write(builder.Finish(), 0, WkbOptions.Default));
        }
        rows[5000] = [9];
        int threads = Sharply.Core.Parallel.ParallelRange.ThreadCount;
        try
        {
            Sharply.Core.Parallel.ParallelRange.ThreadCount = 1;
            DecodeResult serial = WkbReader.ReadMany(rows, OnInvalid.Warn);
            Sharply.Core.Parallel.ParallelRange.ThreadCount = 4;
            DecodeResult parallel = WkbReader.ReadMany(rows, OnInvalid.Warn);
            Assert.Equal(serial.Array.Coordinates.Span.ToArray(), parallel.Array.Coordinates.Span.ToArray());
            Assert.Equal(serial.Array.RingOffsets.ToBuffer(rows.Count).Span.ToArray(), parallel.Array.RingOffsets.ToBuffer(rows.Count).Span.ToArray());
            Assert.Equal(5000, Assert.Single(parallel.Failures).Row);
            EncodedRows written = WkbWriter.WriteMany(parallel.Array, WkbOptions.Default);
            for (int i = 0; i < rows.Count; i++)
                if (i != 5000) Assert.Equal(rows[i], written.IsNull(i) ? null : written[i].ToArray());
        }
        finally
        {
            Sharply.Core.Parallel.ParallelRange.ThreadCount = threads;
        }
    }
}
