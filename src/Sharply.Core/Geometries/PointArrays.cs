namespace Sharply.Core.Geometries;

/// <summary>Builds point arrays straight from coordinate columns: one pass, no builder.</summary>
public static class PointArrays
{
    /// <summary>Points from separate x, y (and optionally z) columns of equal length.</summary>
    public static GeometryArray FromColumns(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, string? crs)
    {
        bool hasZ = !z.IsEmpty;
        int dimension = hasZ ? 3 : 2;
        DataBuffer<double> coordinates = DataBuffer<double>.Allocate(checked(x.Length * dimension));
        Span<double> target = coordinates.Span;
        for (int i = 0; i < x.Length; i++)
        {
            target[i * dimension] = x[i];
            target[i * dimension + 1] = y[i];
            if (hasZ) target[i * 3 + 2] = z[i];
        }
        return Points(x.Length, hasZ, coordinates, crs);
    }

    /// <summary>Points from interleaved coordinates with <paramref name="dimension"/> (2 or 3) values each: one copy.</summary>
    public static GeometryArray FromInterleaved(ReadOnlySpan<double> interleaved, int dimension, string? crs) =>
        Points(interleaved.Length / dimension, dimension == 3, DataBuffer<double>.From(interleaved), crs);

    private static GeometryArray Points(int count, bool hasZ, DataBuffer<double> coordinates, string? crs) =>
        new(count, GeometryType.Point, hasZ, coordinates, Offsets.Identity, Offsets.Identity, Offsets.Identity, crs: crs);
}
