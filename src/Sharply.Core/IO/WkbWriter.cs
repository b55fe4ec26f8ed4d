using System.Runtime.CompilerServices;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Sharply.Core.Geometries;
using Sharply.Core.Parallel;

namespace Sharply.Core.IO;

/// <summary>
/// Writes WKB exactly as GEOS does: POINT EMPTY as a point with NaN coordinates, Z as the extended WKB
/// flag (or ISO codes), collection members (see <see cref="GeometryArray.MembersOf"/>) each with their own header.
/// A row is written with Z when the output dimension is 3 and the row has a z value that is not NaN.
/// Output sizes are computed first, so all rows go into one allocation, written in parallel.
/// </summary>
public static class WkbWriter
{
    /// <summary>Encodes every row; missing rows get no bytes and a cleared validity bit.</summary>
    public static unsafe EncodedRows WriteMany(GeometryArray array, WkbOptions options)
    {
        long[] sizes = Sizes(array, options);
        int count = array.Length;
        DataBuffer<long> offsets = DataBuffer<long>.Allocate(count + 1);
        Span<long> span = offsets.Span;
        span[0] = 0;
        for (int row = 0; row < count; row++) span[row + 1] = span[row] + sizes[row];
        if (span[count] > Array.MaxLength) throw new InvalidLayoutException($"WKB output of {span[count]} bytes is too large for one buffer");
        DataBuffer<byte> data = DataBuffer<byte>.Allocate((int)span[count]);
        var targets = new nint[count];
        for (int row = 0; row < count; row++) targets[row] = (nint)(data.Pointer + span[row]);
        WriteTo(array, options, targets, sizes);
        return new EncodedRows(count, data, offsets, array.Validity);
    }

    /// <summary>The size in bytes of every row's WKB (0 for a missing row), computed in parallel.</summary>
    public static unsafe long[] Sizes(GeometryArray array, WkbOptions options)
    {
        options.Validate();
        var sizes = new long[array.Length];
        if (IsPlainPoints(array, options))
        {
            for (int row = 0; row < sizes.Length; row++) sizes[row] = array.IsNull(row) ? 0 : PlainPointSize;
            return sizes;
        }
        fixed (long* pointer = sizes)
        {
            var body = new SizeBody(array, options, pointer);
            ParallelRange.For(array.Length, Grain(array), ref body);
        }
        foreach (long size in sizes)
            if (size > Array.MaxLength) throw new InvalidLayoutException($"a WKB value of {size} bytes is too large");
        return sizes;
    }

    /// <summary>Writes every present row, in parallel, to <c>targets[row]</c>, which must address
    /// <c>sizes[row]</c> writable bytes, the sizes given by <see cref="Sizes"/> for the same options. The
    /// targets are taken for fresh memory: the pages of large rows are mapped before they are written
    /// (<see cref="FreshMemory"/>).</summary>
    public static unsafe void WriteTo(GeometryArray array, WkbOptions options, ReadOnlySpan<nint> targets, ReadOnlySpan<long> sizes)
    {
        options.Validate();
        if (targets.Length != array.Length || sizes.Length != array.Length)
            throw new ArgumentException($"{array.Length} rows but {targets.Length} targets and {sizes.Length} sizes");
        // Safe: the spans stay pinned for the whole loop, which ends before this method returns.
        fixed (nint* target = targets)
        fixed (long* size = sizes)
        {
            if (IsPlainPoints(array, options))
            {
                var points = new PlainPointBody(array, target);
                ParallelRange.For(array.Length, ParallelRange.Grain(array.Length, 4096), ref points);
                return;
            }
            var body = new WriteBody(array, options, target, size);
            ParallelRange.For(array.Length, Grain(array), ref body);
        }
    }

    /// <summary>The size of a plain point's WKB (<see cref="IsPlainPoints"/>): byte order, type code, x and y.</summary>
    public const int PlainPointSize = 21;

    /// <summary>The NaN GEOS writes for POINT EMPTY (positive quiet NaN; .NET's double.NaN has the sign bit set).</summary>
    private static readonly double GeosNaN = BitConverter.Int64BitsToDouble(0x7FF8000000000000);

    /// <summary>True for 2D points written in the machine's little-endian order without SRID,
    /// <see cref="PlainPointSize"/> bytes each: the commonest case, written by <see cref="WritePlainPoint"/>
    /// without the general walk over parts and rings.</summary>
    public static bool IsPlainPoints(GeometryArray array, WkbOptions options) =>
        array.Type == GeometryType.Point && !array.HasZ && BitConverter.IsLittleEndian
        && array.GeometryOffsets.IsIdentity && array.PartOffsets.IsIdentity && array.RingOffsets.IsIdentity
        && options.ByteOrder == WkbByteOrder.LittleEndian && !options.Hex && options.Srid is null;

    /// <summary>Writes present row <paramref name="row"/> of plain points (<see cref="IsPlainPoints"/>) to
    /// <paramref name="output"/>, which must address <see cref="PlainPointSize"/> writable bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void WritePlainPoint(GeometryArray array, int row, byte* output)
    {
        double* coordinates = array.Coordinates.Pointer;
        double x = coordinates[2 * row], y = coordinates[2 * row + 1];
        if (double.IsNaN(x)) x = y = GeosNaN;
        output[0] = (byte)WkbByteOrder.LittleEndian;
        Unsafe.WriteUnaligned(output + 1, (uint)GeometryType.Point);
        Unsafe.WriteUnaligned(output + 5, x);
        Unsafe.WriteUnaligned(output + 13, y);
    }

    private readonly unsafe struct PlainPointBody(GeometryArray array, nint* targets) : IRangeBody
    {
        public void Run(int start, int end)
        {
            for (int row = start; row < end; row++)
                if (!array.IsNull(row)) WritePlainPoint(array, row, (byte*)targets[row]);
        }
    }

    private static int Grain(GeometryArray array) => ParallelRange.Grain(array.Length, 256);

    /// <summary>Encodes one present row.</summary>
    public static byte[] Write(GeometryArray array, int row, WkbOptions options)
    {
        options.Validate();
        if (array.IsNull(row)) throw new ArgumentException($"row {row} is missing", nameof(row));
        bool hasZ = options.OutputDimension == 3 && RowShape.HasZValues(array, row);
        var output = new byte[Size(array, row, hasZ, options)];
        WriteRow(array, row, hasZ, options, output);
        return output;
    }

    private static long Size(GeometryArray array, int row, bool hasZ, WkbOptions options)
    {
        int vertexSize = hasZ ? 24 : 16;
        long size = options.Srid is null ? 0 : 4;
        GeometryType type = array.TypeOf(row);
        (int partStart, int partEnd) = array.PartsOf(row);
        if (type != GeometryType.GeometryCollection) size += GeometrySize(array, type, partStart, partEnd, vertexSize);
        else
        {
            size += 9;
            foreach (Member member in array.MembersOf(row))
                size += GeometrySize(array, member.Type, member.PartStart, member.PartEnd,
                    hasZ && RowShape.HasZValues(array, member.PartStart, member.PartEnd) ? 24 : 16);
        }
        return options.Hex ? 2 * size : size;
    }

    private static long GeometrySize(GeometryArray array, GeometryType type, int partStart, int partEnd, int vertexSize)
    {
        if (GeometryTypes.IsSingle(type))
            return partStart == partEnd ? 5 + (type == GeometryType.Point ? vertexSize : 4) : PartSize(array, partStart, type, vertexSize);
        long size = 9;
        GeometryType kind = GeometryTypes.PartKind(type);
        for (int part = partStart; part < partEnd; part++) size += PartSize(array, part, kind, vertexSize);
        return size;
    }

    private static long PartSize(GeometryArray array, int part, GeometryType kind, int vertexSize)
    {
        if (array.IsPartEmpty(part, kind)) return kind == GeometryType.Point ? 21 : 9;
        (int ringStart, int ringEnd) = array.RingsOf(part);
        if (kind == GeometryType.Point) return 5 + vertexSize;
        if (kind == GeometryType.LineString)
            return 9 + (ringStart == ringEnd ? 0 : (long)vertexSize * (array.RingOffsets[ringStart + 1] - array.RingOffsets[ringStart]));
        return 9 + 4L * (ringEnd - ringStart) + (long)vertexSize * (array.RingOffsets[ringEnd] - array.RingOffsets[ringStart]);
    }

    private static void WriteRow(GeometryArray array, int row, bool hasZ, WkbOptions options, Span<byte> output)
    {
        var writer = new Writer(array, output, hasZ, options);
        GeometryType type = array.TypeOf(row);
        (int partStart, int partEnd) = array.PartsOf(row);
        if (type != GeometryType.GeometryCollection) writer.WriteGeometry(type, partStart, partEnd, options.Srid);
        else
        {
            writer.WriteHeader(type, options.Srid);
            writer.WriteUInt32((uint)array.MemberCount(row));
            foreach (Member member in array.MembersOf(row))
            {
                writer.HasZ = hasZ && RowShape.HasZValues(array, member.PartStart, member.PartEnd);
                writer.WriteGeometry(member.Type, member.PartStart, member.PartEnd, null);
            }
        }
        if (options.Hex) ToHexInPlace(output, writer.Position);
    }

    /// <summary>Expands <paramref name="length"/> bytes at the start of <paramref name="output"/> into
    /// twice as many uppercase hex digits, back to front so no byte is overwritten before it is read.</summary>
    private static void ToHexInPlace(Span<byte> output, int length)
    {
        ReadOnlySpan<byte> digits = "0123456789ABCDEF"u8;
        for (int i = length - 1; i >= 0; i--)
        {
            byte value = output[i];
            output[2 * i + 1] = digits[value & 15];
            output[2 * i] = digits[value >> 4];
        }
    }

    private ref struct Writer(GeometryArray array, Span<byte> output, bool hasZ, WkbOptions options)
    {
        private readonly Span<byte> _output = output;
        private readonly bool _bigEndian = options.ByteOrder == WkbByteOrder.BigEndian;
        public int Position;

        /// <summary>Whether the geometry being written has Z (each collection member has its own, as in GEOS).</summary>
        public bool HasZ = hasZ;

        public void WriteHeader(GeometryType type, int? srid)
        {
            _output[Position++] = (byte)options.ByteOrder;
            uint code = (uint)type;
            if (options.Iso) code += HasZ ? 1000u : 0;
            else code |= (HasZ ? 0x80000000 : 0) | (srid is null ? 0 : 0x20000000u);
            WriteUInt32(code);
            if (srid is { } value) WriteUInt32((uint)value);
        }

        public void WriteUInt32(uint value)
        {
            if (_bigEndian) BinaryPrimitives.WriteUInt32BigEndian(_output[Position..], value);
            else BinaryPrimitives.WriteUInt32LittleEndian(_output[Position..], value);
            Position += 4;
        }

        private void WriteDouble(double value)
        {
            if (_bigEndian) BinaryPrimitives.WriteDoubleBigEndian(_output[Position..], value);
            else BinaryPrimitives.WriteDoubleLittleEndian(_output[Position..], value);
            Position += 8;
        }


        /// <summary>A geometry of a type other than GeometryCollection over parts <c>[partStart, partEnd)</c>.</summary>
        public void WriteGeometry(GeometryType type, int partStart, int partEnd, int? srid)
        {
            if (GeometryTypes.IsSingle(type))
            {
                if (partStart < partEnd) WritePart(partStart, type, srid);
                else WriteEmpty(type, srid);
                return;
            }
            WriteHeader(type, srid);
            WriteUInt32((uint)(partEnd - partStart));
            GeometryType kind = GeometryTypes.PartKind(type);
            for (int part = partStart; part < partEnd; part++) WritePart(part, kind, null);
        }

        public void WriteEmpty(GeometryType type, int? srid)
        {
            WriteHeader(type, srid);
            if (type != GeometryType.Point)
            {
                WriteUInt32(0);
                return;
            }
            for (int i = HasZ ? 3 : 2; i > 0; i--) WriteDouble(GeosNaN);
        }

        /// <summary>One part with its header; an empty part is written 2D, as GEOS does.</summary>
        public void WritePart(int part, GeometryType kind, int? srid)
        {
            if (array.IsPartEmpty(part, kind))
            {
                bool hasZ = HasZ;
                HasZ = false;
                WriteEmpty(kind, srid);
                HasZ = hasZ;
                return;
            }
            (int ringStart, int ringEnd) = array.RingsOf(part);
            if (kind == GeometryType.Point)
            {
                WriteHeader(kind, srid);
                int vertex = array.RingOffsets[ringStart];
                WriteVertices(vertex, vertex + 1);
                return;
            }
            WriteHeader(kind, srid);
            if (kind == GeometryType.LineString)
            {
                if (ringStart == ringEnd) WriteUInt32(0);
                else WriteRing(ringStart);
                return;
            }
            WriteUInt32((uint)(ringEnd - ringStart));
            for (int ring = ringStart; ring < ringEnd; ring++) WriteRing(ring);
        }

        private void WriteRing(int ring)
        {
            (int start, int end) = array.VerticesOf(ring);
            WriteUInt32((uint)(end - start));
            WriteVertices(start, end);
        }

        private void WriteVertices(int start, int end)
        {
            ReadOnlySpan<double> coordinates = array.VertexCoordinates(start, end);
            int dimension = HasZ ? 3 : 2;
            if (dimension == array.Dimension && _bigEndian != BitConverter.IsLittleEndian)
            {
                ReadOnlySpan<byte> bytes = MemoryMarshal.AsBytes(coordinates);
                bytes.CopyTo(_output[Position..]);
                Position += bytes.Length;
                return;
            }
            int stride = array.Dimension;
            for (int i = 0; i < coordinates.Length; i += stride)
                for (int k = 0; k < dimension; k++) WriteDouble(coordinates[i + k]);
        }
    }

    private readonly unsafe struct SizeBody(GeometryArray array, WkbOptions options, long* sizes) : IRangeBody
    {
        public void Run(int start, int end)
        {
            for (int row = start; row < end; row++)
                sizes[row] = array.IsNull(row) ? 0
                    : Size(array, row, options.OutputDimension == 3 && RowShape.HasZValues(array, row), options);
        }
    }

    private readonly unsafe struct WriteBody(GeometryArray array, WkbOptions options, nint* targets, long* sizes) : IRangeBody
    {
        public void Run(int start, int end)
        {
            for (int row = start; row < end; row++)
            {
                if (array.IsNull(row)) continue;
                // Safe: the caller guarantees each target addresses the size computed for its row.
                FreshMemory.Populate((void*)targets[row], sizes[row]);
                var output = new Span<byte>((void*)targets[row], (int)sizes[row]);
                WriteRow(array, row, options.OutputDimension == 3 && RowShape.HasZValues(array, row), options, output);
            }
        }
    }
}
