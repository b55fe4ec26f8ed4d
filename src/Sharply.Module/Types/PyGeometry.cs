using Sharply.Core.Geometries;
using Sharply.CPython;
using Sharply.CPython.Raw;
using Sharply.Module.Functions;

namespace Sharply.Module.Types;

/// <summary>
/// The Python type <c>sharply.Geometry</c>: a light view of one row of a GeometryArray (no copy).
/// Properties are native getters that call the same kernels as the module functions.
/// </summary>
internal static unsafe class PyGeometry
{
    public static nint Type { get; private set; }

    public static Owned CreateType(nint module)
    {
        Owned type = new HeapType($"{Init.ModuleName}.Geometry", "A geometry: a view of one row of a GeometryArray.")
            .Slot(CApi.Py_tp_repr, (delegate* unmanaged<nint, nint>)&Repr)
            .Getter("area", &Measurement.AreaOf, "Area of the geometry (0 for points and lines).")
            .Getter("length", &Measurement.LengthOf, "Length of the geometry (perimeter for polygons, 0 for points).")
            .Getter("bounds", &Measurement.BoundsOf, "(xmin, ymin, xmax, ymax); NaN for an empty geometry.")
            .Getter("geom_type", &Properties.GeomTypeOf, "Name of the geometry type, e.g. \"MultiPolygon\".")
            .Getter("is_empty", &Properties.IsEmptyOf, "True when the geometry has no coordinates.")
            .Getter("is_valid", &Properties.IsValidOf, "True when the geometry is valid in the OGC sense.")
            .Getter("is_simple", &Properties.IsSimpleOf, "True when the geometry is simple in the OGC sense.")
            .Getter("is_ring", &Properties.IsRingOf, "True for a closed and simple LineString.")
            .Getter("is_closed", &Properties.IsClosedOf, "True for a LineString or MultiLineString whose lines end where they start.")
            .Getter("has_z", &Properties.HasZOf, "True when the geometry has z coordinates.")
            .Getter("x", &Properties.XOf, "X coordinate of a Point (NaN for other geometries).")
            .Getter("y", &Properties.YOf, "Y coordinate of a Point (NaN for other geometries).")
            .Getter("centroid", &Constructive.CentroidOf, "The geometric center (POINT EMPTY for an empty geometry).")
            .Getter("envelope", &Constructive.EnvelopeOf, "The bounding box as a Polygon (a Point when degenerate to one point).")
            .Getter("convex_hull", &Constructive.ConvexHullOf, "The smallest convex geometry containing this one.")
            .Getter("boundary", &Constructive.BoundaryOf, "The topological boundary (None for geometry collections).")
            .Build(module);
        Type = type.Handle;
        return type;
    }

    public static bool Is(Borrowed obj) => obj.Type == Type;

    /// <summary>The geometry at <paramref name="row"/>, or None when the row is missing.</summary>
    public static Owned Scalar(GeometryArray array, int row) =>
        array.IsNull(row) ? Py.None : ManagedObject.New(Type, array, row);

    public static GeometryArray Array(Borrowed obj) => ManagedObject.Target<GeometryArray>(obj);

    public static int Row(Borrowed obj) => (int)ManagedObject.Extra(obj);

    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    private static nint Repr(nint self) => Boundary.Call(self, &ReprBody);

    private static Owned ReprBody(Borrowed self)
    {
        GeometryArray array = Array(self);
        return Py.Str($"<{GeometryTypes.Name(array.TypeOf(Row(self))).ToUpperInvariant()}>");
    }
}
