using NetTopologySuite.Algorithm;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace Sharply.Core.Nts;

/// <summary>
/// <see cref="IndexedPointInAreaLocator"/>'s answers at a fraction of its set-up cost: the linear components
/// are cut into runs of <see cref="ChunkSegments"/> segments, and a point's rightward ray is tested only
/// against the runs whose y range holds it and that reach its right. One pass over the vertices, no object
/// per segment, where NTS builds an interval R-tree of <see cref="LineSegment"/>s (overlays locate a few
/// dozen points, one per disconnected edge, and building that tree cost more than all the noding). Both
/// count the same segments with one <see cref="RayCrossingCounter"/> over all linear components, so they
/// agree on every point, also for invalid input.
/// </summary>
internal sealed class ChunkedPointInAreaLocator(NtsGeometry area) : IPointOnGeometryLocator
{
    private const int ChunkSegments = 32;

    private readonly Coordinate _start = new(), _end = new();
    private CoordinateSequence[]? _lines;
    private Chunk[]? _chunks;

    /// <summary>Segments [First, First + Count) of line Line, with their y range and largest x.</summary>
    private readonly record struct Chunk(int Line, int First, int Count, double MinY, double MaxY, double MaxX);

    public Location Locate(Coordinate p)
    {
        if (_chunks is null) Build();
        var counter = new RayCrossingCounter(p);
        double x = p.X, y = p.Y;
        foreach (Chunk chunk in _chunks!)
        {
            // Segments entirely left of the point, or entirely above or below it, count nothing.
            if (y < chunk.MinY || y > chunk.MaxY || x > chunk.MaxX) continue;
            CoordinateSequence points = _lines![chunk.Line];
            double x0 = points.GetX(chunk.First), y0 = points.GetY(chunk.First);
            for (int i = chunk.First + 1; i <= chunk.First + chunk.Count; i++)
            {
                double x1 = points.GetX(i), y1 = points.GetY(i);
                if ((y0 >= y || y1 >= y) && (y0 <= y || y1 <= y))
                {
                    _start.X = x0; _start.Y = y0;
                    _end.X = x1; _end.Y = y1;
                    counter.CountSegment(_start, _end);
                }
                x0 = x1;
                y0 = y1;
            }
        }
        return counter.Location;
    }

    private void Build()
    {
        ICollection<NtsGeometry> components = LinearComponentExtracter.GetLines(area);
        var lines = new CoordinateSequence[components.Count];
        int count = 0, chunkCount = 0;
        foreach (NtsGeometry component in components)
        {
            CoordinateSequence points = ((LineString)component).CoordinateSequence;
            lines[count++] = points;
            chunkCount += (Math.Max(points.Count - 1, 0) + ChunkSegments - 1) / ChunkSegments;
        }
        var chunks = new Chunk[chunkCount];
        int next = 0;
        for (int line = 0; line < lines.Length; line++)
        {
            CoordinateSequence points = lines[line];
            for (int first = 0; first < points.Count - 1; first += ChunkSegments)
            {
                int last = Math.Min(first + ChunkSegments, points.Count - 1);
                double minY = double.PositiveInfinity, maxY = double.NegativeInfinity, maxX = double.NegativeInfinity;
                for (int i = first; i <= last; i++)
                {
                    double vx = points.GetX(i), vy = points.GetY(i);
                    minY = Math.Min(minY, vy);
                    maxY = Math.Max(maxY, vy);
                    maxX = Math.Max(maxX, vx);
                }
                chunks[next++] = new Chunk(line, first, last - first, minY, maxY, maxX);
            }
        }
        _lines = lines;
        _chunks = chunks;
    }
}
