using Sharply.Core.Geometries;
using Sharply.CPython;
using Sharply.Module.Types;
using Kernels = Sharply.Core.Kernels;

namespace Sharply.Module.Functions;

/// <summary>Per-row facts: geometry -> int32, float64, bool or str.</summary>
internal static unsafe class Properties
{
    public static readonly PyFunction[] Functions =
    [
        new("get_type_id", ["geometry"], &GetTypeId),
        new("get_num_points", ["geometry"], &GetNumPoints),
        new("get_num_coordinates", ["geometry"], &GetNumCoordinates),
        new("get_num_geometries", ["geometry"], &GetNumGeometries),
        new("get_num_interior_rings", ["geometry"], &GetNumInteriorRings),
        new("get_x", ["point"], &GetX),
        new("get_y", ["point"], &GetY),
        new("get_z", ["point"], &GetZ),
        new("get_dimensions", ["geometry"], &GetDimensions),
        new("get_coordinate_dimension", ["geometry"], &GetCoordinateDimension),
        new("is_empty", ["geometry"], &IsEmpty),
        new("is_valid", ["geometry"], &IsValid),
        new("is_valid_reason", ["geometry"], &IsValidReason),
        new("is_simple", ["geometry"], &IsSimple),
        new("is_ring", ["geometry"], &IsRing),
        new("is_closed", ["geometry"], &IsClosed),
        new("is_ccw", ["geometry"], &IsCcw),
        new("has_z", ["geometry"], &HasZ),
        new("is_missing", ["geometry"], &IsMissing),
        new("is_geometry", ["geometry"], &IsGeometry),
    ];

    private static Owned GetTypeId(in Arguments args) => Calls.UnaryInt(args[0], &Kernels.Properties.TypeId);
    private static Owned GetNumPoints(in Arguments args) => Calls.UnaryInt(args[0], &Kernels.Properties.NumPoints);
    private static Owned GetNumCoordinates(in Arguments args) => Calls.UnaryInt(args[0], &Kernels.Properties.NumCoordinates);
    private static Owned GetNumGeometries(in Arguments args) => Calls.UnaryInt(args[0], &Kernels.Properties.NumGeometries);
    private static Owned GetNumInteriorRings(in Arguments args) => Calls.UnaryInt(args[0], &Kernels.Properties.NumInteriorRings);
    private static Owned GetX(in Arguments args) => Calls.UnaryDouble(args[0], &Kernels.Properties.GetX);
    private static Owned GetY(in Arguments args) => Calls.UnaryDouble(args[0], &Kernels.Properties.GetY);
    private static Owned GetZ(in Arguments args) => Calls.UnaryDouble(args[0], &Kernels.Properties.GetZ);
    private static Owned GetDimensions(in Arguments args) => Calls.UnaryInt(args[0], &Kernels.Properties.Dimensions);
    private static Owned GetCoordinateDimension(in Arguments args) => Calls.UnaryInt(args[0], &Kernels.Properties.CoordinateDimension);
    private static Owned IsEmpty(in Arguments args) => Calls.UnaryBool(args[0], &Kernels.Properties.IsEmpty);
    private static Owned IsValid(in Arguments args) => Calls.UnaryBool(args[0], &Kernels.Properties.IsValid);
    private static Owned IsValidReason(in Arguments args) => Calls.UnaryStrings(args[0], &Kernels.Properties.IsValidReason);
    private static Owned IsSimple(in Arguments args) => Calls.UnaryBool(args[0], &Kernels.Properties.IsSimple);
    private static Owned IsRing(in Arguments args) => Calls.UnaryBool(args[0], &Kernels.Properties.IsRing);
    private static Owned IsClosed(in Arguments args) => Calls.UnaryBool(args[0], &Kernels.Properties.IsClosed);
    private static Owned IsCcw(in Arguments args) => Calls.UnaryBool(args[0], &Kernels.Properties.IsCcw);
    private static Owned HasZ(in Arguments args) => Calls.UnaryBool(args[0], &Kernels.Properties.HasZ);
    private static Owned IsMissing(in Arguments args) => Calls.UnaryBool(args[0], &Kernels.Properties.IsMissing);
    private static Owned IsGeometry(in Arguments args) => Calls.UnaryBool(args[0], &Kernels.Properties.IsGeometry);

    /// <summary>The <c>Geometry.geom_type</c> property, e.g. "MultiPolygon".</summary>
    public static Owned GeomTypeOf(Borrowed self) => Py.Str(GeometryTypes.Name(PyGeometry.Array(self).TypeOf(PyGeometry.Row(self))));

    /// <summary>The <c>Geometry.is_empty</c> property.</summary>
    public static bool IsEmptyOf(Borrowed self) => PyGeometry.Array(self).IsEmpty(PyGeometry.Row(self));

    /// <summary>The <c>Geometry.is_valid</c> property.</summary>
    public static Owned IsValidOf(Borrowed self) => Calls.UnaryBool(self, &Kernels.Properties.IsValid);

    /// <summary>The <c>Geometry.is_simple</c> property.</summary>
    public static Owned IsSimpleOf(Borrowed self) => Calls.UnaryBool(self, &Kernels.Properties.IsSimple);

    /// <summary>The <c>Geometry.is_ring</c> property.</summary>
    public static Owned IsRingOf(Borrowed self) => Calls.UnaryBool(self, &Kernels.Properties.IsRing);

    /// <summary>The <c>Geometry.is_closed</c> property.</summary>
    public static bool IsClosedOf(Borrowed self) => Kernels.Properties.IsClosedOf(PyGeometry.Array(self), PyGeometry.Row(self));

    /// <summary>The <c>Geometry.has_z</c> property.</summary>
    public static bool HasZOf(Borrowed self) => Kernels.Properties.HasZOf(PyGeometry.Array(self), PyGeometry.Row(self));

    /// <summary>The <c>Geometry.x</c> property (NaN unless a non-empty Point).</summary>
    public static double XOf(Borrowed self) => Kernels.Properties.XOf(PyGeometry.Array(self), PyGeometry.Row(self));

    /// <summary>The <c>Geometry.y</c> property (NaN unless a non-empty Point).</summary>
    public static double YOf(Borrowed self) => Kernels.Properties.YOf(PyGeometry.Array(self), PyGeometry.Row(self));
}
