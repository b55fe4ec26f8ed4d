using Sharply.Core.Index;
using Sharply.CPython;

namespace Sharply.Module.Types;

/// <summary>The Python type <c>sharply._sharply._GeometryTree</c>: a Core <see cref="GeometryTree"/>, held by
/// <c>sharply.STRtree</c>, which gives it its Shapely API.</summary>
internal static unsafe class PyGeometryTree
{
    public static nint Type { get; private set; }

    public static Owned CreateType(nint module)
    {
        Owned type = new HeapType($"{Init.ModuleName}._GeometryTree", "A packed Hilbert R-tree over geometries (use sharply.STRtree).")
            .Getter("count", &Count, "Number of geometries stored (neither missing nor empty).")
            .Getter("geometries", &Geometries, "The indexed geometries (a GeometryArray).")
            .Build(module);
        Type = type.Handle;
        return type;
    }

    public static Owned Wrap(GeometryTree tree) => ManagedObject.New(Type, tree);

    /// <summary>The tree held by <paramref name="obj"/>.</summary>
    /// <exception cref="PyTypeErrorException"><paramref name="obj"/> is not a tree.</exception>
    public static GeometryTree Target(Borrowed obj, string argument) => obj.Type == Type
        ? ManagedObject.Target<GeometryTree>(obj)
        : throw new PyTypeErrorException($"{argument}: expected a spatial index, got '{obj.TypeName}'");

    private static Owned Count(Borrowed self) => Py.Int(ManagedObject.Target<GeometryTree>(self).Count);

    private static Owned Geometries(Borrowed self) => PyGeometryArray.Wrap(ManagedObject.Target<GeometryTree>(self).Geometries);
}
