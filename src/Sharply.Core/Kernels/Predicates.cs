using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Distance;
using NetTopologySuite.Operation.RelateNG;
using Sharply.Core.Geometries;
using Sharply.Core.Nts;
using Sharply.Core.Parallel;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace Sharply.Core.Kernels;

/// <summary>
/// Spatial predicates over paired rows (equal lengths, or one operand of length 1 broadcast against the
/// other), written as bytes (1 true, 0 false); a missing row gives false. Topological predicates use
/// RelateNG, preparing the broadcast operand once per chunk of rows.
/// </summary>
public static unsafe class Predicates
{
    /// <summary>Writes 1 where the geometries share a point.</summary>
    public static void Intersects(GeometryArray a, GeometryArray b, Span<byte> output) => RelateDriver.Run<IntersectsOp>(a, b, output);
    /// <summary>Writes 1 where the geometries share no point.</summary>
    public static void Disjoint(GeometryArray a, GeometryArray b, Span<byte> output) => RelateDriver.Run<DisjointOp>(a, b, output);
    /// <summary>Writes 1 where no point of b lies outside a and the interiors meet.</summary>
    public static void Contains(GeometryArray a, GeometryArray b, Span<byte> output) => RelateDriver.Run<ContainsOp>(a, b, output);
    /// <summary>Writes 1 where a lies within b.</summary>
    public static void Within(GeometryArray a, GeometryArray b, Span<byte> output) => RelateDriver.Run<WithinOp>(a, b, output);
    /// <summary>Writes 1 where no point of b lies outside a.</summary>
    public static void Covers(GeometryArray a, GeometryArray b, Span<byte> output) => RelateDriver.Run<CoversOp>(a, b, output);
    /// <summary>Writes 1 where no point of a lies outside b.</summary>
    public static void CoveredBy(GeometryArray a, GeometryArray b, Span<byte> output) => RelateDriver.Run<CoveredByOp>(a, b, output);
    /// <summary>Writes 1 where the geometries meet only on their boundaries.</summary>
    public static void Touches(GeometryArray a, GeometryArray b, Span<byte> output) => RelateDriver.Run<TouchesOp>(a, b, output);
    /// <summary>Writes 1 where the geometries share some interior points, in a lower dimension.</summary>
    public static void Crosses(GeometryArray a, GeometryArray b, Span<byte> output) => RelateDriver.Run<CrossesOp>(a, b, output);
    /// <summary>Writes 1 where geometries of one dimension share some, but not all, points.</summary>
    public static void Overlaps(GeometryArray a, GeometryArray b, Span<byte> output) => RelateDriver.Run<OverlapsOp>(a, b, output);

    /// <summary>Topological equality (same point set).</summary>
    public static void Equals(GeometryArray a, GeometryArray b, Span<byte> output) => RelateDriver.Run<EqualsOp>(a, b, output);

    /// <summary>b lies in the interior of a, not touching a's boundary.</summary>
    public static void ContainsProperly(GeometryArray a, GeometryArray b, Span<byte> output) =>
        BinaryDriver.Run(a, b, output, new RelatePatternOp("T**FF*FF*"));

    /// <summary>True when the DE-9IM matrix of (a, b) matches <paramref name="pattern"/> (9 of 'T', 'F', '*', '0', '1', '2').</summary>
    public static void RelatePattern(GeometryArray a, GeometryArray b, string pattern, Span<byte> output)
    {
        if (pattern.Length != 9 || pattern.AsSpan().IndexOfAnyExcept("TF*012") >= 0)
            throw new ArgumentException($"invalid DE-9IM pattern '{pattern}'");
        BinaryDriver.Run(a, b, output, new RelatePatternOp(pattern));
    }

    /// <summary>The DE-9IM matrix of each pair as a 9-character string; null when a row is missing.</summary>
    public static void Relate(GeometryArray a, GeometryArray b, string?[] output)
    {
        Broadcast shape = Broadcast.Of(a.Length, b.Length, output.Length);
        var body = new RelateBody { A = a, B = b, Shape = shape, Output = output };
        if (shape.ScalarA) body.ScalarA = NtsConverter.ToNts(a, 0);
        if (shape.ScalarB) body.ScalarB = NtsConverter.ToNts(b, 0);
        ParallelRange.For(shape.Count, WorkGrain.NtsPrepared(a, b, shape), ref body);
    }

    /// <summary>Structural equality: same type and structure, vertices within <paramref name="tolerance"/>.</summary>
    public static void EqualsExact(GeometryArray a, GeometryArray b, double tolerance, Span<byte> output) =>
        BinaryDriver.Run(a, b, output, new EqualsExactOp(tolerance));

    /// <summary>True when the distance between the rows is at most <paramref name="distance"/> (false for empties).</summary>
    public static void DWithin(GeometryArray a, GeometryArray b, double distance, Span<byte> output) =>
        BinaryDriver.Run(a, b, output, new DWithinOp(distance));

    /// <summary>True when point (x, y) lies in the interior of the row (boundary excluded). Rows,
    /// <paramref name="x"/> and <paramref name="y"/> broadcast as one operand of length 1 against the others.</summary>
    public static void ContainsXy(GeometryArray a, ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<byte> output) =>
        PointInPolygon.Run(a, x, y, output, boundaryCounts: false);

    /// <summary>True when point (x, y) lies in the interior or on the boundary of the row.</summary>
    public static void IntersectsXy(GeometryArray a, ReadOnlySpan<double> x, ReadOnlySpan<double> y, Span<byte> output) =>
        PointInPolygon.Run(a, x, y, output, boundaryCounts: true);

    private struct IntersectsOp : IRelateOp
    {
        public static TopologyPredicate Create() => RelatePredicate.Intersects();
        public static TopologyPredicate CreateTransposed() => RelatePredicate.Intersects();
        public static bool WhenApart => false;
        public static bool? WhenSharingVertex => true;
    }

    private struct DisjointOp : IRelateOp
    {
        public static TopologyPredicate Create() => RelatePredicate.Disjoint();
        public static TopologyPredicate CreateTransposed() => RelatePredicate.Disjoint();
        public static bool WhenApart => true;
        public static bool? WhenSharingVertex => false;
    }

    private struct ContainsOp : IRelateOp
    {
        public static TopologyPredicate Create() => RelatePredicate.Contains();
        public static TopologyPredicate CreateTransposed() => RelatePredicate.Within();
        public static bool WhenApart => false;
    }

    private struct WithinOp : IRelateOp
    {
        public static TopologyPredicate Create() => RelatePredicate.Within();
        public static TopologyPredicate CreateTransposed() => RelatePredicate.Contains();
        public static bool WhenApart => false;
    }

    private struct CoversOp : IRelateOp
    {
        public static TopologyPredicate Create() => RelatePredicate.Covers();
        public static TopologyPredicate CreateTransposed() => RelatePredicate.CoveredBy();
        public static bool WhenApart => false;
    }

    private struct CoveredByOp : IRelateOp
    {
        public static TopologyPredicate Create() => RelatePredicate.CoveredBy();
        public static TopologyPredicate CreateTransposed() => RelatePredicate.Covers();
        public static bool WhenApart => false;
    }

    private struct TouchesOp : IRelateOp
    {
        public static TopologyPredicate Create() => RelatePredicate.Touches();
        public static TopologyPredicate CreateTransposed() => RelatePredicate.Touches();
        public static bool WhenApart => false;
    }

    private struct CrossesOp : IRelateOp
    {
        public static TopologyPredicate Create() => RelatePredicate.Crosses();
        public static TopologyPredicate CreateTransposed() => RelatePredicate.Crosses();
        public static bool WhenApart => false;
    }

    private struct OverlapsOp : IRelateOp
    {
        public static TopologyPredicate Create() => RelatePredicate.Overlaps();
        public static TopologyPredicate CreateTransposed() => RelatePredicate.Overlaps();
        public static bool WhenApart => false;
    }

    private struct EqualsOp : IRelateOp
    {
        public static TopologyPredicate Create() => RelatePredicate.EqualsTopologically();
        public static TopologyPredicate CreateTransposed() => RelatePredicate.EqualsTopologically();
        public static bool WhenApart => false;

        /// <summary>GEOS: two empty geometries are equal.</summary>
        public static bool? WhenBothEmpty => true;
    }

    /// <summary>Matches the full matrix here: NTS 2.6's pattern matching (RelatePredicate.Matches,
    /// IntersectionMatrix.Matches) throws "Unknown target dimension" on empty cells.</summary>
    private readonly struct RelatePatternOp(string pattern) : IBinaryOp<bool>
    {
        public bool Missing => false;

        public bool Apply(GeometryArray a, int rowA, GeometryArray b, int rowB, NtsGeometry? scalarA, NtsGeometry? scalarB) =>
            Matches(Matrix(scalarA ?? NtsConverter.ToNts(a, rowA)!, scalarB ?? NtsConverter.ToNts(b, rowB)!), pattern);
    }

    /// <summary>The DE-9IM string. Empty operands are handled here: NTS 2.6's RelateNG throws
    /// "Unknown target dimension" when computing the full matrix against an empty geometry.</summary>
    private static string Matrix(NtsGeometry a, NtsGeometry b)
    {
        if (!a.IsEmpty && !b.IsEmpty) return RelateNG.Relate(a, b).ToString();
        if (a.IsEmpty && b.IsEmpty) return "FFFFFFFF2";
        if (a.IsEmpty) return $"FFFFFF{DimensionChar(b.Dimension)}{DimensionChar(b.BoundaryDimension)}2";
        return $"FF{DimensionChar(a.Dimension)}FF{DimensionChar(a.BoundaryDimension)}FF2";
    }

    private static char DimensionChar(Dimension dimension) => dimension < 0 ? 'F' : (char)('0' + (int)dimension);

    private static bool Matches(string matrix, string pattern)
    {
        for (int i = 0; i < 9; i++)
        {
            char want = pattern[i], have = matrix[i];
            bool ok = want switch
            {
                '*' => true,
                'T' => have != 'F',
                _ => have == want,
            };
            if (!ok) return false;
        }
        return true;
    }

    private readonly struct EqualsExactOp(double tolerance) : IBinaryOp<bool>
    {
        public bool Missing => false;

        public bool Apply(GeometryArray a, int rowA, GeometryArray b, int rowB, NtsGeometry? scalarA, NtsGeometry? scalarB) =>
            (scalarA ?? NtsConverter.ToNts(a, rowA)!).EqualsExact(scalarB ?? NtsConverter.ToNts(b, rowB)!, tolerance);
    }

    private readonly struct DWithinOp(double distance) : IBinaryOp<bool>
    {
        public bool Missing => false;

        public bool Apply(GeometryArray a, int rowA, GeometryArray b, int rowB, NtsGeometry? scalarA, NtsGeometry? scalarB)
        {
            RowBounds.Of(a, rowA, out double ax0, out double ay0, out double ax1, out double ay1);
            RowBounds.Of(b, rowB, out double bx0, out double by0, out double bx1, out double by1);
            if (double.IsNaN(ax0) || double.IsNaN(bx0)) return false;
            double dx = Math.Max(0, Math.Max(ax0 - bx1, bx0 - ax1)), dy = Math.Max(0, Math.Max(ay0 - by1, by0 - ay1));
            if (dx * dx + dy * dy > distance * distance) return false;
            return DistanceOp.IsWithinDistance(scalarA ?? NtsConverter.ToNts(a, rowA)!, scalarB ?? NtsConverter.ToNts(b, rowB)!, distance);
        }
    }

    private struct RelateBody : IRangeBody
    {
        public GeometryArray A, B;
        public Broadcast Shape;
        public NtsGeometry? ScalarA, ScalarB;
        public string?[] Output;

        public void Run(int start, int end)
        {
            RelateNG? prepared = ScalarA is not null ? RelateNG.Prepare(ScalarA) : ScalarB is not null ? RelateNG.Prepare(ScalarB) : null;
            for (int i = start; i < end; i++)
            {
                int rowA = i & Shape.MaskA, rowB = i & Shape.MaskB;
                if (A.IsNull(rowA) || B.IsNull(rowB))
                {
                    Output[i] = null;
                    continue;
                }
                try
                {
                    NtsGeometry a = ScalarA ?? NtsConverter.ToNts(A, rowA)!, b = ScalarB ?? NtsConverter.ToNts(B, rowB)!;
                    if (a.IsEmpty || b.IsEmpty) Output[i] = Matrix(a, b);
                    else if (ScalarA is not null) Output[i] = prepared!.Evaluate(b).ToString();
                    else if (ScalarB is not null) Output[i] = prepared!.Evaluate(a).Transpose().ToString();
                    else Output[i] = RelateNG.Relate(a, b).ToString();
                }
                catch (Exception error) when (error is not SharplyException)
                {
                    throw new GeometryOperationException(i, error);
                }
            }
        }
    }
}
