using System.Globalization;
using System.Numerics;
using System.Text;
using Sharply.Core.Geometries;
using Sharply.Core.IO;

namespace Sharply.Core.Tests.IO;

/// <summary>The fast GeoJSON scanner gives exactly what the general Utf8JsonReader path gives.</summary>
public class GeoJsonScannerTests
{
    private static readonly string[] Samples =
    [
        """{"type":"Point","coordinates":[1,2]}""",
        """{"type":"Point","coordinates":[]}""",
        """{"type":"Point","coordinates":[-0.0,1e3],"bbox":[1,2,1,2]}""",
        """{"type":"LineString","coordinates":[[0.5,-1.25],[1e-7,123456789.123456789],[0.30000000000000004,3]]}""",
        """{"type":"LineString","coordinates":[]}""",
        """{"type":"Polygon","coordinates":[[[0,0],[4,0],[4,4],[0,0]],[[1,1],[2,1],[2,2],[1,1]]]}""",
        """{"type":"Polygon","coordinates":[]}""",
        """{"type":"MultiPoint","coordinates":[[1,2],[],[3,4]]}""",
        """{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[]]}""",
        """{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]],[]]}""",
        """{"type":"Feature","properties":{"name":"a","n":[1,{"b":null}],"t":true,"f":false},"geometry":{"type":"Point","coordinates":[7,8]}}""",
        """{"type":"Feature","geometry":null,"properties":null}""",
        " { \"type\" : \"Polygon\" ,\t\"coordinates\" :\r\n [ [ [ 0 , 0 ] , [ 2 , 0 ] , [ 0 , 2 ] , [ 0 , 0 ] ] ] } ",
        """{"type":"Point","coordinates":[970217.0223999023,145643.33221435547]}""",
        """null""",
    ];

    /// <summary>The same value with a first member the scanner declines (an escaped name), so the general path reads it.</summary>
    private static string General(string json)
    {
        int brace = json.IndexOf('{');
        return brace < 0 ? json : json[..(brace + 1)] + "\"\\u0078\":0," + json[(brace + 1)..];
    }

    private static GeometryArray Read(IEnumerable<string?> rows) => GeoJsonReader.ReadMany(rows.ToList(), OnInvalid.Raise).Array;

    private static void AssertSame(GeometryArray expected, GeometryArray actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        Assert.Equal(expected.HasZ, actual.HasZ);
        EncodedRows a = WkbWriter.WriteMany(expected, WkbOptions.Default), b = WkbWriter.WriteMany(actual, WkbOptions.Default);
        for (int row = 0; row < expected.Length; row++)
        {
            Assert.Equal(expected.IsNull(row), actual.IsNull(row));
            Assert.Equal(a[row].ToArray(), b[row].ToArray());
        }
    }

    [Fact]
    public void CommonShapesReadAsTheGeneralPathReadsThem()
    {
        Assert.StartsWith("{\"\\u0078\":0,\"type\"", General(Samples[0]));
        AssertSame(Read(Samples.Select(General)), Read(Samples));
        Assert.Equal("""{"type":"LineString","coordinates":[[0.5,-1.25],[1e-07,123456789.12345679],[0.30000000000000004,3.0]]}""",
            GeoJsonWriter.Write(Read(Samples), 3, GeoJsonOptions.Default));
    }

    [Fact]
    public void ThreeDimensionalRowsMatchTheGeneralPath()
    {
        string[] rows =
        [
            """{"type":"Point","coordinates":[1,2]}""",
            """{"type":"LineString","coordinates":[[0,0,1],[1,1]]}""",
            """{"type":"Point","coordinates":[3,4,5.5]}""",
        ];
        GeometryArray fast = Read(rows);
        AssertSame(Read(rows.Select(General)), fast);
        Assert.True(fast.HasZ);
        Assert.Equal("POINT Z (3 4 5.5)", WktWriter.Write(fast, 2, WktOptions.Default));
    }

    [Fact]
    public void NumbersAreExactlyRounded()
    {
        var random = new Random(7);
        var rows = new List<string?>();
        var expected = new List<double>();
        string[] fixedNumbers =
        [
            "9007199254740993", "9007199254740992.5", "0.1", "-0.0", "123456789012345678", "1234567890123456789",
            "0.000000000000000000001", "17976931348623157.0", "4.9406564584124654", "2.2250738585072011",
            "1.00000000000000011102230246251565404236316680908203125", "1e-5", "12345678901234567890123", "0.30000000000000004",
        ];
        foreach (string number in fixedNumbers)
        {
            rows.Add($$"""{"type":"Point","coordinates":[{{number}},0]}""");
            expected.Add(double.Parse(number, CultureInfo.InvariantCulture));
        }
        for (int i = 0; i < 20000; i++)
        {
            int digits = random.Next(1, 21);
            var text = new StringBuilder();
            if (random.Next(2) == 0) text.Append('-');
            text.Append((char)('1' + random.Next(9)));
            for (int d = 1; d < digits; d++) text.Append((char)('0' + random.Next(10)));
            int point = random.Next(0, digits);
            if (point > 0) text.Insert(text.Length - point, '.');
            // Whitespace before a number, on the plain point path and the row path.
            string before = (i % 3) switch { 0 => "", 1 => " ", _ => "\n\t " };
            rows.Add(i % 2 == 0
                ? $$"""{"type":"Point","coordinates":[{{before}}{{text}},0]}"""
                : $$"""{"type":"MultiPoint","coordinates":[[0,{{before}}{{text}}]]}""");
            expected.Add(double.Parse(text.ToString(), CultureInfo.InvariantCulture));
        }
        GeometryArray array = Read(rows);
        for (int row = 0; row < rows.Count; row++)
        {
            int axis = rows[row]!.Contains("MultiPoint") ? 1 : 0;
            Assert.Equal(BitConverter.DoubleToInt64Bits(expected[row]), BitConverter.DoubleToInt64Bits(array.VertexCoordinates(row, row + 1)[axis]));
        }
    }

    [Fact]
    public void ShortestTextsOfRandomDoublesReadBackExactly()
    {
        var random = new Random(8);
        var values = new double[200_000];
        for (int i = 0; i < values.Length; i++)
            values[i] = (i % 2 == 0 ? random.NextDouble() * 1000 : random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-8, 16));
        var rows = new List<string?>();
        var span = new byte[NumberText.MaxShortestLength];
        for (int i = 0; i < values.Length; i += 2)
        {
            string x = Encoding.ASCII.GetString(span, 0, NumberText.FormatShortest(values[i], span));
            string y = Encoding.ASCII.GetString(span, 0, NumberText.FormatShortest(values[i + 1], span));
            rows.Add($$"""{"type":"Point","coordinates":[{{x}},{{y}}]}""");
        }
        GeometryArray array = Read(rows);
        for (int i = 0; i < values.Length; i++)
            Assert.Equal(BitConverter.DoubleToInt64Bits(values[i]), BitConverter.DoubleToInt64Bits(array.VertexCoordinates(i / 2, i / 2 + 1)[i % 2]));
    }

    [Fact]
    public void ShortestAnd17DigitTextsOfRandomDoublesParseAsDoubleParse()
    {
        var random = new Random(9);
        var texts = new List<string>
        {
            "9007199254740993", "9007199254740993.0", "9007199254740993.0000", "9007199254740995.000", "18014398509481990.5",
            "1012345.1234567891", "999999.99999999999", "1.0000000000000001", "0.99999999999999999", "18446744073709551615",
        };
        for (int i = 0; i < 100_000; i++)
        {
            double value = BitConverter.Int64BitsToDouble(random.NextInt64(0x3C00_0000_0000_0000, 0x4500_0000_0000_0000));
            if (i % 4 == 0) value = 1e5 + random.NextDouble() * 1.2e6;
            if (i % 2 == 0) value = -value;
            texts.Add(value.ToString("R", CultureInfo.InvariantCulture));
            texts.Add(value.ToString("G17", CultureInfo.InvariantCulture));
            texts.Add(value.ToString("F" + random.Next(0, 12), CultureInfo.InvariantCulture));
        }
        var points = new List<string?>();
        var lines = new List<string?>();
        for (int i = 0; i + 1 < texts.Count; i += 2)
        {
            points.Add($$"""{"type":"Point","coordinates":[{{texts[i]}},{{texts[i + 1]}}]}""");
            lines.Add($$"""{"type":"LineString","coordinates":[[{{texts[i]}},{{texts[i + 1]}}]]}""");
        }
        foreach (GeometryArray array in (GeometryArray[])[Read(points), Read(lines)])
        {
            for (int i = 0; i + 1 < texts.Count; i++)
            {
                long expected = BitConverter.DoubleToInt64Bits(double.Parse(texts[i], CultureInfo.InvariantCulture));
                Assert.True(expected == BitConverter.DoubleToInt64Bits(array.VertexCoordinates(i / 2, i / 2 + 1)[i % 2]), texts[i]);
            }
        }
    }

    [Fact]
    public void ReciprocalPowersOfFiveAreTheNormalisedReciprocals()
    {
        ReadOnlySpan<ulong> table = GeoJsonScanner.ReciprocalPowersOfFive;
        for (int d = 0; d < table.Length / 2; d++)
        {
            BigInteger power = BigInteger.Pow(5, d);
            BigInteger expected = d == 0 ? BigInteger.One << 127 : (BigInteger.One << (127 + (int)(power - 1).GetBitLength())) / power + 1;
            Assert.Equal(expected, ((BigInteger)table[2 * d] << 64) | table[2 * d + 1]);
        }
    }

    [Fact]
    public void PlainPointsMatchTheGeneralPathAndFallBackOnAnyOtherRow()
    {
        string[] plain =
        [
            """{"type":"Point","coordinates":[1,2]}""",
            """{"type": "Point", "coordinates": [-0.0, 1e3]}""",
            """{"type":"Point","coordinates":[ 970217.0223999023 ,145643.33221435547 ] } """,
            "{\"type\":\"Point\",\"coordinates\":[0.5,\n-1.25]\t}",
        ];
        GeometryArray fast = Read(plain);
        GeometryArray general = Read(plain.Select(General));
        Assert.Equal(GeometryType.Point, fast.Type);
        Assert.Equal(general.Type, fast.Type);
        AssertSame(general, fast);
        foreach (string? other in (string?[])[null, """{"type":"Point","coordinates":[]}""", """{"type":"Point","coordinates":[1,2,3]}""",
                     """{"type":"Point","coordinates":[1,2],"bbox":[1,2,1,2]}""", """{"type":"LineString","coordinates":[[1,2],[3,4]]}"""])
        {
            string?[] rows = [.. plain, other];
            AssertSame(Read(rows.Select(row => row is null ? null : General(row))), Read(rows));
        }
        string[] bad = [.. plain, """{"type":"Point","coordinates":[1,2]""", """{"type":"Point","coordinates":[1,2]}"""];
        var error = Assert.Throws<GeometryDecodeException>(() => Read(bad));
        Assert.Equal(plain.Length, error.Row);
        Assert.StartsWith("invalid JSON", error.Problem);
    }

    [Fact]
    public void MalformedRowsReportTheGeneralPathsErrors()
    {
        string?[] rows =
        [
            """{"type":"Point","coordinates":[1,2]}""",
            """{"type":"Point","coordinates":[1]}""",
            """{"type":"LineString","coordinates":[[0,0],[1,1],]}""",
            """{"type":"Point","coordinates":[1e400,2]}""",
            """{"type":"Polygon","coordinates":[[[0,0],[1,1],[0,1],[0,0]]]} x""",
            """{"type":"Feature","geometry":{"type":"Point","coordinates":[1,2]},"geometry":null}""",
            """{"type":"Point","coordinates":[1,2,3,4]}""",
            null,
            """{"type":"Point","coordinates":[01,2]}""",
        ];
        DecodeResult result = GeoJsonReader.ReadMany(rows.ToList(), OnInvalid.Warn);
        Assert.Equal([1, 2, 4, 5, 6, 8], result.Failures.Select(failure => (int)failure.Row));
        Assert.Equal("a position needs at least 2 numbers", result.Failures[0].Problem);
        Assert.StartsWith("invalid JSON", result.Failures[1].Problem);
        Assert.StartsWith("invalid JSON", result.Failures[2].Problem);
        Assert.Equal("Feature has two geometries", result.Failures[3].Problem);
        Assert.Equal("a position has more than 3 numbers", result.Failures[4].Problem);
        Assert.StartsWith("invalid JSON", result.Failures[5].Problem);
        Assert.Equal("POINT (1 2)", WktWriter.Write(result.Array, 0, WktOptions.Default));
        Assert.Equal(double.PositiveInfinity, result.Array.VertexCoordinates(3, 4)[0]);
        foreach (int row in (int[])[1, 2, 4, 5, 6, 7, 8]) Assert.True(result.Array.IsNull(row));
        DecodeResult general = GeoJsonReader.ReadMany(rows.Select(row => row is null ? null : General(row)).ToList(), OnInvalid.Warn);
        // JSON syntax messages end with a byte position, which the general variant's extra member shifts.
        static (long, string) Key(DecodeFailure failure) => (failure.Row, failure.Problem.Split(" LineNumber")[0]);
        Assert.Equal(general.Failures.Select(Key), result.Failures.Select(Key));
    }

    [Theory]
    [InlineData("\u000b")]
    [InlineData("\u0001")]
    [InlineData("\f")]
    public void OtherControlBytesBeforeANumberAreErrorsNamingTheRow(string before)
    {
        string[] plain = ["""{"type":"Point","coordinates":[1,2]}""", $$"""{"type":"Point","coordinates":[1,{{before}}2]}"""];
        string[] line = ["""{"type":"LineString","coordinates":[[0,0],[1,1]]}""", $$"""{"type":"LineString","coordinates":[[0,0],[{{before}}1,1]]}"""];
        foreach (string[] rows in (string[][])[plain, line])
        {
            var error = Assert.Throws<GeometryDecodeException>(() => Read(rows));
            Assert.Equal(1, error.Row);
            Assert.StartsWith("invalid JSON", error.Problem);
        }
    }

    [Fact]
    public void FeatureCollectionsMatchTheGeneralPath()
    {
        string features = string.Join(",", Samples.Where(sample => sample != "null").Select(sample =>
            sample.Contains("\"Feature\"") ? sample : $$"""{"id":"1","type":"Feature","properties":{"a":[1.5,"b"]},"geometry":{{sample}}}"""));
        string fast = $$"""{"type":"FeatureCollection","name":"x","features":[{{features}}]}""";
        string general = $$"""{"\u0078":0,"type":"FeatureCollection","name":"x","features":[{{features}}]}""";
        GeometryArray array = GeoJsonReader.ReadFeatureCollection(Encoding.UTF8.GetBytes(fast));
        Assert.Equal(Samples.Length - 1, array.Length);
        AssertSame(GeoJsonReader.ReadFeatureCollection(Encoding.UTF8.GetBytes(general)), array);
        AssertSame(Read(Samples.Where(sample => sample != "null")), array);

        string bad = $$$"""{"type":"FeatureCollection","features":[{{{features}}},{"type":"Feature","geometry":{"type":"Point","coordinates":[1]}}]}""";
        var error = Assert.Throws<GeometryDecodeException>(() => GeoJsonReader.ReadFeatureCollection(Encoding.UTF8.GetBytes(bad)));
        Assert.Equal(Samples.Length - 1, error.Row);
        Assert.Equal("a position needs at least 2 numbers", error.Problem);
    }

    [Fact]
    public void IndentedOutputReadsBackAsCompactOutput()
    {
        GeometryArray compact = Read(Samples);
        EncodedRows indented = GeoJsonWriter.WriteMany(compact, new GeoJsonOptions { Indent = 2 });
        var rows = new List<string?>();
        for (int row = 0; row < compact.Length; row++) rows.Add(indented.IsNull(row) ? null : Encoding.UTF8.GetString(indented[row]));
        Assert.Contains('\n', rows[5]!);
        AssertSame(compact, Read(rows));
    }
}
