using System.Buffers;
using System.Text;
using System.Text.Json;
using Sharply.Core.Geometries;

namespace Sharply.Core.Arrow;

/// <summary>GeoArrow extension names and metadata, and the Arrow binary encoding of field metadata.</summary>
internal static class GeoArrowMetadata
{
    public const string ExtensionNameKey = "ARROW:extension:name";
    public const string ExtensionMetadataKey = "ARROW:extension:metadata";
    public const string Wkb = "geoarrow.wkb";
    public const string Wkt = "geoarrow.wkt";

    /// <summary>The extension name of a native type, e.g. "geoarrow.multipolygon".</summary>
    public static string ExtensionName(GeometryType type) => type switch
    {
        GeometryType.Point => "geoarrow.point",
        GeometryType.LineString => "geoarrow.linestring",
        GeometryType.Polygon => "geoarrow.polygon",
        GeometryType.MultiPoint => "geoarrow.multipoint",
        GeometryType.MultiLineString => "geoarrow.multilinestring",
        GeometryType.MultiPolygon => "geoarrow.multipolygon",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The native type named by an extension name, or Mixed when it is not a native type.</summary>
    public static GeometryType NativeType(string extensionName) => extensionName switch
    {
        "geoarrow.point" => GeometryType.Point,
        "geoarrow.linestring" => GeometryType.LineString,
        "geoarrow.polygon" => GeometryType.Polygon,
        "geoarrow.multipoint" => GeometryType.MultiPoint,
        "geoarrow.multilinestring" => GeometryType.MultiLineString,
        "geoarrow.multipolygon" => GeometryType.MultiPolygon,
        _ => GeometryType.Mixed,
    };

    /// <summary>The names of the list levels below the top-level field of a native type, outermost first;
    /// the last one names the coordinates.</summary>
    public static string[] LevelNames(GeometryType type) => type switch
    {
        GeometryType.Point => [],
        GeometryType.LineString => ["vertices"],
        GeometryType.Polygon => ["rings", "vertices"],
        GeometryType.MultiPoint => ["points"],
        GeometryType.MultiLineString => ["linestrings", "vertices"],
        GeometryType.MultiPolygon => ["polygons", "rings", "vertices"],
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>The extension metadata JSON: <c>{}</c>, or <c>{"crs": ...}</c> with a PROJJSON object
    /// embedded as is and any other CRS as a string.</summary>
    public static string ExtensionMetadata(string? crs)
    {
        if (crs is null) return "{}";
        var output = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(output))
        {
            writer.WriteStartObject();
            if (IsJsonObject(crs))
            {
                writer.WritePropertyName("crs");
                writer.WriteRawValue(crs, skipInputValidation: true);
                writer.WriteString("crs_type", "projjson");
            }
            else writer.WriteString("crs", crs);
            writer.WriteEndObject();
        }
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }

    /// <summary>The CRS in extension metadata JSON: a JSON object as its raw text, a string as itself.</summary>
    public static string? ParseCrs(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return null;
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new InvalidLayoutException("GeoArrow extension metadata is not a JSON object");
            if (!document.RootElement.TryGetProperty("crs", out JsonElement crs)) return null;
            return crs.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => crs.GetString(),
                _ => crs.GetRawText(),
            };
        }
        catch (JsonException error)
        {
            throw new InvalidLayoutException($"GeoArrow extension metadata is not valid JSON: {error.Message}");
        }
    }

    private static bool IsJsonObject(string text)
    {
        if (!text.AsSpan().TrimStart().StartsWith("{")) return false;
        try
        {
            using JsonDocument document = JsonDocument.Parse(text);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Arrow's binary metadata: int32 count, then int32 length + UTF-8 bytes for each key and value.</summary>
    public static byte[] Encode(ReadOnlySpan<(string Key, string Value)> entries)
    {
        int size = 4;
        foreach ((string key, string value) in entries)
            size += 8 + Encoding.UTF8.GetByteCount(key) + Encoding.UTF8.GetByteCount(value);
        byte[] bytes = new byte[size];
        Span<byte> span = bytes;
        BitConverter.TryWriteBytes(span, entries.Length);
        int position = 4;
        foreach ((string key, string value) in entries)
        {
            position = WriteString(span, position, key);
            position = WriteString(span, position, value);
        }
        return bytes;
    }

    private static int WriteString(Span<byte> span, int position, string text)
    {
        int length = Encoding.UTF8.GetBytes(text, span[(position + 4)..]);
        BitConverter.TryWriteBytes(span[position..], length);
        return position + 4 + length;
    }

    /// <summary>Reads Arrow binary metadata (null pointer: none). Counts and lengths are checked for sign
    /// and a sane size; the producer guarantees the bytes exist.</summary>
    public static unsafe Dictionary<string, string> Decode(byte* metadata)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        if (metadata == null) return result;
        int count = ReadInt(ref metadata);
        if (count is < 0 or > 4096) throw new InvalidLayoutException($"field metadata claims {count} entries");
        for (int i = 0; i < count; i++)
        {
            string key = ReadString(ref metadata);
            result[key] = ReadString(ref metadata);
        }
        return result;
    }

    private static unsafe int ReadInt(ref byte* pointer)
    {
        // Safe: the producer guarantees the metadata holds the announced entries.
        int value = System.Runtime.CompilerServices.Unsafe.ReadUnaligned<int>(pointer);
        pointer += 4;
        return value;
    }

    private static unsafe string ReadString(ref byte* pointer)
    {
        int length = ReadInt(ref pointer);
        if (length is < 0 or > 1 << 26) throw new InvalidLayoutException($"field metadata holds a string of {length} bytes");
        // Safe: as above, the string's bytes follow its length.
        string text = Encoding.UTF8.GetString(pointer, length);
        pointer += length;
        return text;
    }
}
