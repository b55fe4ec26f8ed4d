using Sharply.Core.Geometries;

namespace Sharply.Core.IO;

/// <summary>Facts about a row that the writers need.</summary>
internal static class RowShape
{
    /// <summary>The vertices of every part of a row.</summary>
    public static (int Start, int End) VertexRange(GeometryArray array, int row)
    {
        (int partStart, int partEnd) = array.PartsOf(row);
        return (array.RingOffsets[array.PartOffsets[partStart]], array.RingOffsets[array.PartOffsets[partEnd]]);
    }

    /// <summary>True when the row is written with Z: the array has Z and some z of the row is not NaN
    /// (rows that were 2D in a 3D array hold NaN z and are written 2D).</summary>
    public static bool HasZValues(GeometryArray array, int row)
    {
        (int partStart, int partEnd) = array.PartsOf(row);
        return HasZValues(array, partStart, partEnd);
    }

    /// <summary>True when some z of parts <c>[partStart, partEnd)</c> is not NaN (a collection member
    /// written with Z in a row written with Z, as GEOS writes each member in its own dimension).</summary>
    public static bool HasZValues(GeometryArray array, int partStart, int partEnd)
    {
        if (!array.HasZ || partStart == partEnd) return false;
        int start = array.RingOffsets[array.PartOffsets[partStart]], end = array.RingOffsets[array.PartOffsets[partEnd]];
        ReadOnlySpan<double> coordinates = array.VertexCoordinates(start, end);
        for (int i = 2; i < coordinates.Length; i += 3)
            if (!double.IsNaN(coordinates[i])) return true;
        return false;
    }
}
