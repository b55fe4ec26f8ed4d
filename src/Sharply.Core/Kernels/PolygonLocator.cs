using System.Runtime.CompilerServices;
using Sharply.Core.Geometries;
using Location = Sharply.Core.Kernels.PointInPolygon.Location;

namespace Sharply.Core.Kernels;

/// <summary>
/// A polygonal row prepared for many point queries. Its edges are bucketed by horizontal strips, so a ray
/// cast tests only the edges of the point's strip, and a grid over its bounds classifies once every cell
/// that no edge comes near, so most points are decided by one lookup. Answers are exactly those of the
/// crossing-number test over all rings (<see cref="PointInPolygon"/>). Immutable once built: threads share it.
/// </summary>
internal sealed class PolygonLocator
{
    /// <summary>Rows with fewer edges are tested directly: an index would not pay for itself.</summary>
    public const int MinEdges = 64;

    /// <summary>Cell states: the location of every point of a cell, or <see cref="NearEdge"/>.</summary>
    private const byte NearEdge = 255;

    private readonly double _x0, _y0, _x1, _y1, _scaleX, _scaleY;
    private readonly int _columns, _rows;
    private readonly byte[] _cells;

    /// <summary>Start of each strip's edges in <see cref="_edges"/> (in edges), plus the end.</summary>
    private readonly int[] _stripStarts;

    /// <summary>Four values per edge (ax, ay, bx, by), strip by strip; an edge appears in every strip it spans.</summary>
    private readonly double[] _edges;

    private PolygonLocator(GeometryArray array, int row, int edgeCount)
    {
        RowBounds.Of(array, row, out _x0, out _y0, out _x1, out _y1);
        int side = Math.Clamp((int)(2 * Math.Sqrt(edgeCount)), 4, 1024);
        _columns = _rows = side;
        _scaleX = _x1 > _x0 ? side / (_x1 - _x0) : 0;
        _scaleY = _y1 > _y0 ? side / (_y1 - _y0) : 0;
        _stripStarts = new int[_rows + 1];
        ForEachEdge(array, row, (ax, ay, bx, by) =>
        {
            for (int r = Row(Math.Min(ay, by)), end = Row(Math.Max(ay, by)); r <= end; r++) _stripStarts[r + 1]++;
        });
        for (int r = 0; r < _rows; r++) _stripStarts[r + 1] += _stripStarts[r];
        _edges = GC.AllocateUninitializedArray<double>(4 * _stripStarts[_rows]);
        int[] fill = _stripStarts[.._rows];
        _cells = new byte[_rows * _columns];
        ForEachEdge(array, row, (ax, ay, bx, by) =>
        {
            for (int r = Row(Math.Min(ay, by)), end = Row(Math.Max(ay, by)); r <= end; r++)
            {
                int at = 4 * fill[r]++;
                _edges[at] = ax;
                _edges[at + 1] = ay;
                _edges[at + 2] = bx;
                _edges[at + 3] = by;
                MarkCells(r, ax, ay, bx, by);
            }
        });
        ClassifyCells();
    }

    /// <summary>A locator for a polygonal row with enough edges to be worth one, else null.</summary>
    public static PolygonLocator? TryCreate(GeometryArray array, int row)
    {
        int edges = 0;
        ForEachRing(array, row, (start, end) => edges += Math.Max(end - start - 1, 0));
        return edges >= MinEdges ? new PolygonLocator(array, row, edges) : null;
    }

    /// <summary>The location of (x, y): a grid lookup, or a ray cast over one strip's edges near an edge.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Location Locate(double x, double y)
    {
        if (!(x >= _x0 && x <= _x1 && y >= _y0 && y <= _y1)) return Location.Exterior;
        int r = Row(y);
        byte cell = _cells[r * _columns + Column(x)];
        return cell != NearEdge ? (Location)cell : CastRay(r, x, y);
    }

    /// <summary>True when (x, y) is at most <paramref name="distance"/> from the polygon (inside counts).</summary>
    public bool IsWithinDistance(double x, double y, double distance)
    {
        if (Locate(x, y) != Location.Exterior) return true;
        if (x < _x0 - distance || x > _x1 + distance || y < _y0 - distance || y > _y1 + distance) return false;
        double squared = distance * distance;
        for (int r = Row(y - distance), end = Row(y + distance); r <= end; r++)
        {
            for (int e = 4 * _stripStarts[r], stop = 4 * _stripStarts[r + 1]; e < stop; e += 4)
                if (SegmentDistanceSquared(x, y, _edges[e], _edges[e + 1], _edges[e + 2], _edges[e + 3]) <= squared) return true;
        }
        return false;
    }

    /// <summary>True when (x, y) is at most <paramref name="distance"/> from polygonal row <paramref name="row"/>,
    /// tested over all its edges.</summary>
    public static bool IsWithinDistance(GeometryArray array, int row, double x, double y, double distance)
    {
        if (PointInPolygon.Locate(array, row, x, y) != Location.Exterior) return true;
        double squared = distance * distance;
        bool within = false;
        ForEachEdge(array, row, (ax, ay, bx, by) => within |= SegmentDistanceSquared(x, y, ax, ay, bx, by) <= squared);
        return within;
    }

    /// <summary>Squared distance from (x, y) to segment (a, b).</summary>
    private static double SegmentDistanceSquared(double x, double y, double ax, double ay, double bx, double by)
    {
        double dx = bx - ax, dy = by - ay;
        double length = dx * dx + dy * dy;
        double t = length > 0 ? Math.Clamp(((x - ax) * dx + (y - ay) * dy) / length, 0, 1) : 0;
        double px = ax + t * dx - x, py = ay + t * dy - y;
        return px * px + py * py;
    }

    /// <summary>The strip of <paramref name="y"/>: monotonic in y, so an edge spanning [y0, y1] is in every
    /// strip a point of it falls in.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Row(double y)
    {
        double scaled = (y - _y0) * _scaleY;
        return scaled <= 0 ? 0 : scaled >= _rows - 1 ? _rows - 1 : (int)scaled;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Column(double x)
    {
        double scaled = (x - _x0) * _scaleX;
        return scaled <= 0 ? 0 : scaled >= _columns - 1 ? _columns - 1 : (int)scaled;
    }

    /// <summary>Marks the cells of strip <paramref name="r"/> that the edge may pass through: its x extent over
    /// the strip widened by a quarter strip in y and by one cell each side, so rounding never misses a cell.</summary>
    private void MarkCells(int r, double ax, double ay, double bx, double by)
    {
        double lo = Math.Max(Math.Min(ay, by), _y0 + (r - 0.25) / _scaleY);
        double hi = Math.Min(Math.Max(ay, by), _y0 + (r + 1.25) / _scaleY);
        double xa, xb;
        if (_scaleY == 0 || ay == by || !(lo <= hi)) (xa, xb) = (ax, bx);
        else
        {
            double slope = (bx - ax) / (by - ay);
            (xa, xb) = (ax + (lo - ay) * slope, ax + (hi - ay) * slope);
        }
        int c0 = Math.Max(Column(Math.Min(xa, xb)) - 1, 0), c1 = Math.Min(Column(Math.Max(xa, xb)) + 1, _columns - 1);
        _cells.AsSpan(r * _columns + c0, c1 - c0 + 1).Fill(NearEdge);
    }

    /// <summary>Classifies every cell no edge comes near: along the horizontal line through the strip's
    /// middle, the parity of the edge crossings left of the cell's centre. No crossing is within a cell of
    /// such a centre, so rounding cannot change the parity.</summary>
    private void ClassifyCells()
    {
        var crossings = new List<double>();
        for (int r = 0; r < _rows; r++)
        {
            double y = _scaleY > 0 ? _y0 + (r + 0.5) / _scaleY : _y0;
            crossings.Clear();
            for (int e = 4 * _stripStarts[r], stop = 4 * _stripStarts[r + 1]; e < stop; e += 4)
            {
                double ax = _edges[e], ay = _edges[e + 1], bx = _edges[e + 2], by = _edges[e + 3];
                if ((ay > y) != (by > y)) crossings.Add(ax + (y - ay) * (bx - ax) / (by - ay));
            }
            crossings.Sort();
            int passed = 0;
            for (int c = 0; c < _columns; c++)
            {
                double x = _scaleX > 0 ? _x0 + (c + 0.5) / _scaleX : _x0;
                while (passed < crossings.Count && crossings[passed] < x) passed++;
                ref byte cell = ref _cells[r * _columns + c];
                if (cell != NearEdge) cell = (passed & 1) == 1 ? (byte)Location.Interior : (byte)Location.Exterior;
            }
        }
    }

    /// <summary>The crossing-number test of <see cref="PointInPolygon"/> over the edges of strip <paramref name="r"/>,
    /// which holds every edge whose y extent contains <paramref name="y"/>.</summary>
    private Location CastRay(int r, double x, double y)
    {
        int crossings = 0;
        for (int e = 4 * _stripStarts[r], stop = 4 * _stripStarts[r + 1]; e < stop; e += 4)
        {
            double ax = _edges[e], ay = _edges[e + 1], bx = _edges[e + 2], by = _edges[e + 3];
            if ((ay > y) != (by > y))
            {
                double det = (ax - x) * (by - y) - (bx - x) * (ay - y);
                if (det == 0) return Location.Boundary;
                if ((det > 0) == (by > ay)) crossings++;
            }
            else if (ay == y && by == y && x >= Math.Min(ax, bx) && x <= Math.Max(ax, bx)) return Location.Boundary;
            else if ((ax == x && ay == y) || (bx == x && by == y)) return Location.Boundary;
        }
        return (crossings & 1) == 1 ? Location.Interior : Location.Exterior;
    }

    private delegate void RingAction(int start, int end);

    private delegate void EdgeAction(double ax, double ay, double bx, double by);

    /// <summary>Calls <paramref name="action"/> with the vertex range of every ring of every polygon part of the row.</summary>
    private static void ForEachRing(GeometryArray array, int row, RingAction action)
    {
        GeometryType type = array.TypeOf(row);
        (int partStart, int partEnd) = array.PartsOf(row);
        for (int part = partStart; part < partEnd; part++)
        {
            if (array.PartKindOf(part, type) != GeometryType.Polygon) continue;
            (int ringStart, int ringEnd) = array.RingsOf(part);
            for (int ring = ringStart; ring < ringEnd; ring++)
            {
                (int start, int end) = array.VerticesOf(ring);
                action(start, end);
            }
        }
    }

    private static void ForEachEdge(GeometryArray array, int row, EdgeAction action)
    {
        int dim = array.Dimension;
        ForEachRing(array, row, (start, end) =>
        {
            ReadOnlySpan<double> v = array.VertexCoordinates(start, end);
            for (int i = 0; i + 1 < end - start; i++)
                action(v[i * dim], v[i * dim + 1], v[(i + 1) * dim], v[(i + 1) * dim + 1]);
        });
    }
}
