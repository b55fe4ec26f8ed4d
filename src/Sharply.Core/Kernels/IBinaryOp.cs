using Sharply.Core.Geometries;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace Sharply.Core.Kernels;

/// <summary>
/// A geometry x geometry -> <typeparamref name="T"/> kernel. Called only when both rows are present; a
/// broadcast (single-row) operand arrives already converted to NTS in <c>scalarA</c>/<c>scalarB</c>
/// so that it is converted once per call, not once per row.
/// </summary>
internal interface IBinaryOp<T>
{
    /// <summary>The value when either row is missing.</summary>
    T Missing { get; }

    T Apply(GeometryArray a, int rowA, GeometryArray b, int rowB, NtsGeometry? scalarA, NtsGeometry? scalarB);
}
