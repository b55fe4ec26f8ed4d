using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sharply.Core.Geometries;

namespace Sharply.Core.IO;

/// <summary>
/// Reads ISO WKB and extended WKB (EWKB): both byte orders, Z (ISO codes 1001-1007 or flag 0x80000000),
/// M (dropped), an optional SRID (flag 0x20000000). Hex-encoded WKB (text starting with "00" or "01")
/// is accepted too. A collection nested in a collection is flattened into its members.
/// </summary>
public static class WkbReader
{
    /// <summary>Deepest nesting of geometry collections accepted.</summary>
    public const int MaxDepth = 32;

    private const uint ZFlag = 0x80000000, MFlag = 0x40000000, SridFlag = 0x20000000;

    /// <summary>Decodes one value and appends it to <paramref name="builder"/> as one row. On failure the
    /// builder is left unchanged.</summary>
    /// <param name="wkb">Binary or hex WKB.</param>
    /// <param name="builder">Receives the row.</param>
    /// <param name="row">The row index reported in errors (-1 for a single value).</param>
    /// <returns>The SRID of an EWKB value, else 0.</returns>
    /// <exception cref="GeometryDecodeException">The value is not valid WKB.</exception>
    public static int Read(ReadOnlySpan<byte> wkb, GeometryArrayBuilder builder, long row = -1)
    {
        int length = builder.Length;
        try
        {
            return Decoder.Decode(wkb, builder, row);
        }
        catch
        {
            builder.Truncate(length);
            throw;
        }
    }

    /// <summary>Decodes many values in parallel. Row <c>i</c> is the <c>lengths[i]</c> bytes at
    /// <c>pointers[i]</c>, or missing when the pointer is 0; the memory must stay valid during the call.</summary>
    public static DecodeResult ReadMany(ReadOnlySpan<nint> pointers, ReadOnlySpan<int> lengths, OnInvalid onInvalid, string? crs = null) =>
        PlainPoints<PlainPoint>.ReadAll(pointers, lengths, crs) is { } points
            ? new DecodeResult(points, [], 0)
            : RowDecoding.ReadMany<Decoder>(pointers, lengths, onInvalid, crs);

    /// <summary>True for a 21-byte little-endian 2D point without SRID (on a little-endian machine).</summary>
    /// <remarks>Safe to call when a non-zero <paramref name="pointer"/> addresses <paramref name="length"/> readable bytes.</remarks>
    public static unsafe bool IsPlainPoint(nint pointer, nint length) =>
        BitConverter.IsLittleEndian && pointer != 0 && length == WkbWriter.PlainPointSize
        && *(byte*)pointer == 1 && Unsafe.ReadUnaligned<uint>((byte*)pointer + 1) == 1;

    /// <summary>A plain point value (<see cref="IsPlainPoint"/>): its coordinates follow the 5-byte header.</summary>
    public readonly struct PlainPoint : IPlainPointParser
    {
        /// <inheritdoc/>
        public static unsafe bool TryRead(nint pointer, nint length, out double x, out double y)
        {
            if (!IsPlainPoint(pointer, length))
            {
                x = y = 0;
                return false;
            }
            x = Unsafe.ReadUnaligned<double>((byte*)pointer + 5);
            y = Unsafe.ReadUnaligned<double>((byte*)pointer + 13);
            return true;
        }
    }

    /// <summary>Decodes many managed values (null = missing) in parallel.</summary>
    public static DecodeResult ReadMany(IReadOnlyList<byte[]?> rows, OnInvalid onInvalid, string? crs = null) =>
        RowDecoding.ReadMany<Decoder>(rows, onInvalid, crs);

    private readonly struct Decoder : IRowDecoder
    {
        public static int BytesPerValue => 8;

        public static int Decode(ReadOnlySpan<byte> input, GeometryArrayBuilder builder, long row)
        {
            if (input.Length == 0 || input[0] != (byte)'0') return DecodeBinary(input, builder, row);
            if (input.Length % 2 != 0) throw new GeometryDecodeException(row, "hex WKB has an odd number of digits");
            int size = input.Length / 2;
            byte[]? rented = size > 1024 ? ArrayPool<byte>.Shared.Rent(size) : null;
            try
            {
                Span<byte> binary = rented is null ? stackalloc byte[size] : rented.AsSpan(0, size);
                for (int i = 0; i < size; i++)
                {
                    int high = HexValue(input[2 * i]), low = HexValue(input[2 * i + 1]);
                    if ((high | low) < 0) throw new GeometryDecodeException(row, $"invalid hex digit near character {2 * i}");
                    binary[i] = (byte)(high << 4 | low);
                }
                return DecodeBinary(binary, builder, row);
            }
            finally
            {
                if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
            }
        }

        private static int HexValue(byte c) => c switch
        {
            >= (byte)'0' and <= (byte)'9' => c - '0',
            >= (byte)'A' and <= (byte)'F' => c - 'A' + 10,
            >= (byte)'a' and <= (byte)'f' => c - 'a' + 10,
            _ => -1,
        };

        private static int DecodeBinary(ReadOnlySpan<byte> data, GeometryArrayBuilder builder, long row)
        {
            var cursor = new Cursor(data, row);
            Header header = cursor.ReadHeader();
            builder.BeginGeometry(header.Type);
            ReadBody(ref cursor, header, builder, 0);
            if (cursor.Position != data.Length)
                throw new GeometryDecodeException(row, $"{data.Length - cursor.Position} trailing bytes after the geometry");
            return cursor.Srid;
        }
    }

    /// <summary>Appends the parts of a geometry whose header has been read.</summary>
    private static void ReadBody(ref Cursor cursor, Header header, GeometryArrayBuilder builder, int depth)
    {
        switch (header.Type)
        {
            case GeometryType.Point:
            {
                cursor.Require(header.Dimension * 8, "point");
                double x = cursor.ReadDouble(header.BigEndian), y = cursor.ReadDouble(header.BigEndian);
                double z = header.HasZ ? cursor.ReadDouble(header.BigEndian) : double.NaN;
                if (header.HasM) cursor.ReadDouble(header.BigEndian);
                builder.BeginPart(GeometryType.Point);
                builder.BeginRing();
                if (header.HasZ && !(double.IsNaN(x) && double.IsNaN(y))) builder.AddCoordinate(x, y, z);
                else builder.AddCoordinate(x, y);
                return;
            }
            case GeometryType.LineString:
            {
                int count = cursor.ReadCount(header.Dimension * 8, header.BigEndian, "vertex");
                builder.BeginPart(GeometryType.LineString);
                builder.BeginRing();
                ReadCoordinates(ref cursor, header, count, builder);
                return;
            }
            case GeometryType.Polygon:
            {
                int rings = cursor.ReadCount(4, header.BigEndian, "ring");
                builder.BeginPart(GeometryType.Polygon);
                for (int ring = 0; ring < rings; ring++)
                {
                    int count = cursor.ReadCount(header.Dimension * 8, header.BigEndian, "vertex");
                    builder.BeginRing();
                    ReadCoordinates(ref cursor, header, count, builder);
                }
                return;
            }
            default:
            {
                bool collection = header.Type == GeometryType.GeometryCollection;
                if (collection && depth >= MaxDepth)
                    throw new GeometryDecodeException(cursor.Row, $"geometry collections nested deeper than {MaxDepth}");
                GeometryType expected = GeometryTypes.PartKind(header.Type);
                int members = cursor.ReadCount(9, header.BigEndian, "member");
                for (int i = 0; i < members; i++)
                {
                    Header member = cursor.ReadHeader();
                    if (!collection && member.Type != expected)
                        throw new GeometryDecodeException(cursor.Row,
                            $"a {GeometryTypes.Name(header.Type)} cannot hold a {GeometryTypes.Name(member.Type)}");
                    if (collection && member.Type != GeometryType.GeometryCollection) builder.BeginMember(member.Type);
                    ReadBody(ref cursor, member, builder, depth + 1);
                }
                return;
            }
        }
    }

    private static void ReadCoordinates(ref Cursor cursor, Header header, int count, GeometryArrayBuilder builder)
    {
        int dimension = header.Dimension;
        ReadOnlySpan<byte> bytes = cursor.Take(count * dimension * 8);
        int outDimension = header.HasZ ? 3 : 2;
        if (!header.BigEndian == BitConverter.IsLittleEndian && !header.HasM)
        {
            builder.AddCoordinates(MemoryMarshal.Cast<byte, double>(bytes), dimension);
            return;
        }
        Span<double> batch = stackalloc double[3 * 128];
        int done = 0;
        while (done < count)
        {
            int n = Math.Min(128, count - done);
            for (int i = 0; i < n; i++)
            {
                ReadOnlySpan<byte> vertex = bytes.Slice((done + i) * dimension * 8, outDimension * 8);
                for (int k = 0; k < outDimension; k++)
                    batch[i * outDimension + k] = ReadDouble(vertex[(k * 8)..], header.BigEndian);
            }
            builder.AddCoordinates(batch[..(n * outDimension)], outDimension);
            done += n;
        }
    }

    private static double ReadDouble(ReadOnlySpan<byte> bytes, bool bigEndian) =>
        bigEndian ? BinaryPrimitives.ReadDoubleBigEndian(bytes) : BinaryPrimitives.ReadDoubleLittleEndian(bytes);

    private readonly record struct Header(GeometryType Type, bool HasZ, bool HasM, bool BigEndian)
    {
        public int Dimension => 2 + (HasZ ? 1 : 0) + (HasM ? 1 : 0);
    }

    private ref struct Cursor(ReadOnlySpan<byte> data, long row)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        public int Position;
        public int Srid;
        public readonly long Row = row;

        private readonly int Remaining => _data.Length - Position;

        public void Require(int bytes, string what)
        {
            if (bytes > Remaining)
                throw new GeometryDecodeException(Row, $"truncated WKB: {what} needs {bytes} bytes at byte {Position}, {Remaining} left");
        }

        public ReadOnlySpan<byte> Take(int bytes)
        {
            ReadOnlySpan<byte> span = _data.Slice(Position, bytes);
            Position += bytes;
            return span;
        }

        public double ReadDouble(bool bigEndian) => WkbReader.ReadDouble(Take(8), bigEndian);

        private uint ReadUInt32(bool bigEndian)
        {
            ReadOnlySpan<byte> bytes = Take(4);
            return bigEndian ? BinaryPrimitives.ReadUInt32BigEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        }

        /// <summary>Reads a count and checks that the remaining bytes can hold that many elements of at
        /// least <paramref name="minimumSize"/> bytes, before anything is allocated for them.</summary>
        public int ReadCount(int minimumSize, bool bigEndian, string what)
        {
            Require(4, what + " count");
            uint count = ReadUInt32(bigEndian);
            if (count > (uint)(Remaining / minimumSize))
                throw new GeometryDecodeException(Row, $"{what} count {count} at byte {Position - 4} exceeds the {Remaining} bytes left");
            return (int)count;
        }

        public Header ReadHeader()
        {
            Require(5, "geometry header");
            byte order = _data[Position++];
            if (order > 1) throw new GeometryDecodeException(Row, $"bad byte order flag {order} at byte {Position - 1}");
            bool bigEndian = order == 0;
            uint code = ReadUInt32(bigEndian);
            bool hasZ = (code & ZFlag) != 0, hasM = (code & MFlag) != 0;
            uint type = code & 0x0FFFFFFF;
            if (type is >= 1000 and < 4000)
            {
                hasZ |= type / 1000 is 1 or 3;
                hasM |= type / 1000 is 2 or 3;
                type %= 1000;
            }
            if (type is 0 or > 7) throw new GeometryDecodeException(Row, $"unknown geometry type code {code} at byte {Position - 4}");
            if ((code & SridFlag) != 0)
            {
                Require(4, "SRID");
                int srid = (int)ReadUInt32(bigEndian);
                if (Srid == 0) Srid = srid;
            }
            return new Header((GeometryType)type, hasZ, hasM, bigEndian);
        }
    }
}
