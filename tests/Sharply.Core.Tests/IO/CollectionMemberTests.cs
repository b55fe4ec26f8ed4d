using System.Text;
using Sharply.Core.Geometries;
using Sharply.Core.IO;
using Sharply.Core.Kernels;
using Sharply.Core.Nts;

namespace Sharply.Core.Tests.IO;

/// <summary>Collections keep their Multi* members, against Data/IO/geos_members.tsv written by shapely 1.8.5 /
/// GEOS 3.11.1 (columns: WKB hex, trimmed WKT, compact GeoJSON or -, member count, members' WKT joined by |).</summary>
public class CollectionMemberTests
{
    private static readonly string[][] Lines = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Data", "IO", "geos_members.tsv"))
        .Where(line => !line.StartsWith('#')).Select(line => line.Split('\t')).ToArray();

    private static GeometryArray FromWkb(IEnumerable<string[]> lines) =>
        WkbReader.ReadMany(lines.Select(l => (byte[]?)Convert.FromHexString(l[0])).ToList(), OnInvalid.Raise).Array;

    private static GeometryArray FromWkt(params string?[] rows) => WktReader.ReadMany(rows, OnInvalid.Raise).Array;

    private static string[] Strings(EncodedRows rows) =>
        Enumerable.Range(0, rows.Length).Select(i => Encoding.UTF8.GetString(rows[i])).ToArray();

    private static string[] Hex(GeometryArray array) => Strings(WkbWriter.WriteMany(array, WkbOptions.Default with { Hex = true }));

    private static string Wkt(GeometryArray array, int row) => WktWriter.Write(array, row, WktOptions.Default);

    [Fact]
    public void WkbRoundTripIsByteIdenticalToGeos()
    {
        GeometryArray array = FromWkb(Lines);
        array.Validate();
        Assert.Equal(Lines.Select(l => l[0]), Hex(array));
    }

    [Fact]
    public void WktMatchesGeosAndReadsBackToTheSameWkb()
    {
        Assert.Equal(Lines.Select(l => l[1]), Strings(WktWriter.WriteMany(FromWkb(Lines), WktOptions.Default)));
        Assert.Equal(Lines.Select(l => l[0]), Hex(FromWkt(Lines.Select(l => (string?)l[1]).ToArray())));
    }

    [Fact]
    public void GeoJsonMatchesShapelyMappingAndEveryRowReadsBack()
    {
        GeometryArray array = FromWkb(Lines);
        for (int row = 0; row < array.Length; row++)
            if (Lines[row][2] != "-") Assert.Equal(Lines[row][2], GeoJsonWriter.Write(array, row, GeoJsonOptions.Default));
        // Empty members have no GEOS reference text, but our own GeoJSON must read back to the same WKB.
        string?[] json = Strings(GeoJsonWriter.WriteMany(array, GeoJsonOptions.Default));
        Assert.Equal(Lines.Select(l => l[0]), Hex(GeoJsonReader.ReadMany(json, OnInvalid.Raise).Array));
    }

    [Fact]
    public void MemberCountsAndMembersMatchGeos()
    {
        GeometryArray array = FromWkb(Lines);
        var counts = new int[array.Length];
        Properties.NumGeometries(array, counts);
        Assert.Equal(Lines.Select(l => int.Parse(l[3])), counts);
        for (int row = 0; row < array.Length; row++)
        {
            var members = new List<string>();
            foreach (Member member in array.MembersOf(row))
            {
                var builder = new GeometryArrayBuilder();
                builder.BeginGeometry(member.Type);
                for (int part = member.PartStart; part < member.PartEnd; part++) CopyPart(builder, array, part, member.Type);
                members.Add(Wkt(builder.Finish(), 0));
            }
            Assert.Equal(int.Parse(Lines[row][3]), members.Count);
            if (Lines[row][4] != "") Assert.Equal(Lines[row][4].Split('|'), members);
            else Assert.All(members, wkt => Assert.EndsWith("EMPTY", wkt));
        }
    }

    private static void CopyPart(GeometryArrayBuilder builder, GeometryArray array, int part, GeometryType memberType)
    {
        builder.BeginPart(GeometryTypes.PartKind(memberType));
        (int ringStart, int ringEnd) = array.RingsOf(part);
        for (int ring = ringStart; ring < ringEnd; ring++)
        {
            builder.BeginRing();
            builder.AddCoordinates(array.RingCoordinates(ring), array.Dimension);
        }
    }

    [Fact]
    public void NtsRoundTripKeepsMembers()
    {
        GeometryArray array = FromWkb(Lines);
        var geometries = Enumerable.Range(0, array.Length).Select(row => NtsConverter.ToNts(array, row)).ToList();
        Assert.Equal(Lines.Select(l => int.Parse(l[3])), geometries.Select(g => g!.NumGeometries));
        Assert.Equal("MultiPolygon", geometries[1]!.GetGeometryN(0).GeometryType);
        Assert.Equal(Lines.Select(l => l[0]), Hex(NtsConverter.ToArray(geometries)));
    }

    [Fact]
    public void LayoutRecordsMemberTypesAndFlags()
    {
        GeometryArray array = FromWkt("GEOMETRYCOLLECTION (MULTIPOINT (0 0, 1 1), MULTIPOLYGON EMPTY, LINESTRING (0 0, 1 1))");
        Assert.Equal(
            [(byte)GeometryType.MultiPoint, (byte)GeometryType.MultiPoint | PartCodes.Continues,
             (byte)GeometryType.MultiPolygon | PartCodes.EmptyMember, (byte)GeometryType.LineString],
            array.PartKinds!.Span[..4].ToArray());
        Assert.Equal(
            [GeometryType.Point, GeometryType.Point, GeometryType.Polygon, GeometryType.LineString],
            Enumerable.Range(0, 4).Select(part => array.PartKindOf(part, GeometryType.GeometryCollection)));
        var members = new List<Member>();
        foreach (Member member in array.MembersOf(0)) members.Add(member);
        Assert.Equal([new Member(GeometryType.MultiPoint, 0, 2), new Member(GeometryType.MultiPolygon, 2, 2), new Member(GeometryType.LineString, 3, 4)], members);
        Assert.Equal(3, array.MemberCount(0));
        // The placeholder of MULTIPOLYGON EMPTY is a ring-less polygon part: kernels see an empty part.
        Assert.Equal((2, 2), array.RingsOf(2));
        Assert.True(array.IsPartEmpty(2, GeometryType.Polygon));
    }

    [Fact]
    public void NestedCollectionsAreFlattenedIntoTheirMembers()
    {
        GeometryArray array = FromWkt(
            "GEOMETRYCOLLECTION (GEOMETRYCOLLECTION (POINT (1 2), MULTIPOINT (3 4)), GEOMETRYCOLLECTION EMPTY, MULTIPOINT (1 1, 2 2))");
        Assert.Equal("GEOMETRYCOLLECTION (POINT (1 2), MULTIPOINT (3 4), MULTIPOINT (1 1, 2 2))", Wkt(array, 0));
        GeometryArray wkb = WkbReader.ReadMany(
            [Convert.FromHexString("0107000000020000000107000000010000000101000000000000000000F03F00000000000000400104000000020000000101000000000000000000F03F000000000000F03F010100000000000000000000400000000000000040")],
            OnInvalid.Raise).Array;
        Assert.Equal("GEOMETRYCOLLECTION (POINT (1 2), MULTIPOINT (1 1, 2 2))", Wkt(wkb, 0));
    }

    [Fact]
    public void MixedArraysWithNullsSlicesTakesAndConcatsKeepMembers()
    {
        string?[] rows = [Lines[0][1], null, "POINT (1 2)", Lines[1][1], Lines[6][1], "MULTIPOINT (3 4)"];
        GeometryArray array = FromWkt(rows);
        Assert.Equal(GeometryType.Mixed, array.Type);
        string?[] Texts(GeometryArray a) => Enumerable.Range(0, a.Length).Select(r => a.IsNull(r) ? null : Wkt(a, r)).ToArray();
        Assert.Equal(rows, Texts(array));
        for (int start = 0; start < rows.Length; start++) Assert.Equal(rows[start..], Texts(array.Slice(start, rows.Length - start)));
        Assert.Equal(new[] { rows[4], rows[3], null, rows[0] }, Texts(array.Take([4, 3, -1, 0])));
        Assert.Equal(rows.Concat(rows), Texts(GeometryArrayOps.Concat([array, array])));
    }

    [Fact]
    public void ReverseAndTheMeasuresKeepMembers()
    {
        GeometryArray array = FromWkt(Lines[3][1]);
        Assert.Equal(
            "GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (1 1, 0 0), POLYGON ((0 0, 4 4, 4 0, 0 0), (1 0.5, 3 2.5, 3 0.5, 1 0.5)), "
            + "MULTIPOINT (5 5, 6 6), MULTILINESTRING ((1 0, 0 0), (4 2, 3 3, 2 2)), MULTIPOLYGON (((10 10, 11 11, 11 10, 10 10)), ((20 20, 22 22, 22 20, 20 20))))",
            Wkt(Constructive.Reverse(array), 0));
        // shapely 1.8: area 8 - 2 + 0.5 + 2 = 8.5; length of the lines and rings.
        Assert.Equal(8.5, Measurement.AreaOf(array, 0), 12);
        Assert.Equal(35.970562748477136, Measurement.LengthOf(array, 0), 12);
    }

    [Fact]
    public void CollectingMultiGeometriesIntoCollectionsKeepsThemAsMembers()
    {
        GeometryArray parts = FromWkt("MULTIPOINT (0 0, 1 1)", "MULTIPOINT EMPTY", "POINT (2 2)", Lines[0][1], null, "MULTIPOLYGON EMPTY");
        GeometryArray result = Collections.Collect(parts, DataBuffer<int>.From([0, 3, 6]), GeometryType.GeometryCollection);
        Assert.Equal("GEOMETRYCOLLECTION (MULTIPOINT (0 0, 1 1), MULTIPOINT EMPTY, POINT (2 2))", Wkt(result, 0));
        Assert.Equal("GEOMETRYCOLLECTION (MULTIPOINT (0 0, 1 1), LINESTRING (0 0, 1 1), MULTIPOLYGON EMPTY)", Wkt(result, 1));
    }

    [Fact]
    public void BuilderRejectsMembersOutsideCollectionsAndPartsOfAnotherKind()
    {
        var builder = new GeometryArrayBuilder();
        builder.BeginGeometry(GeometryType.MultiPoint);
        Assert.Throws<InvalidOperationException>(() => builder.BeginMember(GeometryType.Point));
        builder.BeginGeometry(GeometryType.GeometryCollection);
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.BeginMember(GeometryType.GeometryCollection));
        builder.BeginMember(GeometryType.MultiLineString);
        Assert.Throws<InvalidOperationException>(() => builder.BeginPart(GeometryType.Point));
    }

    [Theory]
    [InlineData(new byte[] { (byte)GeometryType.MultiPoint | PartCodes.Continues }, "continues no member")]
    [InlineData(new byte[] { (byte)GeometryType.MultiPoint | PartCodes.EmptyMember, (byte)GeometryType.MultiPoint | PartCodes.Continues }, "continues no member")]
    [InlineData(new byte[] { (byte)GeometryType.MultiPoint, (byte)GeometryType.MultiPolygon | PartCodes.Continues }, "continues no member")]
    [InlineData(new byte[] { (byte)GeometryType.Point | PartCodes.EmptyMember }, "invalid part code")]
    [InlineData(new byte[] { (byte)GeometryType.GeometryCollection }, "invalid part code")]
    public void ValidateRejectsInconsistentPartCodes(byte[] codes, string problem)
    {
        int parts = codes.Length;
        var array = new GeometryArray(1, GeometryType.GeometryCollection, false, DataBuffer<double>.From(new double[2 * parts]),
            new Offsets(DataBuffer<int>.From([0, parts])), Offsets.Identity, Offsets.Identity, partKinds: DataBuffer<byte>.From(codes));
        Assert.Contains(problem, Assert.Throws<InvalidLayoutException>(array.Validate).Message);
    }
}
