using System.Numerics;
using Sharply.Core.Geometries;
using Sharply.Core.Parallel;

namespace Sharply.Core.Arrow;

/// <summary>
/// Describes a <see cref="GeometryArray"/> as a tree of <see cref="ExportNode"/>s in a GeoArrow layout.
/// Native layouts reuse the array's own memory: each GeoArrow list level is one of our offset levels,
/// because the levels GeoArrow leaves out are identities in our model. Only unusual layouts (such a level
/// stored as a buffer, or a level that happens to be an identity where GeoArrow needs offsets) and the
/// separated, WKB and WKT encodings allocate.
/// </summary>
internal static unsafe class ExportLayout
{
    private const string TopName = "geometry";

    /// <summary>The concrete encoding for <paramref name="requested"/>; throws when the array cannot have it.</summary>
    public static GeoArrowEncoding Resolve(GeometryArray array, GeoArrowEncoding requested)
    {
        bool native = array.Type is not (GeometryType.Mixed or GeometryType.GeometryCollection);
        if (requested == GeoArrowEncoding.Default) return native ? GeoArrowEncoding.Interleaved : GeoArrowEncoding.Wkb;
        if (!native && requested is GeoArrowEncoding.Interleaved or GeoArrowEncoding.Separated)
            throw new InvalidLayoutException(
                $"a {GeometryTypes.Name(array.Type)} array has no GeoArrow native type: request geoarrow.wkb or geoarrow.wkt");
        return requested;
    }

    /// <summary>The field tree; with <paramref name="withData"/> also the array lengths and buffers.</summary>
    public static ExportNode Build(GeometryArray array, GeoArrowEncoding encoding, bool withData)
    {
        encoding = Resolve(array, encoding);
        ExportNode top = encoding switch
        {
            GeoArrowEncoding.Wkb => Serialized(array, "z", withData, GeoArrowCodecs.WkbEncoder, "WKB"),
            GeoArrowEncoding.Wkt => Serialized(array, "u", withData, GeoArrowCodecs.WktEncoder, "WKT"),
            _ => Native(array, encoding == GeoArrowEncoding.Separated, withData),
        };
        string extension = encoding switch
        {
            GeoArrowEncoding.Wkb => GeoArrowMetadata.Wkb,
            GeoArrowEncoding.Wkt => GeoArrowMetadata.Wkt,
            _ => GeoArrowMetadata.ExtensionName(array.Type),
        };
        top.Metadata = GeoArrowMetadata.Encode([
            (GeoArrowMetadata.ExtensionNameKey, extension),
            (GeoArrowMetadata.ExtensionMetadataKey, GeoArrowMetadata.ExtensionMetadata(array.Crs)),
        ]);
        if (withData && array.Validity is not null)
        {
            top.Buffers[0] = (nint)array.Validity.Pointer;
            top.KeepAlive = [.. top.KeepAlive, array.Validity];
            top.NullCount = NullCount(array.Validity, array.Length);
        }
        return top;
    }

    private static ExportNode Serialized(GeometryArray array, string format, bool withData, GeometryEncoder? encoder, string codec)
    {
        var node = new ExportNode(format, TopName);
        if (!withData) return node;
        (DataBuffer<byte> data, DataBuffer<int> offsets) = GeoArrowCodecs.Require(encoder, codec)(array);
        if (offsets.Length < array.Length + 1)
            throw new InvalidLayoutException($"the {codec} encoder returned {offsets.Length} offsets for {array.Length} rows");
        node.Length = array.Length;
        node.Buffers = [0, (nint)offsets.Pointer, (nint)data.Pointer];
        node.KeepAlive = [offsets, data];
        return node;
    }

    private static ExportNode Native(GeometryArray array, bool separated, bool withData)
    {
        string[] names = GeoArrowMetadata.LevelNames(array.Type);
        string coordinateName = names.Length == 0 ? TopName : names[^1];
        if (!withData)
        {
            ExportNode schema = Coordinates(array, coordinateName, null, 0, separated);
            for (int level = names.Length - 1; level >= 0; level--)
                schema = new ExportNode("+l", level == 0 ? TopName : names[level - 1], schema) { Buffers = [0, 0] };
            return schema;
        }

        Offsets[] levels = LevelOffsets(array);
        var counts = new int[levels.Length + 1];
        var buffers = new DataBuffer<int>[levels.Length];
        counts[0] = array.Length;
        for (int level = 0; level < levels.Length; level++)
        {
            buffers[level] = levels[level].ToBuffer(counts[level]);
            counts[level + 1] = buffers[level].Span[counts[level]];
        }

        DataBuffer<double> coordinates = array.Coordinates;
        if (array.Type == GeometryType.Point)
        {
            Offsets map = Through(Through(array.GeometryOffsets, array.PartOffsets, array.Length), array.RingOffsets, array.Length);
            if (!map.IsIdentity) coordinates = Gather(array, map);
        }
        ExportNode node = Coordinates(array, coordinateName, coordinates, counts[^1], separated);
        for (int level = levels.Length - 1; level >= 0; level--)
            node = new ExportNode("+l", level == 0 ? TopName : names[level - 1], node)
            {
                Length = counts[level],
                Buffers = [0, (nint)buffers[level].Pointer],
                KeepAlive = [buffers[level]],
            };
        return node;
    }

    /// <summary>The offsets of each GeoArrow list level, outermost first (composing levels GeoArrow omits).</summary>
    private static Offsets[] LevelOffsets(GeometryArray a)
    {
        int rows = a.Length;
        return a.Type switch
        {
            GeometryType.Point => [],
            GeometryType.LineString or GeometryType.MultiPoint =>
                [Through(Through(a.GeometryOffsets, a.PartOffsets, rows), a.RingOffsets, rows)],
            GeometryType.Polygon => [Through(a.GeometryOffsets, a.PartOffsets, rows), a.RingOffsets],
            GeometryType.MultiLineString => [a.GeometryOffsets, Through(a.PartOffsets, a.RingOffsets, a.PartCount)],
            GeometryType.MultiPolygon => [a.GeometryOffsets, a.PartOffsets, a.RingOffsets],
            _ => throw new ArgumentOutOfRangeException(nameof(a)),
        };
    }

    private static ExportNode Coordinates(GeometryArray array, string name, DataBuffer<double>? coordinates, int count, bool separated)
    {
        int dimension = array.Dimension;
        if (!separated)
        {
            var values = new ExportNode("g", dimension == 3 ? "xyz" : "xy") { Length = (long)count * dimension, Buffers = [0, 0] };
            if (coordinates is not null)
            {
                values.Buffers[1] = (nint)coordinates.Pointer;
                values.KeepAlive = [coordinates];
            }
            return new ExportNode($"+w:{dimension}", name, values) { Length = count, Buffers = [0] };
        }
        var axes = new ExportNode[dimension];
        for (int axis = 0; axis < dimension; axis++)
        {
            axes[axis] = new ExportNode("g", axis switch { 0 => "x", 1 => "y", _ => "z" }) { Length = count, Buffers = [0, 0] };
            if (coordinates is null) continue;
            DataBuffer<double> values = Split(coordinates, count, dimension, axis);
            axes[axis].Buffers[1] = (nint)values.Pointer;
            axes[axis].KeepAlive = [values];
        }
        return new ExportNode("+s", name, axes) { Length = count, Buffers = [0] };
    }

    /// <summary>Offsets from the parents of <paramref name="outer"/> straight to the children of
    /// <paramref name="inner"/>: no copy when either is the identity.</summary>
    private static Offsets Through(Offsets outer, Offsets inner, int count)
    {
        if (outer.IsIdentity) return inner;
        if (inner.IsIdentity) return outer;
        DataBuffer<int> result = DataBuffer<int>.Allocate(count + 1);
        var body = new ComposeBody(outer, inner, result.Pointer);
        ParallelRange.For(count + 1, ParallelRange.Grain(count + 1, 4096), ref body);
        return new Offsets(result);
    }

    private static DataBuffer<double> Split(DataBuffer<double> coordinates, int count, int dimension, int axis)
    {
        DataBuffer<double> result = DataBuffer<double>.Allocate(count);
        var body = new SplitBody(coordinates.Pointer, result.Pointer, dimension, axis);
        ParallelRange.For(count, ParallelRange.Grain(count, 4096), ref body);
        return result;
    }

    /// <summary>One coordinate per point row (NaN for a row without one), in row order.</summary>
    private static DataBuffer<double> Gather(GeometryArray array, Offsets map)
    {
        DataBuffer<double> result = DataBuffer<double>.Allocate(array.Length * array.Dimension);
        var body = new GatherBody(array.Coordinates.Pointer, result.Pointer, map, array.Dimension);
        ParallelRange.For(array.Length, ParallelRange.Grain(array.Length, 4096), ref body);
        return result;
    }

    /// <summary>Rows with a cleared bit among the first <paramref name="length"/> bits.</summary>
    public static long NullCount(DataBuffer<byte> validity, int length)
    {
        ReadOnlySpan<byte> bits = validity.Span[..((length + 7) / 8)];
        long set = 0;
        int whole = length / 8;
        for (int i = 0; i < whole; i++) set += BitOperations.PopCount(bits[i]);
        if (length % 8 != 0) set += BitOperations.PopCount((uint)(bits[whole] & ((1 << (length % 8)) - 1)));
        return length - set;
    }

    private readonly struct ComposeBody(Offsets outer, Offsets inner, int* output) : IRangeBody
    {
        public void Run(int start, int end)
        {
            // Safe: output holds count + 1 entries and the validated offsets stay within their levels.
            for (int i = start; i < end; i++) output[i] = inner[outer[i]];
        }
    }

    private readonly struct SplitBody(double* source, double* output, int dimension, int axis) : IRangeBody
    {
        public void Run(int start, int end)
        {
            // Safe: source holds count * dimension values (validated array), output holds count.
            for (int i = start; i < end; i++) output[i] = source[(long)i * dimension + axis];
        }
    }

    private readonly struct GatherBody(double* source, double* output, Offsets map, int dimension) : IRangeBody
    {
        public void Run(int start, int end)
        {
            // Safe: map entries are validated vertex indices; output holds one coordinate per row.
            for (int row = start; row < end; row++)
            {
                int vertex = map[row];
                bool has = map[row + 1] > vertex;
                for (int axis = 0; axis < dimension; axis++)
                    output[(long)row * dimension + axis] = has ? source[(long)vertex * dimension + axis] : double.NaN;
            }
        }
    }
}
