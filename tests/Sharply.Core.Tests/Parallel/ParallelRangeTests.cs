using Sharply.Core.Parallel;

namespace Sharply.Core.Tests.Parallel;

public class ParallelRangeTests
{
    private struct Squares(long[] output) : IRangeBody
    {
        public void Run(int start, int end)
        {
            for (int i = start; i < end; i++) output[i] = (long)i * i;
        }
    }

    private struct Failing : IRangeBody
    {
        public void Run(int start, int end)
        {
            if (start <= 5000 && 5000 < end) throw new InvalidOperationException("row 5000");
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    public void EveryIndexIsVisitedOnceWhateverTheThreadCount(int threads)
    {
        int before = ParallelRange.ThreadCount;
        ParallelRange.ThreadCount = threads;
        try
        {
            long[] output = new long[100_003];
            var body = new Squares(output);
            ParallelRange.For(output.Length, 1000, ref body);
            for (int i = 0; i < output.Length; i++) Assert.Equal((long)i * i, output[i]);
        }
        finally
        {
            ParallelRange.ThreadCount = before;
        }
    }

    [Fact]
    public void AnExceptionInAWorkerReachesTheCaller()
    {
        int before = ParallelRange.ThreadCount;
        ParallelRange.ThreadCount = 4;
        try
        {
            var body = new Failing();
            var error = Assert.Throws<InvalidOperationException>(() => ParallelRange.For(100_000, 100, ref body));
            Assert.Equal("row 5000", error.Message);
        }
        finally
        {
            ParallelRange.ThreadCount = before;
        }
    }
}
