using System.Runtime.InteropServices;

namespace Sharply.Core.Arrow;

/// <summary>
/// Owns an imported ArrowArray: the producer's struct is moved into native memory of ours (the source is
/// marked released, as the C Data Interface's moving rules ask) and its release callback runs exactly once,
/// when <see cref="Release"/> is called or when this object is finalized. Every buffer wrapped from the
/// array names this object as its owner, so the producer's memory lives as long as any view of it.
/// </summary>
internal sealed unsafe class ImportedArrowArray
{
    private nint _array;

    /// <summary>Moves <paramref name="source"/> (which must not be released) into this owner.</summary>
    public ImportedArrowArray(ArrowArray* source)
    {
        var array = (ArrowArray*)NativeMemory.Alloc((nuint)sizeof(ArrowArray));
        *array = *source;
        _array = (nint)array;
        source->Release = null;
    }

    /// <summary>The moved struct; valid until released.</summary>
    public ArrowArray* Array => (ArrowArray*)_array;

    /// <summary>Calls the producer's release now (used when nothing kept a view, or the import failed).</summary>
    public void Release()
    {
        ReleaseOnce();
        GC.SuppressFinalize(this);
    }

    ~ImportedArrowArray() => ReleaseOnce();

    private void ReleaseOnce()
    {
        var array = (ArrowArray*)Interlocked.Exchange(ref _array, 0);
        if (array == null) return;
        // Safe: the struct was moved here and is released only by the thread that won the exchange above.
        if (array->Release != null) array->Release(array);
        NativeMemory.Free(array);
    }
}
