namespace Sharply.Core.Parallel;

/// <summary>The work of a parallel loop over <c>[start, end)</c>. Implemented by structs so that the
/// loop is specialised for each body and makes no delegate call per element.</summary>
public interface IRangeBody
{
    /// <summary>Processes the elements from <paramref name="start"/> (inclusive) to <paramref name="end"/> (exclusive).</summary>
    void Run(int start, int end);
}
