using System.Runtime.CompilerServices;

namespace Sharply.Core.Geometries;

/// <summary>
/// An immutable array of geometries in a GeoArrow-compatible layout: four levels of nesting,
/// rows -> parts -> rings -> coordinates.
/// <list type="bullet">
/// <item>A part is a point, a linestring or a polygon. Point and LineString rows have one part; Multi*
/// rows have one part per member; a GeometryCollection row has the parts of its members, whose types
/// (Point to MultiPolygon) <see cref="PartKinds"/> records (see <see cref="PartCodes"/>). A collection
/// nested in a collection is stored as its members.</item>
/// <item>A point part has one ring holding one coordinate (NaN, NaN for POINT EMPTY, as in GeoArrow).
/// A linestring part has one ring (its vertices). A polygon part has one ring per shell or hole.</item>
/// <item>Coordinates are interleaved: x, y (and z when <see cref="HasZ"/>).</item>
/// </list>
/// Levels where every parent has one child use <see cref="Offsets.Identity"/>, so the offsets of every
/// GeoArrow native type are exactly our buffers and export and import need no copy.
/// A missing row (null) has a cleared bit in <see cref="Validity"/>; its parts, if any, are ignored.
/// </summary>
public sealed class GeometryArray
{
    /// <summary>Wraps buffers in the layout described above; only a mixed array's need for row types is checked here.</summary>
    public GeometryArray(
        int length,
        GeometryType type,
        bool hasZ,
        DataBuffer<double> coordinates,
        Offsets geometryOffsets,
        Offsets partOffsets,
        Offsets ringOffsets,
        DataBuffer<byte>? rowTypes = null,
        DataBuffer<byte>? partKinds = null,
        DataBuffer<byte>? validity = null,
        string? crs = null)
    {
        if (type == GeometryType.Mixed && rowTypes is null)
            throw new InvalidLayoutException("a mixed geometry array needs a type per row");
        Length = length;
        Type = type;
        HasZ = hasZ;
        Coordinates = coordinates;
        GeometryOffsets = geometryOffsets;
        PartOffsets = partOffsets;
        RingOffsets = ringOffsets;
        RowTypes = rowTypes;
        PartKinds = partKinds;
        Validity = validity;
        Crs = crs;
    }

    /// <summary>Number of rows.</summary>
    public int Length { get; }

    /// <summary>The type shared by every row, or <see cref="GeometryType.Mixed"/>.</summary>
    public GeometryType Type { get; }

    /// <summary>True when coordinates are x, y, z; false for x, y.</summary>
    public bool HasZ { get; }

    /// <summary>Values per coordinate: 2 or 3.</summary>
    public int Dimension => HasZ ? 3 : 2;

    /// <summary>Interleaved coordinates.</summary>
    public DataBuffer<double> Coordinates { get; }

    /// <summary>Rows to parts.</summary>
    public Offsets GeometryOffsets { get; }

    /// <summary>Parts to rings.</summary>
    public Offsets PartOffsets { get; }

    /// <summary>Rings to coordinates (vertex indices, not double indices).</summary>
    public Offsets RingOffsets { get; }

    /// <summary>The type of each row when <see cref="Type"/> is Mixed, else null (0 for a missing row).</summary>
    public DataBuffer<byte>? RowTypes { get; }

    /// <summary>The code (see <see cref="PartCodes"/>) of each part when some row is a GeometryCollection,
    /// else null (the kind follows from the row type).</summary>
    public DataBuffer<byte>? PartKinds { get; }

    /// <summary>Validity bitmap (bit set = present, least significant bit first), or null when no row is missing.</summary>
    public DataBuffer<byte>? Validity { get; }

    /// <summary>Coordinate reference system (any string: WKT2, PROJJSON, "EPSG:4326"), or null.</summary>
    public string? Crs { get; }

    /// <summary>Bytes held by the buffers (shared buffers of a slice count in full).</summary>
    public long ByteLength =>
        Coordinates.ByteLength
        + (GeometryOffsets.Buffer?.ByteLength ?? 0)
        + (PartOffsets.Buffer?.ByteLength ?? 0)
        + (RingOffsets.Buffer?.ByteLength ?? 0)
        + (RowTypes?.ByteLength ?? 0)
        + (PartKinds?.ByteLength ?? 0)
        + (Validity?.ByteLength ?? 0);

    /// <summary>Total number of parts.</summary>
    public int PartCount => GeometryOffsets[Length];

    /// <summary>Total number of rings.</summary>
    public int RingCount => PartOffsets[PartCount];

    /// <summary>Total number of coordinates.</summary>
    public int CoordinateCount => RingOffsets[RingCount];

    /// <summary>The same geometries with another CRS (no copy).</summary>
    public GeometryArray WithCrs(string? crs) =>
        new(Length, Type, HasZ, Coordinates, GeometryOffsets, PartOffsets, RingOffsets, RowTypes, PartKinds, Validity, crs);

    /// <summary>True when <paramref name="row"/> is missing.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe bool IsNull(int row) =>
        // Safe: the validity bitmap holds at least Length bits (checked at construction by Validate).
        Validity is not null && (Validity.Pointer[row >> 3] & (1 << (row & 7))) == 0;

    /// <summary>True when some row is missing.</summary>
    public bool HasNulls => Validity is not null;

    /// <summary>The type of <paramref name="row"/> (the array's type unless it is mixed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe GeometryType TypeOf(int row) =>
        RowTypes is null ? Type : (GeometryType)RowTypes.Pointer[row];

    /// <summary>The kind (Point, LineString or Polygon) of a part of a row of type <paramref name="rowType"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe GeometryType PartKindOf(int part, GeometryType rowType) =>
        rowType == GeometryType.GeometryCollection ? PartCodes.Kind(PartKinds!.Pointer[part]) : GeometryTypes.PartKind(rowType);

    /// <summary>The code of a part of a GeometryCollection row (see <see cref="PartCodes"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe byte PartCode(int part) =>
        // Safe: PartKinds holds a code per part whenever a row is a collection (checked by Validate).
        PartKinds!.Pointer[part];

    /// <summary>The members of <paramref name="row"/>: itself for a single geometry, its parts for a Multi*
    /// geometry, its members (Point to MultiPolygon) for a collection.</summary>
    public MemberEnumerator MembersOf(int row) => new(this, row);

    /// <summary>Number of members of <paramref name="row"/> (1 for a single geometry, even empty).</summary>
    public int MemberCount(int row)
    {
        GeometryType type = TypeOf(row);
        if (GeometryTypes.IsSingle(type)) return 1;
        (int start, int end) = PartsOf(row);
        if (type != GeometryType.GeometryCollection) return end - start;
        int count = 0;
        for (int part = start; part < end; part++)
            if ((PartCode(part) & PartCodes.Continues) == 0) count++;
        return count;
    }

    /// <summary>The range of parts of <paramref name="row"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (int Start, int End) PartsOf(int row) => (GeometryOffsets[row], GeometryOffsets[row + 1]);

    /// <summary>The range of rings of <paramref name="part"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (int Start, int End) RingsOf(int part) => (PartOffsets[part], PartOffsets[part + 1]);

    /// <summary>The range of coordinates of <paramref name="ring"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public (int Start, int End) VerticesOf(int ring) => (RingOffsets[ring], RingOffsets[ring + 1]);

    /// <summary>The interleaved coordinates of one ring.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe ReadOnlySpan<double> RingCoordinates(int ring)
    {
        int start = RingOffsets[ring], end = RingOffsets[ring + 1], dim = Dimension;
        // Safe: offsets were validated against the coordinate buffer's length.
        return new ReadOnlySpan<double>(Coordinates.Pointer + (long)start * dim, (end - start) * dim);
    }

    /// <summary>The interleaved coordinates of a range of vertices.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe ReadOnlySpan<double> VertexCoordinates(int start, int end)
    {
        int dim = Dimension;
        return new ReadOnlySpan<double>(Coordinates.Pointer + (long)start * dim, (end - start) * dim);
    }

    /// <summary>Number of vertices of a row (all its parts and rings).</summary>
    public int VertexCount(int row)
    {
        (int partStart, int partEnd) = PartsOf(row);
        if (partStart == partEnd) return 0;
        int firstRing = PartOffsets[partStart], endRing = PartOffsets[partEnd];
        return RingOffsets[endRing] - RingOffsets[firstRing];
    }

    /// <summary>True when a present row has no coordinates (a point part with NaN coordinates counts as empty).</summary>
    public bool IsEmpty(int row)
    {
        (int partStart, int partEnd) = PartsOf(row);
        GeometryType rowType = TypeOf(row);
        for (int part = partStart; part < partEnd; part++)
            if (!IsPartEmpty(part, PartKindOf(part, rowType))) return false;
        return true;
    }

    /// <summary>True when a part has no coordinates.</summary>
    public bool IsPartEmpty(int part, GeometryType kind)
    {
        (int ringStart, int ringEnd) = RingsOf(part);
        if (ringStart == ringEnd) return true;
        (int start, int end) = VerticesOf(ringStart);
        if (start == end) return true;
        return kind == GeometryType.Point && double.IsNaN(Coordinates.Span[start * Dimension]);
    }

    /// <summary>
    /// Checks that every offset is in range and non-decreasing and that the buffers are long enough, so
    /// that no kernel can read outside them. Run on any layout that did not come from our own builder.
    /// </summary>
    public void Validate()
    {
        if (Length < 0) throw new InvalidLayoutException("negative length");
        if (Validity is not null && Validity.Length < (Length + 7) / 8)
            throw new InvalidLayoutException($"validity bitmap has {Validity.Length} bytes, {Length} rows need {(Length + 7) / 8}");
        if (RowTypes is not null)
        {
            if (RowTypes.Length < Length) throw new InvalidLayoutException("fewer row types than rows");
            ReadOnlySpan<byte> types = RowTypes.Span[..Length];
            for (int row = 0; row < types.Length; row++)
                if (types[row] > 7 || (types[row] == 0 && !IsNull(row)))
                    throw new InvalidLayoutException($"unknown geometry type code {types[row]} at row {row}");
        }
        int parts = CheckLevel(GeometryOffsets, Length, int.MaxValue, "geometry");
        if (PartKinds is not null)
        {
            if (PartKinds.Length < parts) throw new InvalidLayoutException("fewer part kinds than parts");
            CheckPartCodes(parts);
        }
        else if (Type == GeometryType.GeometryCollection || RowTypes?.Span[..Length].Contains((byte)GeometryType.GeometryCollection) == true)
            throw new InvalidLayoutException("geometry collections need a kind per part");
        int rings = CheckLevel(PartOffsets, parts, int.MaxValue, "part");
        int coordinates = CheckLevel(RingOffsets, rings, int.MaxValue, "ring");
        if ((long)coordinates * Dimension > Coordinates.Length)
            throw new InvalidLayoutException($"offsets reference {coordinates} coordinates but the coordinate buffer holds {Coordinates.Length / Dimension}");
    }

    private void CheckPartCodes(int parts)
    {
        ReadOnlySpan<byte> codes = PartKinds!.Span[..parts];
        for (int row = 0; row < Length; row++)
        {
            if (TypeOf(row) != GeometryType.GeometryCollection) continue;
            (int start, int end) = PartsOf(row);
            for (int part = start; part < end; part++)
            {
                byte code = codes[part];
                if (!PartCodes.IsValid(code)) throw new InvalidLayoutException($"invalid part code {code} at part {part}");
                if ((code & PartCodes.Continues) == 0) continue;
                if (part == start || (codes[part - 1] & PartCodes.EmptyMember) != 0
                    || PartCodes.MemberType(codes[part - 1]) != PartCodes.MemberType(code))
                    throw new InvalidLayoutException($"part {part} of row {row} continues no member");
            }
        }
        foreach (byte code in codes)
            if (PartCodes.Kind(code) == GeometryType.Mixed) throw new InvalidLayoutException($"invalid part kind {code}");
    }

    private static int CheckLevel(Offsets offsets, int count, int childLimit, string level)
    {
        if (offsets.IsIdentity) return count;
        if (offsets.Buffer!.Length < count + 1)
            throw new InvalidLayoutException($"{level} offsets have {offsets.Buffer.Length} entries, {count + 1} needed");
        ReadOnlySpan<int> span = offsets.Buffer.Span[..(count + 1)];
        if (span[0] < 0) throw new InvalidLayoutException($"{level} offsets start at {span[0]}");
        for (int i = 1; i < span.Length; i++)
            if (span[i] < span[i - 1])
                throw new InvalidLayoutException($"{level} offsets decrease at index {i} ({span[i - 1]} then {span[i]})");
        if (span[^1] > childLimit) throw new InvalidLayoutException($"{level} offsets exceed their child array");
        return span[^1];
    }
}
