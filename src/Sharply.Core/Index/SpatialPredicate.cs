namespace Sharply.Core.Index;

/// <summary>The exact predicate that refines the candidate pairs of a tree query (Shapely's <c>STRtree.query</c>
/// predicates): a pair (input, tree) is kept when <c>predicate(input, tree)</c> holds.</summary>
public enum SpatialPredicate
{
    /// <summary>No refinement: bounding boxes intersect.</summary>
    None,
    Intersects,
    Within,
    Contains,
    Overlaps,
    Crosses,
    Touches,
    Covers,
    CoveredBy,
    ContainsProperly,

    /// <summary>The geometries are within a distance of each other.</summary>
    DWithin,
}
