using System.Runtime.InteropServices;
using System.Text;
using Sharply.Core.Arrow;

namespace Sharply.Core.Tests.Arrow;

/// <summary>Hand-built Arrow structs in native memory, freed on dispose. Every array's release callback
/// only counts its calls (in <see cref="Releases"/>) and marks the struct released.</summary>
internal sealed unsafe class NativeArrow : IDisposable
{
    private readonly List<nint> _allocations = [];

    public static int Releases;

    private T* Alloc<T>(int count) where T : unmanaged
    {
        var pointer = (T*)NativeMemory.AllocZeroed((nuint)(Math.Max(1, count) * sizeof(T)));
        _allocations.Add((nint)pointer);
        return pointer;
    }

    public byte* Text(string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text + "\0");
        byte* pointer = Alloc<byte>(bytes.Length);
        bytes.CopyTo(new Span<byte>(pointer, bytes.Length));
        return pointer;
    }

    public T* Buffer<T>(params T[] values) where T : unmanaged
    {
        T* pointer = Alloc<T>(values.Length);
        values.CopyTo(new Span<T>(pointer, values.Length));
        return pointer;
    }

    public byte* GeoMetadata(string extension, string json = "{}")
    {
        var entries = new (string, string)[] { ("ARROW:extension:name", extension), ("ARROW:extension:metadata", json) };
        var bytes = new List<byte>(BitConverter.GetBytes(entries.Length));
        foreach ((string key, string value) in entries)
            foreach (string text in new[] { key, value })
            {
                bytes.AddRange(BitConverter.GetBytes(Encoding.UTF8.GetByteCount(text)));
                bytes.AddRange(Encoding.UTF8.GetBytes(text));
            }
        return Buffer(bytes.ToArray());
    }

    public ArrowSchema* Schema(string format, byte* metadata = null, string name = "", params nint[] children)
    {
        ArrowSchema* schema = Alloc<ArrowSchema>(1);
        var list = (ArrowSchema**)Alloc<nint>(children.Length);
        for (int i = 0; i < children.Length; i++) list[i] = (ArrowSchema*)children[i];
        *schema = new ArrowSchema
        {
            Format = Text(format), Name = Text(name), Metadata = metadata, ChildCount = children.Length,
            Children = list, Release = &ReleaseSchema,
        };
        return schema;
    }

    public ArrowArray* Array(long length, nint[] buffers, nint[]? children = null, long nullCount = 0, long offset = 0)
    {
        children ??= [];
        ArrowArray* array = Alloc<ArrowArray>(1);
        void** bufferList = (void**)Alloc<nint>(buffers.Length);
        for (int i = 0; i < buffers.Length; i++) bufferList[i] = (void*)buffers[i];
        ArrowArray** childList = (ArrowArray**)Alloc<nint>(children.Length);
        for (int i = 0; i < children.Length; i++) childList[i] = (ArrowArray*)children[i];
        *array = new ArrowArray
        {
            Length = length, NullCount = nullCount, Offset = offset, BufferCount = buffers.Length, ChildCount = children.Length,
            Buffers = bufferList, Children = childList, Release = &ReleaseArray,
        };
        return array;
    }

    /// <summary>A geoarrow.linestring array: list offsets over interleaved xy coordinates.</summary>
    public (nint Schema, nint Array) LineStrings(int[] offsets, double[] xy, long listLength = -1, long valueLength = -1)
    {
        ArrowSchema* values = Schema("g", name: "xy");
        ArrowSchema* coordinates = Schema("+w:2", null, "vertices", (nint)values);
        ArrowSchema* lines = Schema("+l", GeoMetadata("geoarrow.linestring"), "geometry", (nint)coordinates);
        ArrowArray* valueArray = Array(valueLength >= 0 ? valueLength : xy.Length, [0, (nint)Buffer(xy)]);
        ArrowArray* coordinateArray = Array(xy.Length / 2, [0], [(nint)valueArray]);
        ArrowArray* lineArray = Array(listLength >= 0 ? listLength : offsets.Length - 1, [0, (nint)Buffer(offsets)], [(nint)coordinateArray]);
        return ((nint)lines, (nint)lineArray);
    }

    [UnmanagedCallersOnly]
    private static void ReleaseSchema(ArrowSchema* schema) => schema->Release = null;

    [UnmanagedCallersOnly]
    private static void ReleaseArray(ArrowArray* array)
    {
        Interlocked.Increment(ref Releases);
        array->Release = null;
    }

    public void Dispose()
    {
        foreach (nint pointer in _allocations) NativeMemory.Free((void*)pointer);
        _allocations.Clear();
    }
}
