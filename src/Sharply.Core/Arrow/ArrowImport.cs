using System.Runtime.InteropServices;
using Sharply.Core.Geometries;
using Sharply.Core.Parallel;

namespace Sharply.Core.Arrow;

/// <summary>
/// Imports GeoArrow data through the Arrow C Data and C Stream interfaces.
/// <list type="bullet">
/// <item>Native types (geoarrow.point ... geoarrow.multipolygon) with interleaved coordinates and int32
/// offsets are zero copy: the buffers are wrapped and the producer's release runs once nothing views them.
/// Separated (Struct) coordinates are interleaved into a copy; LargeList offsets are narrowed into a copy.</item>
/// <item>geoarrow.wkb (Binary, LargeBinary) and geoarrow.wkt (Utf8, LargeUtf8) go through the decoders
/// registered in <see cref="GeoArrowCodecs"/>. Without an extension name, Binary is read as WKB and Utf8 as
/// WKT, and a bare List / FixedSizeList / Struct layout needs the <c>geometryType</c> argument.</item>
/// <item>Everything is validated before any kernel can read it; problems throw <see cref="InvalidLayoutException"/>.</item>
/// </list>
/// </summary>
public static unsafe class ArrowImport
{
    /// <summary>
    /// Imports one array. The schema is borrowed (its owner still releases it); the array is moved: on
    /// return, success or failure, <c>array->release</c> is null and Sharply owns the producer's memory.
    /// </summary>
    /// <param name="schema">The field: a GeoArrow extension type, or a bare layout.</param>
    /// <param name="array">The data, moved into Sharply's ownership.</param>
    /// <param name="geometryType">The native type of a bare layout without GeoArrow extension metadata.</param>
    public static GeometryArray ImportArray(ArrowSchema* schema, ArrowArray* array, GeometryType? geometryType = null)
    {
        if (array == null) throw new InvalidLayoutException("the Arrow array pointer is null");
        if (array->Release == null) throw new InvalidLayoutException("the Arrow array has already been released");
        var owner = new ImportedArrowArray(array);
        try
        {
            return Import(SchemaView.Read(schema), owner, geometryType);
        }
        catch
        {
            owner.Release();
            throw;
        }
    }

    /// <summary>
    /// Imports a whole stream, which is moved (<c>stream->release</c> is null on return) and released once
    /// read. A single chunk stays zero copy; several chunks are concatenated into one new array (a copy).
    /// </summary>
    /// <param name="stream">The stream, moved into Sharply's ownership.</param>
    /// <param name="geometryType">The native type of a bare layout without GeoArrow extension metadata.</param>
    public static GeometryArray ImportStream(ArrowArrayStream* stream, GeometryType? geometryType = null)
    {
        if (stream == null) throw new InvalidLayoutException("the Arrow stream pointer is null");
        if (stream->Release == null) throw new InvalidLayoutException("the Arrow stream has already been released");
        ArrowArrayStream local = *stream;
        stream->Release = null;
        ArrowSchema schema = default;
        var chunks = new List<GeometryArray>();
        var owners = new List<ImportedArrowArray>();
        try
        {
            Check(&local, local.GetSchema(&local, &schema), "get_schema");
            SchemaView view = SchemaView.Read(&schema);
            while (true)
            {
                ArrowArray chunk = default;
                Check(&local, local.GetNext(&local, &chunk), "get_next");
                if (chunk.Release == null) break;
                var owner = new ImportedArrowArray(&chunk);
                owners.Add(owner);
                chunks.Add(Import(view, owner, geometryType));
            }
            if (chunks.Count == 1) return chunks[0];
            GeometryArray result = Concatenate(chunks, view, geometryType);
            foreach (ImportedArrowArray owner in owners) owner.Release();
            return result;
        }
        catch
        {
            foreach (ImportedArrowArray owner in owners) owner.Release();
            throw;
        }
        finally
        {
            if (schema.Release != null) schema.Release(&schema);
            if (local.Release != null) local.Release(&local);
        }
    }

    private static void Check(ArrowArrayStream* stream, int code, string callback)
    {
        if (code == 0) return;
        byte* message = stream->GetLastError == null ? null : stream->GetLastError(stream);
        string detail = message == null ? "no message" : Marshal.PtrToStringUTF8((nint)message) ?? "";
        throw new InvalidLayoutException($"the Arrow stream's {callback} failed with error {code}: {detail}");
    }

    private static GeometryArray Concatenate(List<GeometryArray> chunks, SchemaView view, GeometryType? geometryType)
    {
        long total = 0;
        foreach (GeometryArray chunk in chunks) total += chunk.Length;
        if (total >= int.MaxValue) throw new InvalidLayoutException($"the stream holds {total} rows, more than an array can");
        string? crs = chunks.Count > 0 ? chunks[0].Crs : Crs(view);
        (GeometryType type, bool hasZ) = chunks.Count > 0 ? (chunks[0].Type, chunks[0].HasZ) : Describe(view, geometryType);
        if (chunks.Count == 0)
            return new GeometryArray(0, type, hasZ, DataBuffer<double>.Allocate(0), Offsets.Identity, Offsets.Identity,
                Offsets.Identity, crs: crs);
        var builder = new GeometryArrayBuilder((int)total, hasZ);
        foreach (GeometryArray chunk in chunks)
            for (int row = 0; row < chunk.Length; row++) builder.AppendRow(chunk, row);
        return builder.Finish(crs);
    }

    private static string? Crs(SchemaView view) =>
        GeoArrowMetadata.ParseCrs(view.Metadata.GetValueOrDefault(GeoArrowMetadata.ExtensionMetadataKey));

    /// <summary>How a field is encoded: a native type, or Mixed for WKB / WKT (told apart by the format).</summary>
    private static GeometryType NativeTypeOf(SchemaView view, GeometryType? geometryType)
    {
        if (view.HasDictionary) throw new InvalidLayoutException("dictionary-encoded geometries are not supported");
        string? extension = view.Metadata.GetValueOrDefault(GeoArrowMetadata.ExtensionNameKey);
        if (extension is GeoArrowMetadata.Wkb or GeoArrowMetadata.Wkt) return GeometryType.Mixed;
        if (extension is not null && extension.StartsWith("geoarrow.", StringComparison.Ordinal))
        {
            GeometryType type = GeoArrowMetadata.NativeType(extension);
            if (type == GeometryType.Mixed) throw new InvalidLayoutException($"unsupported GeoArrow extension type '{extension}'");
            if (geometryType is { } asked && asked != type)
                throw new InvalidLayoutException($"the field is {extension} but {GeometryTypes.Name(asked)} was asked for");
            return type;
        }
        if (view.Format is "z" or "Z" or "u" or "U") return GeometryType.Mixed;
        if (geometryType is not { } bare)
            throw new InvalidLayoutException(
                $"the field (format '{view.Format}') has no GeoArrow extension name: pass the geometry type of its layout");
        if (!GeometryTypes.IsSingle(bare) && bare is not (GeometryType.MultiPoint or GeometryType.MultiLineString or GeometryType.MultiPolygon))
            throw new InvalidLayoutException($"{GeometryTypes.Name(bare)} has no GeoArrow native layout");
        return bare;
    }

    /// <summary>The type and dimensions of a field (a WKB / WKT field, whose rows are unknown, counts as 2D points).</summary>
    private static (GeometryType Type, bool HasZ) Describe(SchemaView view, GeometryType? geometryType)
    {
        GeometryType type = NativeTypeOf(view, geometryType);
        if (type == GeometryType.Mixed) return (GeometryType.Point, false);
        SchemaView node = view;
        for (int level = 0; level < GeoArrowMetadata.LevelNames(type).Length; level++)
        {
            if (node.Format is not ("+l" or "+L") || node.Children.Length != 1)
                throw new InvalidLayoutException($"level {level} of a {GeometryTypes.Name(type)} field must be a List, not '{node.Format}'");
            node = node.Children[0];
        }
        return (type, CoordinateDimension(node) == 3);
    }

    private static GeometryArray Import(SchemaView view, ImportedArrowArray owner, GeometryType? geometryType)
    {
        ArrowArray* array = owner.Array;
        GeometryType type = NativeTypeOf(view, geometryType);
        int length = CheckedLength(array, "the geometry array");
        GeometryArray result = type == GeometryType.Mixed
            ? Serialized(view, array, length, owner)
            : Native(view, array, type, length, owner);
        result = result.WithCrs(Crs(view));
        result.Validate();
        return result;
    }

    private static GeometryArray Native(SchemaView view, ArrowArray* array, GeometryType type, int length, ImportedArrowArray owner)
    {
        int levels = GeoArrowMetadata.LevelNames(type).Length;
        var offsets = new Offsets[levels];
        DataBuffer<byte>? validity = Validity(array, length, owner);
        SchemaView node = view;
        for (int level = 0; level < levels; level++)
        {
            bool large = node.Format == "+L";
            if (node.Format != "+l" && !large)
                throw new InvalidLayoutException($"level {level} of a {GeometryTypes.Name(type)} array must be a List, not '{node.Format}'");
            CheckShape(node, array, buffers: 2, children: 1, $"list level {level}");
            offsets[level] = ListOffsets(array, CheckedLength(array, $"list level {level}"), large, owner, level);
            node = node.Children[0];
            array = array->Children[0];
        }
        (DataBuffer<double> coordinates, bool hasZ) = Coordinates(node, array, owner);
        Offsets identity = Offsets.Identity;
        (Offsets geometry, Offsets part, Offsets ring) = type switch
        {
            GeometryType.Point => (identity, identity, identity),
            GeometryType.LineString => (identity, identity, offsets[0]),
            GeometryType.Polygon => (identity, offsets[0], offsets[1]),
            GeometryType.MultiPoint => (offsets[0], identity, identity),
            GeometryType.MultiLineString => (offsets[0], identity, offsets[1]),
            _ => (offsets[0], offsets[1], offsets[2]),
        };
        return new GeometryArray(length, type, hasZ, coordinates, geometry, part, ring, validity: validity);
    }

    private static void CheckShape(SchemaView node, ArrowArray* array, int buffers, int children, string what)
    {
        if (node.Children.Length != children)
            throw new InvalidLayoutException($"the schema of {what} has {node.Children.Length} children, {children} expected");
        if (array->BufferCount != buffers)
            throw new InvalidLayoutException($"{what} has {array->BufferCount} buffers, {buffers} expected");
        if (array->ChildCount != children)
            throw new InvalidLayoutException($"{what} has {array->ChildCount} children, {children} expected");
        if (array->Dictionary != null) throw new InvalidLayoutException($"{what} has an unexpected dictionary");
        if (buffers > 0 && array->Buffers == null) throw new InvalidLayoutException($"{what} has a null buffer list");
        if (children > 0 && array->Children == null) throw new InvalidLayoutException($"{what} has a null children list");
        for (int i = 0; i < children; i++)
            if (array->Children[i] == null) throw new InvalidLayoutException($"child {i} of {what} is null");
    }

    /// <summary>The array's length and offset, checked to address fewer than 2^31 elements.</summary>
    private static int CheckedLength(ArrowArray* array, string what)
    {
        // Length + Offset could overflow (2^62 + 2^62): compare without adding.
        if (array->Length < 0 || array->Offset < 0 || array->Length >= int.MaxValue - array->Offset)
            throw new InvalidLayoutException($"{what} has length {array->Length} and offset {array->Offset}, outside the supported range");
        return (int)array->Length;
    }

    private static DataBuffer<byte>? Validity(ArrowArray* array, int length, ImportedArrowArray owner)
    {
        if (array->BufferCount < 1 || array->Buffers == null)
            throw new InvalidLayoutException("the geometry array has no validity buffer slot");
        var bits = (byte*)array->Buffers[0];
        if (bits == null)
        {
            if (array->NullCount > 0)
                throw new InvalidLayoutException($"the geometry array has {array->NullCount} nulls but no validity bitmap");
            return null;
        }
        if (array->NullCount == 0 || length == 0) return null;
        long offset = array->Offset;
        int bytes = (length + 7) / 8;
        // Safe: the producer's bitmap covers bits [offset, offset + length).
        if (offset % 8 == 0) return DataBuffer<byte>.Wrap(bits + offset / 8, bytes, owner);
        DataBuffer<byte> copy = DataBuffer<byte>.Allocate(bytes);
        Span<byte> target = copy.Span;
        target.Clear();
        for (int i = 0; i < length; i++)
        {
            long bit = offset + i;
            if ((bits[bit >> 3] & (1 << (int)(bit & 7))) != 0) target[i >> 3] |= (byte)(1 << (i & 7));
        }
        return copy;
    }

    /// <summary>The offsets of a list level as <paramref name="length"/> + 1 entries from the array's offset.</summary>
    private static Offsets ListOffsets(ArrowArray* array, int length, bool large, ImportedArrowArray owner, int level)
    {
        void* buffer = array->Buffers[1];
        if (buffer == null)
        {
            if (length == 0) return Offsets.Identity;
            throw new InvalidLayoutException($"list level {level} has a null offsets buffer");
        }
        // Safe: the producer's offsets buffer holds entries [offset, offset + length] of the list.
        if (!large) return new Offsets(DataBuffer<int>.Wrap((int*)buffer + array->Offset, length + 1, owner));
        long* source = (long*)buffer + array->Offset;
        DataBuffer<int> narrowed = DataBuffer<int>.Allocate(length + 1);
        Span<int> target = narrowed.Span;
        for (int i = 0; i <= length; i++)
        {
            long value = source[i];
            if (value is < 0 or > int.MaxValue)
                throw new InvalidLayoutException($"LargeList offset {value} at index {i} of level {level} does not fit in 32 bits");
            target[i] = (int)value;
        }
        return new Offsets(narrowed);
    }

    /// <summary>2 or 3 from a FixedSizeList or Struct coordinate field; rejects M.</summary>
    private static int CoordinateDimension(SchemaView node)
    {
        int dimension;
        bool hasM;
        if (node.Format.StartsWith("+w:", StringComparison.Ordinal))
        {
            if (!int.TryParse(node.Format.AsSpan(3), out dimension) || node.Children.Length != 1)
                throw new InvalidLayoutException($"invalid coordinate format '{node.Format}'");
            hasM = node.Children[0].Name is "xym" or "xyzm";
        }
        else if (node.Format == "+s")
        {
            dimension = node.Children.Length;
            hasM = node.Children.Any(child => child.Name == "m");
        }
        else throw new InvalidLayoutException($"coordinates must be a FixedSizeList or a Struct, not '{node.Format}'");
        if (hasM || dimension is not (2 or 3))
            throw new InvalidLayoutException($"unsupported coordinate dimensions ({dimension} values{(hasM ? " with M" : "")}): only xy and xyz are supported");
        return dimension;
    }

    private static (DataBuffer<double> Coordinates, bool HasZ) Coordinates(SchemaView node, ArrowArray* array, ImportedArrowArray owner)
    {
        int dimension = CoordinateDimension(node);
        int count = CheckedLength(array, "the coordinates");
        long start = array->Offset;
        if (node.Format == "+s")
        {
            CheckShape(node, array, buffers: 1, children: dimension, "the coordinate struct");
            DataBuffer<double> interleaved = DataBuffer<double>.Allocate(checked(count * dimension));
            for (int axis = 0; axis < dimension; axis++)
            {
                double* values = Values(node.Children[axis], array->Children[axis], start + count, $"coordinate field {axis}");
                var body = new InterleaveBody(values + start, interleaved.Pointer, dimension, axis);
                ParallelRange.For(count, ParallelRange.Grain(count, 4096), ref body);
            }
            return (interleaved, dimension == 3);
        }
        CheckShape(node, array, buffers: 1, children: 1, "the coordinate list");
        long needed = (start + count) * dimension;
        if (needed > int.MaxValue) throw new InvalidLayoutException("the coordinates hold more than 2^31 values");
        double* data = Values(node.Children[0], array->Children[0], needed, "the coordinate values");
        // Safe: Values checked that the child array holds the values of coordinates [0, start + count).
        return (DataBuffer<double>.Wrap(data + start * dimension, count * dimension, owner), dimension == 3);
    }

    /// <summary>The first value of a float64 child holding at least <paramref name="needed"/> values.</summary>
    private static double* Values(SchemaView node, ArrowArray* array, long needed, string what)
    {
        if (node.Format != "g") throw new InvalidLayoutException($"{what} must be float64 ('g'), not '{node.Format}'");
        CheckShape(node, array, buffers: 2, children: 0, what);
        int length = CheckedLength(array, what);
        if (length < needed) throw new InvalidLayoutException($"{what} hold {length} values, {needed} needed");
        var data = (double*)array->Buffers[1];
        if (data == null && needed > 0) throw new InvalidLayoutException($"{what} have a null data buffer");
        return data == null ? null : data + array->Offset;
    }

    private static GeometryArray Serialized(SchemaView view, ArrowArray* array, int length, ImportedArrowArray owner)
    {
        string? extension = view.Metadata.GetValueOrDefault(GeoArrowMetadata.ExtensionNameKey);
        bool wkb = view.Format is "z" or "Z";
        if (!wkb && view.Format is not ("u" or "U"))
            throw new InvalidLayoutException($"{extension ?? "WKB/WKT"} must be stored as Binary or Utf8, not '{view.Format}'");
        if (extension is not null && (extension == GeoArrowMetadata.Wkb) != wkb)
            throw new InvalidLayoutException($"{extension} cannot be stored with format '{view.Format}'");
        GeometryDecoder decoder = wkb
            ? GeoArrowCodecs.Require(GeoArrowCodecs.WkbDecoder, "WKB")
            : GeoArrowCodecs.Require(GeoArrowCodecs.WktDecoder, "WKT");
        CheckShape(view, array, buffers: 3, children: 0, "the geometry array");
        DataBuffer<byte>? validity = Validity(array, length, owner);
        Offsets offsets = ListOffsets(array, length, view.Format is "Z" or "U", owner, 0);
        DataBuffer<int> offsetBuffer = offsets.ToBuffer(0);
        ReadOnlySpan<int> span = offsetBuffer.Span[..(length + 1)];
        if (span[0] < 0) throw new InvalidLayoutException($"value offsets start at {span[0]}");
        for (int i = 1; i < span.Length; i++)
            if (span[i] < span[i - 1])
                throw new InvalidLayoutException($"value offsets decrease at index {i} ({span[i - 1]} then {span[i]})");
        var data = (byte*)array->Buffers[2];
        if (data == null && span[^1] > 0) throw new InvalidLayoutException("the values buffer is null");
        // Safe: the producer's data buffer holds every byte its offsets reference.
        return decoder(length, offsetBuffer, DataBuffer<byte>.Wrap(data, span[^1], owner), validity);
    }

    private readonly struct InterleaveBody(double* source, double* output, int dimension, int axis) : IRangeBody
    {
        public void Run(int start, int end)
        {
            // Safe: source holds count values (checked), output count * dimension.
            for (int i = start; i < end; i++) output[(long)i * dimension + axis] = source[i];
        }
    }
}
