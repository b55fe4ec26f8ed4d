using System.Text;
using Sharply.Core.Geometries;
using Sharply.Core.IO;

namespace Sharply.Core.Tests.IO;

public class GeoJsonTests
{
    private static GeometryArray Read(params string?[] json) => GeoJsonReader.ReadMany(json.ToList(), OnInvalid.Raise).Array;

    [Fact]
    public void FeaturesAndCollectionsReadAsGeometries()
    {
        GeometryArray array = Read(
            """{"coordinates":[1,2],"type":"Point"}""",
            """{"type":"Feature","properties":{"a":[1]},"geometry":{"type":"LineString","coordinates":[[0,0],[1,1.5,2]]}}""",
            """{"type":"Feature","geometry":null}""",
            """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[5,6]}},{"type":"Feature","geometry":null}]}""",
            null,
            """{"type":"Point","coordinates":[]}""");
        Assert.Equal("POINT (1 2)", WktWriter.Write(array, 0, WktOptions.Default));
        Assert.Equal("LINESTRING Z (0 0 NaN, 1 1.5 2)", WktWriter.Write(array, 1, WktOptions.Default));
        Assert.True(array.IsNull(2));
        Assert.Equal("GEOMETRYCOLLECTION (POINT (5 6))", WktWriter.Write(array, 3, WktOptions.Default));
        Assert.True(array.IsNull(4));
        Assert.Equal("POINT EMPTY", WktWriter.Write(array, 5, WktOptions.Default));
        Assert.Equal("""{"type":"LineString","coordinates":[[0.0,0.0],[1.0,1.5,2.0]]}""", GeoJsonWriter.Write(array, 1, GeoJsonOptions.Default));
        Assert.Equal("""{"type":"Point","coordinates":[]}""", GeoJsonWriter.Write(array, 5, GeoJsonOptions.Default));
    }

    [Fact]
    public void FeatureCollectionReadsOneRowPerFeature()
    {
        GeometryArray array = GeoJsonReader.ReadFeatureCollection(
            """{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[5,6]}},{"type":"Feature","geometry":null}]}"""u8);
        Assert.Equal(2, array.Length);
        Assert.True(array.IsNull(1));
    }

    [Fact]
    public void IndentPutsEachValueOnItsOwnLine()
    {
        GeometryArray array = Read("""{"type":"MultiPoint","coordinates":[[1,2]]}""");
        Assert.Equal("{\n \"type\": \"MultiPoint\",\n \"coordinates\": [\n  [\n   1.0,\n   2.0\n  ]\n ]\n}",
            GeoJsonWriter.Write(array, 0, new GeoJsonOptions { Indent = 1 }));
    }

    [Fact]
    public void NumbersAreShortestRoundTrip()
    {
        GeometryArray array = Read("""{"type":"Point","coordinates":[0.1,1e20]}""");
        Assert.Equal("""{"type":"Point","coordinates":[0.1,1e+20]}""", GeoJsonWriter.Write(array, 0, GeoJsonOptions.Default));
    }

    [Fact]
    public void ChunksHoldEveryRowOnceInOrderSplitByWork()
    {
        // 70,000 points (more rows than one chunk takes), nulls, and four long lines (more vertices than one chunk takes).
        var rows = new List<string?>();
        for (int i = 0; i < 70_000; i++)
            rows.Add(i % 9 == 4 ? null : i % 17_500 == 0 ? Line(i, 40_000) : $"POINT ({i * 0.25} {-i / 3.0})");
        GeometryArray array = WktReader.ReadMany(rows, OnInvalid.Raise).Array;
        using TextChunks chunks = GeoJsonWriter.WriteChunks(array, GeoJsonOptions.Default);
        Assert.Equal(array.Length, chunks.Length);
        Assert.True(chunks.ChunkCount >= 5, $"{chunks.ChunkCount} chunks");
        EncodedRows joined = GeoJsonWriter.WriteMany(array, GeoJsonOptions.Default);
        int row = 0;
        for (int chunk = 0; chunk < chunks.ChunkCount; chunk++)
        {
            Assert.Equal(row, chunks.FirstRow(chunk));
            int end = chunk + 1 < chunks.ChunkCount ? chunks.FirstRow(chunk + 1) : chunks.Length;
            Assert.True(end > row);
            int start = 0;
            for (; row < end; row++)
            {
                string text = Encoding.ASCII.GetString(chunks.Text(chunk)[start..chunks.End(row)]);
                start = chunks.End(row);
                Assert.Equal(rows[row] is null, chunks.IsNull(row));
                Assert.Equal(rows[row] is null ? "" : GeoJsonWriter.Write(array, row, GeoJsonOptions.Default), text);
                Assert.Equal(text, Encoding.ASCII.GetString(joined[row]));
            }
            Assert.Equal(start, chunks.Text(chunk).Length);
        }
        Assert.Equal(array.Length, row);
    }

    private static string Line(int start, int vertices) =>
        "LINESTRING (" + string.Join(", ", Enumerable.Range(0, vertices).Select(i => $"{start + i} {i * 0.1}")) + ")";

    [Theory]
    [InlineData("""{"type":"Point","coordinates":[1]}""", "at least 2 numbers")]
    [InlineData("""{"type":"Point","coordinates":[1,2,3,4]}""", "more than 3 numbers")]
    [InlineData("""{"type":"Circle","coordinates":[1,2]}""", "unknown geometry type \"Circle\"")]
    [InlineData("""{"type":"Point"}""", "Point has no \"coordinates\"")]
    [InlineData("""{"type":"Point","coordinates":[1,2]""", "invalid JSON")]
    [InlineData("""{"coordinates":[1,2]}""", "no \"type\"")]
    [InlineData("""{"type":"Point","coordinates":[1,"2"]}""", "expected a coordinate number")]
    [InlineData("""{"type":"Point","coordinates":[1,2]} 5""", "invalid JSON")]
    public void BadInputNamesRowAndProblem(string json, string problem)
    {
        var error = Assert.Throws<GeometryDecodeException>(() => Read("""{"type":"Point","coordinates":[1,2]}""", json));
        Assert.Equal(1, error.Row);
        Assert.Contains(problem, error.Problem);
    }
}
