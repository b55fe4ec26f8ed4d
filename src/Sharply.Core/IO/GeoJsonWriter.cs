using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Sharply.Core.Geometries;

namespace Sharply.Core.IO;

/// <summary>
/// Writes GeoJSON Geometry objects as Shapely 2's <c>to_geojson</c> does:
/// <c>{"type":"Point","coordinates":[1.0,2.0]}</c>, shortest round-trip numbers, POINT EMPTY as
/// <c>[]</c>, NaN and infinite x / y as null. A NaN z is left out of its position. A collection's members
/// are written as stored (see <see cref="GeometryArray.MembersOf"/>).
/// </summary>
public static class GeoJsonWriter
{
    /// <summary>Encodes every row as UTF-8; missing rows get no bytes and a cleared validity bit.</summary>
    public static EncodedRows WriteMany(GeometryArray array, GeoJsonOptions options)
    {
        options.Validate();
        return TextEncoding.EncodeMany(array, new Encoder(options.Indent ?? -1));
    }

    /// <summary>Encodes every row as UTF-8 (ASCII, in fact) into pooled per-chunk buffers, for callers that copy
    /// each row out once (into a Python str) and so need no concatenation; dispose the result.</summary>
    public static TextChunks WriteChunks(GeometryArray array, GeoJsonOptions options)
    {
        options.Validate();
        return TextEncoding.EncodeChunks(array, new Encoder(options.Indent ?? -1));
    }

    /// <summary>Encodes one present row.</summary>
    public static string Write(GeometryArray array, int row, GeoJsonOptions options)
    {
        options.Validate();
        return TextEncoding.Encode(array, row, new Encoder(options.Indent ?? -1));
    }

    private readonly struct Encoder(int indent) : IRowEncoder
    {
        public void Encode(GeometryArray array, int row, Utf8Sink output)
        {
            var writer = new Writer(array, output, indent, RowShape.HasZValues(array, row));
            GeometryType type = array.TypeOf(row);
            (int partStart, int partEnd) = array.PartsOf(row);
            if (type != GeometryType.GeometryCollection)
            {
                writer.WriteGeometry(type, partStart, partEnd, 0);
                return;
            }
            writer.OpenObject(type, 0);
            bool any = false;
            foreach (Member member in array.MembersOf(row))
            {
                writer.Item(any, 2);
                writer.WriteGeometry(member.Type, member.PartStart, member.PartEnd, 2);
                any = true;
            }
            writer.Close((byte)']', any, 1);
            writer.Close((byte)'}', true, 0);
        }
    }

    private readonly ref struct Writer(GeometryArray array, Utf8Sink output, int indent, bool hasZ)
    {
        /// <summary>A newline and indentation to <paramref name="level"/> (nothing when compact).</summary>
        private void Line(int level)
        {
            if (indent < 0) return;
            int count = 1 + level * indent;
            Span<byte> span = output.GetSpan(count);
            span[0] = (byte)'\n';
            span[1..count].Fill((byte)' ');
            output.Advance(count);
        }

        /// <summary>Before an item of an array or object at <paramref name="level"/>.</summary>
        public void Item(bool comma, int level)
        {
            if (comma) output.Write((byte)',');
            Line(level);
        }

        public void Close(byte bracket, bool hadItems, int level)
        {
            if (hadItems) Line(level);
            output.Write(bracket);
        }

        /// <summary>Writes <c>{"type":"...","coordinates":[</c> (or "geometries") for an object at <paramref name="level"/>.</summary>
        public void OpenObject(GeometryType type, int level)
        {
            output.Write((byte)'{');
            Line(level + 1);
            output.Write(indent < 0 ? "\"type\":\""u8 : "\"type\": \""u8);
            output.Write(type switch
            {
                GeometryType.Point => "Point"u8,
                GeometryType.LineString => "LineString"u8,
                GeometryType.Polygon => "Polygon"u8,
                GeometryType.MultiPoint => "MultiPoint"u8,
                GeometryType.MultiLineString => "MultiLineString"u8,
                GeometryType.MultiPolygon => "MultiPolygon"u8,
                _ => "GeometryCollection"u8,
            });
            output.Write("\","u8);
            Line(level + 1);
            output.Write(type == GeometryType.GeometryCollection ? "\"geometries\":"u8 : "\"coordinates\":"u8);
            if (indent >= 0) output.Write((byte)' ');
            output.Write((byte)'[');
        }

        /// <summary>A Geometry object of a type other than GeometryCollection over parts <c>[partStart, partEnd)</c>
        /// at <paramref name="level"/>.</summary>
        public void WriteGeometry(GeometryType type, int partStart, int partEnd, int level)
        {
            if (GeometryTypes.IsSingle(type))
            {
                WritePart(partStart < partEnd ? partStart : -1, type, level);
                return;
            }
            OpenObject(type, level);
            GeometryType kind = GeometryTypes.PartKind(type);
            for (int part = partStart; part < partEnd; part++)
            {
                Item(part > partStart, level + 2);
                WriteCoordinates(part, kind, level + 2);
            }
            Close((byte)']', partEnd > partStart, level + 1);
            Close((byte)'}', true, level);
        }

        /// <summary>A Geometry object of one part (-1: empty) at <paramref name="level"/>.</summary>
        public void WritePart(int part, GeometryType kind, int level)
        {
            if (indent < 0)
            {
                if (kind == GeometryType.Point && part >= 0)
                {
                    WriteCompactPoint(part);
                    return;
                }
                // Compact: the whole opening as one literal.
                output.Write(kind switch
                {
                    GeometryType.Point => "{\"type\":\"Point\",\"coordinates\":"u8,
                    GeometryType.LineString => "{\"type\":\"LineString\",\"coordinates\":"u8,
                    _ => "{\"type\":\"Polygon\",\"coordinates\":"u8,
                });
                if (part < 0) output.Write("[]"u8);
                else WriteCoordinates(part, kind, level + 1);
                output.Write((byte)'}');
                return;
            }
            output.Write((byte)'{');
            Line(level + 1);
            output.Write(indent < 0 ? "\"type\":\""u8 : "\"type\": \""u8);
            output.Write(kind switch
            {
                GeometryType.Point => "Point"u8,
                GeometryType.LineString => "LineString"u8,
                _ => "Polygon"u8,
            });
            output.Write("\","u8);
            Line(level + 1);
            output.Write(indent < 0 ? "\"coordinates\":"u8 : "\"coordinates\": "u8);
            if (part < 0) output.Write("[]"u8);
            else WriteCoordinates(part, kind, level + 1);
            Close((byte)'}', true, level);
        }

        /// <summary>A compact Point object, in one reservation of output space (a row per point is common).</summary>
        private void WriteCompactPoint(int part)
        {
            ReadOnlySpan<byte> opening = "{\"type\":\"Point\",\"coordinates\":["u8;
            Span<byte> span = output.GetSpan(opening.Length + MaxPositionLength + NumberText.MaxShortestLength);
            opening.CopyTo(span);
            int length = opening.Length;
            if (array.IsPartEmpty(part, GeometryType.Point)) span[length++] = (byte)']';
            else
            {
                int vertex = array.RingOffsets[array.PartOffsets[part]];
                length += WriteCompactNumbers(array.VertexCoordinates(vertex, vertex + 1), span[length..]);
            }
            span[length++] = (byte)'}';
            output.Advance(length);
        }

        /// <summary>"x,y]" or "x,y,z]" (no NaN z) into <paramref name="span"/>, which has room for
        /// <see cref="MaxPositionLength"/> + <see cref="NumberText.MaxShortestLength"/> bytes; returns the length.</summary>
        private int WriteCompactNumbers(ReadOnlySpan<double> coordinates, Span<byte> span)
        {
            int length = NumberText.FormatShortest(coordinates[0], span);
            span[length++] = (byte)',';
            length += NumberText.FormatShortest(coordinates[1], span[length..]);
            if (hasZ && !double.IsNaN(coordinates[2]))
            {
                span[length++] = (byte)',';
                length += NumberText.FormatShortest(coordinates[2], span[length..]);
            }
            span[length++] = (byte)']';
            return length;
        }

        /// <summary>The coordinates array of one part at <paramref name="level"/>: a position, a list of
        /// positions, or a list of rings.</summary>
        public void WriteCoordinates(int part, GeometryType kind, int level)
        {
            (int ringStart, int ringEnd) = array.RingsOf(part);
            if (kind == GeometryType.Point)
            {
                if (array.IsPartEmpty(part, kind)) output.Write("[]"u8);
                else WritePosition(array.RingOffsets[ringStart], level);
                return;
            }
            if (kind == GeometryType.LineString)
            {
                if (ringStart == ringEnd) output.Write("[]"u8);
                else WriteRing(ringStart, level);
                return;
            }
            output.Write((byte)'[');
            for (int ring = ringStart; ring < ringEnd; ring++)
            {
                Item(ring > ringStart, level + 1);
                WriteRing(ring, level + 1);
            }
            Close((byte)']', ringEnd > ringStart, level);
        }

        private void WriteRing(int ring, int level)
        {
            if (indent < 0)
            {
                WriteCompactPositions(array.RingCoordinates(ring));
                return;
            }
            (int start, int end) = array.VerticesOf(ring);
            output.Write((byte)'[');
            for (int vertex = start; vertex < end; vertex++)
            {
                Item(vertex > start, level + 1);
                WritePosition(vertex, level + 1);
            }
            Close((byte)']', end > start, level);
        }

        /// <summary>Positions written per reservation of output space.</summary>
        private const int PositionBatch = 1024;

        /// <summary>Most bytes of one compact position and its comma: "[x,y,z],".</summary>
        private const int MaxPositionLength = 3 * (NumberText.MaxShortestText + 1) + 2;

        /// <summary>A compact list of positions, "[[x,y],[x,y]]", written into space reserved once per batch.</summary>
        private void WriteCompactPositions(ReadOnlySpan<double> coordinates)
        {
            int stride = array.Dimension;
            output.Write((byte)'[');
            if (coordinates.IsEmpty)
            {
                output.Write((byte)']');
                return;
            }
            for (int batchStart = 0; batchStart < coordinates.Length; batchStart += PositionBatch * stride)
            {
                ReadOnlySpan<double> batch = coordinates.Slice(batchStart, Math.Min(PositionBatch * stride, coordinates.Length - batchStart));
                Span<byte> span = output.GetSpan(PositionBatch * MaxPositionLength + NumberText.MaxShortestLength);
                // Safe: each position writes at most MaxPositionLength bytes and a number's scratch reaches at most
                // MaxShortestLength past its start, so all writes stay inside the span reserved for the batch.
                ref byte destination = ref MemoryMarshal.GetReference(span);
                int length = 0;
                for (int i = 0; i + 1 < batch.Length; i += stride)
                {
                    Unsafe.Add(ref destination, length) = (byte)'[';
                    length += 1 + NumberText.FormatShortest(batch[i], ref Unsafe.Add(ref destination, length + 1));
                    Unsafe.Add(ref destination, length) = (byte)',';
                    length += 1 + NumberText.FormatShortest(batch[i + 1], ref Unsafe.Add(ref destination, length + 1));
                    if (hasZ && !double.IsNaN(batch[i + 2]))
                    {
                        Unsafe.Add(ref destination, length) = (byte)',';
                        length += 1 + NumberText.FormatShortest(batch[i + 2], ref Unsafe.Add(ref destination, length + 1));
                    }
                    Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, length), (ushort)0x2C5D); // "],"
                    length += 2;
                }
                // The last position's comma closes the list.
                if (batchStart + batch.Length == coordinates.Length) Unsafe.Add(ref destination, length - 1) = (byte)']';
                output.Advance(length);
            }
        }

        private void WritePosition(int vertex, int level)
        {
            ReadOnlySpan<double> coordinates = array.VertexCoordinates(vertex, vertex + 1);
            if (indent < 0)
            {
                // Compact: the whole position in one span.
                Span<byte> span = output.GetSpan(1 + MaxPositionLength + NumberText.MaxShortestLength);
                span[0] = (byte)'[';
                output.Advance(1 + WriteCompactNumbers(coordinates, span[1..]));
                return;
            }
            output.Write((byte)'[');
            Line(level + 1);
            NumberText.WriteShortest(output, coordinates[0]);
            output.Write((byte)',');
            Line(level + 1);
            NumberText.WriteShortest(output, coordinates[1]);
            if (hasZ && !double.IsNaN(coordinates[2]))
            {
                output.Write((byte)',');
                Line(level + 1);
                NumberText.WriteShortest(output, coordinates[2]);
            }
            Close((byte)']', true, level);
        }
    }
}
