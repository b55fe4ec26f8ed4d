namespace Sharply.Core.Index;

/// <summary>
/// The exact distance between a query item and a tree item, used by nearest-neighbour search. It must
/// never be less than the distance between the two items' bounds (the search prunes on box distance).
/// Implemented by structs; each parallel chunk works on its own copy.
/// </summary>
public interface IItemDistance
{
    /// <summary>The distance between query item <paramref name="input"/> and tree item
    /// <paramref name="tree"/>, or NaN to exclude the pair (for example a tree item equal to the input).</summary>
    double Distance(int input, int tree);
}
