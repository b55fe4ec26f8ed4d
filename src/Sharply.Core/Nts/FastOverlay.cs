using NetTopologySuite.Operation.OverlayNG;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;
using SpatialFunction = NetTopologySuite.Operation.Overlay.SpatialFunction;

namespace Sharply.Core.Nts;

/// <summary>
/// <see cref="OverlayNGRobust.Overlay"/> with its first, floating-precision attempt noded by
/// <see cref="ValidatingSweepNoder"/> (the same nodes as NTS's own noder, found faster). When that attempt
/// fails, <see cref="OverlayNGRobust"/> runs its whole sequence of snapping strategies.
/// </summary>
internal static class FastOverlay
{
    public static NtsGeometry Overlay(NtsGeometry a, NtsGeometry b, SpatialFunction function)
    {
        try
        {
            return OverlayNG.Overlay(a, b, function, a.Factory.PrecisionModel, new ValidatingSweepNoder());
        }
        catch (Exception)
        {
            return OverlayNGRobust.Overlay(a, b, function);
        }
    }
}
