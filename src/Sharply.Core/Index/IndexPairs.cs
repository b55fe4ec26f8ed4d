using Sharply.Core.Geometries;

namespace Sharply.Core.Index;

/// <summary>
/// The result of a bulk query: <see cref="Count"/> pairs of (query index, tree index), ordered by query
/// index and then tree index, with optional distances. <see cref="Indices"/> holds the query indices
/// followed by the tree indices: the layout of a C-contiguous (2, Count) int64 array.
/// </summary>
public sealed class IndexPairs
{
    internal IndexPairs(int count, DataBuffer<long> indices, DataBuffer<double>? distances)
    {
        Count = count;
        Indices = indices;
        Distances = distances;
    }

    /// <summary>Number of pairs.</summary>
    public int Count { get; }

    /// <summary>2 × <see cref="Count"/> values: query indices, then tree indices.</summary>
    public DataBuffer<long> Indices { get; }

    /// <summary>The distance of each pair, when requested.</summary>
    public DataBuffer<double>? Distances { get; }

    /// <summary>The query index of each pair.</summary>
    public ReadOnlySpan<long> Inputs => Indices.Span[..Count];

    /// <summary>The tree index of each pair.</summary>
    public ReadOnlySpan<long> Trees => Indices.Span[Count..];
}
