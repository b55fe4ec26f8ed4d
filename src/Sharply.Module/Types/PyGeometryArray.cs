using Sharply.Core.Geometries;
using Sharply.CPython;
using Sharply.CPython.Raw;

namespace Sharply.Module.Types;

/// <summary>The Python type <c>sharply.GeometryArray</c>: an immutable array of geometries (a Core <see cref="GeometryArray"/>).</summary>
internal static unsafe class PyGeometryArray
{
    public static nint Type { get; private set; }

    public static Owned CreateType(nint module)
    {
        Owned type = new HeapType($"{Init.ModuleName}.GeometryArray",
                "An immutable array of geometries stored natively in the GeoArrow memory layout.")
            .Slot(CApi.Py_tp_repr, (delegate* unmanaged<nint, nint>)&Repr)
            .Slot(CApi.Py_mp_length, (delegate* unmanaged<nint, nint>)&Length)
            .Slot(CApi.Py_sq_length, (delegate* unmanaged<nint, nint>)&Length)
            .Slot(CApi.Py_sq_item, (delegate* unmanaged<nint, nint, nint>)&Item)
            .Getter("crs", &Crs, "Coordinate reference system (a string) or None.")
            .Build(module);
        Type = type.Handle;
        return type;
    }

    public static Owned Wrap(GeometryArray array) => ManagedObject.New(Type, array);

    public static bool Is(Borrowed obj) => obj.Type == Type;

    public static GeometryArray Target(Borrowed obj) => ManagedObject.Target<GeometryArray>(obj);

    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    private static nint Repr(nint self) => Boundary.Call(self, &ReprBody);

    private static Owned ReprBody(Borrowed self)
    {
        GeometryArray array = Target(self);
        return Py.Str($"<GeometryArray: {array.Length} {GeometryTypes.Name(array.Type)}{(array.HasZ ? " Z" : "")}>");
    }

    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    private static nint Length(nint self) => Target(new Borrowed(self)).Length;

    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    private static nint Item(nint self, nint index)
    {
        GeometryArray array = Target(new Borrowed(self));
        if (index < 0 || index >= array.Length)
        {
            Boundary.Raise(CApi.PyExc_IndexError, $"index {index} is out of bounds for a GeometryArray of length {array.Length}");
            return 0;
        }
        return Boundary.Call(self, (int)index, &ItemBody);
    }

    private static Owned ItemBody(Borrowed self, int row) => PyGeometry.Scalar(Target(self), row);

    private static Owned Crs(Borrowed self) => Target(self).Crs is { } crs ? Py.Str(crs) : Py.None;
}
