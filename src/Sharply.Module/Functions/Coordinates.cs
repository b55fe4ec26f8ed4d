using Sharply.Core.Geometries;
using Sharply.CPython;

namespace Sharply.Module.Functions;

/// <summary>Coordinates out: lists of coordinates and ragged arrays, as numpy views of Core buffers when possible.</summary>
internal static unsafe class Coordinates
{
    public static readonly PyFunction[] Functions =
    [
        new("get_coordinates", ["geometry", "include_z", "return_index"], &GetCoordinates),
        new("count_coordinates", ["geometry"], &CountCoordinates),
        new("to_ragged_array", ["geometry", "include_z"], &ToRaggedArray),
    ];

    private static Owned GetCoordinates(in Arguments args)
    {
        GeometryArray rows = Conversions.Geometry(args[0], "geometry").Rows;
        bool includeZ = args.HasValue(1) && args[1].ToBool();
        DataBuffer<double> coordinates;
        using (Gil.Release()) coordinates = CoordinateLists.Get(rows, includeZ);
        if (!args.HasValue(2) || !args[2].ToBool()) return Matrix(coordinates, includeZ ? 3 : 2);
        DataBuffer<long> index;
        using (Gil.Release()) index = CoordinateLists.RowIndex(rows);
        using Owned array = Matrix(coordinates, includeZ ? 3 : 2);
        using Owned rowIndex = Conversions.NumpyArray(index.Pointer, index, sizeof(long), "l"u8, index.Length);
        return Py.Tuple(array.Handle, rowIndex.Handle);
    }

    private static Owned CountCoordinates(in Arguments args) =>
        Py.Int(CoordinateLists.Count(Conversions.Geometry(args[0], "geometry").Rows));

    /// <summary><c>to_ragged_array(geometry, include_z)</c>: (Shapely type id, coords, offsets tuple); include_z None follows the array.</summary>
    private static Owned ToRaggedArray(in Arguments args)
    {
        GeometryArray rows = Conversions.Geometry(args[0], "geometry").Rows;
        bool includeZ = args.HasValue(1) ? args[1].ToBool() : rows.HasZ;
        RaggedArray ragged;
        using (Gil.Release()) ragged = RaggedArrays.ToRagged(rows, includeZ);
        var levels = new Owned[ragged.Offsets.Length];
        var handles = new nint[levels.Length];
        try
        {
            for (int i = 0; i < levels.Length; i++)
            {
                DataBuffer<int> level = ragged.Offsets[i];
                levels[i] = Conversions.NumpyArray(level.Pointer, level, sizeof(int), "i"u8, level.Length);
                handles[i] = levels[i].Handle;
            }
            using Owned type = Py.Int(GeometryTypes.ShapelyTypeId(ragged.Type));
            using Owned coordinates = Matrix(ragged.Coordinates, ragged.Dimension);
            using Owned offsets = Py.Tuple(handles);
            return Py.Tuple(type.Handle, coordinates.Handle, offsets.Handle);
        }
        finally
        {
            foreach (Owned level in levels) level.Dispose();
        }
    }

    /// <summary>An (n, dimension) numpy view of interleaved coordinates.</summary>
    private static Owned Matrix(DataBuffer<double> coordinates, int dimension) =>
        Conversions.NumpyArray(coordinates.Pointer, coordinates, sizeof(double), "d"u8, coordinates.Length / dimension, dimension);
}
