using System.Runtime.CompilerServices;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.Noding;
using NetTopologySuite.Operation.Buffer;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace Sharply.Core.Nts;

/// <summary>
/// <see cref="BufferOp.Buffer(NtsGeometry, double, BufferParameters)"/>'s first, full-precision attempt with
/// NTS's own offset curves, noded by <see cref="SweepNoder"/> and assembled by <see cref="BufferGraph"/>.
/// When that attempt fails, <see cref="BufferOp"/> runs its whole sequence of strategies.
/// </summary>
internal static class FastBuffer
{
    private const string CurveSetBuilderType = "NetTopologySuite.Operation.Buffer.BufferCurveSetBuilder, NetTopologySuite";

    public static NtsGeometry Buffer(NtsGeometry geometry, double distance, BufferParameters parameters)
    {
        try
        {
            return BufferFullPrecision(geometry, distance, parameters);
        }
        catch (Exception)
        {
            return BufferOp.Buffer(geometry, distance, parameters);
        }
    }

    /// <summary>The buffer at the input's precision, without fallback.</summary>
    /// <exception cref="TopologyException">Floating-point noding left the curves inconsistent.</exception>
    internal static NtsGeometry BufferFullPrecision(NtsGeometry geometry, double distance, BufferParameters parameters)
    {
        PrecisionModel precisionModel = geometry.Factory.PrecisionModel;
        ElevationModel elevationModel = geometry.Factory.ElevationModel;
        IList<ISegmentString> curves = GetCurves(NewCurveSetBuilder(geometry, distance, precisionModel, elevationModel, parameters));
        if (curves.Count == 0) return geometry.Factory.CreatePolygon();
        // NTS validates the noding of zero-distance buffers only (JTS-852).
        INoder noder = distance == 0 && precisionModel.IsFloating
            ? new ValidatingSweepNoder()
            : new SweepNoder(new IntersectionAdder(new RobustLineIntersector(elevationModel) { PrecisionModel = precisionModel }));
        noder.ComputeNodes(curves);
        return BufferGraph.Build(noder.GetNodedSubstrings(), geometry.Factory);
    }

    // NTS 2.6 keeps BufferCurveSetBuilder internal; its BufferBuilder makes the curves exactly like this (its
    // constructor without elevation model leaves the builder empty).
    [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
    [return: UnsafeAccessorType(CurveSetBuilderType)]
    private static extern object NewCurveSetBuilder(NtsGeometry geometry, double distance, PrecisionModel precisionModel,
        ElevationModel? elevationModel, BufferParameters parameters);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "GetCurves")]
    private static extern IList<ISegmentString> GetCurves([UnsafeAccessorType(CurveSetBuilderType)] object builder);
}
