using System.Runtime.CompilerServices;
using Sharply.Core.Geometries;
using Sharply.Core.Nts;
using Sharply.Core.Parallel;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace Sharply.Core.Kernels;

/// <summary>The parallel loop of the geometry x geometry kernels, with broadcasting of a single row.</summary>
internal static unsafe class BinaryDriver
{
    public static void Run<TOp>(GeometryArray a, GeometryArray b, Span<double> output, TOp op) where TOp : struct, IBinaryOp<double>
    {
        Broadcast shape = Broadcast.Of(a.Length, b.Length, output.Length);
        // Safe: the loop finishes before the fixed block ends; indices stay below shape.Count.
        fixed (double* target = output)
        {
            var body = new Body<TOp, double> { A = a, B = b, Shape = shape, Op = op, Output = target };
            Loop(a, b, shape, ref body);
        }
    }

    public static void Run<TOp>(GeometryArray a, GeometryArray b, Span<byte> output, TOp op) where TOp : struct, IBinaryOp<bool>
    {
        Broadcast shape = Broadcast.Of(a.Length, b.Length, output.Length);
        // Safe: bool and byte have the same size and the kernels write only true (1) and false (0).
        fixed (byte* target = output)
        {
            var body = new Body<TOp, bool> { A = a, B = b, Shape = shape, Op = op, Output = (bool*)target };
            Loop(a, b, shape, ref body);
        }
    }

    /// <summary>The pairs in chunks on the worker threads; one pair (every scalar call) in place, without
    /// computing a grain or entering the parallel loop (a single pair broadcasts nothing to prepare).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Loop<TOp, T>(GeometryArray a, GeometryArray b, Broadcast shape, ref Body<TOp, T> body)
        where TOp : struct, IBinaryOp<T> where T : unmanaged
    {
        if (shape.Count == 1)
        {
            body.Run(0, 1);
            return;
        }
        body.Prepare();
        ParallelRange.For(shape.Count, WorkGrain.Nts(a, b, shape), ref body);
    }

    private struct Body<TOp, T> : IRangeBody where TOp : struct, IBinaryOp<T> where T : unmanaged
    {
        public GeometryArray A, B;
        public Broadcast Shape;
        public TOp Op;
        public T* Output;
        private NtsGeometry? _scalarA, _scalarB;

        public void Prepare()
        {
            if (Shape.ScalarA) _scalarA = NtsConverter.ToNts(A, 0);
            if (Shape.ScalarB) _scalarB = NtsConverter.ToNts(B, 0);
        }

        public void Run(int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                int rowA = i & Shape.MaskA, rowB = i & Shape.MaskB;
                if (A.IsNull(rowA) || B.IsNull(rowB))
                {
                    Output[i] = Op.Missing;
                    continue;
                }
                try
                {
                    Output[i] = Op.Apply(A, rowA, B, rowB, _scalarA, _scalarB);
                }
                catch (Exception error) when (error is not SharplyException)
                {
                    throw new GeometryOperationException(i, error);
                }
            }
        }
    }
}
