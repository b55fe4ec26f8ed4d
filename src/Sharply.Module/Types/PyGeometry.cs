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
