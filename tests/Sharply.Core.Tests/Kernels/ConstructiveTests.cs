using NetTopologySuite.IO;
using Sharply.Core.Geometries;
using Sharply.Core.Kernels;
using Sharply.Core.Nts;
using static Sharply.Core.Tests.Kernels.KernelFixtures;

namespace Sharply.Core.Tests.Kernels;

public class ConstructiveTests
{
    private static readonly KernelFixtures F = Instance;

    private static double[] Areas(GeometryArray array)
    {
        var output = new double[array.Length];
        Measurement.Area(array, output);
        return output;
    }

    private static double[] Lengths(GeometryArray array)
    {
        var output = new double[array.Length];
        Measurement.Length(array, output);
        return output;
    }

    private static void CheckAgainst(string property, double[] actual, double relative = 1e-6, Func<int, bool>? skip = null)
    {
        for (int row = 0; row < F.Array.Length; row++)
        {
            if (F.Wkt[row] is null || skip?.Invoke(row) == true) continue;
            Close(Number(F.Unary[row].GetProperty(property)), actual[row], relative, $"{property} of {F.Wkt[row]}");
        }
    }

    [Fact]
    public void CentroidMatchesGeos()
    {
        GeometryArray centroids = Constructive.Centroid(F.Array);
        var x = new double[centroids.Length];
        var y = new double[centroids.Length];
        Properties.GetX(centroids, x);
        Properties.GetY(centroids, y);
        for (int row = 0; row < F.Array.Length; row++)
        {
            if (F.Wkt[row] is null)
            {
                Assert.True(centroids.IsNull(row));
                continue;
            }
            var expected = F.Unary[row].GetProperty("centroid");
            Close(expected.ValueKind == System.Text.Json.JsonValueKind.Null ? double.NaN : expected[0].GetDouble(), x[row], what: $"centroid x {F.Wkt[row]}");
            Close(expected.ValueKind == System.Text.Json.JsonValueKind.Null ? double.NaN : expected[1].GetDouble(), y[row], what: $"centroid y {F.Wkt[row]}");
        }
    }

    [Fact]
    public void EnvelopeMatchesGeos()
    {
        GeometryArray envelopes = Constructive.Envelope(F.Array);
        var writer = new WKTWriter();
        for (int row = 0; row < F.Array.Length; row++)
        {
            if (F.Wkt[row] is null) continue;
            var expected = new WKTReader().Read(F.Unary[row].GetProperty("envelope").GetString());
            Assert.True(expected.EqualsExact(NtsConverter.ToNts(envelopes, row)), $"envelope of {F.Wkt[row]}: {writer.Write(NtsConverter.ToNts(envelopes, row))}");
        }
    }

    [Fact]
    public void NtsBackedResultsMatchGeosMeasures()
    {
        CheckAgainst("hull_area", Areas(Constructive.ConvexHull(F.Array)));
        CheckAgainst("buffer_area", Areas(Constructive.Buffer(F.Array, 1, quadSegs: 16)), 1e-3);
        CheckAgainst("buffer_flat_area", Areas(Constructive.Buffer(F.Array, 1, 16, BufferCapStyle.Flat, BufferJoinStyle.Mitre)), 1e-3);
        CheckAgainst("simplify_dp_length", Lengths(Constructive.Simplify(F.Array, 1, preserveTopology: false)));
        CheckAgainst("simplify_length", Lengths(Constructive.Simplify(F.Array, 1)));
        GeometryArray boundary = Constructive.Boundary(F.Array);
        CheckAgainst("boundary_length", Lengths(boundary), skip: row => F.Unary[row].GetProperty("boundary_length").ValueKind == System.Text.Json.JsonValueKind.String);
        Assert.True(boundary.IsNull(F.Wkt.ToList().IndexOf("GEOMETRYCOLLECTION EMPTY")));
    }

    [Fact]
    public void NanDistanceOrToleranceGivesMissingRows()
    {
        foreach (GeometryArray result in new[]
        {
            Constructive.Buffer(F.Array, double.NaN),
            Constructive.Simplify(F.Array, double.NaN),
            Constructive.Simplify(F.Array, double.NaN, preserveTopology: false),
        })
        {
            Assert.Equal(F.Array.Length, result.Length);
            for (int row = 0; row < result.Length; row++) Assert.True(result.IsNull(row), $"row {row} of {F.Wkt[row]}");
        }
    }

    [Fact]
    public void RepresentativePointLiesInTheGeometry()
    {
        GeometryArray points = Constructive.RepresentativePoint(F.Array);
        var output = new byte[F.Array.Length];
        Predicates.Intersects(F.Array, points, output);
        var empty = new byte[F.Array.Length];
        Properties.IsEmpty(F.Array, empty);
        for (int row = 0; row < F.Array.Length; row++)
            Assert.True(F.Wkt[row] is null ? points.IsNull(row) : output[row] == 1 || empty[row] == 1, $"representative point of {F.Wkt[row]}");
    }

    [Fact]
    public void MakeValidNormalizeAndReverse()
    {
        GeometryArray bowtie = FromWkt("POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))", null);
        GeometryArray fixedRows = Constructive.MakeValid(bowtie);
        var valid = new byte[2];
        Properties.IsValid(fixedRows, valid);
        Assert.Equal([1, 0], valid);
        Assert.Equal(2, Areas(fixedRows)[0], 9);

        GeometryArray normalized = Constructive.Normalize(FromWkt("POLYGON ((1 1, 3 1, 3 3, 1 3, 1 1))"));
        Assert.Equal("POLYGON ((1 1, 1 3, 3 3, 3 1, 1 1))", new WKTWriter().Write(NtsConverter.ToNts(normalized, 0)));

        GeometryArray reversed = Constructive.Reverse(FromWkt("LINESTRING Z (0 0 1, 1 2 3)", "POINT (1 1)"));
        Assert.Equal("LINESTRING Z(1 2 3, 0 0 1)", new WKTWriter(3).Write(NtsConverter.ToNts(reversed, 0)).Replace("Z (", "Z("));
    }
}
