using System.Runtime.InteropServices;

namespace Sharply.Core.Arrow;

/// <summary>The Arrow C Data Interface <c>struct ArrowSchema</c>, field for field.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct ArrowSchema
{
    /// <summary>Flag: the field is nullable.</summary>
    public const long FlagNullable = 2;

    public byte* Format;
    public byte* Name;
    public byte* Metadata;
    public long Flags;
    public long ChildCount;
    public ArrowSchema** Children;
    public ArrowSchema* Dictionary;
    /// <summary>Frees the producer's resources; null once released.</summary>
    public delegate* unmanaged<ArrowSchema*, void> Release;
    public void* PrivateData;
}
