namespace Sharply.Core.Geometries;

/// <summary>
/// Groups the rows of an array into geometries of a containing type (Shapely's <c>multipoints</c>,
/// <c>multilinestrings</c>, <c>multipolygons</c>, <c>geometrycollections</c>, and <c>polygons</c> from
/// rings). The result of grouping single geometries of one type is the source's buffers under one new
/// offsets level: no coordinate is copied.
/// </summary>
public static class Collections
{
    /// <summary>
    /// Rows <c>[offsets[i], offsets[i + 1])</c> of <paramref name="parts"/> become row <c>i</c> of type
    /// <paramref name="target"/>. Missing parts are skipped. Parts must be Points for MultiPoint, LineStrings
    /// for MultiLineString, Polygons for MultiPolygon, closed LineStrings (rings, the shell first) for
    /// Polygon; GeometryCollection takes any (each row a member, a collection's members each a member).
    /// </summary>
    public static GeometryArray Collect(GeometryArray parts, DataBuffer<int> offsets, GeometryType target)
    {
        GeometryType partType = target switch
        {
            GeometryType.MultiPoint => GeometryType.Point,
            GeometryType.MultiLineString or GeometryType.Polygon => GeometryType.LineString,
            GeometryType.MultiPolygon => GeometryType.Polygon,
            GeometryType.GeometryCollection => GeometryType.Mixed,
            _ => throw new ArgumentException($"cannot collect parts into {GeometryTypes.Name(target)}"),
        };
        ReadOnlySpan<int> groups = offsets.Span;
        if (groups.Length == 0 || groups[0] != 0) throw new InvalidLayoutException("group offsets must start at 0");
        for (int i = 1; i < groups.Length; i++)
            if (groups[i] < groups[i - 1]) throw new InvalidLayoutException($"group offsets decrease at index {i}");
        if (groups[^1] != parts.Length)
            throw new InvalidLayoutException($"group offsets end at {groups[^1]} but there are {parts.Length} geometries");
        int rows = groups.Length - 1;
        Offsets grouping = IsIdentity(groups) ? Offsets.Identity : new Offsets(offsets);
        if (!parts.HasNulls && parts.Type == partType && parts.Type != GeometryType.Mixed && parts.GeometryOffsets.IsIdentity)
        {
            if (target == GeometryType.Polygon && parts.PartOffsets.IsIdentity)
            {
                RaggedArrays.CheckRings(parts.Coordinates, parts.Dimension, parts.RingOffsets.ToBuffer(parts.Length), "ring");
                return Valid(new GeometryArray(rows, target, parts.HasZ, parts.Coordinates, Offsets.Identity, grouping, parts.RingOffsets, crs: parts.Crs));
            }
            if (target != GeometryType.Polygon)
                return Valid(new GeometryArray(rows, target, parts.HasZ, parts.Coordinates, grouping, parts.PartOffsets, parts.RingOffsets, crs: parts.Crs));
        }
        return Copy(parts, groups, target, partType);
    }

    private static GeometryArray Copy(GeometryArray parts, ReadOnlySpan<int> groups, GeometryType target, GeometryType partType)
    {
        var builder = new GeometryArrayBuilder(groups.Length - 1, parts.HasZ);
        for (int group = 0; group + 1 < groups.Length; group++)
        {
            builder.BeginGeometry(target);
            if (target == GeometryType.Polygon) builder.BeginPart(GeometryType.Polygon);
            for (int row = groups[group]; row < groups[group + 1]; row++)
            {
                if (parts.IsNull(row)) continue;
                GeometryType type = parts.TypeOf(row);
                if (partType != GeometryType.Mixed && type != partType)
                    throw new InvalidCastException(
                        $"row {row} is a {GeometryTypes.Name(type)}: {GeometryTypes.Name(target)} parts must be {GeometryTypes.Name(partType)}s");
                if (target == GeometryType.GeometryCollection && type != GeometryType.GeometryCollection) builder.BeginMember(type);
                (int partStart, int partEnd) = parts.PartsOf(row);
                for (int part = partStart; part < partEnd; part++)
                {
                    if (target != GeometryType.Polygon) builder.BeginPartLike(parts, part, type);
                    (int ringStart, int ringEnd) = parts.RingsOf(part);
                    for (int ring = ringStart; ring < ringEnd; ring++)
                    {
                        ReadOnlySpan<double> coordinates = parts.RingCoordinates(ring);
                        if (target == GeometryType.Polygon) CheckRing(coordinates, parts.Dimension, row);
                        builder.BeginRing();
                        builder.AddCoordinates(coordinates, parts.Dimension);
                    }
                }
            }
        }
        return builder.Finish(parts.Crs);
    }

    private static void CheckRing(ReadOnlySpan<double> ring, int dimension, int row)
    {
        if (RaggedArrays.RingProblem(ring, dimension) is { } problem) throw new ArgumentException($"ring at row {row} {problem}");
    }

    private static GeometryArray Valid(GeometryArray array)
    {
        array.Validate();
        return array;
    }

    private static bool IsIdentity(ReadOnlySpan<int> offsets)
    {
        for (int i = 0; i < offsets.Length; i++)
            if (offsets[i] != i) return false;
        return true;
    }
}
