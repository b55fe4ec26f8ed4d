namespace Sharply.Core.Index;

/// <summary>The exact predicate that refines the candidate pairs of a tree query (Shapely's <c>STRtree.query</c>
/// predicates): a pair (input, tree) is kept when <c>predicate(input, tree)</c> holds.</summary>
public enum SpatialPredicate
{
    /// <summary>No refinement: bounding boxes intersect.</summary>
    None,
    /// <summary>The geometries share a point.</summary>
    Intersects,
    /// <summary>The input lies within the tree geometry.</summary>
    Within,
    /// <summary>The input contains the tree geometry.</summary>
    Contains,
    /// <summary>The geometries share some, but not all, points, in the same dimension.</summary>
    Overlaps,
    /// <summary>The geometries share some interior points, in a lower dimension.</summary>
    Crosses,
    /// <summary>The geometries meet only on their boundaries.</summary>
    Touches,
    /// <summary>No point of the tree geometry lies outside the input.</summary>
    Covers,
    /// <summary>No point of the input lies outside the tree geometry.</summary>
    CoveredBy,
    /// <summary>The tree geometry lies in the interior of the input.</summary>
    ContainsProperly,

    /// <summary>The geometries are within a distance of each other.</summary>
    DWithin,
}
