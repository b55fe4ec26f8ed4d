using System.Text;
using Sharply.Core.Geometries;
using Sharply.Core.IO;

namespace Sharply.Core.Tests.IO;

/// <summary>Seeded mutation fuzzing: decoders may only ever throw <see cref="GeometryDecodeException"/>.</summary>
public class FuzzTests
{
    private const int Iterations = 20000;

    private static readonly string[] Wkt =
    [
        "POINT (1 2)", "POINT Z (1 2 3)", "LINESTRING (0 0, 1 1.5, 2 -3.25)", "POLYGON ((0 0, 10 0, 10 10, 0 0), (1 1, 2 1, 2 2, 1 1))",
        "MULTIPOINT (EMPTY, (1 2))", "MULTILINESTRING ((0 0, 1 1), (2 2, 3 3))", "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), EMPTY)",
        "GEOMETRYCOLLECTION (POINT (1 2), GEOMETRYCOLLECTION (LINESTRING (0 0, 1 1)))", "POLYGON EMPTY",
    ];

    private static void Fuzz(IReadOnlyList<byte[]> seeds, Action<byte[], GeometryArrayBuilder> decode, int seed)
    {
        var random = new Random(seed);
        var builder = new GeometryArrayBuilder();
        int failures = 0;
        for (int i = 0; i < Iterations; i++)
        {
            var bytes = new List<byte>(seeds[random.Next(seeds.Count)]);
            for (int edits = random.Next(1, 4); edits > 0 && bytes.Count > 0; edits--)
            {
                int at = random.Next(bytes.Count);
                switch (random.Next(5))
                {
                    case 0: bytes[at] ^= (byte)(1 << random.Next(8)); break;
                    case 1: bytes.Insert(at, (byte)random.Next(256)); break;
                    case 2: bytes.RemoveAt(at); break;
                    case 3: bytes.RemoveRange(at, bytes.Count - at); break;
                    default: bytes[at] = (byte)random.Next(256); break;
                }
            }
            int before = builder.Length;
            try
            {
                decode(bytes.ToArray(), builder);
                Assert.Equal(before + 1, builder.Length);
            }
            catch (GeometryDecodeException)
            {
                Assert.Equal(before, builder.Length);
                failures++;
            }
            if (builder.Length > 1000) builder = new GeometryArrayBuilder();
        }
        Assert.InRange(failures, Iterations / 10, Iterations);
        builder.Finish().Validate();
    }

    private static GeometryArray Valid() => Sharply.Core.IO.WktReader.ReadMany(Wkt, OnInvalid.Raise).Array;

    [Fact]
    public void WkbReader()
    {
        GeometryArray array = Valid();
        var seeds = Enumerable.Range(0, array.Length).Select(row => WkbWriter.Write(array, row, WkbOptions.Default))
            .Concat(Enumerable.Range(0, array.Length).Select(row => WkbWriter.Write(array, row, new WkbOptions { ByteOrder = WkbByteOrder.BigEndian, Srid = 3 })))
            .Append(WkbWriter.Write(array, 1, new WkbOptions { Hex = true })).ToList();
        Fuzz(seeds, (bytes, builder) => Sharply.Core.IO.WkbReader.Read(bytes, builder), 1);
    }

    [Fact]
    public void WktReader() =>
        Fuzz(Wkt.Select(Encoding.UTF8.GetBytes).ToList(), (bytes, builder) => Sharply.Core.IO.WktReader.Read(bytes, builder), 2);

    [Fact]
    public void GeoJsonReader()
    {
        GeometryArray array = Valid();
        var seeds = Enumerable.Range(0, array.Length).Select(row => Encoding.UTF8.GetBytes(GeoJsonWriter.Write(array, row, GeoJsonOptions.Default)))
            .Append("""{"type":"FeatureCollection","features":[{"type":"Feature","geometry":{"type":"Point","coordinates":[5,6]}}]}"""u8.ToArray())
            .ToList();
        Fuzz(seeds, (bytes, builder) => Sharply.Core.IO.GeoJsonReader.Read(bytes, builder), 3);
    }
}
