using Sharply.Core.Geometries;
using Sharply.Core.Index;
using Sharply.CPython;
using Sharply.Module.Types;

namespace Sharply.Module.Functions;

/// <summary>Spatial index and spatial join: the native side of <c>sharply.STRtree</c> and <c>sharply.sjoin</c>.</summary>
internal static unsafe class SpatialIndex
{
    public static readonly PyFunction[] Functions =
    [
        new("_tree_build", ["geoms", "node_capacity"], &Build),
        new("_tree_query", ["tree", "geometry", "predicate", "distance"], &Query),
        new("_tree_query_nearest", ["tree", "geometry", "max_distance", "exclusive", "all_matches"], &QueryNearest),
        new("_sjoin", ["left", "right", "predicate", "distance"], &Join),
    ];

    /// <summary>The predicate names of Shapely's <c>STRtree.query</c>.</summary>
    private static readonly Dictionary<string, SpatialPredicate> Predicates = new(StringComparer.Ordinal)
    {
        ["intersects"] = SpatialPredicate.Intersects,
        ["within"] = SpatialPredicate.Within,
        ["contains"] = SpatialPredicate.Contains,
        ["overlaps"] = SpatialPredicate.Overlaps,
        ["crosses"] = SpatialPredicate.Crosses,
        ["touches"] = SpatialPredicate.Touches,
        ["covers"] = SpatialPredicate.Covers,
        ["covered_by"] = SpatialPredicate.CoveredBy,
        ["contains_properly"] = SpatialPredicate.ContainsProperly,
        ["dwithin"] = SpatialPredicate.DWithin,
    };

    /// <summary><c>_tree_build(geoms, node_capacity)</c>: a tree over the bounds of the geometries.</summary>
    private static Owned Build(in Arguments args)
    {
        GeometryInput input = Conversions.Geometry(args[0], "geoms");
        long capacity = args[1].ToInt64("node_capacity");
        if (capacity < 2 || capacity > PackedRTree.MaxNodeCapacity)
            throw new ArgumentException($"node_capacity must be between 2 and {PackedRTree.MaxNodeCapacity}, got {capacity}");
        GeometryArray rows = input.Rows;
        GeometryTree tree;
        using (Gil.Release()) tree = new GeometryTree(rows, (int)capacity);
        return PyGeometryTree.Wrap(tree);
    }

    /// <summary><c>_tree_query(tree, geometry, predicate, distance)</c>: tree indices for a scalar geometry,
    /// else a (2, n) int64 array of input and tree indices.</summary>
    private static Owned Query(in Arguments args)
    {
        GeometryTree tree = PyGeometryTree.Target(args[0], "tree");
        GeometryInput input = Conversions.Geometry(args[1], "geometry");
        SpatialPredicate predicate = PredicateOf(args[2]);
        using BufferView distances = DistancesOf(args[3], predicate, input.Length, out ReadOnlySpan<double> values);
        GeometryArray rows = input.Rows;
        IndexPairs pairs;
        using (Gil.Release()) pairs = tree.Query(rows, predicate, values);
        return input.IsScalar ? TreeIndices(pairs) : PairArray(pairs);
    }

    /// <summary><c>_tree_query_nearest(tree, geometry, max_distance, exclusive, all_matches)</c>: a tuple of the
    /// indices (as <see cref="Query"/>) and the distance of each pair.</summary>
    private static Owned QueryNearest(in Arguments args)
    {
        GeometryTree tree = PyGeometryTree.Target(args[0], "tree");
        GeometryInput input = Conversions.Geometry(args[1], "geometry");
        double maxDistance = args.HasValue(2) ? args[2].ToDouble("max_distance") : double.PositiveInfinity;
        if (!(maxDistance > 0)) throw new ArgumentException($"max_distance must be greater than 0, got {maxDistance}");
        bool exclusive = args[3].ToBool(), allMatches = args[4].ToBool();
        GeometryArray rows = input.Rows;
        IndexPairs pairs;
        using (Gil.Release()) pairs = tree.Nearest(rows, maxDistance, exclusive, allMatches, returnDistance: true);
        DataBuffer<double> distances = pairs.Distances!;
        using Owned indices = input.IsScalar ? TreeIndices(pairs) : PairArray(pairs);
        using Owned values = Conversions.NumpyArray(distances.Pointer, distances, sizeof(double), "d"u8, pairs.Count);
        return Py.Tuple(indices.Handle, values.Handle);
    }

    /// <summary><c>_sjoin(left, right, predicate, distance)</c>: a (2, n) int64 array of left and right indices.</summary>
    private static Owned Join(in Arguments args)
    {
        GeometryInput left = Conversions.Geometry(args[0], "left"), right = Conversions.Geometry(args[1], "right");
        SpatialPredicate predicate = PredicateOf(args[2]);
        using BufferView distances = DistancesOf(args[3], predicate, left.Length, out ReadOnlySpan<double> values);
        (GeometryArray leftRows, GeometryArray rightRows) = (left.Rows, right.Rows);
        IndexPairs pairs;
        using (Gil.Release()) pairs = SpatialJoin.Join(leftRows, rightRows, predicate, values);
        return PairArray(pairs);
    }

    private static SpatialPredicate PredicateOf(Borrowed name)
    {
        if (name.IsNone) return SpatialPredicate.None;
        string text = name.IsStr() ? name.ToStringValue() : throw new PyTypeErrorException($"predicate must be a string or None, got '{name.TypeName}'");
        return Predicates.TryGetValue(text, out SpatialPredicate predicate)
            ? predicate
            : throw new ArgumentException($"predicate '{text}' is not a valid option, must be one of {string.Join(", ", Predicates.Keys)}");
    }

    /// <summary>The float64 distances of a dwithin query (one, or one per input), read in place.</summary>
    private static BufferView DistancesOf(Borrowed distance, SpatialPredicate predicate, int inputs, out ReadOnlySpan<double> values)
    {
        if (predicate != SpatialPredicate.DWithin)
        {
            if (!distance.IsNone) throw new ArgumentException("distance is only used by the 'dwithin' predicate");
            values = default;
            return default;
        }
        if (distance.IsNone) throw new ArgumentException("distance parameter must be provided for dwithin predicate");
        BufferView view = BufferView.Acquire(distance, "distance");
        values = view.Span<double>("d", "distance", "float64");
        if (view.Dimensions > 1 || (values.Length != 1 && values.Length != inputs))
        {
            view.Dispose();
            throw new ArgumentException($"distance must hold 1 or {inputs} values, got {values.Length}");
        }
        return view;
    }

    /// <summary>The tree indices of the pairs (a 1-D int64 array sharing their memory).</summary>
    private static Owned TreeIndices(IndexPairs pairs) =>
        Conversions.NumpyArray(pairs.Indices.Pointer + pairs.Count, pairs.Indices, sizeof(long), "q"u8, pairs.Count);

    /// <summary>The pairs as a (2, n) int64 array sharing their memory (reshaped from 1-D, so n may be 0).</summary>
    private static Owned PairArray(IndexPairs pairs)
    {
        using Owned flat = Conversions.NumpyArray(pairs.Indices.Pointer, pairs.Indices, sizeof(long), "q"u8, 2L * pairs.Count);
        using Owned reshape = flat.Borrow().GetAttr("reshape");
        using Owned rows = Py.Int(2), columns = Py.Int(-1);
        return reshape.Borrow().Call(rows.Handle, columns.Handle);
    }
}
