using System.Runtime.InteropServices;
using System.Text;
using Sharply.Core.Geometries;

namespace Sharply.Core.Arrow;

/// <summary>
/// Exports a <see cref="GeometryArray"/> through the Arrow C Data and C Stream interfaces as a GeoArrow
/// extension type. Native encodings are zero copy: the exported buffers are the array's own memory, kept
/// alive by a GC handle until the consumer calls <c>release</c>. Each exported struct (and each child)
/// owns one native block holding its strings, buffer and child pointer lists and child structs; every
/// release callback frees exactly its own block and the children the consumer has not released itself.
/// </summary>
public static unsafe class ArrowExport
{
    private const int EINVAL = 22;
    private const int EIO = 5;
    private const int ENOSYS = 38;
    private static long _live;

    /// <summary>Exported structs (schemas, arrays, streams, children included) not yet released. For tests.</summary>
    public static long LiveCount => Interlocked.Read(ref _live);

    /// <summary>Writes the field of <paramref name="array"/> in <paramref name="encoding"/> to <paramref name="output"/>.</summary>
    /// <exception cref="InvalidLayoutException">The array cannot be exported in that encoding.</exception>
    public static void ExportSchema(GeometryArray array, ArrowSchema* output, GeoArrowEncoding encoding = GeoArrowEncoding.Default)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (output == null) throw new ArgumentNullException(nameof(output));
        WriteSchema(ExportLayout.Build(array, encoding, withData: false), output);
    }

    /// <summary>Writes the data of <paramref name="array"/> in <paramref name="encoding"/> to <paramref name="output"/>.</summary>
    /// <exception cref="InvalidLayoutException">The array cannot be exported in that encoding.</exception>
    /// <exception cref="NotSupportedException">WKB or WKT was asked for but no codec is registered in <see cref="GeoArrowCodecs"/>.</exception>
    public static void ExportArray(GeometryArray array, ArrowArray* output, GeoArrowEncoding encoding = GeoArrowEncoding.Default)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (output == null) throw new ArgumentNullException(nameof(output));
        WriteArray(ExportLayout.Build(array, encoding, withData: true), output);
    }

    /// <summary>Writes a stream of one chunk (the whole array) to <paramref name="output"/>. Encoding
    /// problems surface from <c>get_schema</c> / <c>get_next</c> as error codes with <c>get_last_error</c>.</summary>
    public static void ExportStream(GeometryArray array, ArrowArrayStream* output, GeoArrowEncoding encoding = GeoArrowEncoding.Default)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (output == null) throw new ArgumentNullException(nameof(output));
        ExportLayout.Resolve(array, encoding);
        var state = new StreamState(array, encoding);
        *output = new ArrowArrayStream
        {
            GetSchema = &StreamGetSchema,
            GetNext = &StreamGetNext,
            GetLastError = &StreamGetLastError,
            Release = &StreamRelease,
            PrivateData = (void*)GCHandle.ToIntPtr(GCHandle.Alloc(state)),
        };
        Interlocked.Increment(ref _live);
    }

    /// <summary>
    /// The encoding a consumer's <c>requested_schema</c> asks for: geoarrow.wkb (Binary), geoarrow.wkt (Utf8),
    /// or the array's own native type with interleaved (FixedSizeList) or separated (Struct) coordinates.
    /// A null request means <see cref="GeoArrowEncoding.Default"/>.
    /// </summary>
    /// <exception cref="InvalidLayoutException">The request does not describe a layout this array can take.</exception>
    public static GeoArrowEncoding EncodingFor(GeometryArray array, ArrowSchema* requested)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (requested == null) return GeoArrowEncoding.Default;
        string format = Utf8(requested->Format);
        string? extension = GeoArrowMetadata.Decode(requested->Metadata).GetValueOrDefault(GeoArrowMetadata.ExtensionNameKey);
        if (extension is GeoArrowMetadata.Wkb or GeoArrowMetadata.Wkt)
        {
            string expected = extension == GeoArrowMetadata.Wkb ? "z" : "u";
            if (format != expected)
                throw new InvalidLayoutException($"requested {extension} with storage format '{format}': only '{expected}' is supported");
            return extension == GeoArrowMetadata.Wkb ? GeoArrowEncoding.Wkb : GeoArrowEncoding.Wkt;
        }
        GeometryType type = extension is null ? GeometryType.Mixed : GeoArrowMetadata.NativeType(extension);
        if (type == GeometryType.Mixed)
            throw new InvalidLayoutException(
                $"requested schema '{extension ?? format}' is not a GeoArrow type this array can be exported as");
        if (type != array.Type)
            throw new InvalidLayoutException($"cannot export a {GeometryTypes.Name(array.Type)} array as {extension}");
        ArrowSchema* node = requested;
        for (int level = 0; level < GeoArrowMetadata.LevelNames(type).Length; level++)
        {
            if (Utf8(node->Format) != "+l" || node->ChildCount != 1 || node->Children == null || node->Children[0] == null)
                throw new InvalidLayoutException($"requested {extension} must use List levels (format '+l' with one child)");
            node = node->Children[0];
        }
        string coordinates = Utf8(node->Format);
        if (coordinates == $"+w:{array.Dimension}") return GeoArrowEncoding.Interleaved;
        if (coordinates == "+s" && node->ChildCount == array.Dimension) return GeoArrowEncoding.Separated;
        throw new InvalidLayoutException(
            $"requested coordinates '{coordinates}' with {node->ChildCount} children do not match this array's {array.Dimension} dimensions");
    }

    private static string Utf8(byte* text) => text == null ? "" : Marshal.PtrToStringUTF8((nint)text) ?? "";

    private static void WriteSchema(ExportNode node, ArrowSchema* output)
    {
        int children = node.Children.Length;
        int formatBytes = Encoding.UTF8.GetByteCount(node.Format) + 1;
        int nameBytes = Encoding.UTF8.GetByteCount(node.Name) + 1;
        int metadataBytes = node.Metadata?.Length ?? 0;
        nuint size = (nuint)(children * (sizeof(nint) + sizeof(ArrowSchema)) + formatBytes + nameBytes + metadataBytes);
        byte* block = (byte*)NativeMemory.Alloc(size);
        // Safe: the block was sized above for exactly these pieces, laid out in this order.
        var childPointers = (ArrowSchema**)block;
        var childStructs = (ArrowSchema*)(block + children * sizeof(nint));
        byte* format = (byte*)(childStructs + children);
        byte* name = format + formatBytes;
        byte* metadata = name + nameBytes;
        WriteTerminated(node.Format, format, formatBytes);
        WriteTerminated(node.Name, name, nameBytes);
        node.Metadata?.CopyTo(new Span<byte>(metadata, metadataBytes));
        for (int i = 0; i < children; i++)
        {
            childPointers[i] = childStructs + i;
            WriteSchema(node.Children[i], childStructs + i);
        }
        *output = new ArrowSchema
        {
            Format = format,
            Name = name,
            Metadata = node.Metadata is null ? null : metadata,
            Flags = ArrowSchema.FlagNullable,
            ChildCount = children,
            Children = childPointers,
            Dictionary = null,
            Release = &ReleaseSchema,
            PrivateData = block,
        };
        Interlocked.Increment(ref _live);
    }

    private static void WriteTerminated(string text, byte* target, int bytes)
    {
        Encoding.UTF8.GetBytes(text, new Span<byte>(target, bytes - 1));
        target[bytes - 1] = 0;
    }

    private static void WriteArray(ExportNode node, ArrowArray* output)
    {
        int children = node.Children.Length, buffers = node.Buffers.Length;
        nuint size = (nuint)(sizeof(nint) * (1 + buffers + children) + children * sizeof(ArrowArray));
        byte* block = (byte*)NativeMemory.Alloc(size);
        // Safe: the block holds the GC handle, the buffer pointers, the child pointers and the child structs.
        var handle = (nint*)block;
        var bufferPointers = (void**)(handle + 1);
        var childPointers = (ArrowArray**)(bufferPointers + buffers);
        var childStructs = (ArrowArray*)(childPointers + children);
        *handle = node.KeepAlive.Length == 0 ? 0 : GCHandle.ToIntPtr(GCHandle.Alloc(node.KeepAlive));
        for (int i = 0; i < buffers; i++) bufferPointers[i] = (void*)node.Buffers[i];
        for (int i = 0; i < children; i++)
        {
            childPointers[i] = childStructs + i;
            WriteArray(node.Children[i], childStructs + i);
        }
        *output = new ArrowArray
        {
            Length = node.Length,
            NullCount = node.NullCount,
            Offset = 0,
            BufferCount = buffers,
            ChildCount = children,
            Buffers = bufferPointers,
            Children = childPointers,
            Dictionary = null,
            Release = &ReleaseArray,
            PrivateData = block,
        };
        Interlocked.Increment(ref _live);
    }

    [UnmanagedCallersOnly]
    private static void ReleaseSchema(ArrowSchema* schema)
    {
        // Nothing here can throw: only pointer reads, native frees and nested releases that are themselves guarded.
        if (schema == null || schema->Release == null) return;
        for (long i = 0; i < schema->ChildCount; i++)
        {
            ArrowSchema* child = schema->Children[i];
            if (child->Release != null) child->Release(child);
        }
        NativeMemory.Free(schema->PrivateData);
        schema->Release = null;
        Interlocked.Decrement(ref _live);
    }

    [UnmanagedCallersOnly]
    private static void ReleaseArray(ArrowArray* array)
    {
        // Nothing here can throw: as for schemas, plus freeing a handle this export allocated.
        if (array == null || array->Release == null) return;
        for (long i = 0; i < array->ChildCount; i++)
        {
            ArrowArray* child = array->Children[i];
            if (child->Release != null) child->Release(child);
        }
        nint handle = *(nint*)array->PrivateData;
        if (handle != 0) GCHandle.FromIntPtr(handle).Free();
        NativeMemory.Free(array->PrivateData);
        array->Release = null;
        Interlocked.Decrement(ref _live);
    }

    private static StreamState State(ArrowArrayStream* stream) =>
        (StreamState)GCHandle.FromIntPtr((nint)stream->PrivateData).Target!;

    [UnmanagedCallersOnly]
    private static int StreamGetSchema(ArrowArrayStream* stream, ArrowSchema* output)
    {
        StreamState? state = null;
        try
        {
            state = State(stream);
            ExportSchema(state.Array, output, state.Encoding);
            return 0;
        }
        catch (Exception error)
        {
            return state?.Fail(error) ?? EIO;
        }
    }

    [UnmanagedCallersOnly]
    private static int StreamGetNext(ArrowArrayStream* stream, ArrowArray* output)
    {
        StreamState? state = null;
        try
        {
            state = State(stream);
            if (state.Done)
            {
                *output = default;
                return 0;
            }
            ExportArray(state.Array, output, state.Encoding);
            state.Done = true;
            return 0;
        }
        catch (Exception error)
        {
            return state?.Fail(error) ?? EIO;
        }
    }

    [UnmanagedCallersOnly]
    private static byte* StreamGetLastError(ArrowArrayStream* stream) => State(stream).LastError;

    [UnmanagedCallersOnly]
    private static void StreamRelease(ArrowArrayStream* stream)
    {
        if (stream == null || stream->Release == null) return;
        GCHandle handle = GCHandle.FromIntPtr((nint)stream->PrivateData);
        ((StreamState)handle.Target!).FreeError();
        handle.Free();
        stream->Release = null;
        Interlocked.Decrement(ref _live);
    }

    /// <summary>What an exported stream needs between callbacks.</summary>
    private sealed class StreamState(GeometryArray array, GeoArrowEncoding encoding)
    {
        public GeometryArray Array { get; } = array;
        public GeoArrowEncoding Encoding { get; } = encoding;
        public bool Done { get; set; }
        /// <summary>The last error as a NUL-terminated UTF-8 string in native memory, or null.</summary>
        public byte* LastError { get; private set; }

        public int Fail(Exception error)
        {
            try
            {
                FreeError();
                byte[] text = System.Text.Encoding.UTF8.GetBytes(error.Message + "\0");
                LastError = (byte*)NativeMemory.Alloc((nuint)text.Length);
                text.CopyTo(new Span<byte>(LastError, text.Length));
            }
            catch (OutOfMemoryException)
            {
                LastError = null;
            }
            return error switch
            {
                InvalidLayoutException => EINVAL,
                NotSupportedException => ENOSYS,
                _ => EIO,
            };
        }

        public void FreeError()
        {
            if (LastError != null) NativeMemory.Free(LastError);
            LastError = null;
        }
    }
}
