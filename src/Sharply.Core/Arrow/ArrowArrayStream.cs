using System.Runtime.InteropServices;

namespace Sharply.Core.Arrow;

/// <summary>The Arrow C stream interface <c>struct ArrowArrayStream</c>, field for field. The callbacks
/// return 0 or an errno code; <see cref="GetLastError"/> then describes the failure.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct ArrowArrayStream
{
    /// <summary>Writes the schema every chunk has.</summary>
    public delegate* unmanaged<ArrowArrayStream*, ArrowSchema*, int> GetSchema;
    /// <summary>Writes the next chunk; a released chunk (<c>Release == null</c>) marks the end.</summary>
    public delegate* unmanaged<ArrowArrayStream*, ArrowArray*, int> GetNext;
    /// <summary>Describes the last failure (UTF-8, valid until the next call), or returns null.</summary>
    public delegate* unmanaged<ArrowArrayStream*, byte*> GetLastError;
    /// <summary>Frees the producer's resources; null once released.</summary>
    public delegate* unmanaged<ArrowArrayStream*, void> Release;
    /// <summary>The producer's data, opaque to consumers.</summary>
    public void* PrivateData;
}
