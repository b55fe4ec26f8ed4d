using System.Runtime.InteropServices;
using Sharply.Core.Geometries;

namespace Sharply.Core.Tests.Geometries;

public partial class FreshMemoryTests
{
    /// <summary>Populating maps pages without changing them (advice such as MADV_DONTNEED would zero them),
    /// at any alignment and size, including regions too small to be populated.</summary>
    [Theory]
    [InlineData(0, 1 << 20)]
    [InlineData(13, (1 << 20) - 100)]
    [InlineData(4095, 70_000)]
    [InlineData(7, 100)]
    public unsafe void PopulateKeepsTheContents(int offset, int length)
    {
        byte[] memory = GC.AllocateUninitializedArray<byte>(2 << 20, pinned: true);
        for (int i = 0; i < memory.Length; i++) memory[i] = (byte)(i * 31 + 7);
        byte[] expected = (byte[])memory.Clone();
        fixed (byte* start = memory) FreshMemory.Populate(start + offset, length);
        Assert.Equal(expected, memory);
    }

    [Fact]
    public unsafe void PopulateMapsFreshPages()
    {
        const int size = 4 << 20, page = 4096;
        // Anonymous private read-write memory, not yet touched.
        byte* memory = (byte*)Mmap(null, size, 3, 0x22, -1, 0);
        Assert.NotEqual((nint)(-1), (nint)memory);
        try
        {
            var resident = new byte[size / page];
            Assert.Equal(0, Mincore(memory, size, resident));
            Assert.Equal(0, resident.Count(b => (b & 1) != 0));
            FreshMemory.Populate(memory + 100, size - 100);
            Assert.Equal(0, Mincore(memory, size, resident));
            // Every page but the first, which the region only starts in, is mapped (the first may be too,
            // inside a transparent huge page); kernels before 5.14 ignore the advice and map nothing.
            bool supported = Environment.OSVersion.Version >= new Version(5, 14);
            Assert.Equal(supported ? size / page - 1 : 0, resident.AsSpan(1).ToArray().Count(b => (b & 1) != 0));
            Assert.True(new ReadOnlySpan<byte>(memory, size).IndexOfAnyExcept((byte)0) < 0);
        }
        finally
        {
            Munmap(memory, size);
        }
    }

    [LibraryImport("libc", EntryPoint = "mmap")]
    private static unsafe partial void* Mmap(void* address, nuint length, int protection, int flags, int fd, nint offset);

    [LibraryImport("libc", EntryPoint = "munmap")]
    private static unsafe partial int Munmap(void* address, nuint length);

    [LibraryImport("libc", EntryPoint = "mincore")]
    private static unsafe partial int Mincore(void* address, nuint length, byte[] vector);
}
