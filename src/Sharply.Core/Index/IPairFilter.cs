namespace Sharply.Core.Index;

/// <summary>
/// Refines candidate pairs of a bulk query (for example with an exact predicate). Implemented by structs
/// so the query loop is specialised for each filter and makes no delegate call per pair.
/// <para>Each parallel chunk works on its own copy of the filter and sees its inputs in ascending order,
/// so value-type fields may cache per-input state; shared reference fields must be safe to read from
/// several threads.</para>
/// </summary>
public interface IPairFilter
{
    /// <summary>True to keep the pair of query item <paramref name="input"/> and tree item <paramref name="tree"/>.</summary>
    bool Keep(int input, int tree);
}
