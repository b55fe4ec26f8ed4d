using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace Sharply.Core.Kernels;

/// <summary>A geometry -> geometry kernel on NTS geometries (called for present rows only).</summary>
internal interface IGeometryOp
{
    NtsGeometry? Apply(NtsGeometry geometry);
}
