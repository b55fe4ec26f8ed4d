using System.Runtime.CompilerServices;
using NetTopologySuite.Operation.RelateNG;
using Sharply.Core.Geometries;
using Sharply.Core.Nts;
using Sharply.Core.Parallel;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace Sharply.Core.Kernels;

/// <summary>
/// The parallel loop of the RelateNG predicates. Pairs whose bounding boxes do not touch, and for
/// intersects / disjoint pairs with the same first vertex, are decided without building NTS geometries. A broadcast operand is converted once and prepared once per chunk
/// (a prepared RelateNG builds indexes lazily, so it is not shared between threads).
/// </summary>
internal static unsafe class RelateDriver
{
    public static void Run<TOp>(GeometryArray a, GeometryArray b, Span<byte> output) where TOp : IRelateOp
    {
        if (a.Length == 1 && b.Length == 1 && output.Length == 1)
        {
            // One pair (every scalar call): decided in place, without a loop body, grain or parallel loop.
            output[0] = Pair<TOp>(a, 0, b, 0, 0) ? (byte)1 : (byte)0;
            return;
        }
        Broadcast shape = Broadcast.Of(a.Length, b.Length, output.Length);
        // Safe: the loop finishes before the fixed block ends; indices stay below shape.Count.
        fixed (byte* target = output)
        {
            var body = new Body<TOp> { A = a, B = b, Shape = shape, Output = target };
            if (shape.ScalarA && !a.IsNull(0)) (body.Scalar, body.ScalarBox) = (NtsConverter.ToNts(a, 0), Box.Of(a, 0));
            if (shape.ScalarB && !b.IsNull(0)) (body.Scalar, body.ScalarBox) = (NtsConverter.ToNts(b, 0), Box.Of(b, 0));
            ParallelRange.For(shape.Count, WorkGrain.NtsPrepared(a, b, shape), ref body);
        }
    }

    /// <summary>The predicate for one pair of rows, neither of them prepared (output index <paramref name="index"/>).</summary>
    private static bool Pair<TOp>(GeometryArray a, int rowA, GeometryArray b, int rowB, int index) where TOp : IRelateOp
    {
        if (a.IsNull(rowA) || b.IsNull(rowB)) return false;
        if (Decided<TOp>(a, rowA, null, b, rowB, null, out bool result)) return result;
        try
        {
            return RelateNG.Relate(NtsConverter.ToNts(a, rowA)!, NtsConverter.ToNts(b, rowB)!, TOp.Create());
        }
        catch (Exception error) when (error is not SharplyException)
        {
            throw new GeometryOperationException(index, error);
        }
    }

    /// <summary>
    /// Decides a pair of present rows without NTS when it can: a common first vertex, bounding boxes
    /// that do not touch, two empties. Each row's vertex range is read once; a box already known (a
    /// broadcast row's) is not computed again, the others only when the first vertex does not decide.
    /// </summary>
    private static bool Decided<TOp>(GeometryArray a, int rowA, Box? knownA, GeometryArray b, int rowB, Box? knownB, out bool result)
        where TOp : IRelateOp
    {
        (int startA, int endA) = Vertices(a, rowA);
        (int startB, int endB) = Vertices(b, rowB);
        if (TOp.WhenSharingVertex is bool shared && SameFirstVertex(a, startA, endA, b, startB, endB))
        {
            result = shared;
            return true;
        }
        Box boxA = knownA ?? Box.OfVertices(a, startA, endA), boxB = knownB ?? Box.OfVertices(b, startB, endB);
        if (boxA.X1 < boxB.X0 || boxB.X1 < boxA.X0 || boxA.Y1 < boxB.Y0 || boxB.Y1 < boxA.Y0)
        {
            result = TOp.WhenApart;
            return true;
        }
        if (TOp.WhenBothEmpty is bool bothEmpty && a.IsEmpty(rowA) && b.IsEmpty(rowB))
        {
            result = bothEmpty;
            return true;
        }
        result = false;
        return false;
    }

    /// <summary>The vertices [start, end) of a row, all its parts and rings.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (int Start, int End) Vertices(GeometryArray array, int row)
    {
        (int partStart, int partEnd) = array.PartsOf(row);
        return (array.RingOffsets[array.PartOffsets[partStart]], array.RingOffsets[array.PartOffsets[partEnd]]);
    }

    /// <summary>True when both vertex ranges have a first (non-NaN) vertex and it is the same point: a
    /// common point, found in constant time (copies of one geometry, rows sharing a corner).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool SameFirstVertex(GeometryArray a, int startA, int endA, GeometryArray b, int startB, int endB)
    {
        if (startA == endA || startB == endB) return false;
        // Safe: each start lies in its [start, end), inside the validated coordinate buffer.
        double* p = a.Coordinates.Pointer + (long)startA * a.Dimension, q = b.Coordinates.Pointer + (long)startB * b.Dimension;
        return p[0] == q[0] && p[1] == q[1]; // false for NaN (POINT EMPTY)
    }

    /// <summary>The bounding box of a row's vertices (NaN for an empty row, which then decides nothing).</summary>
    private readonly record struct Box(double X0, double Y0, double X1, double Y1)
    {
        public static Box Of(GeometryArray array, int row)
        {
            (int start, int end) = Vertices(array, row);
            return OfVertices(array, start, end);
        }

        public static Box OfVertices(GeometryArray array, int start, int end)
        {
            RowBounds.OfVertices(array, start, end, out double x0, out double y0, out double x1, out double y1);
            return new Box(x0, y0, x1, y1);
        }
    }

    private struct Body<TOp> : IRangeBody where TOp : IRelateOp
    {
        public GeometryArray A, B;
        public Broadcast Shape;
        public NtsGeometry? Scalar;
        public Box ScalarBox;
        public byte* Output;

        public void Run(int start, int end)
        {
            RelateNG? prepared = null;
            for (int i = start; i < end; i++)
            {
                int rowA = i & Shape.MaskA, rowB = i & Shape.MaskB;
                bool result;
                if (!Shape.ScalarA && !Shape.ScalarB) result = Pair<TOp>(A, rowA, B, rowB, i);
                else if (A.IsNull(rowA) || B.IsNull(rowB)) result = false;
                else if (!Decided<TOp>(A, rowA, Shape.ScalarA ? ScalarBox : null, B, rowB, Shape.ScalarB ? ScalarBox : null, out result))
                {
                    try
                    {
                        result = Shape.ScalarA
                            ? (prepared ??= RelateNG.Prepare(Scalar!)).Evaluate(NtsConverter.ToNts(B, rowB)!, TOp.Create())
                            : (prepared ??= RelateNG.Prepare(Scalar!)).Evaluate(NtsConverter.ToNts(A, rowA)!, TOp.CreateTransposed());
                    }
                    catch (Exception error) when (error is not SharplyException)
                    {
                        throw new GeometryOperationException(i, error);
                    }
                }
                Output[i] = result ? (byte)1 : (byte)0;
            }
        }
    }
}
