using System.Runtime.CompilerServices;
using NetTopologySuite.Algorithm;
using NetTopologySuite.Noding;
using NetTopologySuite.Operation.Buffer;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace Sharply.Core.Nts;

/// <summary>
/// <see cref="BufferOp.Buffer(NtsGeometry, double, BufferParameters)"/> with its first, full-precision
/// attempt noded by <see cref="SweepNoder"/> (the same nodes as NTS's own noder, found faster). When that
/// attempt fails, <see cref="BufferOp"/> runs its whole sequence of reduced-precision strategies.
/// </summary>
internal static class FastBuffer
{
    private const string BuilderType = "NetTopologySuite.Operation.Buffer.BufferBuilder, NetTopologySuite";

    public static NtsGeometry Buffer(NtsGeometry geometry, double distance, BufferParameters parameters)
    {
        var intersector = new IntersectionAdder(new RobustLineIntersector { PrecisionModel = geometry.PrecisionModel });
        try
        {
            object builder = NewBuilder(parameters);
            SetNoder(builder, new SweepNoder(intersector));
            return Run(builder, geometry, distance);
        }
        catch (Exception)
        {
            return BufferOp.Buffer(geometry, distance, parameters);
        }
    }

    // NTS 2.6 keeps BufferBuilder internal; BufferOp uses it exactly like this for its first attempt.
    [UnsafeAccessor(UnsafeAccessorKind.Constructor)]
    [return: UnsafeAccessorType(BuilderType)]
    private static extern object NewBuilder(BufferParameters parameters);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "set_Noder")]
    private static extern void SetNoder([UnsafeAccessorType(BuilderType)] object builder, INoder noder);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "Buffer")]
    private static extern NtsGeometry Run([UnsafeAccessorType(BuilderType)] object builder, NtsGeometry geometry, double distance);
}
