using System.Runtime.CompilerServices;
using Sharply.Core.Geometries;
using Sharply.Core.Kernels;
using Location = Sharply.Core.Kernels.PointInPolygon.Location;

namespace Sharply.Core.Index;

/// <summary>
/// One operand of a spatial join: its geometries and, for polygonal rows with many vertices, a
/// <see cref="PreparedPolygon"/> built the first time a point is tested against the row and then shared by
/// every thread (it is immutable; two threads racing to build one keep either). Smaller rows are scanned.
/// </summary>
internal sealed class JoinSide(GeometryArray array)
{
    /// <summary>Rows with fewer vertices are scanned directly: an index would not pay for itself.</summary>
    internal const int MinPreparedVertices = 64;

    private readonly PreparedPolygon?[] _prepared = new PreparedPolygon?[MayHavePolygons(array.Type) ? array.Length : 0];

    /// <summary>Rows already examined for preparation (1: done), so small polygons are not re-examined.</summary>
    private readonly byte[] _examined = new byte[MayHavePolygons(array.Type) ? array.Length : 0];

    public GeometryArray Array { get; } = array;

    /// <summary>Row kinds that choose how a pair is refined.</summary>
    public enum Shape : byte { Other, Point, Lineal, Polygonal }

    /// <summary>The shape of a row: a single non-empty point, a (multi)linestring, a (multi)polygon, or anything else.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Shape ShapeOf(int row) => Array.TypeOf(row) switch
    {
        GeometryType.Point => Shape.Point,
        GeometryType.LineString or GeometryType.MultiLineString => Shape.Lineal,
        GeometryType.Polygon or GeometryType.MultiPolygon => Shape.Polygonal,
        _ => Shape.Other,
    };

    /// <summary>The topological dimension a row's type suggests (collections count as areas): the side of
    /// higher rank is the one prepared, whichever operand holds it.</summary>
    public int Rank(int row) => Array.TypeOf(row) switch
    {
        GeometryType.Point or GeometryType.MultiPoint => 0,
        GeometryType.LineString or GeometryType.MultiLineString => 1,
        _ => 2,
    };

    /// <summary>The coordinates of a point row (non-empty: empty rows are never candidates).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public unsafe void PointOf(int row, out double x, out double y)
    {
        int vertex = Array.RingOffsets[Array.PartOffsets[Array.GeometryOffsets[row]]];
        // Safe: a non-empty point row has one vertex inside the validated coordinate buffer.
        double* p = Array.Coordinates.Pointer + (long)vertex * Array.Dimension;
        x = p[0];
        y = p[1];
    }

    /// <summary>The location of (x, y) relative to polygonal row <paramref name="row"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Location Locate(int row, double x, double y)
    {
        PreparedPolygon? prepared = PreparedOf(row);
        return prepared is not null ? prepared.Locate(x, y) : PointInPolygon.Locate(Array, row, x, y);
    }

    /// <summary>True when (x, y) is within <paramref name="distance"/> of polygonal row <paramref name="row"/>.</summary>
    public bool IsWithinDistance(int row, double x, double y, double distance)
    {
        PreparedPolygon? prepared = PreparedOf(row);
        return prepared is not null
            ? prepared.IsWithinDistance(x, y, distance)
            : PreparedPolygon.IsWithinDistance(Array, row, x, y, distance);
    }

    /// <summary>The prepared form of polygonal row <paramref name="row"/>, or null when it is too small to
    /// be worth one (or has no bounds): then <see cref="PointInPolygon"/> scans it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PreparedPolygon? PreparedOf(int row)
    {
        if (Volatile.Read(ref _examined[row]) != 0) return _prepared[row];
        PreparedPolygon? prepared = Array.VertexCount(row) >= MinPreparedVertices ? PreparedPolygon.TryCreate(Array, row) : null;
        Interlocked.CompareExchange(ref _prepared[row], prepared, null);
        Volatile.Write(ref _examined[row], 1);
        return _prepared[row];
    }

    private static bool MayHavePolygons(GeometryType type) =>
        type is GeometryType.Polygon or GeometryType.MultiPolygon or GeometryType.Mixed or GeometryType.GeometryCollection;
}
