using System.Runtime.InteropServices;

namespace Sharply.Core.Arrow;

/// <summary>The Arrow C stream interface <c>struct ArrowArrayStream</c>, field for field. The callbacks
/// return 0 or an errno code; <see cref="GetLastError"/> then describes the failure.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct ArrowArrayStream
{
    public delegate* unmanaged<ArrowArrayStream*, ArrowSchema*, int> GetSchema;
    /// <summary>Writes the next chunk; a released chunk (<c>Release == null</c>) marks the end.</summary>
    public delegate* unmanaged<ArrowArrayStream*, ArrowArray*, int> GetNext;
    public delegate* unmanaged<ArrowArrayStream*, byte*> GetLastError;
    public delegate* unmanaged<ArrowArrayStream*, void> Release;
    public void* PrivateData;
}
