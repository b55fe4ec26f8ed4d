using System.Runtime.CompilerServices;
using Sharply.Core.Geometries;
using Sharply.Core.Parallel;

namespace Sharply.Core.IO;

/// <summary>
/// Rows that are all plain 2D points, the commonest input of the WKB and GeoJSON decoders, read straight
/// into the final coordinate buffer (its pages mapped at once): no builder, no concatenation. Rows are read
/// one at a time as a caller walks its values (<see cref="TryRead"/>), or all in parallel
/// (<see cref="ReadAll"/>); the caller takes the general path as soon as a row is anything else.
/// </summary>
/// <param name="count">The number of rows, all of which must be read before <see cref="ToArray"/>.</param>
public sealed unsafe class PlainPoints<TParser>(int count) where TParser : IPlainPointParser
{
    private readonly DataBuffer<double> _coordinates = Fresh(DataBuffer<double>.Allocate(checked(2 * count)));

    /// <summary>The coordinates are written in full: their pages are mapped at once.</summary>
    private static DataBuffer<double> Fresh(DataBuffer<double> coordinates)
    {
        FreshMemory.Populate(coordinates.Pointer, (long)coordinates.Length * sizeof(double));
        return coordinates;
    }

    /// <summary>Reads row <paramref name="row"/>; false, writing nothing, when the value is not a plain point.</summary>
    /// <remarks>Safe to call when a non-zero <paramref name="pointer"/> addresses <paramref name="length"/> readable bytes.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryRead(int row, nint pointer, nint length)
    {
        if ((uint)row >= (uint)count) throw new ArgumentOutOfRangeException(nameof(row), $"row {row} of {count}");
        if (!TParser.TryRead(pointer, length, out double x, out double y)) return false;
        _coordinates.Pointer[2L * row] = x;
        _coordinates.Pointer[2L * row + 1] = y;
        return true;
    }

    /// <summary>The points read, one per row.</summary>
    public GeometryArray ToArray(string? crs) =>
        new(count, GeometryType.Point, false, _coordinates, Offsets.Identity, Offsets.Identity, Offsets.Identity, crs: crs);

    /// <summary>Row <c>i</c> is the <c>lengths[i]</c> bytes at <c>pointers[i]</c>, read in parallel; null when
    /// some row is not a plain point (the first row is tested before anything is allocated).</summary>
    public static GeometryArray? ReadAll(ReadOnlySpan<nint> pointers, ReadOnlySpan<int> lengths, string? crs)
    {
        int rows = pointers.Length;
        if (rows == 0 || lengths.Length != rows || !TParser.TryRead(pointers[0], lengths[0], out _, out _)) return null;
        var points = new PlainPoints<TParser>(rows);
        int grain = ParallelRange.Grain(rows, 4096);
        var failed = new bool[(rows + grain - 1) / grain];
        // Safe: the spans stay pinned for the whole loop, which ends before this method returns.
        fixed (nint* pointer = pointers)
        fixed (int* length = lengths)
        {
            var body = new Body(pointer, length, points, grain, failed);
            ParallelRange.For(rows, grain, ref body);
        }
        return Array.IndexOf(failed, true) >= 0 ? null : points.ToArray(crs);
    }

    private readonly struct Body(nint* pointers, int* lengths, PlainPoints<TParser> points, int grain, bool[] failed) : IRangeBody
    {
        public void Run(int start, int end)
        {
            for (int row = start; row < end; row++)
            {
                if (points.TryRead(row, pointers[row], lengths[row])) continue;
                failed[start / grain] = true;
                return;
            }
        }
    }
}
