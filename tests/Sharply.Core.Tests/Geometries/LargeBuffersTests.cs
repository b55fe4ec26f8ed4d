using Sharply.Core.Geometries;

namespace Sharply.Core.Tests.Geometries;

public class LargeBuffersTests
{
    [Fact]
    public void AFullCollectionRunsOnceTheBudgetIsSpent()
    {
        int before = GC.CollectionCount(2);
        LargeBuffers.Allocating(LargeBuffers.CollectAfterBytes / 2);
        LargeBuffers.Allocating(LargeBuffers.CollectAfterBytes / 2 + 1);
        Assert.True(GC.CollectionCount(2) > before);
    }
}
