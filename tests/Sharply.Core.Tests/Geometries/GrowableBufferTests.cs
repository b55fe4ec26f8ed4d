using Sharply.Core.Geometries;

namespace Sharply.Core.Tests.Geometries;

public class GrowableBufferTests
{
    [Fact]
    public void KeepsEveryValueWhileGrowingFromSmallToLargeStorage()
    {
        var buffer = new GrowableBuffer<int>(4);
        for (int i = 0; i < 300_000; i++) buffer.Add(i);
        buffer.Add(-1, -2);
        buffer.Add(-3, -4, -5);
        buffer.Append(2).Fill(7);
        buffer[0] = 42;
        Assert.Equal(300_007, buffer.Count);
        DataBuffer<int> result = buffer.Detach();
        Assert.Equal(0, buffer.Count);
        int[] values = result.Span.ToArray();
        Assert.Equal(42, values[0]);
        Assert.Equal(299_999, values[299_999]);
        Assert.Equal([-1, -2, -3, -4, -5, 7, 7], values[300_000..]);
    }

    [Fact]
    public void HandsOverNearlyFullLargeStorageAndCopiesSparseStorage()
    {
        var full = new GrowableBuffer<double>(100_000);
        full.Append(100_000).Fill(1);
        Assert.IsType<LargeBlock>(full.Detach().Owner);

        var sparse = new GrowableBuffer<double>(100_000);
        sparse.Append(10).Fill(1);
        DataBuffer<double> copy = sparse.Detach();
        Assert.Equal(10, copy.Length);
        Assert.IsNotType<LargeBlock>(copy.Owner);
    }
}
