using Sharply.Core.Parallel;

namespace Sharply.Core.Geometries;

/// <summary>Box polygons from bounds columns (Shapely's <c>box</c>): one pass, no builder.</summary>
public static unsafe class Boxes
{
    /// <summary>
    /// One box per row: counterclockwise from (xmax, ymin) when <paramref name="ccw"/>, else clockwise from
    /// (xmin, ymin). Each column has one value per row or one for all rows; a row with a NaN bound is missing.
    /// </summary>
    /// <exception cref="ArgumentException">Columns of different lengths other than 1.</exception>
    public static GeometryArray Create(ReadOnlySpan<double> xmin, ReadOnlySpan<double> ymin, ReadOnlySpan<double> xmax,
        ReadOnlySpan<double> ymax, bool ccw, string? crs = null)
    {
        int count = Math.Max(Math.Max(xmin.Length, ymin.Length), Math.Max(xmax.Length, ymax.Length));
        foreach (int length in (ReadOnlySpan<int>)[xmin.Length, ymin.Length, xmax.Length, ymax.Length])
            if (length != count && length != 1)
                throw new ArgumentException($"bounds of lengths {xmin.Length}, {ymin.Length}, {xmax.Length} and {ymax.Length} cannot be broadcast together");
        DataBuffer<double> coordinates = DataBuffer<double>.Allocate(checked(count * 10));
        DataBuffer<int> rings = DataBuffer<int>.Allocate(count + 1);
        DataBuffer<byte> present = DataBuffer<byte>.Allocate(count);
        // Safe: the columns stay pinned until the loop ends; each row writes its own values.
        fixed (double* x0 = xmin, y0 = ymin, x1 = xmax, y1 = ymax)
        {
            var body = new BoxBody
            {
                X0 = x0, Y0 = y0, X1 = x1, Y1 = y1, Ccw = ccw,
                M0 = Mask(xmin), M1 = Mask(ymin), M2 = Mask(xmax), M3 = Mask(ymax),
                Coordinates = coordinates.Pointer, Rings = rings.Pointer, Present = present.Pointer,
            };
            ParallelRange.For(count, ParallelRange.Grain(count, 4096), ref body);
        }
        rings.Span[count] = 5 * count;
        return new GeometryArray(count, GeometryType.Polygon, false, coordinates, Offsets.Identity, Offsets.Identity,
            new Offsets(rings), validity: ValidityBits.FromFlags(present.Span), crs: crs);
    }

    private static int Mask(ReadOnlySpan<double> column) => column.Length == 1 ? 0 : -1;

    private struct BoxBody : IRangeBody
    {
        public double* X0, Y0, X1, Y1, Coordinates;
        public int M0, M1, M2, M3;
        public int* Rings;
        public byte* Present;
        public bool Ccw;

        public void Run(int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                double x0 = X0[i & M0], y0 = Y0[i & M1], x1 = X1[i & M2], y1 = Y1[i & M3];
                Rings[i] = 5 * i;
                Present[i] = double.IsNaN(x0) || double.IsNaN(y0) || double.IsNaN(x1) || double.IsNaN(y1) ? (byte)0 : (byte)1;
                Span<double> ring = new(Coordinates + 10L * i, 10);
                if (Ccw) (ring[0], ring[1], ring[2], ring[3], ring[4], ring[5], ring[6], ring[7]) = (x1, y0, x1, y1, x0, y1, x0, y0);
                else (ring[0], ring[1], ring[2], ring[3], ring[4], ring[5], ring[6], ring[7]) = (x0, y0, x0, y1, x1, y1, x1, y0);
                (ring[8], ring[9]) = (ring[0], ring[1]);
            }
        }
    }
}
