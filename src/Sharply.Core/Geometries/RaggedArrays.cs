using System.Numerics;

namespace Sharply.Core.Geometries;

/// <summary>
/// Conversion between geometry arrays and <see cref="RaggedArray"/>s (Shapely's <c>to_ragged_array</c> /
/// <c>from_ragged_array</c>). Both directions move whole buffers: the ragged levels are exactly our
/// offsets levels, so export shares the coordinate buffer and every offsets buffer that starts at zero,
/// and import copies each buffer once.
/// </summary>
public static class RaggedArrays
{
    /// <summary>
    /// Geometries of <paramref name="type"/> from interleaved <paramref name="coordinates"/> (owned by the
    /// result from now on) and <paramref name="offsets"/> (innermost first, see <see cref="RaggedArray"/>).
    /// Offsets are checked (non-negative, non-decreasing, within the next level); linestrings need 0 or at
    /// least 2 vertices, rings 0 or at least 4 and closed. With <paramref name="closeRings"/> (Shapely's
    /// <c>linearrings</c>), LineString and polygon rings that are open, or have 3 coordinates, get their
    /// first coordinate appended, and LineString rows are checked as rings.
    /// </summary>
    public static GeometryArray FromRagged(GeometryType type, bool hasZ, DataBuffer<double> coordinates,
        DataBuffer<int>[] offsets, bool closeRings = false, string? crs = null)
    {
        int levels = RaggedArray.LevelCount(type);
        if (levels < 0) throw new ArgumentException($"geometry type {GeometryTypes.Name(type)} has no ragged array layout");
        if (offsets.Length != levels)
            throw new ArgumentException($"a {GeometryTypes.Name(type)} ragged array needs {levels} offsets arrays, got {offsets.Length}");
        int dimension = hasZ ? 3 : 2;
        if (coordinates.Length % dimension != 0)
            throw new InvalidLayoutException($"coordinates hold {coordinates.Length} values, not a multiple of {dimension}");
        int children = coordinates.Length / dimension;
        for (int level = 0; level < levels; level++) children = CheckLevel(offsets[level], level, children);
        bool ringsAtLevel0 = type is GeometryType.Polygon or GeometryType.MultiPolygon || (closeRings && type == GeometryType.LineString);
        if (closeRings && ringsAtLevel0) (coordinates, offsets[0]) = CloseRings(coordinates, dimension, offsets[0]);
        if (ringsAtLevel0) CheckRings(coordinates, dimension, offsets[0], type == GeometryType.LineString ? "linearring" : "ring");
        else if (type is GeometryType.LineString or GeometryType.MultiLineString) CheckLineStrings(offsets[0]);

        Offsets Level(int index) => AsOffsets(offsets[index]);
        int rows = levels == 0 ? children : offsets[levels - 1].Length - 1;
        return type switch
        {
            GeometryType.Point => Build(rows, type, hasZ, coordinates, Offsets.Identity, Offsets.Identity, Offsets.Identity, crs),
            GeometryType.LineString => Build(rows, type, hasZ, coordinates, Offsets.Identity, Offsets.Identity, Level(0), crs),
            GeometryType.Polygon => Build(rows, type, hasZ, coordinates, Offsets.Identity, Level(1), Level(0), crs),
            GeometryType.MultiPoint => Build(rows, type, hasZ, coordinates, Level(0), Offsets.Identity, Offsets.Identity, crs),
            GeometryType.MultiLineString => Build(rows, type, hasZ, coordinates, Level(1), Offsets.Identity, Level(0), crs),
            _ => Build(rows, type, hasZ, coordinates, Level(2), Level(1), Level(0), crs),
        };
    }

    /// <summary>
    /// The ragged array of <paramref name="array"/> (Shapely's <c>to_ragged_array</c>): Point and MultiPoint
    /// rows give MultiPoint, and likewise for lines and polygons; missing rows give empty geometries.
    /// Shares the coordinate buffer, and offsets buffers that start at zero, when the array has the target
    /// type, no missing rows and the requested dimension; otherwise copies once.
    /// </summary>
    public static RaggedArray ToRagged(GeometryArray array, bool includeZ)
    {
        GeometryType target = TargetType(array);
        if (CanShare(array, target, includeZ)) return Share(array, target);
        return Share(Normalize(array, target, includeZ), target);
    }

    /// <summary>
    /// Offsets from sorted group indices (Shapely's <c>indices</c> arguments): element <c>i</c> belongs to
    /// group <c>indices[i]</c>. Groups are 0 to max(indices); each must have at least one element.
    /// </summary>
    public static DataBuffer<int> OffsetsFromIndices<T>(ReadOnlySpan<T> indices) where T : IBinaryInteger<T>
    {
        if (indices.Length == 0) return DataBuffer<int>.From([0]);
        for (int i = 0; i < indices.Length; i++)
        {
            if (T.IsNegative(indices[i])) throw new ArgumentException($"indices must be non-negative, got {indices[i]} at position {i}");
            if (i == 0)
            {
                if (indices[0] != T.Zero) throw new ArgumentException("index 0 is missing from indices");
                continue;
            }
            T previous = indices[i - 1];
            if (indices[i] < previous) throw new ArgumentException($"indices must be sorted: {indices[i]} follows {previous} at position {i}");
            if (indices[i] - previous > T.One) throw new ArgumentException($"index {previous + T.One} is missing from indices");
        }
        // Sorted without gaps from 0: the last index is the group count - 1, below the element count.
        int groups = int.CreateTruncating(indices[^1]) + 1;
        DataBuffer<int> offsets = DataBuffer<int>.Allocate(groups + 1);
        Span<int> span = offsets.Span;
        span[0] = 0;
        for (int i = 1, group = 0; i < indices.Length; i++)
            if (indices[i] != indices[i - 1]) span[++group] = i;
        span[groups] = indices.Length;
        return offsets;
    }

    /// <summary>Copies integer offsets into an int32 buffer; values outside the int32 range are an error naming <paramref name="argument"/>.</summary>
    public static DataBuffer<int> CopyOffsets<T>(ReadOnlySpan<T> values, string argument) where T : IBinaryInteger<T>
    {
        DataBuffer<int> copy = DataBuffer<int>.Allocate(values.Length);
        Span<int> target = copy.Span;
        for (int i = 0; i < values.Length; i++)
        {
            if (!TryInt32(values[i], out int value))
                throw new InvalidLayoutException($"{argument}[{i}] = {values[i]} is out of range");
            target[i] = value;
        }
        return copy;
    }

    private static bool TryInt32<T>(T value, out int result) where T : IBinaryInteger<T>
    {
        long wide = long.CreateSaturating(value);
        result = (int)wide;
        return wide is >= int.MinValue and <= int.MaxValue;
    }

    private static int CheckLevel(DataBuffer<int> offsets, int level, int children)
    {
        ReadOnlySpan<int> span = offsets.Span;
        if (span.Length == 0) throw new InvalidLayoutException($"offsets[{level}] is empty: it needs at least one entry (0)");
        if (span[0] < 0) throw new InvalidLayoutException($"offsets[{level}] starts at {span[0]}");
        for (int i = 1; i < span.Length; i++)
            if (span[i] < span[i - 1])
                throw new InvalidLayoutException($"offsets[{level}] decrease at index {i} ({span[i - 1]} then {span[i]})");
        if (span[^1] > children)
            throw new InvalidLayoutException($"offsets[{level}] end at {span[^1]} but there are only {children} {(level == 0 ? "coordinates" : $"elements in offsets[{level - 1}]")}");
        return span.Length - 1;
    }

    private static void CheckLineStrings(DataBuffer<int> offsets)
    {
        ReadOnlySpan<int> span = offsets.Span;
        for (int i = 0; i + 1 < span.Length; i++)
            if (span[i + 1] - span[i] == 1) throw new ArgumentException($"linestring {i} has 1 coordinate: a linestring needs 0 or at least 2");
    }

    /// <summary>Checks that every ring has 0 or at least 4 coordinates and ends where it starts.</summary>
    internal static void CheckRings(DataBuffer<double> coordinates, int dimension, DataBuffer<int> offsets, string name)
    {
        ReadOnlySpan<int> span = offsets.Span;
        ReadOnlySpan<double> values = coordinates.Span;
        for (int i = 0; i + 1 < span.Length; i++)
            if (RingProblem(values[(span[i] * dimension)..(span[i + 1] * dimension)], dimension) is { } problem)
                throw new ArgumentException($"{name} {i} {problem}");
    }

    /// <summary>Why <paramref name="ring"/> is not a valid ring (0 or at least 4 coordinates, closed), or null.</summary>
    internal static string? RingProblem(ReadOnlySpan<double> ring, int dimension)
    {
        int count = ring.Length / dimension;
        if (count == 0) return null;
        if (count < 4) return $"has {count} coordinates: a ring needs 0 or at least 4";
        return IsClosed(ring, dimension) ? null : "is not closed: its first and last coordinates differ";
    }

    private static bool IsClosed(ReadOnlySpan<double> ring, int dimension)
    {
        for (int k = 0; k < dimension; k++)
        {
            double first = ring[k], last = ring[^(dimension - k)];
            if (first != last && !(double.IsNaN(first) && double.IsNaN(last))) return false;
        }
        return true;
    }

    private static (DataBuffer<double>, DataBuffer<int>) CloseRings(DataBuffer<double> coordinates, int dimension, DataBuffer<int> offsets)
    {
        ReadOnlySpan<int> span = offsets.Span;
        ReadOnlySpan<double> values = coordinates.Span;
        int added = 0;
        for (int i = 0; i + 1 < span.Length; i++)
        {
            int count = span[i + 1] - span[i];
            if (count == 0) continue;
            if (count < 3) throw new ArgumentException($"linearring {i} has {count} coordinates: a linearring needs at least 3 (it is closed automatically)");
            if (NeedsClosing(values, span[i], count, dimension)) added++;
        }
        if (added == 0) return (coordinates, offsets);
        int start = span[0], end = span[^1];
        DataBuffer<double> closed = DataBuffer<double>.Allocate(checked((end - start + added) * dimension));
        DataBuffer<int> newOffsets = DataBuffer<int>.Allocate(span.Length);
        Span<double> target = closed.Span;
        Span<int> targetOffsets = newOffsets.Span;
        int written = 0;
        targetOffsets[0] = 0;
        for (int i = 0; i + 1 < span.Length; i++)
        {
            int count = span[i + 1] - span[i];
            ReadOnlySpan<double> ring = values.Slice(span[i] * dimension, count * dimension);
            ring.CopyTo(target[(written * dimension)..]);
            written += count;
            if (count > 0 && NeedsClosing(values, span[i], count, dimension))
            {
                ring[..dimension].CopyTo(target[(written * dimension)..]);
                written++;
            }
            targetOffsets[i + 1] = written;
        }
        return (closed, newOffsets);
    }

    private static bool NeedsClosing(ReadOnlySpan<double> values, int start, int count, int dimension) =>
        count == 3 || !IsClosed(values.Slice(start * dimension, count * dimension), dimension);

    private static Offsets AsOffsets(DataBuffer<int> buffer)
    {
        ReadOnlySpan<int> span = buffer.Span;
        for (int i = 0; i < span.Length; i++)
            if (span[i] != i) return new Offsets(buffer);
        return Offsets.Identity;
    }

    private static GeometryArray Build(int rows, GeometryType type, bool hasZ, DataBuffer<double> coordinates,
        Offsets geometries, Offsets parts, Offsets rings, string? crs)
    {
        var array = new GeometryArray(rows, type, hasZ, coordinates, geometries, parts, rings, crs: crs);
        array.Validate();
        return array;
    }

    private static GeometryType TargetType(GeometryArray array)
    {
        Span<bool> present = stackalloc bool[8];
        if (array.RowTypes is null) present[(int)array.Type] = array.Length > 0 && !AllNull(array);
        else
            for (int row = 0; row < array.Length; row++)
                if (!array.IsNull(row)) present[(int)array.TypeOf(row)] = true;
        var types = new List<GeometryType>();
        for (int t = 1; t < present.Length; t++)
            if (present[t]) types.Add((GeometryType)t);
        if (types.Count == 1)
            return types[0] == GeometryType.GeometryCollection
                ? throw new ArgumentException("Geometry type GEOMETRYCOLLECTION is not supported")
                : types[0];
        if (types.Count == 2 && GeometryTypes.IsSingle(types[0]) && GeometryTypes.PartKind(types[1]) == types[0])
            return types[1];
        throw new ArgumentException($"Geometry type combination is not supported ([{string.Join(", ", types.Select(t => $"'{GeometryTypes.Name(t).ToUpperInvariant()}'"))}])");
    }

    private static bool AllNull(GeometryArray array)
    {
        if (!array.HasNulls) return false;
        for (int row = 0; row < array.Length; row++)
            if (!array.IsNull(row)) return false;
        return true;
    }

    private static bool CanShare(GeometryArray array, GeometryType target, bool includeZ) =>
        array.Type == target && !array.HasNulls && array.HasZ == includeZ && target switch
        {
            GeometryType.Point => array.GeometryOffsets.IsIdentity && array.PartOffsets.IsIdentity && array.RingOffsets.IsIdentity,
            GeometryType.LineString => array.GeometryOffsets.IsIdentity && array.PartOffsets.IsIdentity,
            GeometryType.Polygon => array.GeometryOffsets.IsIdentity,
            GeometryType.MultiPoint => array.PartOffsets.IsIdentity && array.RingOffsets.IsIdentity,
            GeometryType.MultiLineString => array.PartOffsets.IsIdentity,
            _ => true,
        };

    private static RaggedArray Share(GeometryArray array, GeometryType target)
    {
        int partStart = array.GeometryOffsets[0], partEnd = array.GeometryOffsets[array.Length];
        int ringStart = array.PartOffsets[partStart], ringEnd = array.PartOffsets[partEnd];
        int start = array.RingOffsets[ringStart], end = array.RingOffsets[ringEnd];
        DataBuffer<double> coordinates = array.Coordinates.Slice(start * array.Dimension, (end - start) * array.Dimension);
        DataBuffer<int> Rows() => Rebased(array.GeometryOffsets, 0, array.Length);
        DataBuffer<int> Parts() => Rebased(array.PartOffsets, partStart, partEnd - partStart);
        DataBuffer<int> Rings() => Rebased(array.RingOffsets, ringStart, ringEnd - ringStart);
        DataBuffer<int>[] offsets = target switch
        {
            GeometryType.Point => [],
            GeometryType.LineString => [Rings()],
            GeometryType.Polygon => [Rings(), Parts()],
            GeometryType.MultiPoint => [Rows()],
            GeometryType.MultiLineString => [Rings(), Rows()],
            _ => [Rings(), Parts(), Rows()],
        };
        return new RaggedArray(target, array.HasZ, coordinates, offsets);
    }

    /// <summary>Offsets of <paramref name="count"/> parents from <paramref name="start"/>, starting at zero: a view when they already do.</summary>
    private static DataBuffer<int> Rebased(Offsets offsets, int start, int count)
    {
        if (!offsets.IsIdentity && offsets[start] == 0) return offsets.Buffer!.Slice(start, count + 1);
        DataBuffer<int> copy = DataBuffer<int>.Allocate(count + 1);
        Span<int> span = copy.Span;
        int first = offsets[start];
        for (int i = 0; i <= count; i++) span[i] = offsets[start + i] - first;
        return copy;
    }

    /// <summary>A copy of <paramref name="array"/> with every row of type <paramref name="target"/> (single rows
    /// become one-part multi rows, missing rows empty ones) and the requested dimension.</summary>
    private static GeometryArray Normalize(GeometryArray array, GeometryType target, bool includeZ)
    {
        var builder = new GeometryArrayBuilder(array.Length, includeZ);
        GeometryType kind = GeometryTypes.PartKind(target);
        for (int row = 0; row < array.Length; row++)
        {
            builder.BeginGeometry(target);
            if (array.IsNull(row))
            {
                if (!GeometryTypes.IsSingle(target)) continue;
                builder.BeginPart(kind);
                if (target == GeometryType.Polygon) continue;
                builder.BeginRing();
                if (target == GeometryType.Point) builder.AddCoordinate(double.NaN, double.NaN);
                continue;
            }
            (int partStart, int partEnd) = array.PartsOf(row);
            for (int part = partStart; part < partEnd; part++)
            {
                builder.BeginPart(kind);
                (int ringStart, int ringEnd) = array.RingsOf(part);
                for (int ring = ringStart; ring < ringEnd; ring++)
                {
                    builder.BeginRing();
                    AppendCoordinates(builder, array.RingCoordinates(ring), array.Dimension, includeZ);
                }
            }
        }
        return builder.Finish(array.Crs);
    }

    private static void AppendCoordinates(GeometryArrayBuilder builder, ReadOnlySpan<double> values, int dimension, bool includeZ)
    {
        if (dimension == 2 || includeZ)
        {
            builder.AddCoordinates(values, dimension);
            return;
        }
        for (int i = 0; i < values.Length; i += 3) builder.AddCoordinate(values[i], values[i + 1]);
    }
}
