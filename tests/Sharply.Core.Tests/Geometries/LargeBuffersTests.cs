using System.Runtime.CompilerServices;
using Sharply.Core.Geometries;

namespace Sharply.Core.Tests.Geometries;

// The pool and the collector are the process's: these tests run alone (other tests' collections would reset
// the dropped bytes they count on), each from an empty pool (other tests' free blocks would fit), and each
// asks for its own size class.
[Collection(nameof(LargeBuffersTests))]
public unsafe class LargeBuffersTests
{
    public LargeBuffersTests() => LargeBuffers.ReleaseFreeBlocks();

    [Theory]
    [InlineData(256 * 1024, 256 * 1024)]
    [InlineData(256 * 1024 + 1, 288 * 1024)]
    [InlineData(600_000, 655_360)]
    [InlineData(1_000_000, 1_048_576)]
    [InlineData(1L << 30, 1L << 30)]
    public void RequestsRoundUpToAnEighthOfAPowerOfTwo(long bytes, long size) =>
        Assert.Equal(size, LargeBuffers.SizeClass(bytes));

    [Fact]
    public void AReturnedBlockIsReused()
    {
        LargeBlock first = LargeBuffers.Rent(3_100_000);
        byte* pointer = first.Pointer;
        Assert.True(first.Bytes >= 3_100_000);
        LargeBuffers.Return(first);
        LargeBlock second = LargeBuffers.Rent(3_100_000);
        Assert.True(second.Pointer == pointer);
        LargeBuffers.Return(second);
    }

    [Fact]
    public void ReturningTwiceThrows()
    {
        LargeBlock block = LargeBuffers.Rent(5_100_000);
        LargeBuffers.Return(block);
        LargeBlock again = LargeBuffers.Rent(5_100_000);
        Assert.Throws<InvalidOperationException>(() => LargeBuffers.Return(block));
        LargeBuffers.Return(again);
    }

    [Fact]
    public void AnUnreachableBlockReturnsAfterACollection()
    {
        nint pointer = RentAndDrop(9_100_000);
        GC.Collect();
        LargeBlock block = LargeBuffers.Rent(9_100_000);
        Assert.Equal(pointer, (nint)block.Pointer);
        LargeBuffers.Return(block);
    }

    [Fact]
    public void AReachableBlockIsNotReused()
    {
        LargeBlock kept = LargeBuffers.Rent(11_100_000);
        GC.Collect();
        LargeBlock other = LargeBuffers.Rent(11_100_000);
        Assert.True(other.Pointer != kept.Pointer);
        LargeBuffers.Return(other);
        LargeBuffers.Return(kept);
    }

    [Fact]
    public void DroppedOwnersForceACollectionWhenNoBlockFits()
    {
        GC.Collect(); // one the pool has not seen yet: the bytes dropped after it still count
        int before = GC.CollectionCount(2);
        LargeBuffers.Dropped(1L << 40);
        LargeBlock block = LargeBuffers.Rent(13_100_000);
        Assert.True(GC.CollectionCount(2) > before);
        LargeBuffers.Return(block);
    }

    [Fact]
    public void AbandonedBlocksAreFoundOnceNewMemoryOutgrowsWhatSurvived()
    {
        // Blocks dropped without Return and without a Python hint (an error path): a full collection runs once
        // the new blocks outgrow what survived the last one, however many blocks are waiting to be found dead.
        var seen = new HashSet<nint>();
        bool reused = false;
        for (int i = 0; i < 2 * (int)(LargeBuffers.CollectAfterNewBytes / 41_000_000) + 4 && !reused; i++)
            reused = !seen.Add(RentAndDrop(41_000_000));
        Assert.True(reused);
    }

    [Fact]
    public void ALargeBufferKeepsItsBlockAlive()
    {
        DataBuffer<double> buffer = DataBuffer<double>.Allocate(2_000_000);
        Assert.IsType<LargeBlock>(buffer.Owner);
        buffer.Span.Fill(1.5);
        GC.Collect();
        LargeBlock other = LargeBuffers.Rent(16_000_000);
        Assert.True(other.Pointer != (byte*)buffer.Pointer);
        LargeBuffers.Return(other);
        Assert.Equal(3_000_000, buffer.Span.ToArray().Sum());
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static nint RentAndDrop(long bytes) => (nint)LargeBuffers.Rent(bytes).Pointer;
}

[CollectionDefinition(nameof(LargeBuffersTests), DisableParallelization = true)]
public sealed class LargeBuffersCollection;
