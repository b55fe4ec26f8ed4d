using Sharply.Core.Geometries;

namespace Sharply.Core.IO;

/// <summary>
/// Writes WKT exactly as GEOS 3.11 (Shapely 1.8 <c>dumps</c>, Shapely 2 <c>to_wkt</c>) does:
/// "POINT (1 2)", "POINT Z (1 2 3)", "MULTIPOINT (1 2, 3 4)", "POLYGON EMPTY", empty members as
/// "EMPTY". A collection's members are written as stored (see <see cref="GeometryArray.MembersOf"/>).
/// </summary>
public static class WktWriter
{
    /// <summary>Encodes every row as UTF-8; missing rows get no bytes and a cleared validity bit.</summary>
    public static EncodedRows WriteMany(GeometryArray array, WktOptions options)
    {
        options.Validate();
        return TextEncoding.EncodeMany(array, new Encoder(options));
    }

    /// <summary>Encodes one present row.</summary>
    public static string Write(GeometryArray array, int row, WktOptions options)
    {
        options.Validate();
        return TextEncoding.Encode(array, row, new Encoder(options));
    }

    private readonly struct Encoder(WktOptions options) : IRowEncoder
    {
        public void Encode(GeometryArray array, int row, Utf8Sink output)
        {
            bool hasZ = options.OutputDimension == 3 && RowShape.HasZValues(array, row);
            var writer = new Writer(array, output, hasZ, options);
            GeometryType type = array.TypeOf(row);
            (int partStart, int partEnd) = array.PartsOf(row);
            if (type != GeometryType.GeometryCollection)
            {
                writer.WriteGeometry(type, partStart, partEnd);
                return;
            }
            writer.WriteKeyword(type, partStart == partEnd);
            if (partStart == partEnd) return;
            output.Write((byte)'(');
            bool first = true;
            foreach (Member member in array.MembersOf(row))
            {
                if (!first) output.Write(", "u8);
                first = false;
                // Each member in its own dimension, as GEOS writes them.
                bool memberZ = hasZ && RowShape.HasZValues(array, member.PartStart, member.PartEnd);
                new Writer(array, output, memberZ, options).WriteGeometry(member.Type, member.PartStart, member.PartEnd);
            }
            output.Write((byte)')');
        }
    }

    private readonly ref struct Writer(GeometryArray array, Utf8Sink output, bool hasZ, WktOptions options)
    {
        /// <summary>A whole tagged geometry of a type other than GeometryCollection over parts <c>[partStart, partEnd)</c>.</summary>
        public void WriteGeometry(GeometryType type, int partStart, int partEnd)
        {
            if (GeometryTypes.IsSingle(type))
            {
                WritePart(partStart < partEnd ? partStart : -1, type);
                return;
            }
            WriteKeyword(type, partStart == partEnd);
            if (partStart == partEnd) return;
            GeometryType kind = GeometryTypes.PartKind(type);
            output.Write((byte)'(');
            for (int part = partStart; part < partEnd; part++)
            {
                if (part > partStart) output.Write(", "u8);
                if (array.IsPartEmpty(part, kind)) output.Write("EMPTY"u8);
                else if (kind == GeometryType.Point) WriteVertices(array.PartOffsets[part]);
                else WriteBody(part, kind);
            }
            output.Write((byte)')');
        }

        /// <summary>A whole tagged part; <paramref name="part"/> -1 writes an empty geometry.</summary>
        public void WritePart(int part, GeometryType kind)
        {
            bool empty = part < 0 || array.IsPartEmpty(part, kind);
            WriteKeyword(kind, empty);
            if (!empty) WriteBody(part, kind);
        }

        public void WriteKeyword(GeometryType type, bool empty)
        {
            output.Write(type switch
            {
                GeometryType.Point => "POINT"u8,
                GeometryType.LineString => "LINESTRING"u8,
                GeometryType.Polygon => "POLYGON"u8,
                GeometryType.MultiPoint => "MULTIPOINT"u8,
                GeometryType.MultiLineString => "MULTILINESTRING"u8,
                GeometryType.MultiPolygon => "MULTIPOLYGON"u8,
                _ => "GEOMETRYCOLLECTION"u8,
            });
            output.Write(empty ? " EMPTY"u8 : hasZ ? " Z "u8 : " "u8);
        }

        /// <summary>The parenthesised coordinates of a non-empty part.</summary>
        public void WriteBody(int part, GeometryType kind)
        {
            (int ringStart, int ringEnd) = array.RingsOf(part);
            if (kind != GeometryType.Polygon)
            {
                output.Write((byte)'(');
                WriteVertices(ringStart);
                output.Write((byte)')');
                return;
            }
            output.Write((byte)'(');
            for (int ring = ringStart; ring < ringEnd; ring++)
            {
                if (ring > ringStart) output.Write(", "u8);
                output.Write((byte)'(');
                WriteVertices(ring);
                output.Write((byte)')');
            }
            output.Write((byte)')');
        }

        /// <summary>The vertices of a ring, without parentheses (a point of a multipoint has none).</summary>
        public void WriteVertices(int ring)
        {
            (int start, int end) = array.VerticesOf(ring);
            ReadOnlySpan<double> coordinates = array.VertexCoordinates(start, end);
            int stride = array.Dimension, dimension = hasZ ? 3 : 2;
            for (int i = 0; i < coordinates.Length; i += stride)
            {
                if (i > 0) output.Write(", "u8);
                for (int k = 0; k < dimension; k++)
                {
                    if (k > 0) output.Write((byte)' ');
                    NumberText.WriteFixed(output, coordinates[i + k], options.RoundingPrecision, options.Trim);
                }
            }
        }
    }
}
