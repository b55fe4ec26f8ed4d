using System.Diagnostics;
using System.Numerics;
using System.Runtime.InteropServices;

namespace Sharply.Core.Geometries;

/// <summary>
/// The memory of large buffers (from <see cref="MinimumBytes"/>): native blocks that the process keeps and
/// reuses. Fresh memory is expensive: every 4 KB page costs a fault and a clear when first written (on a
/// virtual machine often ten times more), so a result that lands in fresh pages can cost more to place than
/// to compute. A block returns to the pool when its owner gives it back (<see cref="Return"/>) or, for
/// blocks that arrays share, once the garbage collector finds its <see cref="LargeBlock"/> unreachable
/// (blocks are tracked by weak handles, checked after each collection). Because large buffers no longer
/// weigh on the collector's budget, it is paced from here: when no free block fits, a full collection is
/// forced if the owners of enough large buffers were dropped since the last one (<see cref="Dropped"/>: a
/// GeometryArray or a numpy view of our memory freed by Python) to be worth its pause, or if much new
/// memory was mapped since.
/// Free blocks are kept up to the most bytes ever in use at once (at least <see cref="MinimumRetainedBytes"/>),
/// the oldest freed first, and each is freed after <see cref="IdleSeconds"/> unused.
/// </summary>
public static unsafe class LargeBuffers
{
    /// <summary>Buffers from this size on come from the pool.</summary>
    public const int MinimumBytes = 256 * 1024;

    /// <summary>Free bytes the pool may keep however few bytes were ever in use at once.</summary>
    public const long MinimumRetainedBytes = 1L << 30;

    /// <summary>A free block unused for this long is given back to the system at the next pool operation.</summary>
    public const int IdleSeconds = 60;

    /// <summary>
    /// Dropped bytes that make a millisecond of full collection worth it: reusing 16 MB instead of mapping
    /// fresh pages saves at least a millisecond of page faults on any machine (4096 pages).
    /// </summary>
    public const long BytesPerPauseMillisecond = 16L << 20;

    /// <summary>Dropped bytes below which no collection is forced, however short the last one was.</summary>
    public const long MinimumDroppedBytes = 4L << 20;

    /// <summary>Newly mapped bytes since the last full collection that force one (or the bytes that survived
    /// it, if more: the collector's own rule, so that collections cost in proportion to what is allocated).</summary>
    public const long CollectAfterNewBytes = 256L << 20;

    private readonly record struct Region(nint Pointer, long Bytes, long FreedAt);

    private readonly record struct Tracked(GCHandle Owner, long Bytes);

    private static readonly Lock Gate = new();
    private static readonly List<Region> Free = [];
    private static readonly Dictionary<nint, Tracked> Live = [];
    private static readonly List<nint> Dead = [];
    private static long _freeBytes, _liveBytes, _peakLiveBytes, _newBytes, _dropped, _survivedBytes;
    private static long _worthCollecting = MinimumDroppedBytes;
    private static int _checkedCollections = -1, _fullCollections;

    /// <summary>A block of at least <paramref name="bytes"/> (uninitialized), from the pool when one fits.
    /// It returns to the pool by <see cref="Return"/>, or once the block object is unreachable.</summary>
    public static LargeBlock Rent(long bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bytes);
        long size = SizeClass(bytes);
        if (TryReuse(size, out bool worthCollecting) is { } reused) return reused;
        if (worthCollecting)
        {
            Collect();
            if (TryReuse(size, out _) is { } collected) return collected;
        }
        // Outside the lock: mapping gigabytes may take a while, and a failure leaves the pool unchanged.
        var block = new LargeBlock((byte*)NativeMemory.AlignedAlloc((nuint)size, 64), size);
        lock (Gate)
        {
            Track(block);
            _newBytes += size;
        }
        return block;
    }

    /// <summary>Gives <paramref name="block"/> back now; its owner must not use it afterwards.</summary>
    public static void Return(LargeBlock block)
    {
        lock (Gate)
        {
            nint pointer = (nint)block.Pointer;
            if (!Live.TryGetValue(pointer, out Tracked tracked) || tracked.Owner.Target != block)
                throw new InvalidOperationException("block returned twice");
            Live.Remove(pointer);
            tracked.Owner.Free();
            _liveBytes -= tracked.Bytes;
            AddFree(pointer, tracked.Bytes);
        }
    }

    /// <summary>Notes that the owner of <paramref name="bytes"/> of buffers was dropped (a hint: the buffers
    /// may still be shared), so that a collection may find them free.</summary>
    public static void Dropped(long bytes)
    {
        if (bytes < MinimumBytes) return;
        lock (Gate)
        {
            NoteRuntimeCollections();
            _dropped += bytes;
        }
    }

    /// <summary>Frees every free block: the pool's tests start from an empty pool, whatever other tests left.</summary>
    internal static void ReleaseFreeBlocks()
    {
        lock (Gate)
        {
            NoteRuntimeCollections();
            while (Free.Count > 0) Release(Free.Count - 1);
        }
    }

    /// <summary>Requests round up to one of eight sizes per power of two, so that blocks are reused by
    /// requests of about the same size (at most 1/8 is wasted, and only as address space until written).</summary>
    internal static long SizeClass(long bytes)
    {
        long step = 1L << Math.Max(12, BitOperations.Log2((ulong)bytes) - 3);
        return (bytes + step - 1) & ~(step - 1);
    }

    /// <summary>A free block of <paramref name="size"/> bytes, if any; otherwise whether a full collection is
    /// worth forcing before mapping a new one.</summary>
    private static LargeBlock? TryReuse(long size, out bool worthCollecting)
    {
        lock (Gate)
        {
            NoteRuntimeCollections();
            long now = Environment.TickCount64;
            LargeBlock? found = null;
            for (int i = Free.Count - 1; i >= 0; i--)
            {
                Region region = Free[i];
                if (found is null && region.Bytes == size)
                {
                    found = new LargeBlock((byte*)region.Pointer, size);
                    RemoveFree(i);
                }
                else if (now - region.FreedAt >= IdleSeconds * 1000L) Release(i);
            }
            if (found is not null) Track(found);
            worthCollecting = found is null
                && (_dropped >= _worthCollecting || _newBytes >= Math.Max(CollectAfterNewBytes, _survivedBytes));
            return found;
        }
    }

    /// <summary>
    /// Takes in the collections that ran since the last call (under the lock): frees the blocks found dead and,
    /// after a full collection the runtime ran on its own, starts counting dropped and new bytes afresh, with
    /// the blocks still in use as what survived it.
    /// </summary>
    private static void NoteRuntimeCollections()
    {
        CollectDead();
        int collections = GC.CollectionCount(2);
        if (collections == _fullCollections) return;
        _fullCollections = collections;
        _dropped = 0;
        _newBytes = 0;
        _survivedBytes = _liveBytes;
    }

    /// <summary>A full collection, timed to decide how much must be dropped before the next one is worth it.</summary>
    private static void Collect()
    {
        long start = Stopwatch.GetTimestamp();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
        double milliseconds = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        lock (Gate)
        {
            _worthCollecting = Math.Max(MinimumDroppedBytes, (long)(milliseconds * BytesPerPauseMillisecond));
            NoteRuntimeCollections();
        }
    }

    /// <summary>Frees the blocks whose owners the collector found unreachable (after any collection).</summary>
    private static void CollectDead()
    {
        int collections = GC.CollectionCount(0);
        if (collections == _checkedCollections) return;
        _checkedCollections = collections;
        foreach ((nint pointer, Tracked tracked) in Live)
            if (tracked.Owner.Target is null) Dead.Add(pointer);
        foreach (nint pointer in Dead)
        {
            Live.Remove(pointer, out Tracked tracked);
            tracked.Owner.Free();
            _liveBytes -= tracked.Bytes;
            AddFree(pointer, tracked.Bytes);
        }
        Dead.Clear();
    }

    private static void Track(LargeBlock block)
    {
        Live.Add((nint)block.Pointer, new Tracked(GCHandle.Alloc(block, GCHandleType.Weak), block.Bytes));
        _liveBytes += block.Bytes;
        _peakLiveBytes = Math.Max(_peakLiveBytes, _liveBytes);
    }

    private static void AddFree(nint pointer, long bytes)
    {
        Free.Add(new Region(pointer, bytes, Environment.TickCount64));
        _freeBytes += bytes;
        // The oldest free blocks go first when the pool holds more than was ever in use at once.
        while (_freeBytes > Math.Max(MinimumRetainedBytes, _peakLiveBytes)) Release(0);
    }

    private static void RemoveFree(int index)
    {
        _freeBytes -= Free[index].Bytes;
        Free.RemoveAt(index);
    }

    private static void Release(int index)
    {
        NativeMemory.AlignedFree((void*)Free[index].Pointer);
        RemoveFree(index);
    }
}
