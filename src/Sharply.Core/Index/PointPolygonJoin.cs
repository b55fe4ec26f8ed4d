using Sharply.Core.Geometries;
using Sharply.Core.Kernels;
using Sharply.Core.Parallel;
using Location = Sharply.Core.Kernels.PointInPolygon.Location;

namespace Sharply.Core.Index;

/// <summary>
/// A join of many points against a few (multi)polygons, polygon-major and without walking the tree: each
/// block of points is tested against each polygon in turn (bounding box, then the prepared polygon), which
/// sets one bit per polygon in each point's mask; the pairs are then read off the masks, point by point
/// and bit by bit, so they come out ordered by point then polygon row, exactly as the tree query orders
/// them. The pairs are those the tree query keeps: a point outside a polygon's bounds is exterior to it.
/// </summary>
internal static unsafe class PointPolygonJoin
{
    /// <summary>Most polygon rows: one bit each in a point's mask.</summary>
    private const int MaxPolygons = 64;

    /// <summary>Points whose masks are built at once (on the stack).</summary>
    private const int Block = 512;

    /// <summary>True when <paramref name="input"/> holds only points and <paramref name="tree"/> at most
    /// <see cref="MaxPolygons"/> rows, all (multi)polygons.</summary>
    public static bool Applies(GeometryArray input, JoinSide tree) =>
        input.Type == GeometryType.Point
        && tree.Array.Type is GeometryType.Polygon or GeometryType.MultiPolygon
        && tree.Array.Length <= MaxPolygons;

    /// <summary>The pairs (point row, polygon row), ordered by point then polygon row, for which
    /// <c>TPredicate.PointFirst</c> holds for the point's location in the polygon.</summary>
    public static IndexPairs Join<TPredicate>(GeometryArray points, JoinSide polygons) where TPredicate : struct, IJoinPredicate
    {
        var shapes = new List<Shape>();
        GeometryArray array = polygons.Array;
        for (int row = 0; row < array.Length; row++)
        {
            if (array.IsNull(row)) continue;
            RowBounds.Of(array, row, out double x0, out double y0, out double x1, out double y1);
            // Empty rows have NaN bounds and are not in the tree.
            if (double.IsNaN(x0)) continue;
            shapes.Add(new Shape(row, x0, y0, x1, y1, polygons.PreparedOf(row)));
        }
        int count = points.Length;
        if (count == 0 || shapes.Count == 0) return PairChunk.Concatenate([], false);
        int grain = ParallelRange.Grain(count, 4 * Block);
        var chunks = new PairChunk?[(count + grain - 1) / grain];
        var body = new Body<TPredicate>(points, array, shapes.ToArray(), chunks, grain);
        ParallelRange.For(count, grain, ref body);
        return PairChunk.Concatenate(chunks, false);
    }

    /// <summary>A polygon row with its bounds and its prepared form (null: small, scanned).</summary>
    private sealed record Shape(int Row, double X0, double Y0, double X1, double Y1, PreparedPolygon? Prepared);

    private readonly struct Body<TPredicate>(GeometryArray points, GeometryArray polygons, Shape[] shapes, PairChunk?[] chunks, int grain) : IRangeBody
        where TPredicate : struct, IJoinPredicate
    {
        public void Run(int start, int end)
        {
            Span<double> xs = stackalloc double[Block], ys = stackalloc double[Block];
            Span<ulong> masks = stackalloc ulong[Block];
            PairChunk? chunk = null;
            for (int first = start; first < end; first += Block)
            {
                int n = Math.Min(Block, end - first);
                ReadPoints(first, xs[..n], ys[..n]);
                masks[..n].Clear();
                int pairs = 0;
                for (int k = 0; k < shapes.Length; k++)
                    pairs += Mark(shapes[k], 1UL << k, xs[..n], ys[..n], masks);
                if (pairs == 0) continue;
                chunk ??= new PairChunk(false);
                Span<int> inputs = chunk.Inputs.Append(pairs), trees = chunk.Trees.Append(pairs);
                int at = 0;
                for (int i = 0; i < n; i++)
                {
                    for (ulong mask = masks[i]; mask != 0; mask &= mask - 1)
                    {
                        inputs[at] = first + i;
                        trees[at++] = shapes[ulong.TrailingZeroCount(mask)].Row;
                    }
                }
            }
            chunks[start / grain] = chunk;
        }

        /// <summary>Sets <paramref name="bit"/> in the masks of the points the predicate keeps for the
        /// polygon; returns how many.</summary>
        private int Mark(Shape shape, ulong bit, ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, Span<ulong> masks)
        {
            int kept = 0;
            PreparedPolygon? prepared = shape.Prepared;
            for (int i = 0; i < xs.Length; i++)
            {
                double x = xs[i], y = ys[i];
                // NaN (missing or empty points) fails the test too.
                if (!(x >= shape.X0 && x <= shape.X1 && y >= shape.Y0 && y <= shape.Y1)) continue;
                Location location = prepared is not null ? prepared.Locate(x, y) : PointInPolygon.Locate(polygons, shape.Row, x, y);
                if (!TPredicate.PointFirst(location)) continue;
                masks[i] |= bit;
                kept++;
            }
            return kept;
        }

        /// <summary>The coordinates of point rows [first, first + xs.Length); NaN for missing and empty rows.</summary>
        private void ReadPoints(int first, Span<double> xs, Span<double> ys)
        {
            int dim = points.Dimension;
            double* coordinates = points.Coordinates.Pointer;
            for (int i = 0; i < xs.Length; i++)
            {
                int row = first + i;
                xs[i] = ys[i] = double.NaN;
                (int partStart, int partEnd) = points.PartsOf(row);
                if (partStart == partEnd || points.IsNull(row)) continue;
                (int ringStart, int ringEnd) = points.RingsOf(partStart);
                if (ringStart == ringEnd) continue;
                (int vertex, int stop) = points.VerticesOf(ringStart);
                if (vertex == stop) continue;
                // Safe: the point's vertex lies inside the validated coordinate buffer.
                xs[i] = coordinates[(long)vertex * dim];
                ys[i] = coordinates[(long)vertex * dim + 1];
            }
        }
    }
}
