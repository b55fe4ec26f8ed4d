using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Sharply.Core.Geometries;
using Sharply.Core.Parallel;

namespace Sharply.Core.Kernels;

/// <summary>The parallel loops of the geometry -> scalar kernels, one per output type.</summary>
internal static unsafe class UnaryDriver
{
    public static void Run<TOp>(GeometryArray array, Span<double> output) where TOp : IUnaryDoubleOp
    {
        CheckOutput(array, output.Length);
        // Safe: the loop finishes before the fixed block ends, and indices stay below array.Length.
        fixed (double* target = output)
        {
            var body = new DoubleBody<TOp> { Array = array, Output = target };
            Loop(array, ref body);
        }
    }

    public static void Run<TOp>(GeometryArray array, Span<int> output) where TOp : IUnaryIntOp
    {
        CheckOutput(array, output.Length);
        // Safe: as above.
        fixed (int* target = output)
        {
            var body = new IntBody<TOp> { Array = array, Output = target };
            Loop(array, ref body);
        }
    }

    public static void Run<TOp>(GeometryArray array, Span<byte> output) where TOp : IUnaryBoolOp
    {
        CheckOutput(array, output.Length);
        // Safe: as above.
        fixed (byte* target = output)
        {
            var body = new BoolBody<TOp> { Array = array, Output = target };
            Loop(array, ref body);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void CheckOutput(GeometryArray array, int outputLength)
    {
        if (outputLength != array.Length) ThrowOutputLength(array, outputLength);
    }

    [DoesNotReturn]
    private static void ThrowOutputLength(GeometryArray array, int outputLength) =>
        throw new ArgumentException($"output has length {outputLength}, {array.Length} expected");

    /// <summary>The rows in chunks on the worker threads; one row (every scalar call) in place, without
    /// computing a grain or entering the parallel loop.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Loop<TBody>(GeometryArray array, ref TBody body) where TBody : struct, IRangeBody
    {
        if (array.Length == 1) body.Run(0, 1);
        else ParallelRange.For(array.Length, WorkGrain.Scan(array), ref body);
    }

    private struct DoubleBody<TOp> : IRangeBody where TOp : IUnaryDoubleOp
    {
        public GeometryArray Array;
        public double* Output;

        public void Run(int start, int end)
        {
            for (int row = start; row < end; row++)
                Output[row] = Array.IsNull(row) ? double.NaN : TOp.Apply(Array, row);
        }
    }

    private struct IntBody<TOp> : IRangeBody where TOp : IUnaryIntOp
    {
        public GeometryArray Array;
        public int* Output;

        public void Run(int start, int end)
        {
            for (int row = start; row < end; row++)
                Output[row] = Array.IsNull(row) ? TOp.Missing : TOp.Apply(Array, row);
        }
    }

    private struct BoolBody<TOp> : IRangeBody where TOp : IUnaryBoolOp
    {
        public GeometryArray Array;
        public byte* Output;

        public void Run(int start, int end)
        {
            for (int row = start; row < end; row++)
                Output[row] = !Array.IsNull(row) && TOp.Apply(Array, row) ? (byte)1 : (byte)0;
        }
    }
}
