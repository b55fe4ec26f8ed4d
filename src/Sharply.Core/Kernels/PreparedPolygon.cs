using System.Runtime.CompilerServices;
using Sharply.Core.Geometries;

namespace Sharply.Core.Kernels;

/// <summary>
/// One polygonal row indexed for many point-in-polygon tests: its bounding box, and its edges sorted
/// into horizontal bands of equal height. Every edge whose closed y range meets a band is listed in it
/// (grouped by ring, rings in order), so a point only meets the edges of its band, and the per-ring
/// crossing counts, hence the result, are exactly those of <see cref="PointInPolygon"/>'s full scan.
/// <para>On top, a grid of cells over the bounding box answers most points with one lookup. A cell that
/// no edge's bounding box reaches holds no boundary point and is connected, so every point in it has the
/// same location; consecutive such cells in a grid row form a connected strip, located once through the
/// bands. Cells are found with the same monotone formula for edges and points, so a point on an edge
/// always falls in a cell the edge marked; the other points take the band path.</para>
/// <para>The bands also find the edges near a point, for <see cref="IsWithinDistance(double, double, double)"/>.</para>
/// Immutable once built, so one instance is shared by all threads.
/// </summary>
internal sealed unsafe class PreparedPolygon
{
    private readonly GeometryArray _array;
    private readonly double _x0, _y0, _x1, _y1;
    private readonly double _bandScale;
    private readonly int _bands;
    /// <summary>Band <c>b</c> lists entries <c>[_bandStart[b], _bandStart[b + 1])</c>.</summary>
    private readonly int[] _bandStart;
    /// <summary>Row-local ring index of each entry.</summary>
    private readonly int[] _entryRing;
    /// <summary>Global index of the first vertex of each entry's edge.</summary>
    private readonly int[] _entryVertex;
    /// <summary>Row-local index of each ring's part.</summary>
    private readonly int[] _ringPart;
    /// <summary>Row-local index of each part's first ring (its shell).</summary>
    private readonly int[] _partShell;
    private readonly int _firstRing;
    /// <summary>Location of every point of each cell (row-major), or <see cref="Mixed"/>; null without a grid.</summary>
    private readonly byte[]? _cells;
    private readonly int _columns, _rows;
    private readonly double _columnScale, _rowScale;

    /// <summary>A cell reached by an edge: its points take the band path.</summary>
    private const byte Mixed = 255;

    /// <summary>Most cells of a grid (1 byte each).</summary>
    private const int MaxCells = 1 << 21;

    private PreparedPolygon(GeometryArray array, int row)
    {
        _array = array;
        RowBounds.Of(array, row, out _x0, out _y0, out _x1, out _y1);
        (int partStart, int partEnd) = array.PartsOf(row);
        _firstRing = array.PartOffsets[partStart];
        int ringCount = array.PartOffsets[partEnd] - _firstRing;
        _ringPart = new int[ringCount];
        _partShell = new int[partEnd - partStart];
        long edges = 0;
        for (int part = partStart; part < partEnd; part++)
        {
            (int ringStart, int ringEnd) = array.RingsOf(part);
            _partShell[part - partStart] = ringStart - _firstRing;
            for (int ring = ringStart; ring < ringEnd; ring++)
            {
                _ringPart[ring - _firstRing] = part - partStart;
                (int start, int end) = array.VerticesOf(ring);
                edges += Math.Max(0, end - start - 1);
            }
        }
        _bands = (int)Math.Clamp(edges / 4, 1, 1 << 16);
        double height = _y1 - _y0;
        _bandScale = height > 0 && double.IsFinite(height) ? _bands / height : 0;
        if (_bandScale == 0) _bands = 1;

        // Two passes over the edges: count the entries of each band, then fill them in ring order.
        _bandStart = new int[_bands + 1];
        ForEachEdge((_, _, first, last) =>
        {
            for (int b = first; b <= last; b++) _bandStart[b + 1]++;
        });
        for (int b = 0; b < _bands; b++) _bandStart[b + 1] += _bandStart[b];
        int total = _bandStart[_bands];
        _entryRing = new int[total];
        _entryVertex = new int[total];
        int[] fill = _bandStart[.._bands];
        ForEachEdge((ring, vertex, first, last) =>
        {
            for (int b = first; b <= last; b++)
            {
                int slot = fill[b]++;
                _entryRing[slot] = ring;
                _entryVertex[slot] = vertex;
            }
        });
        double width = _x1 - _x0;
        if (_bandScale > 0 && width > 0 && double.IsFinite(width))
        {
            double cells = Math.Clamp(4.0 * edges, 64, MaxCells);
            _columns = (int)Math.Clamp(Math.Round(Math.Sqrt(cells * width / height)), 1, 1 << 14);
            _rows = (int)Math.Clamp(Math.Round(cells / _columns), 1, 1 << 14);
            _columnScale = _columns / width;
            _rowScale = _rows / height;
            _cells = BuildGrid();
        }
    }

    /// <summary>Marks the cells reached by each edge's bounding box, then locates each strip of unmarked
    /// cells from a point of its first cell. Null when a coordinate is NaN (no grid then).</summary>
    private byte[]? BuildGrid()
    {
        var cells = new byte[_columns * _rows];
        int dim = _array.Dimension;
        double* coordinates = _array.Coordinates.Pointer;
        for (int local = 0; local < _ringPart.Length; local++)
        {
            (int start, int end) = _array.VerticesOf(_firstRing + local);
            for (int vertex = start; vertex < end; vertex++)
            {
                // Safe: vertex lies in [start, end), inside the validated coordinate buffer.
                double* a = coordinates + (long)vertex * dim;
                if (double.IsNaN(a[0]) || double.IsNaN(a[1])) return null;
                double* b = vertex + 1 < end ? a + dim : a;
                int c0 = Column(Math.Min(a[0], b[0])), c1 = Column(Math.Max(a[0], b[0]));
                int r0 = Row(Math.Min(a[1], b[1])), r1 = Row(Math.Max(a[1], b[1]));
                for (int r = r0; r <= r1; r++) cells.AsSpan(r * _columns + c0, c1 - c0 + 1).Fill(Mixed);
            }
        }
        for (int r = 0; r < _rows; r++)
        {
            bool inStrip = false;
            byte location = Mixed;
            for (int c = 0; c < _columns; c++)
            {
                ref byte cell = ref cells[r * _columns + c];
                if (cell == Mixed)
                {
                    inStrip = false;
                    continue;
                }
                if (!inStrip)
                {
                    // The cell's centre stands for the strip when it falls in the cell by the points' formula.
                    double x = _x0 + (c + 0.5) / _columnScale, y = _y0 + (r + 0.5) / _rowScale;
                    PointInPolygon.Location found = Column(x) == c && Row(y) == r ? LocateInBands(x, y) : PointInPolygon.Location.Boundary;
                    if (found == PointInPolygon.Location.Boundary)
                    {
                        cell = Mixed;
                        continue;
                    }
                    location = (byte)found;
                    inStrip = true;
                }
                cell = location;
            }
        }
        return cells;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Column(double x)
    {
        double position = (x - _x0) * _columnScale;
        return position <= 0 ? 0 : position >= _columns - 1 ? _columns - 1 : (int)position;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Row(double y)
    {
        double position = (y - _y0) * _rowScale;
        return position <= 0 ? 0 : position >= _rows - 1 ? _rows - 1 : (int)position;
    }

    /// <summary>Indexes row <paramref name="row"/> when it is a present, non-empty Polygon or MultiPolygon; else null.</summary>
    public static PreparedPolygon? TryCreate(GeometryArray array, int row)
    {
        if (array.IsNull(row)) return null;
        GeometryType type = array.TypeOf(row);
        if (type is not (GeometryType.Polygon or GeometryType.MultiPolygon)) return null;
        RowBounds.Of(array, row, out double x0, out _, out _, out _);
        return double.IsNaN(x0) ? null : new PreparedPolygon(array, row);
    }

    private delegate void EdgeVisitor(int ring, int vertex, int firstBand, int lastBand);

    private void ForEachEdge(EdgeVisitor visit)
    {
        int dim = _array.Dimension;
        double* coordinates = _array.Coordinates.Pointer;
        for (int local = 0; local < _ringPart.Length; local++)
        {
            (int start, int end) = _array.VerticesOf(_firstRing + local);
            for (int vertex = start; vertex < end - 1; vertex++)
            {
                // Safe: vertex and vertex + 1 lie in [start, end), inside the validated coordinate buffer.
                double ay = coordinates[(long)vertex * dim + 1], by = coordinates[((long)vertex + 1) * dim + 1];
                double low = Math.Min(ay, by), high = Math.Max(ay, by);
                if (!(high >= _y0 && low <= _y1)) continue;
                visit(local, vertex, Band(low), Band(high));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Band(double y)
    {
        double position = (y - _y0) * _bandScale;
        return position <= 0 ? 0 : position >= _bands - 1 ? _bands - 1 : (int)position;
    }

    /// <summary>True when the cell grid was built (bounding box with a width and height, no NaN coordinate).</summary>
    internal bool HasGrid => _cells is not null;

    /// <summary>Where (x, y) lies: the result of the full scan over every ring of the row.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public PointInPolygon.Location Locate(double x, double y)
    {
        if (!(x >= _x0 && x <= _x1 && y >= _y0 && y <= _y1)) return PointInPolygon.Location.Exterior;
        if (_cells is not null)
        {
            byte cell = _cells[Row(y) * _columns + Column(x)];
            if (cell != Mixed) return (PointInPolygon.Location)cell;
        }
        return LocateInBands(x, y);
    }

    /// <summary>True when (x, y) is at most <paramref name="distance"/> from the polygon (inside counts): only
    /// the edges of the bands within the distance are measured, plus one band each side against rounding.</summary>
    public bool IsWithinDistance(double x, double y, double distance)
    {
        if (Locate(x, y) != PointInPolygon.Location.Exterior) return true;
        if (!(x >= _x0 - distance && x <= _x1 + distance && y >= _y0 - distance && y <= _y1 + distance)) return false;
        double squared = distance * distance;
        int dim = _array.Dimension;
        double* coordinates = _array.Coordinates.Pointer;
        // Bands are laid out in order, so the entries of bands first..last are contiguous.
        int first = Math.Max(Band(y - distance) - 1, 0), last = Math.Min(Band(y + distance) + 1, _bands - 1);
        for (int entry = _bandStart[first], stop = _bandStart[last + 1]; entry < stop; entry++)
        {
            // Safe: each entry's vertex starts an edge of the row, inside the coordinate buffer.
            double* v = coordinates + (long)_entryVertex[entry] * dim;
            if (SegmentDistanceSquared(x, y, v[0], v[1], v[dim], v[dim + 1]) <= squared) return true;
        }
        return false;
    }

    /// <summary>True when (x, y) is at most <paramref name="distance"/> from polygonal row <paramref name="row"/>
    /// (inside counts), measured to every edge: for rows too small to be worth preparing.</summary>
    public static bool IsWithinDistance(GeometryArray array, int row, double x, double y, double distance)
    {
        if (PointInPolygon.Locate(array, row, x, y) != PointInPolygon.Location.Exterior) return true;
        double squared = distance * distance;
        int dim = array.Dimension;
        GeometryType type = array.TypeOf(row);
        (int partStart, int partEnd) = array.PartsOf(row);
        for (int part = partStart; part < partEnd; part++)
        {
            if (array.PartKindOf(part, type) != GeometryType.Polygon) continue;
            (int ringStart, int ringEnd) = array.RingsOf(part);
            for (int ring = ringStart; ring < ringEnd; ring++)
            {
                (int start, int end) = array.VerticesOf(ring);
                for (int vertex = start; vertex < end - 1; vertex++)
                {
                    // Safe: vertex and vertex + 1 lie in [start, end), inside the validated coordinate buffer.
                    double* v = array.Coordinates.Pointer + (long)vertex * dim;
                    if (SegmentDistanceSquared(x, y, v[0], v[1], v[dim], v[dim + 1]) <= squared) return true;
                }
            }
        }
        return false;
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

    /// <summary>Where (x, y), inside the bounding box, lies: from the edges of its band.</summary>
    internal PointInPolygon.Location LocateInBands(double x, double y)
    {
        int band = Band(y), dim = _array.Dimension;
        int entry = _bandStart[band], stop = _bandStart[band + 1];
        double* coordinates = _array.Coordinates.Pointer;
        PointInPolygon.Location best = PointInPolygon.Location.Exterior;
        while (entry < stop)
        {
            // One part at a time: its rings' entries are contiguous and in ring order.
            int part = _ringPart[_entryRing[entry]], shell = _partShell[part];
            PointInPolygon.Location location = PointInPolygon.Location.Exterior;
            bool decided = _entryRing[entry] != shell;
            while (entry < stop && _ringPart[_entryRing[entry]] == part)
            {
                int ring = _entryRing[entry];
                int crossings = 0;
                for (; entry < stop && _entryRing[entry] == ring; entry++)
                {
                    // Safe: each entry's vertex starts an edge of the row, inside the coordinate buffer.
                    double* v = coordinates + (long)_entryVertex[entry] * dim;
                    int c = PointInPolygon.EdgeCrossing(v[0], v[1], v[dim], v[dim + 1], x, y);
                    if (c < 0) crossings = int.MinValue;
                    else if (crossings >= 0) crossings += c;
                }
                if (decided) continue;
                if (crossings < 0)
                {
                    location = PointInPolygon.Location.Boundary;
                    decided = true;
                }
                else if (ring == shell)
                {
                    if ((crossings & 1) == 0) decided = true;
                    else location = PointInPolygon.Location.Interior;
                }
                else if ((crossings & 1) == 1)
                {
                    location = PointInPolygon.Location.Exterior;
                    decided = true;
                }
            }
            if (location == PointInPolygon.Location.Interior) return location;
            if (location == PointInPolygon.Location.Boundary) best = location;
        }
        return best;
    }
}
