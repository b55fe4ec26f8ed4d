using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using Sharply.Core.Geometries;

namespace Sharply.Core.Kernels;

/// <summary>The bounding box of one row, straight from the coordinate memory.</summary>
internal static unsafe class RowBounds
{
    /// <summary>Bounds of a present row; all NaN when it has no (non-NaN) coordinates.</summary>
    public static void Of(GeometryArray array, int row, out double xmin, out double ymin, out double xmax, out double ymax)
    {
        (int partStart, int partEnd) = array.PartsOf(row);
        int start = array.RingOffsets[array.PartOffsets[partStart]];
        int end = array.RingOffsets[array.PartOffsets[partEnd]];
        OfVertices(array, start, end, out xmin, out ymin, out xmax, out ymax);
    }

    /// <summary>Bounds of vertices [start, end); NaN when there is none. NaN coordinates (POINT EMPTY) are skipped.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void OfVertices(GeometryArray array, int start, int end, out double xmin, out double ymin, out double xmax, out double ymax)
    {
        int dim = array.Dimension;
        double x0 = double.PositiveInfinity, y0 = double.PositiveInfinity, x1 = double.NegativeInfinity, y1 = double.NegativeInfinity;
        // Safe: [start, end) lies within the coordinate buffer (validated offsets); p stays inside it.
        double* p = array.Coordinates.Pointer + (long)start * dim;
        double* stop = p + (long)(end - start) * dim;
        if (dim == 2 && Avx.IsSupported && end - start >= 8)
        {
            // Four vertices per step in two registers of (x, y, x, y). Min(v, low) is v < low ? v : low, as
            // in the scalar loop, so NaN coordinates leave the box unchanged here too.
            Vector256<double> low = Vector256.Create(double.PositiveInfinity), high = Vector256.Create(double.NegativeInfinity);
            Vector256<double> low2 = low, high2 = high;
            for (; p + 8 <= stop; p += 8)
            {
                Vector256<double> a = Avx.LoadVector256(p), b = Avx.LoadVector256(p + 4);
                low = Avx.Min(a, low);
                high = Avx.Max(a, high);
                low2 = Avx.Min(b, low2);
                high2 = Avx.Max(b, high2);
            }
            low = Avx.Min(low2, low);
            high = Avx.Max(high2, high);
            Vector128<double> lowXy = Sse2.Min(low.GetUpper(), low.GetLower()), highXy = Sse2.Max(high.GetUpper(), high.GetLower());
            x0 = lowXy.GetElement(0);
            y0 = lowXy.GetElement(1);
            x1 = highXy.GetElement(0);
            y1 = highXy.GetElement(1);
        }
        for (; p < stop; p += dim)
        {
            double x = p[0], y = p[1];
            // Comparisons with NaN are false, so POINT EMPTY coordinates leave the box unchanged.
            x0 = x < x0 ? x : x0;
            x1 = x > x1 ? x : x1;
            y0 = y < y0 ? y : y0;
            y1 = y > y1 ? y : y1;
        }
        if (x0 > x1)
        {
            xmin = ymin = xmax = ymax = double.NaN;
            return;
        }
        xmin = x0;
        ymin = y0;
        xmax = x1;
        ymax = y1;
    }
}
