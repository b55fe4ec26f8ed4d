using Sharply.Core.Geometries;
using Sharply.Core.IO;
using Sharply.CPython;
using Sharply.Module.Types;

namespace Sharply.Module.Functions;

/// <summary>
/// WKB in and out for the operation tests, until the package's IO functions (from_wkb / to_wkb) exist:
/// tests bind these with <c>_sharply._bind</c>; they are not part of the public API.
/// </summary>
internal static unsafe class TestSupport
{
    public static readonly PyFunction[] Functions =
    [
        new("_wkb_array", ["values"], &WkbArray),
        new("_wkb_list", ["geometry"], &WkbList),
    ];

    /// <summary>A GeometryArray from a tuple of WKB bytes (None for missing rows).</summary>
    private static Owned WkbArray(in Arguments args)
    {
        Borrowed values = args[0];
        if (!values.IsTuple()) throw new PyTypeErrorException($"values must be a tuple, not '{values.TypeName}'");
        var rows = new byte[]?[values.TupleLength()];
        for (int i = 0; i < rows.Length; i++)
        {
            Borrowed item = values.TupleItem(i);
            rows[i] = item.IsNone ? null : item.BytesValue().ToArray();
        }
        return PyGeometryArray.Wrap(WkbReader.ReadMany(rows, OnInvalid.Raise).Array);
    }

    /// <summary>The WKB (bytes, or None for missing rows) of every row of a GeometryArray or Geometry.</summary>
    private static Owned WkbList(in Arguments args)
    {
        GeometryInput input = Conversions.Geometry(args[0], "geometry");
        GeometryArray rows = input.Rows;
        Owned list = Py.List(rows.Length);
        for (int row = 0; row < rows.Length; row++)
            Py.ListSet(list.Borrow(), row, rows.IsNull(row) ? Py.None : Py.Bytes(WkbWriter.Write(rows, row, WkbOptions.Default)));
        return list;
    }
}
