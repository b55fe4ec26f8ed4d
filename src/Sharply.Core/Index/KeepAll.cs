namespace Sharply.Core.Index;

/// <summary>The filter that keeps every candidate pair: a query on bounds alone.</summary>
public readonly struct KeepAll : IPairFilter
{
    /// <inheritdoc/>
    public bool Keep(int input, int tree) => true;
}
