using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace Sharply.Core.Kernels;

/// <summary>A geometry x geometry -> geometry kernel on NTS geometries (called when both rows are present).</summary>
internal interface IBinaryGeometryOp
{
    NtsGeometry? Apply(NtsGeometry a, NtsGeometry b);
}
