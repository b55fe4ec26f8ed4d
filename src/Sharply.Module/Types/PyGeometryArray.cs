using System.Text;
using Sharply.Core.Geometries;
using Sharply.CPython;
using Sharply.CPython.Raw;

namespace Sharply.Module.Types;

/// <summary>The Python type <c>sharply.GeometryArray</c>: an immutable array of geometries (a Core <see cref="GeometryArray"/>).</summary>
internal static unsafe class PyGeometryArray
{
    /// <summary>Rows shown by <c>repr</c>: all of them up to this many, else the first and last half.</summary>
    private const int PreviewRows = 10;

    public static readonly PyFunction[] Functions =
    [
        new("concat", ["arrays"], &Concat),
    ];

    public static nint Type { get; private set; }

    private const string ArrayDoc = """
        An immutable array of geometries stored natively in the GeoArrow memory layout.

        One float64 coordinate buffer and int32 offsets for geometries, parts and rings, plus a validity
        bitmap for missing values (None). Arrays come from the constructors (``from_wkb``, ``points``,
        ``from_shapely``, ``from_arrow``...) and from every vectorized function that returns geometries.
        Indexing with an int gives a Geometry (or None); a slice, boolean mask or integer array gives an
        array. Arrays carry a ``crs`` and export themselves through the Arrow PyCapsule Interface.

        Examples
        --------
        >>> import sharply
        >>> array = sharply.points([[0, 0], [1, 1], [2, 2]])
        >>> array
        <GeometryArray[3] Point>
        [<POINT (0 0)>, <POINT (1 1)>, <POINT (2 2)>]
        >>> len(array), array[1]
        (3, <POINT (1 1)>)
        >>> array[[True, False, True]]
        <GeometryArray[2] Point>
        [<POINT (0 0)>, <POINT (2 2)>]
        >>> sharply.get_x(array)
        array([0., 1., 2.])
        """;

    public static Owned CreateType(nint module)
    {
        Owned type = new HeapType("sharply.GeometryArray", ArrayDoc)
            .Slot(CApi.Py_tp_dealloc, (delegate* unmanaged<nint, void>)&Dealloc)
            .Slot(CApi.Py_tp_repr, (delegate* unmanaged<nint, nint>)&Repr)
            .Slot(CApi.Py_mp_length, (delegate* unmanaged<nint, nint>)&Length)
            .Slot(CApi.Py_sq_length, (delegate* unmanaged<nint, nint>)&Length)
            .Slot(CApi.Py_sq_item, (delegate* unmanaged<nint, nint, nint>)&Item)
            .Slot(CApi.Py_mp_subscript, (delegate* unmanaged<nint, nint, nint>)&Subscript)
            .Getter("crs", &Crs, "Coordinate reference system (a string) or None.")
            .Getter("nbytes", &NBytes, "Bytes held by the array's buffers (shared buffers of a slice count in full).")
            .Build(module);
        Type = type.Handle;
        return type;
    }

    public static Owned Wrap(GeometryArray array) => ManagedObject.New(Type, array);

    public static bool Is(Borrowed obj) => obj.Type == Type;

    public static GeometryArray Target(Borrowed obj) => ManagedObject.Target<GeometryArray>(obj);

    /// <summary>Frees the object and tells <see cref="LargeBuffers"/> its buffers are probably garbage now.</summary>
    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    private static void Dealloc(nint self)
    {
        if (ManagedObject.TargetOrNull<GeometryArray>(new Borrowed(self)) is { } array) LargeBuffers.Dropped(array.ByteLength);
        ManagedObject.FreeHandleAndObject(self);
    }

    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    private static nint Repr(nint self) => Boundary.Call(self, &ReprBody);

    /// <summary><c>&lt;GeometryArray[3] Polygon&gt;</c> and a preview of the rows, like GeoPandas.</summary>
    private static Owned ReprBody(Borrowed self)
    {
        GeometryArray array = Target(self);
        var text = new StringBuilder($"<GeometryArray[{array.Length}] {GeometryTypes.Name(array.Type)}{(array.HasZ ? " Z" : "")}");
        if (array.Crs is { } crs) text.Append($", crs={(crs.Length > 40 ? crs[..37] + "..." : crs)}");
        text.Append(">\n[");
        bool shortened = array.Length > PreviewRows;
        for (int row = 0; row < array.Length; row++)
        {
            if (shortened && row == PreviewRows / 2)
            {
                text.Append("..., ");
                row = array.Length - PreviewRows / 2;
            }
            text.Append(array.IsNull(row) ? "None" : PyGeometry.ReprOf(array, row));
            if (row < array.Length - 1) text.Append(", ");
        }
        return Py.Str(text.Append(']').ToString());
    }

    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    private static nint Length(nint self) => Target(new Borrowed(self)).Length;

    /// <summary><c>sq_item</c>, used by iteration (CPython has already made negative indices positive).</summary>
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

    [System.Runtime.InteropServices.UnmanagedCallersOnly]
    private static nint Subscript(nint self, nint key) => Boundary.Call(self, key, &SubscriptBody);

    /// <summary>
    /// <c>array[key]</c>: an int gives a Geometry or None; a slice with step 1 a view sharing the buffers;
    /// other slices, boolean masks and integer arrays (numpy arrays, lists) a copy of the selected rows.
    /// </summary>
    private static Owned SubscriptBody(Borrowed self, Borrowed key)
    {
        GeometryArray array = Target(self);
        if (key.IsSlice())
        {
            (long start, long step, long count) = key.SliceIndices(array.Length);
            if (step == 1) return Wrap(array.Slice((int)start, (int)count));
            var rows = new int[count];
            for (long i = 0; i < count; i++) rows[i] = (int)(start + i * step);
            return Wrap(array.Take(rows));
        }
        if (key.IsInt()) return PyGeometry.Scalar(array, Row(key.ToInt64("index"), array.Length));
        if (key.IsList() || key.IsTuple())
        {
            using Owned converted = Conversions.AsNumpyArray(key);
            return SubscriptBody(self, converted.Borrow());
        }
        if (CApi.PyObject_CheckBuffer(key.Handle) != 0)
        {
            using BufferView view = BufferView.Acquire(key, "index");
            if (view.Dimensions == 0) return PyGeometry.Scalar(array, Row(key.ToInt64("index"), array.Length));
            return Wrap(array.Take(SelectedRows(view, array.Length)));
        }
        return PyGeometry.Scalar(array, Row(key.ToInt64("index"), array.Length));
    }

    private static int Row(long index, int length)
    {
        long row = index < 0 ? index + length : index;
        if ((ulong)row >= (ulong)length)
            throw new PyIndexErrorException($"index {index} is out of bounds for a GeometryArray of length {length}");
        return (int)row;
    }

    /// <summary>The rows a boolean mask or an integer array selects.</summary>
    private static int[] SelectedRows(in BufferView view, int length)
    {
        if (view.Dimensions != 1) throw new PyIndexErrorException($"indices must be 1-dimensional, got {view.Dimensions} dimensions");
        long count = view.Shape(0);
        if (count == 0) return [];
        byte* data = (byte*)view.Pointer;
        char format = view.Format;
        if (format == '?')
        {
            if (count != length)
                throw new PyIndexErrorException($"boolean index has {count} values, the GeometryArray has {length} rows");
            var selected = new List<int>();
            for (int row = 0; row < length; row++)
                if (data[row] != 0) selected.Add(row);
            return [.. selected];
        }
        int size = view.ItemSize;
        bool signed = format is 'b' or 'h' or 'i' or 'l' or 'q' or 'n';
        if (!signed && format is not ('B' or 'H' or 'I' or 'L' or 'Q' or 'N'))
            throw new PyIndexErrorException($"arrays used as indices must be of integer or boolean type, got buffer format '{format}'");
        var rows = new int[count];
        for (long i = 0; i < count; i++)
        {
            // Safe: the view holds count items of size bytes each (C-contiguous, checked by BufferView).
            byte* item = data + i * size;
            long index = size switch
            {
                1 => signed ? *(sbyte*)item : *item,
                2 => signed ? *(short*)item : *(ushort*)item,
                4 => signed ? *(int*)item : *(uint*)item,
                _ => signed ? *(long*)item : (long)Math.Min(*(ulong*)item, long.MaxValue),
            };
            rows[i] = Row(index, length);
        }
        return rows;
    }

    private static Owned Crs(Borrowed self) => Target(self).Crs is { } crs ? Py.Str(crs) : Py.None;

    private static Owned NBytes(Borrowed self) => Py.Int(Target(self).ByteLength);

    /// <summary><c>concat(arrays)</c>: the rows of every array in order; every array must have the same CRS.</summary>
    private static Owned Concat(in Arguments args)
    {
        Borrowed arrays = args[0];
        if (!arrays.IsList() && !arrays.IsTuple())
            throw new PyTypeErrorException($"arrays must be a list or tuple of GeometryArray, not '{arrays.TypeName}'");
        nint count = CApi.PyObject_Size(arrays.Handle);
        if (count < 0) throw new PythonException();
        var parts = new GeometryArray[count];
        for (int i = 0; i < parts.Length; i++)
        {
            using Owned index = Py.Int(i);
            using Owned item = Owned.Checked(CApi.PyObject_GetItem(arrays.Handle, index.Handle));
            GeometryInput input = Conversions.Geometry(item.Borrow(), $"arrays[{i}]");
            parts[i] = input.Rows;
            if (i > 0 && parts[i].Crs != parts[0].Crs)
                throw new ArgumentException($"arrays[{i}] has CRS {parts[i].Crs ?? "None"}, arrays[0] has {parts[0].Crs ?? "None"}");
        }
        GeometryArray result;
        using (Gil.Release()) result = GeometryArrayOps.Concat(parts);
        return Wrap(result);
    }
}
