using System.Runtime.InteropServices;

namespace Sharply.Core.Arrow;

/// <summary>The Arrow C Data Interface <c>struct ArrowArray</c>, field for field.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct ArrowArray
{
    /// <summary>Number of elements.</summary>
    public long Length;
    /// <summary>Number of nulls, or -1 when not computed.</summary>
    public long NullCount;
    /// <summary>Logical offset into the buffers (in elements, or bits for the validity bitmap).</summary>
    public long Offset;
    /// <summary>Number of entries in <see cref="Buffers"/>.</summary>
    public long BufferCount;
    /// <summary>Number of entries in <see cref="Children"/>.</summary>
    public long ChildCount;
    /// <summary>The buffers of the layout (validity first), any of them possibly null.</summary>
    public void** Buffers;
    /// <summary>The child arrays.</summary>
    public ArrowArray** Children;
    /// <summary>The dictionary of a dictionary-encoded array, else null.</summary>
    public ArrowArray* Dictionary;
    /// <summary>Frees the producer's resources; null once released (or for a finished stream).</summary>
    public delegate* unmanaged<ArrowArray*, void> Release;
    /// <summary>The producer's data, opaque to consumers.</summary>
    public void* PrivateData;
}
