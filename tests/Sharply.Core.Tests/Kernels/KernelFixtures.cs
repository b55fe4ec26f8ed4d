using System.Text.Json;
using NetTopologySuite.IO;
using Sharply.Core.Geometries;
using Sharply.Core.Nts;

namespace Sharply.Core.Tests.Kernels;

/// <summary>Geometries and expected results produced by shapely 1.8.5 / GEOS 3.11 (Data/kernels/fixtures.json).</summary>
internal sealed class KernelFixtures
{
    private static readonly Lazy<KernelFixtures> Shared = new(() => new KernelFixtures());

    public static KernelFixtures Instance => Shared.Value;

    public JsonElement Root { get; }
    public string?[] Wkt { get; }
    public GeometryArray Array { get; }
    public JsonElement[] Unary { get; }
    public JsonElement[] Pairs { get; }

    private KernelFixtures()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Data", "kernels", "fixtures.json");
        Root = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        Wkt = Root.GetProperty("geometries").EnumerateArray().Select(e => e.GetString()).ToArray();
        Array = FromWkt(Wkt);
        Unary = Root.GetProperty("unary").EnumerateArray().ToArray();
        Pairs = Root.GetProperty("pairs").EnumerateArray().ToArray();
    }

    /// <summary>An array from WKT strings (null = missing row), through NTS's reader and our converter.</summary>
    public static GeometryArray FromWkt(params string?[] wkt)
    {
        var reader = new WKTReader(NtsConverter.Factory.GeometryServices);
        return NtsConverter.ToArray(wkt.Select(w => w is null ? null : reader.Read(w)).ToArray());
    }

    /// <summary>Rows <paramref name="rows"/> of the fixture array.</summary>
    public GeometryArray Rows(IEnumerable<int> rows)
    {
        var builder = new GeometryArrayBuilder();
        foreach (int row in rows) builder.AppendRow(Array, row);
        return builder.Finish();
    }

    public static void Close(double expected, double actual, double relative = 1e-9, string? what = null)
    {
        if (double.IsNaN(expected)) Assert.True(double.IsNaN(actual), $"{what}: expected NaN, got {actual}");
        else Assert.True(Math.Abs(expected - actual) <= relative * Math.Max(1, Math.Abs(expected)), $"{what}: expected {expected}, got {actual}");
    }

    public static double Number(JsonElement element) => element.ValueKind == JsonValueKind.Null ? double.NaN : element.GetDouble();
}
