namespace Sharply.Core.Geometries;

/// <summary>
/// Paces full collections by the large buffers allocated. Large pinned buffers are reclaimed only by
/// full (gen2) collections, which the runtime schedules from its own budget: once a few large results
/// are dropped, gigabytes of garbage wait for it, and the fresh pages the next results then fault in
/// cost far more than a collection (which hardly scans arrays of numbers). So a full collection runs
/// after every <see cref="CollectAfterBytes"/> of large buffers.
/// </summary>
internal static class LargeBuffers
{
    /// <summary>Bytes of large buffers allocated between two full collections at most.</summary>
    public const long CollectAfterBytes = 2L << 30;

    /// <summary>Buffers from this size on count as large (they live on the large or pinned object heap).</summary>
    public const int MinimumBytes = 256 * 1024;

    private static long _allocated;
    private static int _fullCollections;

    /// <summary>Counts <paramref name="bytes"/> of a new large buffer, collecting first when the budget is spent.</summary>
    public static void Allocating(long bytes)
    {
        int collections = GC.CollectionCount(2);
        if (collections != Volatile.Read(ref _fullCollections))
        {
            // The runtime collected on its own: the budget starts again.
            Volatile.Write(ref _fullCollections, collections);
            Interlocked.Exchange(ref _allocated, 0);
        }
        if (Interlocked.Add(ref _allocated, bytes) <= CollectAfterBytes) return;
        Interlocked.Exchange(ref _allocated, 0);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
        Volatile.Write(ref _fullCollections, GC.CollectionCount(2));
    }
}
