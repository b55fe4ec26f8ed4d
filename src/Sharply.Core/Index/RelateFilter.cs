using NetTopologySuite.Operation.RelateNG;
using Sharply.Core.Nts;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace Sharply.Core.Index;

/// <summary>
/// Keeps the candidate pairs (input, tree) for which <c>TPredicate(input, tree)</c> holds. A point against a
/// (multi)polygon is decided by locating the point (no NTS geometry is built); other pairs by RelateNG with
/// the side of higher dimension prepared, so the work does not depend on which operand is the tree.
/// Prepared geometries are cached per chunk: the current input, and the tree rows seen (a chunk meets the
/// same few tree rows again and again when it queries many small inputs).
/// <para>Like the vectorized predicates (Kernels.Predicates), every pair RelateNG decides uses RelateNG, so a join
/// and the predicate functions always agree.</para>
/// </summary>
internal struct RelateFilter<TPredicate>(JoinSide input, JoinSide tree) : IPairFilter
    where TPredicate : struct, IJoinPredicate
{
    /// <summary>Prepared tree rows kept per chunk before the cache is emptied.</summary>
    private const int MaxPreparedTrees = 256;

    private int _inputRow = -1;
    private NtsGeometry? _inputGeometry;
    private RelateNG? _inputPrepared;
    private Dictionary<int, RelateNG>? _preparedTrees;

    public bool Keep(int inputRow, int treeRow)
    {
        JoinSide.Shape inputShape = input.ShapeOf(inputRow), treeShape = tree.ShapeOf(treeRow);
        if (inputShape == JoinSide.Shape.Point)
        {
            input.PointOf(inputRow, out double x, out double y);
            if (treeShape == JoinSide.Shape.Point)
            {
                tree.PointOf(treeRow, out double tx, out double ty);
                return TPredicate.EqualPoints && x == tx && y == ty;
            }
            if (treeShape == JoinSide.Shape.Polygonal) return TPredicate.PointFirst(tree.Locate(treeRow, x, y));
        }
        else if (treeShape == JoinSide.Shape.Point && inputShape == JoinSide.Shape.Polygonal)
        {
            tree.PointOf(treeRow, out double x, out double y);
            return TPredicate.PolygonFirst(input.Locate(inputRow, x, y));
        }
        return Relate(inputRow, treeRow);
    }

    private bool Relate(int inputRow, int treeRow)
    {
        try
        {
            if (input.Rank(inputRow) >= tree.Rank(treeRow))
                return PreparedInput(inputRow).Evaluate(NtsConverter.ToNts(tree.Array, treeRow)!, TPredicate.Create());
            return PreparedTree(treeRow).Evaluate(InputGeometry(inputRow), TPredicate.CreateTransposed());
        }
        catch (Exception error) when (error is not SharplyException)
        {
            throw new GeometryOperationException(inputRow, error);
        }
    }

    private NtsGeometry InputGeometry(int row)
    {
        if (row != _inputRow)
        {
            _inputRow = row;
            _inputGeometry = NtsConverter.ToNts(input.Array, row)!;
            _inputPrepared = null;
        }
        return _inputGeometry!;
    }

    private RelateNG PreparedInput(int row)
    {
        NtsGeometry geometry = InputGeometry(row);
        return _inputPrepared ??= RelateNG.Prepare(geometry);
    }

    private RelateNG PreparedTree(int row)
    {
        _preparedTrees ??= [];
        if (_preparedTrees.TryGetValue(row, out RelateNG? prepared)) return prepared;
        if (_preparedTrees.Count == MaxPreparedTrees) _preparedTrees.Clear();
        prepared = RelateNG.Prepare(NtsConverter.ToNts(tree.Array, row)!);
        _preparedTrees.Add(row, prepared);
        return prepared;
    }
}
