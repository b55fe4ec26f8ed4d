using System.Runtime.InteropServices;
using Sharply.Core.Arrow;
using Sharply.Core.Geometries;
using Sharply.CPython;
using Sharply.Module.Types;

namespace Sharply.Module.Functions;

/// <summary>
/// The Arrow PyCapsule Interface. GeometryArray's <c>__arrow_c_schema__</c>, <c>__arrow_c_array__</c> and
/// <c>__arrow_c_stream__</c> are Python methods calling the private functions here; <c>from_arrow</c> reads
/// any producer. Exported structs live in native memory owned by their capsule: its destructor calls the
/// struct's <c>release</c> when no consumer moved the struct out, then frees the memory.
/// </summary>
internal static unsafe class ArrowInterface
{
    public static readonly PyFunction[] Functions =
    [
        new("_arrow_schema", ["array"], &Schema),
        new("_arrow_array", ["array", "requested_schema"], &Array),
        new("_arrow_stream", ["array", "requested_schema"], &Stream),
        new("_arrow_live_exports", [], &LiveExports),
        new("from_arrow", ["obj", "geometry_type"], &FromArrow),
    ];

    private static Owned Schema(in Arguments args) => SchemaCapsule(ArrayArgument(args[0]), GeoArrowEncoding.Default);

    private static Owned Array(in Arguments args)
    {
        GeometryArray array = ArrayArgument(args[0]);
        GeoArrowEncoding encoding = Requested(array, args[1]);
        using Owned schema = SchemaCapsule(array, encoding);
        using Owned data = ArrayCapsule(array, encoding);
        return Py.Tuple(schema.Handle, data.Handle);
    }

    private static Owned Stream(in Arguments args)
    {
        GeometryArray array = ArrayArgument(args[0]);
        GeoArrowEncoding encoding = Requested(array, args[1]);
        var stream = (ArrowArrayStream*)NativeMemory.AllocZeroed((nuint)sizeof(ArrowArrayStream));
        Owned capsule = Capsule.New(stream, "arrow_array_stream"u8, &FreeStream);
        try
        {
            ArrowExport.ExportStream(array, stream, encoding);
        }
        catch
        {
            capsule.Dispose();
            throw;
        }
        return capsule;
    }

    private static Owned LiveExports(in Arguments args) => Py.Int(ArrowExport.LiveCount);

    /// <summary>
    /// <c>from_arrow(obj, geometry_type)</c>: <c>obj.__arrow_c_array__()</c> when it has one, else
    /// <c>obj.__arrow_c_stream__()</c>; the array (or stream) is moved out of its capsule into Core's
    /// import, which validates it and keeps the producer's memory alive. <c>geometry_type</c> is None or a
    /// Shapely type id (the Python wrapper turns names into ids).
    /// </summary>
    private static Owned FromArrow(in Arguments args)
    {
        Borrowed obj = args[0];
        GeometryType? type = args.HasValue(1) ? NativeType(args[1]) : null;
        using Owned arrayMethod = obj.GetAttrOrEmpty("__arrow_c_array__");
        if (!arrayMethod.IsNull) return ImportArray(arrayMethod.Borrow(), type);
        using Owned streamMethod = obj.GetAttrOrEmpty("__arrow_c_stream__");
        if (!streamMethod.IsNull) return ImportStream(streamMethod.Borrow(), type);
        throw new PyTypeErrorException(
            $"from_arrow() expects an Arrow array or stream (an object with __arrow_c_array__ or __arrow_c_stream__), not '{obj.TypeName}'");
    }

    private static Owned ImportArray(Borrowed method, GeometryType? type)
    {
        using Owned pair = method.Call();
        Borrowed capsules = pair.Borrow();
        if (!capsules.IsTuple() || capsules.TupleLength() != 2)
            throw new PyTypeErrorException(
                $"__arrow_c_array__() must return a tuple (schema capsule, array capsule), got '{capsules.TypeName}'");
        var schema = (ArrowSchema*)Capsule.Pointer(capsules.TupleItem(0), "arrow_schema"u8, "item 0 returned by __arrow_c_array__()");
        var array = (ArrowArray*)Capsule.Pointer(capsules.TupleItem(1), "arrow_array"u8, "item 1 returned by __arrow_c_array__()");
        GeometryArray result;
        // The schema is borrowed from its capsule, which the tuple keeps alive; the array is moved out.
        using (Gil.Release()) result = ArrowImport.ImportArray(schema, array, type);
        return PyGeometryArray.Wrap(result);
    }

    private static Owned ImportStream(Borrowed method, GeometryType? type)
    {
        using Owned capsule = method.Call();
        var stream = (ArrowArrayStream*)Capsule.Pointer(capsule.Borrow(), "arrow_array_stream"u8, "the object returned by __arrow_c_stream__()");
        GeometryArray result;
        using (Gil.Release()) result = ArrowImport.ImportStream(stream, type);
        return PyGeometryArray.Wrap(result);
    }

    private static GeometryArray ArrayArgument(Borrowed obj) =>
        PyGeometryArray.Is(obj) ? PyGeometryArray.Target(obj) : throw new PyTypeErrorException($"expected a GeometryArray, not '{obj.TypeName}'");

    /// <summary>The encoding a consumer's <c>requested_schema</c> capsule asks for (None: the default).</summary>
    private static GeoArrowEncoding Requested(GeometryArray array, Borrowed requested) =>
        requested.IsNone
            ? GeoArrowEncoding.Default
            : ArrowExport.EncodingFor(array, (ArrowSchema*)Capsule.Pointer(requested, "arrow_schema"u8, "requested_schema"));

    private static GeometryType NativeType(Borrowed obj) => obj.ToInt64("geometry_type") switch
    {
        0 => GeometryType.Point,
        1 => GeometryType.LineString,
        3 => GeometryType.Polygon,
        4 => GeometryType.MultiPoint,
        5 => GeometryType.MultiLineString,
        6 => GeometryType.MultiPolygon,
        long id => throw new ArgumentException(
            $"geometry_type {id} has no GeoArrow native layout: use point (0), linestring (1), polygon (3), multipoint (4), multilinestring (5) or multipolygon (6)"),
    };

    private static Owned SchemaCapsule(GeometryArray array, GeoArrowEncoding encoding)
    {
        var schema = (ArrowSchema*)NativeMemory.AllocZeroed((nuint)sizeof(ArrowSchema));
        Owned capsule = Capsule.New(schema, "arrow_schema"u8, &FreeSchema);
        try
        {
            ArrowExport.ExportSchema(array, schema, encoding);
        }
        catch
        {
            capsule.Dispose();
            throw;
        }
        return capsule;
    }

    private static Owned ArrayCapsule(GeometryArray array, GeoArrowEncoding encoding)
    {
        var data = (ArrowArray*)NativeMemory.AllocZeroed((nuint)sizeof(ArrowArray));
        Owned capsule = Capsule.New(data, "arrow_array"u8, &FreeArray);
        try
        {
            // WKB / WKT encode every row: worth releasing the GIL. Native encodings are views (no copy).
            using (Gil.Release()) ArrowExport.ExportArray(array, data, encoding);
        }
        catch
        {
            capsule.Dispose();
            throw;
        }
        return capsule;
    }

    // Capsule destructors: release what no consumer moved out (release is still set), then free the struct.

    private static void FreeSchema(void* pointer)
    {
        var schema = (ArrowSchema*)pointer;
        if (schema->Release != null) schema->Release(schema);
        NativeMemory.Free(schema);
    }

    private static void FreeArray(void* pointer)
    {
        var array = (ArrowArray*)pointer;
        if (array->Release != null) array->Release(array);
        NativeMemory.Free(array);
    }

    private static void FreeStream(void* pointer)
    {
        var stream = (ArrowArrayStream*)pointer;
        if (stream->Release != null) stream->Release(stream);
        NativeMemory.Free(stream);
    }
}
