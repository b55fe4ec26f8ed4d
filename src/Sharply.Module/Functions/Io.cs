using System.Buffers;
using System.Text;
using Sharply.Core;
using Sharply.Core.Geometries;
using Sharply.Core.IO;
using Sharply.CPython;
using Sharply.CPython.Raw;
using Sharply.Module.Types;

namespace Sharply.Module.Functions;

/// <summary>WKB, WKT and GeoJSON in and out (Shapely 2's from_* / to_*), and the binary form used by pickling.</summary>
internal static unsafe class Io
{
    /// <summary>Failures named in the one warning <c>on_invalid="warn"</c> issues.</summary>
    private const int WarnedRows = 5;

    public static readonly PyFunction[] Functions =
    [
        new("from_wkb", ["geometry", "on_invalid"], &FromWkb),
        new("from_wkt", ["geometry", "on_invalid"], &FromWkt),
        new("from_geojson", ["geometry", "on_invalid"], &FromGeoJson),
        new("to_wkb", ["geometry", "hex", "output_dimension", "byte_order", "include_srid"], &ToWkb),
        new("to_wkt", ["geometry", "rounding_precision", "trim", "output_dimension"], &ToWkt),
        new("to_geojson", ["geometry", "indent"], &ToGeoJson),
        new("_from_wkb_blob", ["data", "offsets", "crs"], &FromWkbBlob),
        new("_to_wkb_blob", ["geometry"], &ToWkbBlob),
    ];

    private static Owned FromWkb(in Arguments args)
    {
        Policy(args[1]);
        return ReadPlainPoints(args[0]) is { } points ? PyGeometryArray.Wrap(points) : Decode(args[0], args[1], &WkbReader.ReadMany);
    }

    /// <summary>
    /// A list, tuple or 1-D numpy object array of plain 2D little-endian WKB points (the commonest input)
    /// read in one pass with the GIL held, each value copied while its object is in cache: no references
    /// taken, no second pass over the objects. Null at the first item that is anything else (None too):
    /// the general path then reads them all.
    /// </summary>
    private static GeometryArray? ReadPlainPoints(Borrowed input)
    {
        if (input.IsList() || input.IsTuple())
        {
            bool list = input.IsList();
            nint count = CApi.PyObject_Size(input.Handle);
            if (count < 0) throw new PythonException();
            if (count == 0 || !IsPlainPointItem(list ? CApi.PyList_GetItem(input.Handle, 0) : CApi.PyTuple_GetItem(input.Handle, 0)))
                return null;
            var points = new PlainPoints<WkbReader.PlainPoint>(checked((int)count));
            for (int row = 0; row < count; row++)
                if (!TryReadPlainPoint(points, row, list ? CApi.PyList_GetItem(input.Handle, row) : CApi.PyTuple_GetItem(input.Handle, row)))
                    return null;
            return points.ToArray(null);
        }
        if (input.IsBytes() || input.IsStr() || CApi.PyObject_CheckBuffer(input.Handle) == 0) return null;
        using BufferView view = BufferView.Acquire(input, "geometry");
        if (view.Dimensions != 1 || view.Format != 'O' || view.ItemSize != sizeof(nint)) return null;
        ReadOnlySpan<nint> items = view.Span<nint>("O", "geometry", "Python objects (dtype=object)");
        if (items.Length == 0 || !IsPlainPointItem(items[0])) return null;
        var plain = new PlainPoints<WkbReader.PlainPoint>(items.Length);
        for (int row = 0; row < items.Length; row++)
            if (!TryReadPlainPoint(plain, row, items[row])) return null;
        return plain.ToArray(null);
    }

    private static bool IsPlainPointItem(nint item) =>
        item != 0 && CApi.Py_TYPE(item) == CApi.PyBytes_Type
        && WkbReader.IsPlainPoint((nint)CApi.PyBytes_AsString(item), CApi.PyBytes_Size(item));

    private static bool TryReadPlainPoint(PlainPoints<WkbReader.PlainPoint> points, int row, nint item) =>
        // Safe: an exact bytes object's contents are its size in readable bytes, valid while the GIL is held.
        item != 0 && CApi.Py_TYPE(item) == CApi.PyBytes_Type
        && points.TryRead(row, (nint)CApi.PyBytes_AsString(item), CApi.PyBytes_Size(item));

    private static Owned FromWkt(in Arguments args) => Decode(args[0], args[1], &WktReader.ReadMany);

    private static Owned FromGeoJson(in Arguments args) => Decode(args[0], args[1], &GeoJsonReader.ReadMany);

    private static OnInvalid Policy(Borrowed value)
    {
        string policy = value.IsStr() ? value.ToStringValue() : "";
        return policy switch
        {
            "raise" => OnInvalid.Raise,
            "warn" => OnInvalid.Warn,
            "ignore" => OnInvalid.Ignore,
            _ => throw new ArgumentException($"on_invalid must be 'raise', 'warn' or 'ignore', got {value.Repr()}"),
        };
    }

    /// <summary>
    /// One value (bytes or str) gives a Geometry, None gives None, a list, tuple or 1-D numpy object array
    /// gives a GeometryArray. The values are read in place, pinned while the GIL is released for the decode.
    /// </summary>
    private static Owned Decode(Borrowed input, Borrowed onInvalid,
        delegate*<ReadOnlySpan<nint>, ReadOnlySpan<int>, OnInvalid, string?, DecodeResult> readMany)
    {
        OnInvalid policy = Policy(onInvalid);
        if (input.IsNone) return Py.None;
        if (input.IsBytes() || input.IsStr())
        {
            ReadOnlySpan<byte> value = Contents(input, -1);
            DecodeResult single;
            fixed (byte* p = value)
            {
                nint pointer = p == null ? (nint)1 : (nint)p;
                int length = value.Length;
                try
                {
                    single = readMany(new ReadOnlySpan<nint>(ref pointer), new ReadOnlySpan<int>(ref length), policy, null);
                }
                catch (GeometryDecodeException error)
                {
                    throw new GeometryDecodeException(-1, error.Problem, error);
                }
            }
            if (single.Failures.Count > 0) Py.Warn(Errors.Warning, $"invalid geometry set to None: {single.Failures[0].Problem}");
            return PyGeometry.Scalar(single.Array, 0);
        }
        using var values = new PinnedValues(input);
        DecodeResult result;
        using (Gil.Release()) result = readMany(values.Pointers, values.Lengths, policy, null);
        if (result.Failures.Count > 0) Py.Warn(Errors.Warning, FailureSummary(result.Failures));
        return PyGeometryArray.Wrap(result.Array);
    }

    /// <summary>The bytes of a bytes object or the UTF-8 of a str, valid while the object lives.</summary>
    private static ReadOnlySpan<byte> Contents(Borrowed item, long row)
    {
        if (item.IsBytes()) return item.BytesValue();
        if (item.IsStr()) return item.Utf8("geometry");
        string where = row < 0 ? "geometry" : $"geometry[{row}]";
        throw new PyTypeErrorException($"{where}: expected bytes, str or None, not '{item.TypeName}'");
    }

    private static string FailureSummary(IReadOnlyList<DecodeFailure> failures)
    {
        var text = new StringBuilder($"{failures.Count} invalid geometr{(failures.Count == 1 ? "y" : "ies")} set to None: ");
        for (int i = 0; i < Math.Min(failures.Count, WarnedRows); i++)
            text.Append(i > 0 ? "; " : "").Append($"row {failures[i].Row}: {failures[i].Problem}");
        if (failures.Count > WarnedRows) text.Append("; ...");
        return text.ToString();
    }

    private static Owned ToWkb(in Arguments args)
    {
        long byteOrder = args[3].ToInt64("byte_order");
        var options = new WkbOptions
        {
            Hex = args[1].ToBool(),
            OutputDimension = OutputDimension(args[2]),
            ByteOrder = byteOrder switch
            {
                -1 => BitConverter.IsLittleEndian ? WkbByteOrder.LittleEndian : WkbByteOrder.BigEndian,
                0 => WkbByteOrder.BigEndian,
                1 => WkbByteOrder.LittleEndian,
                _ => throw new ArgumentException($"byte_order must be -1, 0 or 1, got {byteOrder}"),
            },
        };
        // include_srid (args[4]) writes nothing: geometries carry no SRID (the CRS belongs to the array),
        // and GEOS writes an SRID only when it is not 0.
        args[4].ToBool();
        return options.Hex ? Encode(args[0], array => WkbWriter.WriteMany(array, options), text: true) : EncodeWkb(args[0], options);
    }

    /// <summary>
    /// Binary WKB written straight into the bytes objects. Plain points are written as each object is
    /// made, while its memory is in cache. Otherwise the sizes are computed first, the objects made with
    /// the GIL held, then filled in parallel with the GIL released (nobody else can see them yet).
    /// </summary>
    private static Owned EncodeWkb(Borrowed geometry, WkbOptions options)
    {
        GeometryInput input = Conversions.Geometry(geometry, "geometry");
        GeometryArray rows = input.Rows;
        if (input.IsScalar) return rows.IsNull(0) ? Py.None : Py.Bytes(WkbWriter.Write(rows, 0, options));
        using var items = new ObjectItems(rows.Length);
        if (WkbWriter.IsPlainPoints(rows, options))
        {
            for (int row = 0; row < rows.Length; row++)
            {
                if (rows.IsNull(row)) continue;
                items.Set(row, Py.NewBytes(WkbWriter.PlainPointSize, out byte* data));
                WkbWriter.WritePlainPoint(rows, row, data);
            }
            return items.ToArray();
        }
        long[] sizes;
        using (Gil.Release()) sizes = WkbWriter.Sizes(rows, options);
        var targets = new nint[rows.Length];
        for (int row = 0; row < rows.Length; row++)
        {
            if (rows.IsNull(row)) continue;
            items.Set(row, Py.NewBytes(sizes[row], out byte* data));
            targets[row] = (nint)data;
        }
        using (Gil.Release()) WkbWriter.WriteTo(rows, options, targets, sizes);
        return items.ToArray();
    }

    private static Owned ToWkt(in Arguments args)
    {
        long precision = args[1].ToInt64("rounding_precision");
        if (precision is < -1 or > 17) throw new ArgumentException($"rounding_precision must be -1 to 17, got {precision}");
        var options = new WktOptions
        {
            RoundingPrecision = (int)precision,
            Trim = args[2].ToBool(),
            OutputDimension = OutputDimension(args[3]),
        };
        return Encode(args[0], array => WktWriter.WriteMany(array, options), text: true);
    }

    private static Owned ToGeoJson(in Arguments args)
    {
        int? indent = null;
        if (args.HasValue(1))
        {
            long value = args[1].ToInt64("indent");
            if (value is < 0 or > 64) throw new ArgumentException($"indent must be 0 to 64, got {value}");
            indent = (int)value;
        }
        var options = new GeoJsonOptions { Indent = indent };
        return EncodeStr(args[0], array => GeoJsonWriter.WriteChunks(array, options));
    }

    /// <summary>
    /// str (or None) for a scalar, else a numpy object array of them: the rows are encoded in parallel into
    /// pooled chunk buffers with the GIL released, then each str is made straight from its chunk (one copy).
    /// </summary>
    private static Owned EncodeStr(Borrowed geometry, Func<GeometryArray, TextChunks> encode)
    {
        GeometryInput input = Conversions.Geometry(geometry, "geometry");
        TextChunks chunks;
        using (Gil.ReleaseIf(input.IsLarge)) chunks = encode(input.Rows);
        using (chunks)
        {
            if (input.IsScalar) return chunks.IsNull(0) ? Py.None : AsciiStr(chunks.Text(0)[..chunks.End(0)]);
            using var items = new ObjectItems(chunks.Length);
            for (int chunk = 0; chunk < chunks.ChunkCount; chunk++)
            {
                ReadOnlySpan<byte> text = chunks.Text(chunk);
                int start = 0, end = chunk + 1 < chunks.ChunkCount ? chunks.FirstRow(chunk + 1) : chunks.Length;
                for (int row = chunks.FirstRow(chunk); row < end; row++)
                {
                    int stop = chunks.End(row);
                    if (!chunks.IsNull(row)) items.Set(row, AsciiStr(text[start..stop]));
                    start = stop;
                }
            }
            return items.ToArray();
        }
    }

    /// <summary>Texts up to this length are made without the GC transition (longer ones take long enough to copy
    /// that the runtime should be free to suspend the thread meanwhile).</summary>
    private const int ShortText = 4096;

    /// <summary>A str of ASCII <paramref name="text"/>; a short one without the GC transition (a few ns of about
    /// a hundred per point row).</summary>
    private static Owned AsciiStr(ReadOnlySpan<byte> text)
    {
        if (text.Length > ShortText) return Py.Str(text);
        // Safe: text is pinned for the call, which only copies it (see CApi.PyUnicode_DecodeLatin1).
        fixed (byte* start = text) return Owned.Checked(CApi.PyUnicode_DecodeLatin1(start, text.Length, null));
    }

    private static int OutputDimension(Borrowed value)
    {
        long dimension = value.ToInt64("output_dimension");
        return dimension is 2 or 3 ? (int)dimension : throw new ArgumentException($"output_dimension must be 2 or 3, got {dimension}");
    }

    /// <summary>bytes / str (or None) for a scalar, else a numpy object array of them.</summary>
    private static Owned Encode(Borrowed geometry, Func<GeometryArray, EncodedRows> encode, bool text)
    {
        GeometryInput input = Conversions.Geometry(geometry, "geometry");
        GeometryArray rows = input.Rows;
        EncodedRows encoded;
        using (Gil.ReleaseIf(input.IsLarge)) encoded = encode(rows);
        if (input.IsScalar) return Value(encoded, 0, text);
        using var items = new ObjectItems(encoded.Length);
        for (int row = 0; row < encoded.Length; row++)
            if (!encoded.IsNull(row)) items.Set(row, Value(encoded, row, text));
        return items.ToArray();
    }

    private static Owned Value(EncodedRows rows, int row, bool text) =>
        rows.IsNull(row) ? Py.None : text ? Py.Str(rows[row]) : Py.Bytes(rows[row]);

    /// <summary><c>_to_wkb_blob(geometry)</c>: (all rows' WKB back to back as bytes, int64 offsets); a missing row has no bytes.</summary>
    private static Owned ToWkbBlob(in Arguments args)
    {
        GeometryInput input = Conversions.Geometry(args[0], "geometry");
        GeometryArray rows = input.Rows;
        EncodedRows encoded;
        using (Gil.Release()) encoded = WkbWriter.WriteMany(rows, WkbOptions.Default);
        DataBuffer<long> offsets = encoded.Offsets;
        using Owned data = Py.Bytes(encoded.Data.Span);
        using Owned offsetArray = Conversions.NumpyArray(offsets.Pointer, offsets, sizeof(long), "q"u8, offsets.Length);
        return Py.Tuple(data.Handle, offsetArray.Handle);
    }

    /// <summary><c>_from_wkb_blob(data, offsets, crs)</c>: the inverse of <c>_to_wkb_blob</c> (empty rows are missing).</summary>
    private static Owned FromWkbBlob(in Arguments args)
    {
        string? crs = args.HasValue(2) ? args[2].ToStringValue("crs") : null;
        using BufferView data = BufferView.Acquire(args[0], "data");
        using BufferView offsetView = BufferView.Acquire(args[1], "offsets");
        ReadOnlySpan<long> offsets = offsetView.Span<long>("lq", "offsets", "int64");
        long size = (long)data.Shape(0) * data.ItemSize;
        int count = Math.Max(0, offsets.Length - 1);
        var pointers = new nint[count];
        var lengths = new int[count];
        for (int row = 0; row < count; row++)
        {
            long start = offsets[row], end = offsets[row + 1];
            if (start < 0 || end < start || end > size)
                throw new GeometryDecodeException(row, $"offsets [{start}, {end}) are outside the {size} bytes of data");
            if (end == start) continue;
            pointers[row] = (nint)((byte*)data.Pointer + start);
            lengths[row] = (int)(end - start);
        }
        DecodeResult result;
        using (Gil.Release()) result = WkbReader.ReadMany(pointers, lengths, OnInvalid.Raise, crs);
        return PyGeometryArray.Wrap(result.Array);
    }

    /// <summary>
    /// The contents (bytes, or a str's UTF-8) of the items of a list, tuple or 1-D numpy object array; each
    /// item is held by a reference until disposed, so its memory stays valid while the GIL is released even
    /// if the container changes meanwhile. A missing item (None) has pointer 0. The three tables are rented
    /// (their pages stay mapped from call to call) and returned when disposed.
    /// </summary>
    private sealed class PinnedValues : IDisposable
    {
        private readonly int _count;
        private nint[] _held = [];
        private nint[] _pointers = [];
        private int[] _lengths = [];
        private int _pinned;

        public PinnedValues(Borrowed container)
        {
            if (container.IsList() || container.IsTuple())
            {
                nint count = CApi.PyObject_Size(container.Handle);
                if (count < 0) throw new PythonException();
                _count = checked((int)count);
                Rent();
                bool list = container.IsList();
                for (int row = 0; row < _count; row++)
                    Pin(row, list ? CApi.PyList_GetItem(container.Handle, row) : CApi.PyTuple_GetItem(container.Handle, row));
                return;
            }
            if (CApi.PyObject_CheckBuffer(container.Handle) == 0)
                throw new PyTypeErrorException($"geometry must be bytes, str, a list or a numpy object array, not '{container.TypeName}'");
            using BufferView view = BufferView.Acquire(container, "geometry");
            if (view.Dimensions != 1) throw new ArgumentException($"geometry must be 1-dimensional, got {view.Dimensions} dimensions");
            ReadOnlySpan<nint> objects = view.Span<nint>("O", "geometry", "Python objects (dtype=object)");
            _count = objects.Length;
            Rent();
            for (int row = 0; row < objects.Length; row++) Pin(row, objects[row]);
        }

        /// <summary>Where each item's contents start (0 for None).</summary>
        public ReadOnlySpan<nint> Pointers => _pointers.AsSpan(0, _count);

        /// <summary>Each item's length in bytes (0 for None).</summary>
        public ReadOnlySpan<int> Lengths => _lengths.AsSpan(0, _count);

        private void Rent()
        {
            _held = ArrayPool<nint>.Shared.Rent(_count);
            _pointers = ArrayPool<nint>.Shared.Rent(_count);
            _lengths = ArrayPool<int>.Shared.Rent(_count);
        }

        /// <summary>Fills row <paramref name="row"/> of every table (rented tables hold stale values).</summary>
        private void Pin(int row, nint handle)
        {
            var item = new Borrowed(handle);
            _held[row] = _pointers[row] = 0;
            _lengths[row] = 0;
            _pinned = row + 1;
            // numpy reads an empty (NULL) slot of an object array as None.
            if (item.IsNull || item.IsNone) return;
            ReadOnlySpan<byte> value;
            try
            {
                nint type = item.Type;
                value = type == CApi.PyBytes_Type ? item.BytesValue() : type == CApi.PyUnicode_Type ? item.Utf8("geometry") : Contents(item, row);
            }
            catch
            {
                Dispose();
                throw;
            }
            CApi.Py_IncRef(handle);
            _held[row] = handle;
            // Safe: bytes and str contents do not move while the object lives, and _held keeps it alive.
            fixed (byte* p = value) _pointers[row] = p == null ? 1 : (nint)p;
            _lengths[row] = value.Length;
        }

        public void Dispose()
        {
            if (_pinned < 0) return;
            foreach (nint item in _held.AsSpan(0, _pinned))
                if (item != 0) Py.DecRef(item);
            _pinned = -1;
            if (_held.Length == 0) return;
            ArrayPool<nint>.Shared.Return(_held);
            ArrayPool<nint>.Shared.Return(_pointers);
            ArrayPool<int>.Shared.Return(_lengths);
        }
    }
}
