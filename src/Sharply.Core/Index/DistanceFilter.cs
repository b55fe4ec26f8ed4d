using NetTopologySuite.Operation.Distance;
using Sharply.Core.Nts;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace Sharply.Core.Index;

/// <summary>
/// Keeps the candidate pairs whose geometries are within a distance of each other (the <c>dwithin</c>
/// predicate): points against points or (multi)polygons directly on the coordinates, other pairs with
/// NetTopologySuite's <see cref="DistanceOp"/> (the current input converted once per chunk).
/// </summary>
internal struct DistanceFilter(JoinSide input, JoinSide tree, double[] distances) : IPairFilter
{
    private int _inputRow = -1;
    private NtsGeometry? _inputGeometry;

    public bool Keep(int inputRow, int treeRow)
    {
        double distance = distances[distances.Length == 1 ? 0 : inputRow];
        JoinSide.Shape inputShape = input.ShapeOf(inputRow), treeShape = tree.ShapeOf(treeRow);
        if (inputShape == JoinSide.Shape.Point)
        {
            input.PointOf(inputRow, out double x, out double y);
            if (treeShape == JoinSide.Shape.Point)
            {
                tree.PointOf(treeRow, out double tx, out double ty);
                double dx = x - tx, dy = y - ty;
                return Math.Sqrt(dx * dx + dy * dy) <= distance;
            }
            if (treeShape == JoinSide.Shape.Polygonal) return tree.IsWithinDistance(treeRow, x, y, distance);
        }
        else if (treeShape == JoinSide.Shape.Point && inputShape == JoinSide.Shape.Polygonal)
        {
            tree.PointOf(treeRow, out double x, out double y);
            return input.IsWithinDistance(inputRow, x, y, distance);
        }
        try
        {
            if (inputRow != _inputRow)
            {
                _inputRow = inputRow;
                _inputGeometry = NtsConverter.ToNts(input.Array, inputRow)!;
            }
            return DistanceOp.IsWithinDistance(_inputGeometry!, NtsConverter.ToNts(tree.Array, treeRow)!, distance);
        }
        catch (Exception error) when (error is not SharplyException)
        {
            throw new GeometryOperationException(inputRow, error);
        }
    }
}
