using System.Reflection;
using System.Runtime.CompilerServices;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Noding;
using NetTopologySuite.Operation.OverlayNG;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;
using SpatialFunction = NetTopologySuite.Operation.Overlay.SpatialFunction;

namespace Sharply.Core.Nts;

/// <summary>
/// <see cref="OverlayNGRobust.Overlay"/> with its first, floating-precision attempt noded by
/// <see cref="ValidatingSweepNoder"/> (the same nodes as NTS's own noder, found faster) and its disconnected
/// edges located by <see cref="ChunkedPointInAreaLocator"/> (the same locations, without building an interval
/// R-tree for a few dozen points). When that attempt fails, <see cref="OverlayNGRobust"/> runs its whole sequence of
/// snapping strategies.
/// </summary>
internal static class FastOverlay
{
    private const string InputType = "NetTopologySuite.Operation.OverlayNG.InputGeometry, NetTopologySuite";

    public static NtsGeometry Overlay(NtsGeometry a, NtsGeometry b, SpatialFunction function)
    {
        try
        {
            // OverlayNG.Overlay(a, b, function, precisionModel, noder) does exactly this, minus the locators.
            var overlay = new OverlayNG(a, b, a.Factory.PrecisionModel, function);
            SetNoder(overlay, new ValidatingSweepNoder());
            object input = InputField.GetValue(overlay) ?? throw new InvalidOperationException("OverlayNG has no input");
            if (a is IPolygonal) LocatorA(input) = new ChunkedPointInAreaLocator(a);
            if (b is IPolygonal) LocatorB(input) = new ChunkedPointInAreaLocator(b);
            return overlay.GetResult();
        }
        catch (Exception)
        {
            return OverlayNGRobust.Overlay(a, b, function);
        }
    }

    // NTS 2.6 keeps the noder setter and the input geometries internal; InputGeometry makes its locators
    // on first use, only for polygonal inputs, so ones set beforehand are used instead. The input field is
    // read by reflection (a constant name on a known type, kept by the trimmer): NativeAOT does not support
    // an accessor returning a reference to a field of an inaccessible type.
    private static readonly FieldInfo InputField =
        typeof(OverlayNG).GetField("_inputGeom", BindingFlags.NonPublic | BindingFlags.Instance)
        ?? throw new MissingFieldException(nameof(OverlayNG), "_inputGeom");

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Noder")]
    private static extern void SetNoder(OverlayNG overlay, INoder noder);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_ptLocatorA")]
    private static extern ref IPointOnGeometryLocator LocatorA([UnsafeAccessorType(InputType)] object input);

    [UnsafeAccessor(UnsafeAccessorKind.Field, Name = "_ptLocatorB")]
    private static extern ref IPointOnGeometryLocator LocatorB([UnsafeAccessorType(InputType)] object input);
}
