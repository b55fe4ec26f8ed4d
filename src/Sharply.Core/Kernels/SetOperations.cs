using NetTopologySuite.Operation.Union;
using Sharply.Core.Geometries;
using Sharply.Core.Nts;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;
using SpatialFunction = NetTopologySuite.Operation.Overlay.SpatialFunction;

namespace Sharply.Core.Kernels;

/// <summary>Boolean overlay of paired rows (OverlayNG, sweep-noded, with NTS's snapping fallbacks), and reductions over all rows.
/// A missing row gives a missing result.</summary>
public static class SetOperations
{
    /// <summary>The points shared by each pair of rows.</summary>
    public static GeometryArray Intersection(GeometryArray a, GeometryArray b) => GeometryDriver.Run(a, b, new OverlayOp(SpatialFunction.Intersection));
    /// <summary>The points of either geometry of each pair of rows.</summary>
    public static GeometryArray Union(GeometryArray a, GeometryArray b) => GeometryDriver.Run(a, b, new OverlayOp(SpatialFunction.Union));
    /// <summary>The points of <paramref name="a"/> not in <paramref name="b"/>, row by row.</summary>
    public static GeometryArray Difference(GeometryArray a, GeometryArray b) => GeometryDriver.Run(a, b, new OverlayOp(SpatialFunction.Difference));
    /// <summary>The points in exactly one geometry of each pair of rows.</summary>
    public static GeometryArray SymmetricDifference(GeometryArray a, GeometryArray b) => GeometryDriver.Run(a, b, new OverlayOp(SpatialFunction.SymDifference));

    /// <summary>The union of all present rows as a one-row array (GEOMETRYCOLLECTION EMPTY when there is none).</summary>
    public static GeometryArray UnionAll(GeometryArray array)
    {
        List<NtsGeometry> geometries = Present(array);
        NtsGeometry result = geometries.Count == 0
            ? NtsConverter.Factory.CreateGeometryCollection()
            : Guard(() => UnaryUnionOp.Union(geometries, NtsConverter.Factory));
        return NtsConverter.ToArray([result], array.Crs);
    }

    /// <summary>The intersection of all present rows, folded in row order, as a one-row array
    /// (GEOMETRYCOLLECTION EMPTY when there is none).</summary>
    public static GeometryArray IntersectionAll(GeometryArray array) => Fold(array, SpatialFunction.Intersection);

    /// <summary>The symmetric difference of all present rows, folded in row order, as a one-row array
    /// (GEOMETRYCOLLECTION EMPTY when there is none).</summary>
    public static GeometryArray SymmetricDifferenceAll(GeometryArray array) => Fold(array, SpatialFunction.SymDifference);

    private static GeometryArray Fold(GeometryArray array, SpatialFunction function)
    {
        List<NtsGeometry> geometries = Present(array);
        NtsGeometry result = geometries.Count == 0 ? NtsConverter.Factory.CreateGeometryCollection() : geometries[0];
        for (int i = 1; i < geometries.Count; i++)
        {
            NtsGeometry current = result;
            NtsGeometry next = geometries[i];
            result = Guard(() => FastOverlay.Overlay(current, next, function));
        }
        return NtsConverter.ToArray([result], array.Crs);
    }

    private static List<NtsGeometry> Present(GeometryArray array)
    {
        var geometries = new List<NtsGeometry>(array.Length);
        for (int row = 0; row < array.Length; row++)
            if (NtsConverter.ToNts(array, row) is { } geometry) geometries.Add(geometry);
        return geometries;
    }

    private static NtsGeometry Guard(Func<NtsGeometry> operation)
    {
        try
        {
            return operation();
        }
        catch (Exception error) when (error is not SharplyException)
        {
            throw new GeometryOperationException(-1, error);
        }
    }

    private readonly struct OverlayOp(SpatialFunction function) : IBinaryGeometryOp
    {
        public NtsGeometry Apply(NtsGeometry a, NtsGeometry b) => FastOverlay.Overlay(a, b, function);
    }
}
