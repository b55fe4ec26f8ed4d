using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sharply.CPython.Raw;

namespace Sharply.CPython;

/// <summary>
/// Python objects of our heap types: the object header followed by a GCHandle to the .NET object they
/// expose and one spare word (for example a row index). The handle is freed when Python frees the object.
/// </summary>
public static unsafe class ManagedObject
{
    [StructLayout(LayoutKind.Sequential)]
    internal struct Layout
    {
        public nint RefCount;
        public nint Type;
        public nint Handle;
        public nint Extra;
    }

    private static long _live;

    /// <summary>Size in bytes of an instance: the object header, the GC handle and the spare word.</summary>
    public static int BasicSize => sizeof(Layout);

    /// <summary>Instances alive now, of every managed heap type (for leak tests).</summary>
    public static long LiveCount => Interlocked.Read(ref _live);

    /// <summary>A new instance of heap type <paramref name="type"/> exposing <paramref name="target"/>.</summary>
    public static Owned New(nint type, object target, nint extra = 0)
    {
        var alloc = (delegate* unmanaged<nint, nint, nint>)CApi.PyType_GetSlot(type, CApi.Py_tp_alloc);
        Owned instance = Owned.Checked(alloc(type, 0));
        Layout* layout = (Layout*)instance.Handle;
        layout->Handle = GCHandle.ToIntPtr(GCHandle.Alloc(target));
        layout->Extra = extra;
        Interlocked.Increment(ref _live);
        return instance;
    }

    /// <summary>The .NET object behind an instance (the caller has checked the type).</summary>
    public static T Target<T>(Borrowed instance) where T : class =>
        // Unchecked cast: the caller has checked the Python type, and New gives each type its own .NET type.
        Unsafe.As<T>(GCHandle.FromIntPtr(((Layout*)instance.Handle)->Handle).Target!);

    /// <summary>The .NET object behind an instance of a managed type, or null when its handle is already freed.</summary>
    public static T? TargetOrNull<T>(Borrowed instance) where T : class
    {
        nint handle = ((Layout*)instance.Handle)->Handle;
        return handle == 0 ? null : Unsafe.As<T>(GCHandle.FromIntPtr(handle).Target);
    }

    /// <summary>The spare word of <paramref name="instance"/>.</summary>
    public static nint Extra(Borrowed instance) => ((Layout*)instance.Handle)->Extra;

    /// <summary>The <c>tp_dealloc</c> of every managed heap type.</summary>
    [UnmanagedCallersOnly]
    internal static void Dealloc(nint self) => FreeHandleAndObject(self);

    /// <summary>Frees the GCHandle and the object; the body of every managed type's <c>tp_dealloc</c>.</summary>
    public static void FreeHandleAndObject(nint self)
    {
        Layout* layout = (Layout*)self;
        nint type = layout->Type;
        if (layout->Handle != 0)
        {
            GCHandle.FromIntPtr(layout->Handle).Free();
            Interlocked.Decrement(ref _live);
        }
        layout->Handle = 0;
        var free = (delegate* unmanaged<nint, void>)CApi.PyType_GetSlot(type, CApi.Py_tp_free);
        free(self);
        CApi.Py_DecRef(type); // instances of heap types own a reference to their type
    }
}
