using Sharply.Core;
using Sharply.CPython;
using Sharply.CPython.Raw;

namespace Sharply.Module;

/// <summary>The <c>sharply.errors</c> hierarchy, created in the native module and re-exported by Python.</summary>
internal static unsafe class Errors
{
    /// <summary>Creates the exception classes and maps Core's exceptions onto them.</summary>
    public static void Register(ModuleBuilder module)
    {
        nint root = module.AddException("SharplyError", "Base class of every error Sharply raises on purpose.", CApi.PyExc_Exception);
        nint decode = module.AddException("GeometryDecodeError",
            "WKB, WKT or GeoJSON input could not be decoded; the message names the row and the problem.", root, CApi.PyExc_ValueError);
        nint layout = module.AddException("InvalidLayoutError",
            "An array handed to Sharply (Arrow, buffers, offsets) is inconsistent or unsupported.", root, CApi.PyExc_ValueError);
        nint operation = module.AddException("GeometryOperationError",
            "A geometry operation failed on a row (for example a topology error); the message names the row.", root, CApi.PyExc_ValueError);
        Boundary.Map<GeometryDecodeException>(decode);
        Boundary.Map<InvalidLayoutException>(layout);
        Boundary.Map<GeometryOperationException>(operation);
        Warning = module.AddException("SharplyWarning", "Warnings issued by Sharply (for example for invalid input rows).", CApi.PyExc_UserWarning);
    }

    /// <summary>The warning category for rows skipped with <c>on_invalid="warn"</c>.</summary>
    public static nint Warning { get; private set; }
}
