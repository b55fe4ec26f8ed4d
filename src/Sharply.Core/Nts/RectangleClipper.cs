using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using SpatialFunction = NetTopologySuite.Operation.Overlay.SpatialFunction;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace Sharply.Core.Nts;

/// <summary>
/// GEOS's rectangle clipping (<c>GEOSClipByRect</c>): the parts of a geometry strictly inside an axis-aligned
/// rectangle. Points and line pieces on the rectangle's boundary are dropped, and so are the lines and points
/// an area would share with the boundary; a geometry inside the rectangle's interior comes back unchanged (Z
/// kept), one disjoint from it gives GEOMETRYCOLLECTION EMPTY. Clipped lines and areas are 2D. The results
/// are polygons, then lines, then points, gathered as GEOS does (one part alone, a multi-geometry of one
/// kind, else a collection). Polygons are clipped as GEOS clips them (<see cref="RectanglePolygonClipper"/>);
/// invalid ones that show it are repaired and intersected by overlay instead.
/// </summary>
public sealed class RectangleClipper
{
    private readonly double _xmin, _ymin, _xmax, _ymax;
    private readonly Polygon _rectangle;

    /// <summary>A clipper for the rectangle; its sides must have positive lengths and finite ends.</summary>
    public RectangleClipper(double xmin, double ymin, double xmax, double ymax)
    {
        if (!(double.IsFinite(xmin) && double.IsFinite(ymin) && double.IsFinite(xmax) && double.IsFinite(ymax)))
            throw new ArgumentException($"the clipping rectangle must have finite bounds, got ({xmin:R}, {ymin:R}, {xmax:R}, {ymax:R})");
        if (!(xmin < xmax && ymin < ymax))
            throw new ArgumentException($"the clipping rectangle must be non-empty (xmin < xmax and ymin < ymax), got ({xmin:R}, {ymin:R}, {xmax:R}, {ymax:R})");
        (_xmin, _ymin, _xmax, _ymax) = (xmin, ymin, xmax, ymax);
        _rectangle = (Polygon)NtsConverter.Factory.ToGeometry(new Envelope(xmin, xmax, ymin, ymax));
    }

    /// <summary>The parts of <paramref name="geometry"/> strictly inside the rectangle.</summary>
    public NtsGeometry Clip(NtsGeometry geometry)
    {
        if (geometry.IsEmpty) return geometry;
        Envelope box = geometry.EnvelopeInternal;
        if (box.MinX > _xmin && box.MaxX < _xmax && box.MinY > _ymin && box.MaxY < _ymax) return geometry;
        GeometryFactory factory = NtsConverter.Factory;
        if (box.MaxX <= _xmin || box.MinX >= _xmax || box.MaxY <= _ymin || box.MinY >= _ymax)
            return factory.CreateGeometryCollection();
        var parts = new Parts();
        Add(geometry, parts);
        int count = parts.Polygons.Count + parts.Lines.Count + parts.Points.Count;
        if (count == 0) return factory.CreateGeometryCollection();
        if (count == parts.Polygons.Count)
            return count == 1 ? parts.Polygons[0] : factory.CreateMultiPolygon([.. parts.Polygons]);
        if (count == parts.Lines.Count)
            return count == 1 ? parts.Lines[0] : factory.CreateMultiLineString([.. parts.Lines]);
        if (count == parts.Points.Count)
            return count == 1 ? parts.Points[0] : factory.CreateMultiPoint([.. parts.Points]);
        return factory.CreateGeometryCollection([.. parts.Polygons, .. parts.Lines, .. parts.Points]);
    }

    private sealed class Parts
    {
        public readonly List<Polygon> Polygons = [];
        public readonly List<LineString> Lines = [];
        public readonly List<Point> Points = [];
    }

    private void Add(NtsGeometry geometry, Parts parts)
    {
        switch (geometry)
        {
            case GeometryCollection collection:
                foreach (NtsGeometry member in collection.Geometries) Add(member, parts);
                return;
            case Point point:
                if (!point.IsEmpty && Inside(point.X, point.Y)) parts.Points.Add(point);
                return;
            case LineString line:
                ClipLine(line.CoordinateSequence, parts.Lines);
                return;
            case Polygon polygon:
                ClipPolygon(polygon, parts.Polygons);
                return;
        }
    }

    private bool Inside(double x, double y) => x > _xmin && x < _xmax && y > _ymin && y < _ymax;

    /// <summary>
    /// Clips each segment to the closed rectangle (Liang-Barsky) and joins the pieces that continue one
    /// another; pieces of no length or lying along a side of the rectangle are dropped.
    /// </summary>
    private void ClipLine(CoordinateSequence sequence, List<LineString> lines)
    {
        var current = new List<Coordinate>();
        for (int i = 1; i < sequence.Count; i++)
        {
            double ax = sequence.GetX(i - 1), ay = sequence.GetY(i - 1), bx = sequence.GetX(i), by = sequence.GetY(i);
            if (!ClipSegment(ax, ay, bx, by, out double t0, out double t1))
            {
                Flush(current, lines);
                continue;
            }
            var start = t0 == 0 ? new Coordinate(ax, ay) : new Coordinate(ax + t0 * (bx - ax), ay + t0 * (by - ay));
            var end = t1 == 1 ? new Coordinate(bx, by) : new Coordinate(ax + t1 * (bx - ax), ay + t1 * (by - ay));
            if (start.Equals2D(end) || OnSide(start, end))
            {
                Flush(current, lines);
                continue;
            }
            if (current.Count > 0 && !current[^1].Equals2D(start)) Flush(current, lines);
            if (current.Count == 0) current.Add(start);
            current.Add(end);
        }
        Flush(current, lines);
    }

    private bool OnSide(Coordinate a, Coordinate b) =>
        (a.X == b.X && (a.X == _xmin || a.X == _xmax)) || (a.Y == b.Y && (a.Y == _ymin || a.Y == _ymax));

    private static void Flush(List<Coordinate> current, List<LineString> lines)
    {
        if (current.Count >= 2) lines.Add(NtsConverter.Factory.CreateLineString([.. current]));
        current.Clear();
    }

    /// <summary>The parameters [t0, t1] of the segment a-b inside the closed rectangle; false when none is.</summary>
    private bool ClipSegment(double ax, double ay, double bx, double by, out double t0, out double t1)
    {
        t0 = 0;
        t1 = 1;
        double dx = bx - ax, dy = by - ay;
        return Edge(-dx, ax - _xmin, ref t0, ref t1) && Edge(dx, _xmax - ax, ref t0, ref t1)
            && Edge(-dy, ay - _ymin, ref t0, ref t1) && Edge(dy, _ymax - ay, ref t0, ref t1);
    }

    private static bool Edge(double p, double q, ref double t0, ref double t1)
    {
        if (p == 0) return q >= 0;
        double t = q / p;
        if (p < 0)
        {
            if (t > t1) return false;
            if (t > t0) t0 = t;
        }
        else
        {
            if (t < t0) return false;
            if (t < t1) t1 = t;
        }
        return true;
    }

    /// <summary>The areas of the polygon's intersection with the rectangle, cut and joined along the boundary
    /// (<see cref="RectanglePolygonClipper"/>); a polygon that shows itself invalid there goes through OverlayNG
    /// (<see cref="FastOverlay"/>) in 2D, repaired first (NTS GeometryFixer) when overlay cannot node it, where
    /// GEOS would trace its self-crossing rings.</summary>
    private void ClipPolygon(Polygon polygon, List<Polygon> polygons)
    {
        if (polygon.IsEmpty || new RectanglePolygonClipper(_xmin, _ymin, _xmax, _ymax).TryClip(polygon, polygons)) return;
        Polygon flat = Flat(polygon);
        NtsGeometry overlay;
        try
        {
            overlay = FastOverlay.Overlay(flat, _rectangle, SpatialFunction.Intersection);
        }
        catch (TopologyException)
        {
            overlay = FastOverlay.Overlay(GeometryFixer.Fix(flat), _rectangle, SpatialFunction.Intersection);
        }
        for (int i = 0; i < overlay.NumGeometries; i++)
            if (overlay.GetGeometryN(i) is Polygon { IsEmpty: false } piece) polygons.Add(piece);
    }

    private static Polygon Flat(Polygon polygon)
    {
        GeometryFactory factory = NtsConverter.Factory;
        LinearRing shell = factory.CreateLinearRing(Flat(polygon.Shell.CoordinateSequence));
        var holes = new LinearRing[polygon.NumInteriorRings];
        for (int i = 0; i < holes.Length; i++) holes[i] = factory.CreateLinearRing(Flat(polygon.Holes[i].CoordinateSequence));
        return factory.CreatePolygon(shell, holes);
    }

    private static Coordinate[] Flat(CoordinateSequence sequence)
    {
        var coordinates = new Coordinate[sequence.Count];
        for (int i = 0; i < coordinates.Length; i++) coordinates[i] = new Coordinate(sequence.GetX(i), sequence.GetY(i));
        return coordinates;
    }
}
