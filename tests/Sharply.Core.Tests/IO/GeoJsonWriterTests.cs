using System.Globalization;
using System.Text;
using Sharply.Core.Geometries;
using Sharply.Core.IO;

namespace Sharply.Core.Tests.IO;

/// <summary>Compact positions are written in batches into space reserved once: the text must not depend on the batching.</summary>
public class GeoJsonWriterTests
{
    private static string Number(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e');
        return text.Contains('.') || text.Contains('e') ? text : text + ".0";
    }

    private static string Position(double[] coordinates) => "[" + string.Join(",", coordinates.Select(Number)) + "]";

    private static double[] Vertex(int i, bool z) =>
        z ? [970217.0223999023 + i * 1.37, -i / 7.0, i * 1e-5] : [970217.0223999023 + i * 1.37, -i / 7.0];

    private static string Wkt(IEnumerable<double[]> vertices) =>
        string.Join(", ", vertices.Select(v => string.Join(" ", v.Select(c => c.ToString("R", CultureInfo.InvariantCulture)))));

    [Theory]
    [InlineData(2, false)]
    [InlineData(1024, false)]
    [InlineData(1025, true)]
    [InlineData(3 * 1024 + 7, false)]
    [InlineData(2 * 1024, true)]
    public void LongRingsEqualThePositionsOneByOne(int vertices, bool z)
    {
        double[][] line = Enumerable.Range(0, vertices).Select(i => Vertex(i, z)).ToArray();
        double[][] shell = vertices < 3 ? [Vertex(0, z), Vertex(1, z), Vertex(2, z), Vertex(0, z)] : [.. line, line[0]];
        double[][] hole = [Vertex(5, z), Vertex(6, z), Vertex(7, z), Vertex(5, z)];
        string dimension = z ? " Z" : "";
        GeometryArray array = WktReader.ReadMany(
            [$"LINESTRING{dimension} ({Wkt(line)})", $"POLYGON{dimension} (({Wkt(shell)}), ({Wkt(hole)}))", $"MULTILINESTRING{dimension} (({Wkt(line)}), ({Wkt(hole)}))"],
            OnInvalid.Raise).Array;
        string List(double[][] ring) => "[" + string.Join(",", ring.Select(Position)) + "]";
        string[] expected =
        [
            $$"""{"type":"LineString","coordinates":{{List(line)}}}""",
            $$"""{"type":"Polygon","coordinates":[{{List(shell)}},{{List(hole)}}]}""",
            $$"""{"type":"MultiLineString","coordinates":[{{List(line)}},{{List(hole)}}]}""",
        ];
        EncodedRows rows = GeoJsonWriter.WriteMany(array, GeoJsonOptions.Default);
        for (int row = 0; row < expected.Length; row++)
        {
            Assert.Equal(expected[row], Encoding.ASCII.GetString(rows[row]));
            Assert.Equal(expected[row], GeoJsonWriter.Write(array, row, GeoJsonOptions.Default));
        }
    }

    [Fact]
    public void PointRowsAreWrittenWhole()
    {
        // A compact Point row is written in one reservation: plain, with z, with a NaN z (left out), empty, and
        // between rows of other types.
        GeometryArray array = WktReader.ReadMany(
            ["POINT (1 2)", "POINT Z (-0.5 1e20 3)", "POINT Z (1 2 NaN)", "POINT EMPTY", "LINESTRING (0 0, 1 1)", "POINT (970217.0223999023 -145.06)"],
            OnInvalid.Raise).Array;
        string[] expected =
        [
            """{"type":"Point","coordinates":[1.0,2.0]}""",
            """{"type":"Point","coordinates":[-0.5,1e+20,3.0]}""",
            """{"type":"Point","coordinates":[1.0,2.0]}""",
            """{"type":"Point","coordinates":[]}""",
            """{"type":"LineString","coordinates":[[0.0,0.0],[1.0,1.0]]}""",
            """{"type":"Point","coordinates":[970217.0223999023,-145.06]}""",
        ];
        EncodedRows rows = GeoJsonWriter.WriteMany(array, GeoJsonOptions.Default);
        for (int row = 0; row < expected.Length; row++)
        {
            Assert.Equal(expected[row], Encoding.ASCII.GetString(rows[row]));
            Assert.Equal(expected[row], GeoJsonWriter.Write(array, row, GeoJsonOptions.Default));
        }
    }
}
