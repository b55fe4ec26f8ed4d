using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Sharply.CPython;

internal static class Utf8Extensions
{
    /// <summary>The address of a UTF-8 literal (<c>"name"u8</c>), which the compiler null-terminates and
    /// stores in the image's read-only data: stable for the process lifetime.</summary>
    public static unsafe byte* AsPointer(this ReadOnlySpan<byte> literal) =>
        (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(literal));
}
