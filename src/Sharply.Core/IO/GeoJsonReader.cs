using System.Text;
using System.Text.Json;
using Sharply.Core.Geometries;

namespace Sharply.Core.IO;

/// <summary>
/// Reads GeoJSON with <see cref="Utf8JsonReader"/> (no reflection). A value is a Geometry object, a
/// Feature (its geometry; a null geometry makes a missing row) or a FeatureCollection (read by
/// <see cref="ReadMany(ReadOnlySpan{nint}, ReadOnlySpan{int}, OnInvalid, string?)"/> as one
/// GeometryCollection, by <see cref="ReadFeatureCollection"/> as one row per feature). Positions need
/// 2 or 3 numbers (an empty position is POINT EMPTY). A collection nested in a collection is flattened
/// into its members. The common shapes are scanned directly by a fast path that falls back to the general
/// path on anything unusual.
/// </summary>
public static class GeoJsonReader
{
    /// <summary>Deepest nesting of JSON accepted (this bounds geometry collection nesting too).</summary>
    public const int MaxDepth = 64;

    private static readonly JsonReaderOptions Options = new() { MaxDepth = MaxDepth };

    /// <summary>Decodes one UTF-8 GeoJSON value and appends it to <paramref name="builder"/> as one row.
    /// On failure the builder is left unchanged.</summary>
    /// <exception cref="GeometryDecodeException">The text is not valid GeoJSON.</exception>
    public static void Read(ReadOnlySpan<byte> json, GeometryArrayBuilder builder, long row = -1)
    {
        int length = builder.Length;
        try
        {
            Decoder.Decode(json, builder, row);
        }
        catch
        {
            builder.Truncate(length);
            throw;
        }
    }

    /// <summary>Decodes many UTF-8 values in parallel. Row <c>i</c> is the <c>lengths[i]</c> bytes at
    /// <c>pointers[i]</c>, or missing when the pointer is 0; the memory must stay valid during the call.</summary>
    public static DecodeResult ReadMany(ReadOnlySpan<nint> pointers, ReadOnlySpan<int> lengths, OnInvalid onInvalid, string? crs = null) =>
        PlainPoints<PlainPoint>.ReadAll(pointers, lengths, crs) is { } points
            ? new DecodeResult(points, [], 0)
            : RowDecoding.ReadMany<Decoder>(pointers, lengths, onInvalid, crs);

    /// <summary>A value that is one plain 2D point (<see cref="GeoJsonScanner.TryReadPlainPoint"/>).</summary>
    private readonly struct PlainPoint : IPlainPointParser
    {
        public static unsafe bool TryRead(nint pointer, nint length, out double x, out double y)
        {
            x = y = 0;
            return pointer != 0 && length is >= 0 and <= int.MaxValue
                && GeoJsonScanner.TryReadPlainPoint(new ReadOnlySpan<byte>((void*)pointer, (int)length), out x, out y);
        }
    }

    /// <summary>Decodes many strings (null = missing) in parallel.</summary>
    public static DecodeResult ReadMany(IReadOnlyList<string?> rows, OnInvalid onInvalid, string? crs = null) =>
        RowDecoding.ReadMany<Decoder>(rows.Select(text => text is null ? null : Encoding.UTF8.GetBytes(text)).ToArray(), onInvalid, crs);

    /// <summary>Reads a FeatureCollection as one row per feature (a null geometry makes a missing row).
    /// Errors name the feature index as the row.</summary>
    public static GeometryArray ReadFeatureCollection(ReadOnlySpan<byte> json, string? crs = null)
    {
        var builder = new GeometryArrayBuilder();
        if (GeoJsonScanner.TryReadFeatureCollection(json, builder)) return builder.Finish(crs);
        builder = new GeometryArrayBuilder();
        var reader = new Utf8JsonReader(json, Options);
        try
        {
            Parser.Next(ref reader, -1);
            if (reader.TokenType != JsonTokenType.StartObject || Parser.FindType(reader, -1) != "FeatureCollection")
                throw new GeometryDecodeException(-1, "expected a FeatureCollection object");
            while (Parser.NextProperty(ref reader, -1, out string name))
            {
                if (name != "features")
                {
                    reader.Skip();
                    continue;
                }
                if (reader.TokenType != JsonTokenType.StartArray) throw new GeometryDecodeException(-1, "\"features\" must be an array");
                for (long feature = 0; Parser.NextArrayItem(ref reader, feature); feature++)
                    Parser.ReadTopLevel(ref reader, builder, feature, expectFeature: true);
            }
            Parser.ExpectEnd(ref reader, -1);
        }
        catch (JsonException error)
        {
            throw new GeometryDecodeException(builder.Length, $"invalid JSON: {error.Message}", error);
        }
        catch (InvalidOperationException error)
        {
            throw new GeometryDecodeException(builder.Length, $"invalid JSON text: {error.Message}", error);
        }
        return builder.Finish(crs);
    }

    private readonly struct Decoder : IRowDecoder
    {
        public static int Decode(ReadOnlySpan<byte> input, GeometryArrayBuilder builder, long row)
        {
            int length = builder.Length;
            if (GeoJsonScanner.TryReadRow(input, builder)) return 0;
            builder.Truncate(length);
            var reader = new Utf8JsonReader(input, Options);
            try
            {
                Parser.Next(ref reader, row);
                Parser.ReadTopLevel(ref reader, builder, row, expectFeature: false);
                Parser.ExpectEnd(ref reader, row);
            }
            catch (JsonException error)
            {
                throw new GeometryDecodeException(row, $"invalid JSON: {error.Message}", error);
            }
            catch (InvalidOperationException error)
            {
                // Utf8JsonReader reports invalid UTF-8 in a string when the string is read.
                throw new GeometryDecodeException(row, $"invalid JSON text: {error.Message}", error);
            }
            return 0;
        }
    }

    private static class Parser
    {
        public static void Next(ref Utf8JsonReader reader, long row)
        {
            if (!reader.Read()) throw new GeometryDecodeException(row, "unexpected end of JSON");
        }

        public static void ExpectEnd(ref Utf8JsonReader reader, long row)
        {
            if (reader.Read()) throw new GeometryDecodeException(row, "unexpected JSON after the value");
        }

        /// <summary>Moves to the next property name of the current object; false at its end.</summary>
        public static bool NextProperty(ref Utf8JsonReader reader, long row, out string name)
        {
            Next(ref reader, row);
            name = reader.TokenType == JsonTokenType.PropertyName ? reader.GetString()! : "";
            if (reader.TokenType == JsonTokenType.PropertyName) Next(ref reader, row);
            return name.Length > 0 || reader.TokenType != JsonTokenType.EndObject;
        }

        /// <summary>Moves to the next item of the current array; false at its end.</summary>
        public static bool NextArrayItem(ref Utf8JsonReader reader, long row)
        {
            Next(ref reader, row);
            return reader.TokenType != JsonTokenType.EndArray;
        }

        /// <summary>The "type" member of the object starting at <paramref name="reader"/>, found on a copy of
        /// the reader (cheap when "type" comes first, as it usually does).</summary>
        public static string FindType(Utf8JsonReader reader, long row)
        {
            while (NextProperty(ref reader, row, out string name))
            {
                if (name == "type")
                    return reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new GeometryDecodeException(row, "\"type\" must be a string");
                reader.Skip();
            }
            throw new GeometryDecodeException(row, "object has no \"type\"");
        }

        public static void ReadTopLevel(ref Utf8JsonReader reader, GeometryArrayBuilder builder, long row, bool expectFeature)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                builder.AppendNull();
                return;
            }
            if (reader.TokenType != JsonTokenType.StartObject) throw new GeometryDecodeException(row, "expected a GeoJSON object");
            string type = FindType(reader, row);
            if (expectFeature && type != "Feature") throw new GeometryDecodeException(row, $"expected a Feature, found {type}");
            if (type == "Feature")
            {
                bool found = false;
                while (NextProperty(ref reader, row, out string name))
                {
                    if (name != "geometry")
                    {
                        reader.Skip();
                        continue;
                    }
                    if (found) throw new GeometryDecodeException(row, "Feature has two geometries");
                    found = true;
                    if (reader.TokenType == JsonTokenType.Null) builder.AppendNull();
                    else ReadGeometry(ref reader, builder, row, top: true);
                }
                if (!found) throw new GeometryDecodeException(row, "Feature has no \"geometry\"");
                return;
            }
            if (type != "FeatureCollection")
            {
                ReadGeometry(ref reader, builder, row, top: true);
                return;
            }
            builder.BeginGeometry(GeometryType.GeometryCollection);
            while (NextProperty(ref reader, row, out string name))
            {
                if (name != "features")
                {
                    reader.Skip();
                    continue;
                }
                if (reader.TokenType != JsonTokenType.StartArray) throw new GeometryDecodeException(row, "\"features\" must be an array");
                while (NextArrayItem(ref reader, row))
                {
                    if (reader.TokenType != JsonTokenType.StartObject || FindType(reader, row) != "Feature")
                        throw new GeometryDecodeException(row, "\"features\" must hold Feature objects");
                    while (NextProperty(ref reader, row, out string member))
                    {
                        if (member == "geometry" && reader.TokenType != JsonTokenType.Null) ReadGeometry(ref reader, builder, row, top: false);
                        else reader.Skip();
                    }
                }
            }
        }

        /// <summary>Reads a Geometry object (the reader on its StartObject): as a new row when
        /// <paramref name="top"/>, else as parts of the current row.</summary>
        private static void ReadGeometry(ref Utf8JsonReader reader, GeometryArrayBuilder builder, long row, bool top)
        {
            if (reader.TokenType != JsonTokenType.StartObject) throw new GeometryDecodeException(row, "expected a geometry object");
            GeometryType type = TypeOf(FindType(reader, row), row);
            if (top) builder.BeginGeometry(type);
            else if (type != GeometryType.GeometryCollection) builder.BeginMember(type);
            bool found = false;
            string content = type == GeometryType.GeometryCollection ? "geometries" : "coordinates";
            while (NextProperty(ref reader, row, out string name))
            {
                if (name != content)
                {
                    reader.Skip();
                    continue;
                }
                if (found) throw new GeometryDecodeException(row, $"duplicate \"{content}\"");
                found = true;
                if (reader.TokenType != JsonTokenType.StartArray) throw new GeometryDecodeException(row, $"\"{content}\" must be an array");
                if (type == GeometryType.GeometryCollection)
                {
                    while (NextArrayItem(ref reader, row)) ReadGeometry(ref reader, builder, row, top: false);
                    continue;
                }
                switch (type)
                {
                    case GeometryType.Point:
                        ReadPoint(ref reader, builder, row);
                        break;
                    case GeometryType.LineString:
                        builder.BeginPart(GeometryType.LineString);
                        ReadPositions(ref reader, builder, row);
                        break;
                    case GeometryType.Polygon:
                        ReadRings(ref reader, builder, row);
                        break;
                    case GeometryType.MultiPoint:
                        while (NextArrayItem(ref reader, row))
                        {
                            if (reader.TokenType != JsonTokenType.StartArray) throw new GeometryDecodeException(row, "a position must be an array");
                            ReadPoint(ref reader, builder, row);
                        }
                        break;
                    case GeometryType.MultiLineString:
                        while (NextArrayItem(ref reader, row))
                        {
                            if (reader.TokenType != JsonTokenType.StartArray) throw new GeometryDecodeException(row, "a linestring must be an array");
                            builder.BeginPart(GeometryType.LineString);
                            ReadPositions(ref reader, builder, row);
                        }
                        break;
                    default:
                        while (NextArrayItem(ref reader, row))
                        {
                            if (reader.TokenType != JsonTokenType.StartArray) throw new GeometryDecodeException(row, "a polygon must be an array");
                            ReadRings(ref reader, builder, row);
                        }
                        break;
                }
            }
            if (!found) throw new GeometryDecodeException(row, $"{GeometryTypes.Name(type)} has no \"{content}\"");
        }

        private static GeometryType TypeOf(string name, long row) => name switch
        {
            "Point" => GeometryType.Point,
            "LineString" => GeometryType.LineString,
            "Polygon" => GeometryType.Polygon,
            "MultiPoint" => GeometryType.MultiPoint,
            "MultiLineString" => GeometryType.MultiLineString,
            "MultiPolygon" => GeometryType.MultiPolygon,
            "GeometryCollection" => GeometryType.GeometryCollection,
            _ => throw new GeometryDecodeException(row, $"unknown geometry type \"{name}\""),
        };

        /// <summary>A point part from a position whose StartArray is current; [] is POINT EMPTY.</summary>
        private static void ReadPoint(ref Utf8JsonReader reader, GeometryArrayBuilder builder, long row)
        {
            builder.BeginPart(GeometryType.Point);
            builder.BeginRing();
            Next(ref reader, row);
            if (reader.TokenType == JsonTokenType.EndArray) builder.AddCoordinate(double.NaN, double.NaN);
            else ReadPositionValues(ref reader, builder, row);
        }

        /// <summary>The rings of a polygon, the StartArray of the ring list being current.</summary>
        private static void ReadRings(ref Utf8JsonReader reader, GeometryArrayBuilder builder, long row)
        {
            builder.BeginPart(GeometryType.Polygon);
            while (NextArrayItem(ref reader, row))
            {
                if (reader.TokenType != JsonTokenType.StartArray) throw new GeometryDecodeException(row, "a ring must be an array");
                ReadPositions(ref reader, builder, row);
            }
        }

        /// <summary>One ring of positions, its StartArray being current.</summary>
        private static void ReadPositions(ref Utf8JsonReader reader, GeometryArrayBuilder builder, long row)
        {
            builder.BeginRing();
            while (NextArrayItem(ref reader, row))
            {
                if (reader.TokenType != JsonTokenType.StartArray) throw new GeometryDecodeException(row, "a position must be an array");
                Next(ref reader, row);
                ReadPositionValues(ref reader, builder, row);
            }
        }

        /// <summary>The numbers of a position from its first value through its EndArray.</summary>
        private static void ReadPositionValues(ref Utf8JsonReader reader, GeometryArrayBuilder builder, long row)
        {
            double x = Number(ref reader, row);
            Next(ref reader, row);
            double y = Number(ref reader, row);
            Next(ref reader, row);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                builder.AddCoordinate(x, y);
                return;
            }
            double z = Number(ref reader, row);
            Next(ref reader, row);
            if (reader.TokenType != JsonTokenType.EndArray) throw new GeometryDecodeException(row, "a position has more than 3 numbers");
            builder.AddCoordinate(x, y, z);
        }

        private static double Number(ref Utf8JsonReader reader, long row)
        {
            if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out double value)) return value;
            if (reader.TokenType == JsonTokenType.EndArray) throw new GeometryDecodeException(row, "a position needs at least 2 numbers");
            throw new GeometryDecodeException(row, $"expected a coordinate number, found {reader.TokenType}");
        }
    }
}
