using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Sharply.Core.Geometries;
using Sharply.Core.Parallel;

namespace Sharply.Core.Kernels;

/// <summary>The parallel loops of the geometry -> scalar kernels, one per output type. One row (every scalar
/// call) is computed in place: no loop body, grain or parallel loop.</summary>
internal static unsafe class UnaryDriver
{
    public static void Run<TOp>(GeometryArray array, Span<double> output) where TOp : IUnaryDoubleOp
    {
        CheckOutput(array, output.Length);
        if (array.Length == 1)
        {
            output[0] = DoubleBody<TOp>.Value(array, 0);
            return;
        }
        // Safe: the loop finishes before the fixed block ends, and indices stay below array.Length.
        fixed (double* target = output)
        {
            var body = new DoubleBody<TOp> { Array = array, Output = target };
            ParallelRange.For(array.Length, WorkGrain.Scan(array), ref body);
        }
    }

    public static void Run<TOp>(GeometryArray array, Span<int> output) where TOp : IUnaryIntOp
    {
        CheckOutput(array, output.Length);
        if (array.Length == 1)
        {
            output[0] = IntBody<TOp>.Value(array, 0);
            return;
        }
        // Safe: as above.
        fixed (int* target = output)
        {
            var body = new IntBody<TOp> { Array = array, Output = target };
            ParallelRange.For(array.Length, WorkGrain.Scan(array), ref body);
        }
    }

    public static void Run<TOp>(GeometryArray array, Span<byte> output) where TOp : IUnaryBoolOp
    {
        CheckOutput(array, output.Length);
        if (array.Length == 1)
        {
            output[0] = BoolBody<TOp>.Value(array, 0);
            return;
        }
        // Safe: as above.
        fixed (byte* target = output)
        {
            var body = new BoolBody<TOp> { Array = array, Output = target };
            ParallelRange.For(array.Length, WorkGrain.Scan(array), ref body);
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

    private struct DoubleBody<TOp> : IRangeBody where TOp : IUnaryDoubleOp
    {
        public GeometryArray Array;
        public double* Output;

        public void Run(int start, int end)
        {
            for (int row = start; row < end; row++)
                Output[row] = Value(Array, row);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static double Value(GeometryArray array, int row) => array.IsNull(row) ? double.NaN : TOp.Apply(array, row);
    }

    private struct IntBody<TOp> : IRangeBody where TOp : IUnaryIntOp
    {
        public GeometryArray Array;
        public int* Output;

        public void Run(int start, int end)
        {
            for (int row = start; row < end; row++)
                Output[row] = Value(Array, row);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static int Value(GeometryArray array, int row) => array.IsNull(row) ? TOp.Missing : TOp.Apply(array, row);
    }

    private struct BoolBody<TOp> : IRangeBody where TOp : IUnaryBoolOp
    {
        public GeometryArray Array;
        public byte* Output;

        public void Run(int start, int end)
        {
            for (int row = start; row < end; row++)
                Output[row] = Value(Array, row);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static byte Value(GeometryArray array, int row) => !array.IsNull(row) && TOp.Apply(array, row) ? (byte)1 : (byte)0;
    }
}
