using Sharply.Core.Geometries;
using Sharply.CPython;
using Kernels = Sharply.Core.Kernels;

namespace Sharply.Module.Functions;

/// <summary>Predicates: geometry x geometry -> bool (RelateNG in Core), DE-9IM matrices, point-in-geometry tests.</summary>
internal static unsafe class Predicates
{
    public static readonly PyFunction[] Functions =
    [
        new("intersects", ["a", "b"], &Intersects),
        new("disjoint", ["a", "b"], &Disjoint),
        new("contains", ["a", "b"], &Contains),
        new("within", ["a", "b"], &Within),
        new("covers", ["a", "b"], &Covers),
        new("covered_by", ["a", "b"], &CoveredBy),
        new("touches", ["a", "b"], &Touches),
        new("crosses", ["a", "b"], &Crosses),
        new("overlaps", ["a", "b"], &Overlaps),
        new("equals", ["a", "b"], &EqualsTopologically),
        new("contains_properly", ["a", "b"], &ContainsProperly),
        new("equals_exact", ["a", "b", "tolerance"], &EqualsExact),
        new("dwithin", ["a", "b", "distance"], &DWithin),
        new("relate", ["a", "b"], &Relate),
        new("relate_pattern", ["a", "b", "pattern"], &RelatePattern),
        new("contains_xy", ["geom", "x", "y"], &ContainsXy),
        new("intersects_xy", ["geom", "x", "y"], &IntersectsXy),
    ];

    private static Owned Intersects(in Arguments args) => Calls.BinaryBool(args, &Kernels.Predicates.Intersects);
    private static Owned Disjoint(in Arguments args) => Calls.BinaryBool(args, &Kernels.Predicates.Disjoint);
    private static Owned Contains(in Arguments args) => Calls.BinaryBool(args, &Kernels.Predicates.Contains);
    private static Owned Within(in Arguments args) => Calls.BinaryBool(args, &Kernels.Predicates.Within);
    private static Owned Covers(in Arguments args) => Calls.BinaryBool(args, &Kernels.Predicates.Covers);
    private static Owned CoveredBy(in Arguments args) => Calls.BinaryBool(args, &Kernels.Predicates.CoveredBy);
    private static Owned Touches(in Arguments args) => Calls.BinaryBool(args, &Kernels.Predicates.Touches);
    private static Owned Crosses(in Arguments args) => Calls.BinaryBool(args, &Kernels.Predicates.Crosses);
    private static Owned Overlaps(in Arguments args) => Calls.BinaryBool(args, &Kernels.Predicates.Overlaps);
    private static Owned EqualsTopologically(in Arguments args) => Calls.BinaryBool(args, &Kernels.Predicates.Equals);
    private static Owned ContainsProperly(in Arguments args) => Calls.BinaryBool(args, &Kernels.Predicates.ContainsProperly);

    private static Owned EqualsExact(in Arguments args) =>
        Calls.BinaryBool(args, new EqualsExactKernel(args[2].ToDouble("tolerance")));

    private static Owned DWithin(in Arguments args) =>
        Calls.BinaryBool(args, new DWithinKernel(args[2].ToDouble("distance")));

    private static Owned Relate(in Arguments args) => Calls.BinaryStrings(args, &Kernels.Predicates.Relate);

    private static Owned RelatePattern(in Arguments args)
    {
        if (!args[2].IsStr()) throw new PyTypeErrorException($"pattern must be a str, not '{args[2].TypeName}'");
        return Calls.BinaryBool(args, new RelatePatternKernel(args[2].ToStringValue()));
    }

    private static Owned ContainsXy(in Arguments args) => PointsIn(args, &Kernels.Predicates.ContainsXy);

    private static Owned IntersectsXy(in Arguments args) => PointsIn(args, &Kernels.Predicates.IntersectsXy);

    /// <summary>
    /// <c>contains_xy</c> / <c>intersects_xy</c>: x and y are float64 buffers (0-d or 1-D, read in place);
    /// the Python layer turns other inputs into those. A scalar geometry with 0-d x and y gives a bool.
    /// </summary>
    private static Owned PointsIn(in Arguments args, delegate*<GeometryArray, ReadOnlySpan<double>, ReadOnlySpan<double>, Span<byte>, void> kernel)
    {
        GeometryInput input = Conversions.Geometry(args[0], "geom");
        using BufferView xs = BufferView.Acquire(args[1], "x"), ys = BufferView.Acquire(args[2], "y");
        ReadOnlySpan<double> x = xs.Span<double>("d", "x", "float64"), y = ys.Span<double>("d", "y", "float64");
        if (xs.Dimensions > 1 || ys.Dimensions > 1)
            throw new ArgumentException($"x and y must be scalars or 1-D arrays, got {xs.Dimensions}-D and {ys.Dimensions}-D");
        GeometryArray rows = input.Rows;
        if (input.IsScalar && xs.Dimensions == 0 && ys.Dimensions == 0)
        {
            byte value = 0;
            using (Gil.ReleaseIf(input.IsLarge)) kernel(rows, x, y, new Span<byte>(ref value));
            return Conversions.Bool(value);
        }
        DataBuffer<byte> output = DataBuffer<byte>.Allocate(Calls.Paired(rows.Length, x.Length));
        using (Gil.ReleaseIf(output.Length > 256 || input.IsLarge)) kernel(rows, x, y, output.Span);
        return Conversions.Bools(output);
    }

    private readonly struct EqualsExactKernel(double tolerance) : IBinaryBoolKernel
    {
        public void Apply(GeometryArray a, GeometryArray b, Span<byte> output) => Kernels.Predicates.EqualsExact(a, b, tolerance, output);
    }

    private readonly struct DWithinKernel(double distance) : IBinaryBoolKernel
    {
        public void Apply(GeometryArray a, GeometryArray b, Span<byte> output) => Kernels.Predicates.DWithin(a, b, distance, output);
    }

    private readonly struct RelatePatternKernel(string pattern) : IBinaryBoolKernel
    {
        public void Apply(GeometryArray a, GeometryArray b, Span<byte> output) => Kernels.Predicates.RelatePattern(a, b, pattern, output);
    }
}
