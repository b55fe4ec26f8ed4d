namespace Sharply.Core.Geometries;

/// <summary>Selecting and combining rows of geometry arrays.</summary>
public static class GeometryArrayOps
{
    /// <summary>
    /// Rows <c>[start, start + length)</c> as a view sharing every buffer (only an unaligned validity
    /// bitmap is copied). The topmost level that has real offsets is the one sliced; levels above it are
    /// identities and stay so, levels below keep their absolute offsets.
    /// </summary>
    public static GeometryArray Slice(this GeometryArray array, int start, int length)
    {
        if ((uint)start > (uint)array.Length || (uint)length > (uint)(array.Length - start))
            throw new ArgumentOutOfRangeException(nameof(start), $"rows [{start}, {start + length}) are outside an array of {array.Length}");
        Offsets geometries = array.GeometryOffsets, parts = array.PartOffsets, rings = array.RingOffsets;
        DataBuffer<double> coordinates = array.Coordinates;
        DataBuffer<byte>? partKinds = array.PartKinds;
        if (!geometries.IsIdentity) geometries = new Offsets(geometries.Buffer!.Slice(start, length + 1));
        else
        {
            // Parts are numbered like rows: slice the part kinds with them.
            if (partKinds is not null) partKinds = partKinds.Slice(start, length);
            if (!parts.IsIdentity) parts = new Offsets(parts.Buffer!.Slice(start, length + 1));
            else if (!rings.IsIdentity) rings = new Offsets(rings.Buffer!.Slice(start, length + 1));
            else coordinates = coordinates.Slice(start * array.Dimension, length * array.Dimension);
        }
        return new GeometryArray(length, array.Type, array.HasZ, coordinates, geometries, parts, rings,
            array.RowTypes?.Slice(start, length), partKinds, SliceBits(array.Validity, start, length), array.Crs);
    }

    /// <summary>The rows at <paramref name="rows"/> (each in range), copied in that order; -1 gives a missing row.</summary>
    public static GeometryArray Take(this GeometryArray array, ReadOnlySpan<int> rows)
    {
        var builder = new GeometryArrayBuilder(rows.Length, array.HasZ);
        foreach (int row in rows)
        {
            if (row == -1) builder.AppendNull();
            else if ((uint)row >= (uint)array.Length)
                throw new IndexOutOfRangeException($"index {row} is out of bounds for an array of length {array.Length}");
            else builder.AppendRow(array, row);
        }
        return builder.Finish(array.Crs);
    }

    /// <summary>All rows of <paramref name="arrays"/> in order, in one new array with the first array's CRS.</summary>
    public static GeometryArray Concat(IReadOnlyList<GeometryArray> arrays)
    {
        long total = 0;
        bool hasZ = false;
        foreach (GeometryArray array in arrays)
        {
            total += array.Length;
            hasZ |= array.HasZ;
        }
        if (total > int.MaxValue) throw new InvalidLayoutException("concatenated array too large");
        var builder = new GeometryArrayBuilder((int)total, hasZ);
        foreach (GeometryArray array in arrays)
            for (int row = 0; row < array.Length; row++) builder.AppendRow(array, row);
        return builder.Finish(arrays.Count > 0 ? arrays[0].Crs : null);
    }

    private static DataBuffer<byte>? SliceBits(DataBuffer<byte>? bits, int start, int length)
    {
        if (bits is null) return null;
        if ((start & 7) == 0) return bits.Slice(start >> 3, Math.Min((length + 7) >> 3, bits.Length - (start >> 3)));
        DataBuffer<byte> copy = DataBuffer<byte>.Allocate((length + 7) >> 3);
        Span<byte> target = copy.Span;
        target.Clear();
        ReadOnlySpan<byte> source = bits.Span;
        for (int i = 0; i < length; i++)
        {
            int bit = start + i;
            if ((source[bit >> 3] & (1 << (bit & 7))) != 0) target[i >> 3] |= (byte)(1 << (i & 7));
        }
        return copy;
    }
}
