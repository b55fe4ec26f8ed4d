using Sharply.Core.Geometries;
using Sharply.Core.Nts;
using Sharply.Core.Parallel;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace Sharply.Core.Kernels;

/// <summary>
/// The loops of the NTS-backed constructive kernels: rows are computed in parallel into NTS results,
/// which are then appended in row order to a builder. Missing rows stay missing.
/// </summary>
internal static class GeometryDriver
{
    public static GeometryArray Run<TOp>(GeometryArray array, TOp op) where TOp : struct, IGeometryOp
    {
        var results = new NtsGeometry?[array.Length];
        var body = new UnaryBody<TOp> { Array = array, Op = op, Results = results };
        ParallelRange.For(array.Length, WorkGrain.Nts(array), ref body);
        return NtsConverter.ToArray(results, array.Crs);
    }

    public static GeometryArray Run<TOp>(GeometryArray a, GeometryArray b, TOp op) where TOp : struct, IBinaryGeometryOp
    {
        Broadcast shape = Broadcast.Of(a.Length, b.Length);
        var results = new NtsGeometry?[shape.Count];
        var body = new BinaryBody<TOp> { A = a, B = b, Shape = shape, Op = op, Results = results };
        if (shape.ScalarA) body.ScalarA = NtsConverter.ToNts(a, 0);
        if (shape.ScalarB) body.ScalarB = NtsConverter.ToNts(b, 0);
        ParallelRange.For(shape.Count, WorkGrain.Nts(a, b, shape), ref body);
        return NtsConverter.ToArray(results, a.Crs ?? b.Crs);
    }

    private struct UnaryBody<TOp> : IRangeBody where TOp : struct, IGeometryOp
    {
        public GeometryArray Array;
        public TOp Op;
        public NtsGeometry?[] Results;

        public void Run(int start, int end)
        {
            for (int row = start; row < end; row++)
            {
                if (Array.IsNull(row)) continue;
                try
                {
                    Results[row] = Op.Apply(NtsConverter.ToNts(Array, row)!);
                }
                catch (Exception error) when (error is not SharplyException)
                {
                    throw new GeometryOperationException(row, error);
                }
            }
        }
    }

    private struct BinaryBody<TOp> : IRangeBody where TOp : struct, IBinaryGeometryOp
    {
        public GeometryArray A, B;
        public Broadcast Shape;
        public NtsGeometry? ScalarA, ScalarB;
        public TOp Op;
        public NtsGeometry?[] Results;

        public void Run(int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                int rowA = i & Shape.MaskA, rowB = i & Shape.MaskB;
                if (A.IsNull(rowA) || B.IsNull(rowB)) continue;
                try
                {
                    Results[i] = Op.Apply(ScalarA ?? NtsConverter.ToNts(A, rowA)!, ScalarB ?? NtsConverter.ToNts(B, rowB)!);
                }
                catch (Exception error) when (error is not SharplyException)
                {
                    throw new GeometryOperationException(i, error);
                }
            }
        }
    }
}
