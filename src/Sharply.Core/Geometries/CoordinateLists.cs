namespace Sharply.Core.Geometries;

/// <summary>
/// Every coordinate of an array in row order (Shapely's <c>get_coordinates</c>): rings in order, empty
/// points and missing rows skipped.
/// </summary>
public static class CoordinateLists
{
    /// <summary>
    /// The coordinates of <paramref name="array"/> with 3 values each when <paramref name="includeZ"/>
    /// (NaN z for 2D input), else 2. A view of the array's buffer when it holds exactly these values (no
    /// missing rows, no empty points, same dimension); otherwise a copy.
    /// </summary>
    public static DataBuffer<double> Get(GeometryArray array, bool includeZ)
    {
        int dimension = includeZ ? 3 : 2;
        if (IsViewable(array, includeZ))
        {
            (int start, int end) = Range(array);
            return array.Coordinates.Slice(start * dimension, (end - start) * dimension);
        }
        DataBuffer<double> result = DataBuffer<double>.Allocate(checked(Count(array) * dimension));
        Span<double> target = result.Span;
        int written = 0, source = array.Dimension;
        foreach ((int _, int ring) in Rings(array))
        {
            ReadOnlySpan<double> values = array.RingCoordinates(ring);
            int count = values.Length / source;
            if (source == dimension) values.CopyTo(target[(written * dimension)..]);
            else
                for (int i = 0; i < count; i++)
                {
                    int to = (written + i) * dimension, from = i * source;
                    target[to] = values[from];
                    target[to + 1] = values[from + 1];
                    if (dimension == 3) target[to + 2] = double.NaN;
                }
            written += count;
        }
        return result;
    }

    /// <summary>The row of each coordinate <see cref="Get"/> returns.</summary>
    public static DataBuffer<long> RowIndex(GeometryArray array)
    {
        DataBuffer<long> result = DataBuffer<long>.Allocate(Count(array));
        Span<long> target = result.Span;
        int written = 0;
        foreach ((int row, int ring) in Rings(array))
        {
            (int start, int end) = array.VerticesOf(ring);
            target.Slice(written, end - start).Fill(row);
            written += end - start;
        }
        return result;
    }

    /// <summary>Number of coordinates <see cref="Get"/> returns.</summary>
    public static int Count(GeometryArray array)
    {
        if (IsViewable(array, array.HasZ))
        {
            (int start, int end) = Range(array);
            return end - start;
        }
        long total = 0;
        foreach ((int _, int ring) in Rings(array))
        {
            (int start, int end) = array.VerticesOf(ring);
            total += end - start;
        }
        return checked((int)total);
    }

    /// <summary>The rings whose coordinates are listed, with their rows.</summary>
    private static IEnumerable<(int Row, int Ring)> Rings(GeometryArray array)
    {
        for (int row = 0; row < array.Length; row++)
        {
            if (array.IsNull(row)) continue;
            GeometryType type = array.TypeOf(row);
            (int partStart, int partEnd) = array.PartsOf(row);
            for (int part = partStart; part < partEnd; part++)
            {
                GeometryType kind = array.PartKindOf(part, type);
                if (kind == GeometryType.Point && array.IsPartEmpty(part, kind)) continue;
                (int ringStart, int ringEnd) = array.RingsOf(part);
                for (int ring = ringStart; ring < ringEnd; ring++) yield return (row, ring);
            }
        }
    }

    private static (int Start, int End) Range(GeometryArray array)
    {
        int partStart = array.GeometryOffsets[0], partEnd = array.GeometryOffsets[array.Length];
        return (array.RingOffsets[array.PartOffsets[partStart]], array.RingOffsets[array.PartOffsets[partEnd]]);
    }

    /// <summary>True when the coordinate buffer between the first and last row is exactly the answer.</summary>
    private static bool IsViewable(GeometryArray array, bool includeZ)
    {
        if (array.HasNulls || array.HasZ != includeZ) return false;
        if (array.Type is GeometryType.Mixed or GeometryType.GeometryCollection) return false;
        if (GeometryTypes.PartKind(array.Type) != GeometryType.Point) return true;
        // Point parts: every coordinate is one point; a NaN x marks POINT EMPTY, which is skipped.
        (int start, int end) = Range(array);
        ReadOnlySpan<double> values = array.Coordinates.Span[(start * array.Dimension)..(end * array.Dimension)];
        for (int i = 0; i < values.Length; i += array.Dimension)
            if (double.IsNaN(values[i])) return false;
        return true;
    }
}
