namespace Sharply.Core.Geometries;

/// <summary>
/// A block of native memory from <see cref="LargeBuffers"/>. It goes back to the pool when its owner returns
/// it, or once this object is unreachable: whatever uses the memory must keep this object reachable.
/// </summary>
public sealed unsafe class LargeBlock
{
    internal LargeBlock(byte* pointer, long bytes)
    {
        Pointer = pointer;
        Bytes = bytes;
    }

    /// <summary>The first byte, aligned to 64 bytes.</summary>
    public byte* Pointer { get; }

    /// <summary>Size in bytes (at least what was asked for).</summary>
    public long Bytes { get; }
}
