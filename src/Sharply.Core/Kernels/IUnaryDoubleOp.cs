using Sharply.Core.Geometries;

namespace Sharply.Core.Kernels;

/// <summary>A geometry -> double kernel. Called only for present rows; missing rows give NaN.</summary>
internal interface IUnaryDoubleOp
{
    static abstract double Apply(GeometryArray array, int row);
}
