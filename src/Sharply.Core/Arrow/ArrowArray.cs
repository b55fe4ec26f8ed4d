using System.Runtime.InteropServices;

namespace Sharply.Core.Arrow;

/// <summary>The Arrow C Data Interface <c>struct ArrowArray</c>, field for field.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct ArrowArray
{
    public long Length;
    /// <summary>Number of nulls, or -1 when not computed.</summary>
    public long NullCount;
    /// <summary>Logical offset into the buffers (in elements, or bits for the validity bitmap).</summary>
    public long Offset;
    public long BufferCount;
    public long ChildCount;
    public void** Buffers;
    public ArrowArray** Children;
    public ArrowArray* Dictionary;
    /// <summary>Frees the producer's resources; null once released (or for a finished stream).</summary>
    public delegate* unmanaged<ArrowArray*, void> Release;
    public void* PrivateData;
}
