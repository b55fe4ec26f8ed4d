using Sharply.Core.Geometries;

namespace Sharply.Core.Kernels;

/// <summary>A geometry -> bool kernel. Called only for present rows; missing rows give false.</summary>
internal interface IUnaryBoolOp
{
    static abstract bool Apply(GeometryArray array, int row);
}
