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
        Broadcast shape = Broadcast.Of(a.Length, b.Length, output.Length);
        // Safe: the loop finishes before the fixed block ends; indices stay below shape.Count.
        fixed (byte* target = output)
        {
            var body = new Body<TOp> { A = a, B = b, Shape = shape, Output = target };
            // One pair (every scalar call) runs in place: no grain, no parallel loop, no broadcast to convert.
            if (shape.Count == 1)
            {
                body.Run(0, 1);
                return;
            }
            if (shape.ScalarA && !a.IsNull(0)) body.Scalar = NtsConverter.ToNts(a, 0);
            if (shape.ScalarB && !b.IsNull(0)) body.Scalar = NtsConverter.ToNts(b, 0);
            ParallelRange.For(shape.Count, WorkGrain.NtsPrepared(a, b, shape), ref body);
        }
    }

    /// <summary>True when both rows have a first (non-NaN) vertex and it is the same point: a common
    /// point, found in constant time (copies of one geometry, rows sharing a corner).</summary>
    private static bool SameFirstVertex(GeometryArray a, int rowA, GeometryArray b, int rowB)
    {
        if (!FirstVertex(a, rowA, out double ax, out double ay) || !FirstVertex(b, rowB, out double bx, out double by)) return false;
        return ax == bx && ay == by;
    }

    private static bool FirstVertex(GeometryArray array, int row, out double x, out double y)
    {
        (int partStart, int partEnd) = array.PartsOf(row);
        int start = array.RingOffsets[array.PartOffsets[partStart]], end = array.RingOffsets[array.PartOffsets[partEnd]];
        x = y = double.NaN;
        if (start == end) return false;
        // Safe: vertex start lies in [start, end), inside the validated coordinate buffer.
        double* p = array.Coordinates.Pointer + (long)start * array.Dimension;
        x = p[0];
        y = p[1];
        return !double.IsNaN(x) && !double.IsNaN(y);
    }

    private struct Body<TOp> : IRangeBody where TOp : IRelateOp
    {
        public GeometryArray A, B;
        public Broadcast Shape;
        public NtsGeometry? Scalar;
        public byte* Output;

        public void Run(int start, int end)
        {
            RelateNG? prepared = null;
            for (int i = start; i < end; i++)
            {
                int rowA = i & Shape.MaskA, rowB = i & Shape.MaskB;
                if (A.IsNull(rowA) || B.IsNull(rowB))
                {
                    Output[i] = 0;
                    continue;
                }
                bool result;
                if (TOp.WhenSharingVertex is bool shared && SameFirstVertex(A, rowA, B, rowB)) result = shared;
                else if (RowBounds.Disjoint(A, rowA, B, rowB)) result = TOp.WhenApart;
                else if (TOp.WhenBothEmpty is bool bothEmpty && A.IsEmpty(rowA) && B.IsEmpty(rowB)) result = bothEmpty;
                else
                {
                    try
                    {
                        if (Shape.ScalarA)
                            result = (prepared ??= RelateNG.Prepare(Scalar!)).Evaluate(NtsConverter.ToNts(B, rowB)!, TOp.Create());
                        else if (Shape.ScalarB)
                            result = (prepared ??= RelateNG.Prepare(Scalar!)).Evaluate(NtsConverter.ToNts(A, rowA)!, TOp.CreateTransposed());
                        else
                            result = RelateNG.Relate(NtsConverter.ToNts(A, rowA)!, NtsConverter.ToNts(B, rowB)!, TOp.Create());
                    }
                    catch (Exception error) when (error is not SharplyException)
                    {
                        throw new GeometryOperationException(i, error.Message, error);
                    }
                }
                Output[i] = result ? (byte)1 : (byte)0;
            }
        }
    }
}
