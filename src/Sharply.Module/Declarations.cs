using Sharply.CPython;
using Sharply.Module.Functions;

namespace Sharply.Module;

/// <summary>
/// Every Python function the module implements, gathered from the declaration lists beside their bodies.
/// The Python package binds each one once, giving it its docstring, signature and defaults (see
/// <c>python/sharply/_native.py</c>); names and parameter order are checked against these declarations.
/// </summary>
internal static class Declarations
{
    public static readonly Dictionary<string, PyFunction> ByName = Index(
        Runtime.Functions,
        Creation.Functions,
        Coordinates.Functions,
        Measurement.Functions,
        Properties.Functions,
        Accessors.Functions,
        CoordinateEdits.Functions,
        Predicates.Functions,
        Constructive.Functions,
        SetOperations.Functions,
        Linear.Functions,
        ArrowInterface.Functions,
        Io.Functions,
        Types.PyGeometryArray.Functions,
        SpatialIndex.Functions);

    private static Dictionary<string, PyFunction> Index(params PyFunction[][] lists)
    {
        var byName = new Dictionary<string, PyFunction>(StringComparer.Ordinal);
        foreach (PyFunction[] list in lists)
            foreach (PyFunction function in list)
                byName.Add(function.Name, function);
        return byName;
    }
}
