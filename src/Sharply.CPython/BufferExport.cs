using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sharply.CPython.Raw;

namespace Sharply.CPython;

/// <summary>
/// Hands memory owned by .NET to Python consumers (numpy) through the buffer protocol, with no copy. The
/// exporting object keeps a GCHandle to the memory's owner; every consumer view holds a reference to the
/// exporter, so the owner is released exactly once, when the last view is gone.
/// Views are read-only: Sharply's arrays are immutable.
/// </summary>
public static unsafe class BufferExport
{
    [StructLayout(LayoutKind.Sequential)]
    private struct Layout
    {
        public ManagedObject.Layout Header;
        public void* Data;
        public nint ItemSize;
        public nint Dimensions;
        public nint Shape0, Shape1;
        public nint Stride0, Stride1;
        public byte* Format;
    }

    private static nint _type;

    /// <summary>Told the size in bytes of the memory an exporter exposed when the exporter is freed (its last
    /// view gone), if set: a hint that the memory may now be garbage. Set once, at module initialisation.</summary>
    public static delegate*<long, void> Freed;
    private static long _live;

    /// <summary>Exporters alive now (for leak tests).</summary>
    public static long LiveCount => Interlocked.Read(ref _live);

    /// <summary>Creates the exporter type; call once at module initialisation.</summary>
    public static Owned CreateType(nint module, string qualifiedName)
    {
        Owned type = new HeapType(qualifiedName, "Memory owned by Sharply's native core, exposed through the buffer protocol.")
            .BasicSize(sizeof(Layout))
            .Slot(CApi.Py_bf_getbuffer, (delegate* unmanaged<nint, Py_buffer*, int, int>)&GetBuffer)
            .Slot(CApi.Py_tp_dealloc, (delegate* unmanaged<nint, void>)&Dealloc)
            .Build(module);
        _type = type.Handle;
        return type;
    }

    /// <summary>
    /// An exporter for <paramref name="rows"/> items (times <paramref name="columns"/> when 2-D) of
    /// <paramref name="itemSize"/> bytes at <paramref name="data"/>, kept alive by <paramref name="owner"/>.
    /// <paramref name="format"/> is a NUL-terminated struct-module code such as <c>"d"u8</c>.
    /// </summary>
    public static Owned Create(void* data, object owner, int itemSize, ReadOnlySpan<byte> format, long rows, long columns = 0)
    {
        Owned exporter = ManagedObject.New(_type, owner);
        Layout* layout = (Layout*)exporter.Handle;
        layout->Data = data;
        layout->ItemSize = itemSize;
        layout->Format = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetReference(format));
        layout->Dimensions = columns > 0 ? 2 : 1;
        layout->Shape0 = (nint)rows;
        layout->Shape1 = (nint)columns;
        layout->Stride0 = columns > 0 ? (nint)(itemSize * columns) : itemSize;
        layout->Stride1 = itemSize;
        Interlocked.Increment(ref _live);
        return exporter;
    }

    [UnmanagedCallersOnly]
    private static int GetBuffer(nint self, Py_buffer* view, int flags)
    {
        Layout* layout = (Layout*)self;
        if ((flags & CApi.PyBUF_WRITABLE) != 0)
        {
            Boundary.Raise(CApi.PyExc_BufferError, "Sharply arrays are immutable: the buffer is read-only");
            view->obj = 0;
            return -1;
        }
        CApi.Py_IncRef(self);
        view->obj = self;
        view->buf = layout->Data;
        view->len = (nint)Bytes(layout);
        view->itemsize = layout->ItemSize;
        view->@readonly = 1;
        view->ndim = (int)layout->Dimensions;
        view->format = (flags & CApi.PyBUF_FORMAT) != 0 ? layout->Format : null;
        view->shape = (flags & CApi.PyBUF_ND) == CApi.PyBUF_ND ? &layout->Shape0 : null;
        view->strides = (flags & CApi.PyBUF_STRIDES) == CApi.PyBUF_STRIDES ? &layout->Stride0 : null;
        view->suboffsets = null;
        view->@internal = null;
        return 0;
    }

    [UnmanagedCallersOnly]
    private static void Dealloc(nint self)
    {
        Interlocked.Decrement(ref _live);
        if (Freed != null) Freed(Bytes((Layout*)self));
        ManagedObject.FreeHandleAndObject(self);
    }

    private static long Bytes(Layout* layout) =>
        (layout->Dimensions == 2 ? (long)layout->Shape0 * layout->Shape1 : layout->Shape0) * layout->ItemSize;
}
