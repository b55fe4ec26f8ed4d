using NetTopologySuite.Operation.RelateNG;
using Sharply.Core.Nts;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace Sharply.Core.Index;

/// <summary>
/// The exact distance between an input row and a tree row for nearest-neighbour search: points directly on
/// the coordinates, other pairs with NetTopologySuite (the current input converted once per chunk). With
/// <c>exclusive</c>, tree rows equal to the input (topologically, as GEOS's equals) are excluded.
/// </summary>
internal struct GeometryDistance(JoinSide input, JoinSide tree, bool exclusive) : IItemDistance
{
    private int _inputRow = -1;
    private NtsGeometry? _inputGeometry;

    public double Distance(int inputRow, int treeRow)
    {
        try
        {
            if (input.ShapeOf(inputRow) == JoinSide.Shape.Point && tree.ShapeOf(treeRow) == JoinSide.Shape.Point)
            {
                input.PointOf(inputRow, out double x, out double y);
                tree.PointOf(treeRow, out double tx, out double ty);
                double dx = x - tx, dy = y - ty;
                double d = Math.Sqrt(dx * dx + dy * dy);
                return exclusive && d == 0 ? double.NaN : d;
            }
            if (inputRow != _inputRow)
            {
                _inputRow = inputRow;
                _inputGeometry = NtsConverter.ToNts(input.Array, inputRow)!;
            }
            NtsGeometry other = NtsConverter.ToNts(tree.Array, treeRow)!;
            double distance = _inputGeometry!.Distance(other);
            if (exclusive && distance == 0 && RelateNG.Relate(_inputGeometry, other, RelatePredicate.EqualsTopologically()))
                return double.NaN;
            return distance;
        }
        catch (Exception error) when (error is not SharplyException)
        {
            throw new GeometryOperationException(inputRow, error);
        }
    }
}
