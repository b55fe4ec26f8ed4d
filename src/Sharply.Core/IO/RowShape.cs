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
        if (!array.HasZ) return false;
        (int start, int end) = VertexRange(array, row);
        ReadOnlySpan<double> coordinates = array.VertexCoordinates(start, end);
        for (int i = 2; i < coordinates.Length; i += 3)
            if (!double.IsNaN(coordinates[i])) return true;
        return false;
    }
}
