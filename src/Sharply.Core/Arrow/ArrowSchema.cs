using System.Runtime.InteropServices;

namespace Sharply.Core.Arrow;

/// <summary>The Arrow C Data Interface <c>struct ArrowSchema</c>, field for field.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct ArrowSchema
{
    /// <summary>Flag: the field is nullable.</summary>
    public const long FlagNullable = 2;

    /// <summary>The format string (UTF-8, null-terminated), for example <c>"+l"</c> for a list.</summary>
    public byte* Format;
    /// <summary>The field name (UTF-8, null-terminated), or null.</summary>
    public byte* Name;
    /// <summary>The key-value metadata in the interface's binary encoding, or null.</summary>
    public byte* Metadata;
    /// <summary>Bit flags, for example <see cref="FlagNullable"/>.</summary>
    public long Flags;
    /// <summary>Number of entries in <see cref="Children"/>.</summary>
    public long ChildCount;
    /// <summary>The child fields.</summary>
    public ArrowSchema** Children;
    /// <summary>The value type of a dictionary-encoded field, else null.</summary>
    public ArrowSchema* Dictionary;
    /// <summary>Frees the producer's resources; null once released.</summary>
    public delegate* unmanaged<ArrowSchema*, void> Release;
    /// <summary>The producer's data, opaque to consumers.</summary>
    public void* PrivateData;
}
