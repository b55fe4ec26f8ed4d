using Sharply.Core.Geometries;

namespace Sharply.Core.Kernels;

/// <summary>A geometry -> int kernel, with its value for a missing row.</summary>
internal interface IUnaryIntOp
{
    static abstract int Missing { get; }

    static abstract int Apply(GeometryArray array, int row);
}
