using Sharply.Core.Parallel;

namespace Sharply.Core.Geometries;

/// <summary>
/// Builds a <see cref="GeometryArray"/> row by row:
/// <c>BeginGeometry(type)</c>, then for each part <c>BeginPart(kind)</c>, for each ring <c>BeginRing()</c>
/// and its coordinates; <c>AppendNull()</c> for a missing row. Rows end implicitly. In a GeometryCollection
/// row, <c>BeginMember(type)</c> starts each member (a part begun without it is a single member).
/// Z is added on the fly when the first 3D coordinate arrives (earlier coordinates get NaN z).
/// Finishing detects the levels where every parent has one child and stores them as identity offsets.
/// </summary>
public sealed class GeometryArrayBuilder
{
    private readonly GrowableBuffer<double> _coordinates;
    private readonly GrowableBuffer<int> _geometryOffsets;
    private readonly GrowableBuffer<int> _partOffsets;
    private readonly GrowableBuffer<int> _ringOffsets;
    private readonly GrowableBuffer<byte> _rowTypes;
    private readonly GrowableBuffer<byte> _partKinds;
    private GrowableBuffer<byte>? _validity;
    private bool _hasZ;
    private bool _hasCollection;
    private bool _inCollection;
    private GeometryType _member;
    private bool _memberHasParts;

    /// <summary>An empty builder sized for <paramref name="rowCapacity"/> rows, of x, y, z coordinates when <paramref name="hasZ"/>.</summary>
    public GeometryArrayBuilder(int rowCapacity = 16, bool hasZ = false)
    {
        _hasZ = hasZ;
        _coordinates = new GrowableBuffer<double>(rowCapacity * 2);
        _geometryOffsets = new GrowableBuffer<int>(rowCapacity + 1);
        _partOffsets = new GrowableBuffer<int>(rowCapacity + 1);
        _ringOffsets = new GrowableBuffer<int>(rowCapacity + 1);
        _rowTypes = new GrowableBuffer<byte>(rowCapacity);
        _partKinds = new GrowableBuffer<byte>(rowCapacity);
        _geometryOffsets.Add(0);
        _partOffsets.Add(0);
        _ringOffsets.Add(0);
    }

    /// <summary>Rows appended so far.</summary>
    public int Length => _rowTypes.Count;

    /// <summary>True when coordinates are x, y, z.</summary>
    public bool HasZ => _hasZ;

    private int CoordinateCount => _coordinates.Count / Dimension;

    /// <summary>Makes room for <paramref name="values"/> more coordinate values (doubles) without growing.</summary>
    public void ReserveCoordinates(int values) => _coordinates.Reserve(values);

    /// <summary>Starts a present row of the given type.</summary>
    public void BeginGeometry(GeometryType type)
    {
        if (type is GeometryType.Mixed or > GeometryType.GeometryCollection)
            throw new ArgumentOutOfRangeException(nameof(type));
        _rowTypes.Add((byte)type);
        _geometryOffsets.Add(_partOffsets.Count - 1);
        _validity?.Add(1);
        _inCollection = type == GeometryType.GeometryCollection;
        _hasCollection |= _inCollection;
        _member = GeometryType.Mixed;
    }

    /// <summary>
    /// Starts a member (Point to MultiPolygon) of the current GeometryCollection row. The parts begun until the
    /// next member belong to it; a Multi* member that gets none is an empty member (it keeps a placeholder part
    /// holding an empty single of its kind).
    /// </summary>
    public void BeginMember(GeometryType type)
    {
        if (type is GeometryType.Mixed or >= GeometryType.GeometryCollection) throw new ArgumentOutOfRangeException(nameof(type));
        if (!_inCollection) throw new InvalidOperationException("members belong to a GeometryCollection row");
        _member = GeometryType.Mixed;
        if (GeometryTypes.IsSingle(type)) return;
        AppendEmptyPart(GeometryTypes.PartKind(type), PartCodes.Of(type, false) | PartCodes.EmptyMember);
        _member = type;
        _memberHasParts = false;
    }

    /// <summary>Appends a missing row (no parts).</summary>
    public void AppendNull()
    {
        if (_validity is null)
        {
            _validity = new GrowableBuffer<byte>(Math.Max(16, _rowTypes.Count + 1));
            _validity.Append(_rowTypes.Count).Fill(1);
        }
        _validity.Add(0);
        _rowTypes.Add(0);
        _geometryOffsets.Add(_partOffsets.Count - 1);
        _inCollection = false;
        _member = GeometryType.Mixed;
    }

    /// <summary>Starts a part (Point, LineString or Polygon) of the current row (of the current member, in a collection).</summary>
    public void BeginPart(GeometryType kind)
    {
        if (_member == GeometryType.Mixed)
        {
            AddPart((byte)kind);
            return;
        }
        if (GeometryTypes.PartKind(_member) != kind)
            throw new InvalidOperationException($"a {GeometryTypes.Name(_member)} cannot hold a {GeometryTypes.Name(kind)}");
        if (!_memberHasParts) DropLastPart();
        AddPart(PartCodes.Of(_member, _memberHasParts));
        _memberHasParts = true;
    }

    /// <summary>Starts a part like part <paramref name="part"/> of <paramref name="source"/> (in a row of type
    /// <paramref name="rowType"/>): same kind and, from collection to collection, same member.</summary>
    public void BeginPartLike(GeometryArray source, int part, GeometryType rowType)
    {
        if (rowType == GeometryType.GeometryCollection && _inCollection)
        {
            _member = GeometryType.Mixed;
            AddPart(source.PartCode(part));
        }
        else BeginPart(source.PartKindOf(part, rowType));
    }

    private void AddPart(byte code)
    {
        _partKinds.Add(code);
        _partOffsets.Add(_ringOffsets.Count - 1);
        _geometryOffsets[_geometryOffsets.Count - 1] = _partOffsets.Count - 1;
    }

    /// <summary>A part holding an empty single of <paramref name="kind"/>: a NaN point, an empty linestring, a ring-less polygon.</summary>
    private void AppendEmptyPart(GeometryType kind, int code)
    {
        AddPart((byte)code);
        if (kind == GeometryType.Polygon) return;
        BeginRing();
        if (kind == GeometryType.Point) AddCoordinate(double.NaN, double.NaN);
    }

    /// <summary>Removes the last part of the current row with its rings and coordinates.</summary>
    private void DropLastPart()
    {
        int part = _partKinds.Count - 1, rings = _partOffsets[part], coordinates = _ringOffsets[rings];
        _partKinds.Truncate(part);
        _partOffsets.Truncate(part + 1);
        _ringOffsets.Truncate(rings + 1);
        _coordinates.Truncate(coordinates * Dimension);
        _geometryOffsets[_geometryOffsets.Count - 1] = part;
    }

    /// <summary>Starts a ring (or the vertex sequence of a point or linestring) of the current part.</summary>
    public void BeginRing()
    {
        _ringOffsets.Add(CoordinateCount);
        _partOffsets[_partOffsets.Count - 1] = _ringOffsets.Count - 1;
    }

    /// <summary>Appends a 2D coordinate to the current ring.</summary>
    public void AddCoordinate(double x, double y)
    {
        if (_hasZ) _coordinates.Add(x, y, double.NaN);
        else _coordinates.Add(x, y);
        _ringOffsets[_ringOffsets.Count - 1] = CoordinateCount;
    }

    /// <summary>Appends a 3D coordinate to the current ring (the builder becomes x, y, z).</summary>
    public void AddCoordinate(double x, double y, double z)
    {
        if (!_hasZ) PromoteToZ();
        _coordinates.Add(x, y, z);
        _ringOffsets[_ringOffsets.Count - 1] = CoordinateCount;
    }

    /// <summary>Appends a whole ring of interleaved coordinates with <paramref name="dimension"/> values each.</summary>
    public void AddCoordinates(ReadOnlySpan<double> interleaved, int dimension)
    {
        if (dimension == 3 && !_hasZ) PromoteToZ();
        int count = interleaved.Length / dimension;
        int ownDimension = _hasZ ? 3 : 2;
        Span<double> target = _coordinates.Append(count * ownDimension);
        if (dimension == ownDimension) interleaved[..(count * dimension)].CopyTo(target);
        else
            for (int i = 0; i < count; i++)
            {
                target[i * ownDimension] = interleaved[i * dimension];
                target[i * ownDimension + 1] = interleaved[i * dimension + 1];
                if (ownDimension == 3) target[i * 3 + 2] = dimension == 3 ? interleaved[i * 3 + 2] : double.NaN;
            }
        _ringOffsets[_ringOffsets.Count - 1] = CoordinateCount;
    }

    /// <summary>Appends a point row (NaN coordinates make POINT EMPTY).</summary>
    public void AddPoint(double x, double y)
    {
        BeginGeometry(GeometryType.Point);
        BeginPart(GeometryType.Point);
        BeginRing();
        AddCoordinate(x, y);
    }

    /// <summary>Appends row <paramref name="row"/> of <paramref name="source"/>.</summary>
    public void AppendRow(GeometryArray source, int row)
    {
        if (source.IsNull(row))
        {
            AppendNull();
            return;
        }
        GeometryType type = source.TypeOf(row);
        BeginGeometry(type);
        (int partStart, int partEnd) = source.PartsOf(row);
        for (int part = partStart; part < partEnd; part++)
        {
            BeginPartLike(source, part, type);
            (int ringStart, int ringEnd) = source.RingsOf(part);
            for (int ring = ringStart; ring < ringEnd; ring++)
            {
                BeginRing();
                AddCoordinates(source.RingCoordinates(ring), source.Dimension);
            }
        }
    }

    /// <summary>Appends <paramref name="member"/> of a row of <paramref name="source"/> as a row of its own
    /// (a Multi* member without parts becomes an empty row of its type).</summary>
    public void AppendMember(GeometryArray source, Member member)
    {
        BeginGeometry(member.Type);
        GeometryType kind = GeometryTypes.PartKind(member.Type);
        for (int part = member.PartStart; part < member.PartEnd; part++)
        {
            BeginPart(kind);
            (int ringStart, int ringEnd) = source.RingsOf(part);
            for (int ring = ringStart; ring < ringEnd; ring++)
            {
                BeginRing();
                AddCoordinates(source.RingCoordinates(ring), source.Dimension);
            }
        }
    }

    /// <summary>Drops the rows from <paramref name="length"/> on, including a row still being built
    /// (used to undo a row whose decoding failed halfway). Z, once added, stays.</summary>
    public void Truncate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, Length);
        // Entries up to these indices were written before row `length` began and never changed since.
        int parts = _geometryOffsets[length], rings = _partOffsets[parts], coordinates = _ringOffsets[rings];
        _rowTypes.Truncate(length);
        _validity?.Truncate(length);
        _geometryOffsets.Truncate(length + 1);
        _partKinds.Truncate(parts);
        _partOffsets.Truncate(parts + 1);
        _ringOffsets.Truncate(rings + 1);
        _coordinates.Truncate(coordinates * (_hasZ ? 3 : 2));
        _inCollection = false;
        _member = GeometryType.Mixed;
    }

    /// <summary>
    /// Finishes the concatenation of <paramref name="builders"/> (rows in order) with one allocation per
    /// buffer, the builders copied into it in parallel. The builders are left unchanged.
    /// </summary>
    public static GeometryArray Concat(IReadOnlyList<GeometryArrayBuilder> builders, string? crs = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(builders.Count);
        if (builders.Count == 1) return builders[0].Finish(crs);
        var starts = new Starts[builders.Count + 1];
        bool hasZ = false, hasCollection = false, hasValidity = false;
        for (int i = 0; i < builders.Count; i++)
        {
            GeometryArrayBuilder builder = builders[i];
            Starts start = starts[i];
            starts[i + 1] = new Starts(start.Rows + builder.Length, start.Parts + builder._partKinds.Count,
                start.Rings + builder._ringOffsets.Count - 1, start.Coordinates + builder.CoordinateCount);
            hasZ |= builder._hasZ;
            hasCollection |= builder._hasCollection;
            hasValidity |= builder._validity is not null;
        }
        Starts total = starts[^1];
        var result = new GeometryArrayBuilder(0, hasZ) { _hasCollection = hasCollection };
        result._coordinates.Append(checked(total.Coordinates * result.Dimension));
        result._geometryOffsets.Append(total.Rows);
        result._partOffsets.Append(total.Parts);
        result._ringOffsets.Append(total.Rings);
        result._rowTypes.Append(total.Rows);
        result._partKinds.Append(total.Parts);
        if (hasValidity) (result._validity = new GrowableBuffer<byte>(total.Rows)).Append(total.Rows);
        var body = new ConcatBody(builders, starts, result);
        ParallelRange.For(builders.Count, 1, ref body);
        return result.Finish(crs);
    }

    private int Dimension => _hasZ ? 3 : 2;

    /// <summary>Gives the large storage that <see cref="Finish"/> did not hand over back to the pool (or all of
    /// it, for a builder that is not finished, such as a part of a <see cref="Concat"/>); the builder must not
    /// be used afterwards.</summary>
    internal void Release()
    {
        _coordinates.Release();
        _geometryOffsets.Release();
        _partOffsets.Release();
        _ringOffsets.Release();
        _rowTypes.Release();
        _partKinds.Release();
        _validity?.Release();
    }

    /// <summary>Where a builder's rows, parts, rings and coordinates start in a concatenation.</summary>
    private readonly record struct Starts(int Rows, int Parts, int Rings, int Coordinates);

    private readonly struct ConcatBody(IReadOnlyList<GeometryArrayBuilder> builders, Starts[] starts, GeometryArrayBuilder result) : IRangeBody
    {
        public void Run(int start, int end)
        {
            for (int i = start; i < end; i++) Copy(builders[i], starts[i]);
        }

        private void Copy(GeometryArrayBuilder source, Starts at)
        {
            ReadOnlySpan<double> coordinates = source._coordinates.Span;
            Span<double> target = result._coordinates.Span.Slice(at.Coordinates * result.Dimension, coordinates.Length / source.Dimension * result.Dimension);
            if (source._hasZ == result._hasZ) coordinates.CopyTo(target);
            else
                for (int i = 0, j = 0; i < coordinates.Length; i += 2, j += 3)
                {
                    target[j] = coordinates[i];
                    target[j + 1] = coordinates[i + 1];
                    target[j + 2] = double.NaN;
                }
            CopyShifted(source._ringOffsets.Span, result._ringOffsets.Span[(at.Rings + 1)..], at.Coordinates);
            CopyShifted(source._partOffsets.Span, result._partOffsets.Span[(at.Parts + 1)..], at.Rings);
            CopyShifted(source._geometryOffsets.Span, result._geometryOffsets.Span[(at.Rows + 1)..], at.Parts);
            source._rowTypes.Span.CopyTo(result._rowTypes.Span[at.Rows..]);
            source._partKinds.Span.CopyTo(result._partKinds.Span[at.Parts..]);
            if (result._validity is not { } validity) return;
            Span<byte> flags = validity.Span.Slice(at.Rows, source.Length);
            if (source._validity is null) flags.Fill(1);
            else source._validity.Span.CopyTo(flags);
        }

        private static void CopyShifted(ReadOnlySpan<int> offsets, Span<int> target, int shift)
        {
            for (int i = 1; i < offsets.Length; i++) target[i - 1] = offsets[i] + shift;
        }
    }

    private void PromoteToZ()
    {
        int count = _coordinates.Count / 2;
        _coordinates.Append(count);
        Span<double> all = _coordinates.Span;
        for (int i = count - 1; i >= 0; i--)
        {
            all[i * 3 + 2] = double.NaN;
            all[i * 3 + 1] = all[i * 2 + 1];
            all[i * 3] = all[i * 2];
        }
        _hasZ = true;
    }

    /// <summary>
    /// Ends building. Point, LineString and Polygon rows that are missing get a placeholder part (and a
    /// NaN coordinate for points) when that keeps a level an identity.
    /// </summary>
    /// <remarks>The builder hands its memory to the array (without a copy where it can) and must not be used afterwards.</remarks>
    public GeometryArray Finish(string? crs = null)
    {
        GeometryArray array = Build(crs);
        Release();
        return array;
    }

    private GeometryArray Build(string? crs)
    {
        int length = _rowTypes.Count;
        GeometryType type = CommonType(length);
        if (_validity is not null && GeometryTypes.IsSingle(type) && !IsIdentity(_geometryOffsets.Span))
            return WithPlaceholders(type).Finish(crs);

        DataBuffer<byte>? rowTypes = type == GeometryType.Mixed ? _rowTypes.Detach() : null;
        DataBuffer<byte>? partKinds = _hasCollection ? _partKinds.Detach() : null;
        DataBuffer<byte>? validity = _validity is null ? null : PackBits(_validity.Span);
        return new GeometryArray(length, type, _hasZ, _coordinates.Detach(),
            Level(_geometryOffsets), Level(_partOffsets), Level(_ringOffsets), rowTypes, partKinds, validity, crs);
    }

    private GeometryType CommonType(int length)
    {
        GeometryType common = GeometryType.Mixed;
        ReadOnlySpan<byte> types = _rowTypes.Span;
        for (int i = 0; i < length; i++)
        {
            if (types[i] == 0) continue;
            if (common == GeometryType.Mixed) common = (GeometryType)types[i];
            else if ((byte)common != types[i]) return GeometryType.Mixed;
        }
        if (common == GeometryType.Mixed)
        {
            // All rows missing (or no rows): call it a Point array, the cheapest layout.
            common = GeometryType.Point;
        }
        for (int i = 0; i < length; i++)
            if (types[i] == 0) _rowTypes[i] = (byte)common;
        return common;
    }

    private GeometryArrayBuilder WithPlaceholders(GeometryType type)
    {
        GeometryArray unfinished = new(_rowTypes.Count, type, _hasZ, _coordinates.Detach(),
            Level(_geometryOffsets), Level(_partOffsets), Level(_ringOffsets),
            partKinds: null, validity: PackBits(_validity!.Span));
        GeometryArrayBuilder rebuilt = new(unfinished.Length, _hasZ);
        for (int row = 0; row < unfinished.Length; row++)
        {
            if (!unfinished.IsNull(row))
            {
                rebuilt.AppendRow(unfinished, row);
                continue;
            }
            rebuilt.AppendNull();
            rebuilt._rowTypes[row] = (byte)type;
            rebuilt.BeginPart(type);
            if (type == GeometryType.Polygon) continue;
            rebuilt.BeginRing();
            if (type == GeometryType.Point) rebuilt.AddCoordinate(double.NaN, double.NaN);
        }
        return rebuilt;
    }

    private static bool IsIdentity(ReadOnlySpan<int> offsets)
    {
        for (int i = 0; i < offsets.Length; i++)
            if (offsets[i] != i) return false;
        return true;
    }

    private static Offsets Level(GrowableBuffer<int> offsets) =>
        IsIdentity(offsets.Span) ? Offsets.Identity : new Offsets(offsets.Detach());

    private static DataBuffer<byte> PackBits(ReadOnlySpan<byte> flags)
    {
        DataBuffer<byte> bits = DataBuffer<byte>.Allocate((flags.Length + 7) / 8);
        Span<byte> span = bits.Span;
        span.Clear();
        for (int i = 0; i < flags.Length; i++)
            if (flags[i] != 0) span[i >> 3] |= (byte)(1 << (i & 7));
        return bits;
    }
}
