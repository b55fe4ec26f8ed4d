using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace Sharply.Core.Nts;

/// <summary>
/// GEOS's polygon clipping by a rectangle (RectangleIntersection) in one pass: each ring is cut where it crosses
/// the rectangle's boundary into pieces running inside (the polygon on their left: shells counter-clockwise,
/// holes clockwise), and the pieces are joined into shells by walking the boundary counter-clockwise from each
/// exit to the next entry, through the corners passed. Rings that stay inside the closed rectangle are kept
/// whole; a ring that never enters it either contains the rectangle or is dropped. Cut points are computed as
/// GEOS computes them (from the outside end), so results match GEOS vertex for vertex.
/// </summary>
/// <remarks>
/// The walk assumes a valid polygon. Where its own invariants show otherwise (a ring of no area, entries and
/// exits not alternating along the boundary, a joined shell that is not counter-clockwise, a kept hole in no
/// shell, a clipped area larger than the polygon's) it gives up and the caller clips another way. One instance per call: it keeps scratch lists.
/// </remarks>
internal sealed class RectanglePolygonClipper(double xmin, double ymin, double xmax, double ymax)
{
    private const int Inside = 0, Left = 1, Right = 2, Bottom = 4, Top = 8, Outside = 16, Edges = 15;

    /// <summary>A run of a ring inside the rectangle: <see cref="Count"/> points of the scratch list from
    /// <see cref="First"/>, from one boundary point to another.</summary>
    private readonly record struct Piece(int First, int Count);

    /// <summary>A piece's end (or start) on the boundary, ordered counter-clockwise from (xmin, ymin): side 0
    /// bottom, 1 right, 2 top, 3 left, and a key growing along the side; ends sort before starts at one point.</summary>
    private readonly record struct BoundaryPoint(int Side, double Key, bool IsStart, int Piece) : IComparable<BoundaryPoint>
    {
        public int CompareTo(BoundaryPoint other)
        {
            int bySide = Side.CompareTo(other.Side);
            if (bySide != 0) return bySide;
            int byKey = Key.CompareTo(other.Key);
            return byKey != 0 ? byKey : IsStart.CompareTo(other.IsStart);
        }
    }

    private enum RingPlace { Inside, Outside, Crossing }

    private readonly List<Coordinate> _points = [];
    private readonly List<Piece> _pieces = [];

    /// <summary>
    /// Adds the polygons of <paramref name="polygon"/>'s intersection with the rectangle to
    /// <paramref name="output"/>; false (and nothing added) when the polygon shows itself invalid.
    /// </summary>
    public bool TryClip(Polygon polygon, List<Polygon> output)
    {
        CoordinateSequence shell = polygon.Shell.CoordinateSequence;
        double shellArea = SignedArea(shell), area = Math.Abs(shellArea);
        if (shellArea == 0) return false;
        RingPlace shellPlace = ClipRing(shell, reverse: shellArea < 0);
        if (shellPlace == RingPlace.Inside)
        {
            output.Add(polygon);
            return true;
        }
        if (shellPlace == RingPlace.Outside && !ContainsCenter(shell)) return true;
        var keptHoles = new List<LinearRing>();
        foreach (LinearRing hole in polygon.Holes)
        {
            CoordinateSequence ring = hole.CoordinateSequence;
            double holeArea = SignedArea(ring);
            area -= Math.Abs(holeArea);
            RingPlace place = ClipRing(ring, reverse: holeArea > 0);
            if (place == RingPlace.Inside) keptHoles.Add(Flat(ring));
            else if (place == RingPlace.Outside && ContainsCenter(ring)) return true;
        }
        GeometryFactory factory = NtsConverter.Factory;
        var shells = new List<LinearRing>();
        if (_pieces.Count == 0) shells.Add(RectangleRing());
        else if (!Reconnect(shells)) return false;
        double clippedArea = 0;
        foreach (LinearRing hole in keptHoles) clippedArea -= Math.Abs(SignedArea(hole.CoordinateSequence));
        foreach (LinearRing ring in shells) clippedArea += SignedArea(ring.CoordinateSequence);
        if (clippedArea > area * (1 + 1e-9)) return false;
        var holesOf = new List<LinearRing>[shells.Count];
        foreach (LinearRing hole in keptHoles)
        {
            int owner = Owner(hole, shells);
            if (owner < 0) return false;
            (holesOf[owner] ??= []).Add(hole);
        }
        for (int i = 0; i < shells.Count; i++)
            output.Add(factory.CreatePolygon(shells[i], holesOf[i] is { } holes ? [.. holes] : null));
        return true;
    }

    private int Position(double x, double y)
    {
        if (x < xmin || x > xmax || y < ymin || y > ymax) return Outside;
        int position = Inside;
        if (x == xmin) position |= Left;
        else if (x == xmax) position |= Right;
        if (y == ymin) position |= Bottom;
        else if (y == ymax) position |= Top;
        return position;
    }

    private static bool OnEdge(int position) => position != Inside && position != Outside;

    private static bool SameEdge(int a, int b) => (a & b & Edges) != 0;

    /// <summary>Moves the outside point (x1, y1) along the segment towards (x2, y2) onto the rectangle's
    /// boundary, cutting x first and then y, with GEOS's arithmetic.</summary>
    private void ClipToEdges(ref double x1, ref double y1, double x2, double y2)
    {
        if (x1 < xmin) ClipOneEdge(ref x1, ref y1, x2, y2, xmin);
        else if (x1 > xmax) ClipOneEdge(ref x1, ref y1, x2, y2, xmax);
        if (y1 < ymin) ClipOneEdge(ref y1, ref x1, y2, x2, ymin);
        else if (y1 > ymax) ClipOneEdge(ref y1, ref x1, y2, x2, ymax);
    }

    private static void ClipOneEdge(ref double x1, ref double y1, double x2, double y2, double limit)
    {
        if (x2 == limit)
        {
            y1 = y2;
            x1 = x2;
        }
        if (x1 != x2)
        {
            y1 += (y2 - y1) * (limit - x1) / (x2 - x1);
            x1 = limit;
        }
    }

    /// <summary>
    /// Cuts one ring into pieces (appended to the scratch lists), walking it backwards when
    /// <paramref name="reverse"/> so that the polygon lies on the pieces' left. A ring inside the closed
    /// rectangle, touching the boundary at most at vertices, adds no piece and is <see cref="RingPlace.Inside"/>.
    /// </summary>
    private RingPlace ClipRing(CoordinateSequence ring, bool reverse)
    {
        int n = ring.Count, firstPiece = _pieces.Count, pieceStart = -1;
        bool open = false, broken = false, joinsStart = false, first = true;
        for (int i = 0; i + 1 < n; i++)
        {
            int ia = reverse ? n - 1 - i : i, ib = reverse ? n - 2 - i : i + 1;
            double ax = ring.GetX(ia), ay = ring.GetY(ia), bx = ring.GetX(ib), by = ring.GetY(ib);
            if (ax == bx && ay == by) continue;
            bool isFirstSegment = first;
            first = false;
            int pa = Position(ax, ay), pb = Position(bx, by);
            double sx = ax, sy = ay, ex = bx, ey = by;
            bool hasPart;
            if (pa != Outside && pb != Outside)
            {
                hasPart = !SameEdge(pa, pb);
            }
            else if (pa != Outside)
            {
                ClipToEdges(ref ex, ref ey, ax, ay);
                (ex, ey) = (Math.Clamp(ex, xmin, xmax), Math.Clamp(ey, ymin, ymax));
                hasPart = (ex != ax || ey != ay) && !SameEdge(pa, Position(ex, ey));
            }
            else if (pb != Outside)
            {
                ClipToEdges(ref sx, ref sy, bx, by);
                (sx, sy) = (Math.Clamp(sx, xmin, xmax), Math.Clamp(sy, ymin, ymax));
                hasPart = (sx != bx || sy != by) && !SameEdge(Position(sx, sy), pb);
            }
            else if (Math.Max(ax, bx) < xmin || Math.Min(ax, bx) > xmax || Math.Max(ay, by) < ymin || Math.Min(ay, by) > ymax)
            {
                hasPart = false;
            }
            else
            {
                ClipToEdges(ref sx, ref sy, bx, by);
                ClipToEdges(ref ex, ref ey, ax, ay);
                int ps = Position(sx, sy), pe = Position(ex, ey);
                hasPart = (sx != ex || sy != ey) && OnEdge(ps) && OnEdge(pe) && !SameEdge(ps, pe);
            }
            if (!hasPart)
            {
                broken = true;
                if (open) ClosePiece(pieceStart);
                open = false;
                continue;
            }
            bool startsAtVertex = sx == ax && sy == ay && pa != Outside;
            if (!(open && startsAtVertex))
            {
                if (open) ClosePiece(pieceStart);
                if (!startsAtVertex) broken = true;
                else if (isFirstSegment) joinsStart = true;
                pieceStart = _points.Count;
                _points.Add(new Coordinate(sx, sy));
            }
            _points.Add(new Coordinate(ex, ey));
            open = pb != Outside && ex == bx && ey == by;
            if (!open) ClosePiece(pieceStart);
        }
        if (!broken && open)
        {
            _points.RemoveRange(pieceStart, _points.Count - pieceStart);
            return RingPlace.Inside;
        }
        if (open && joinsStart && _pieces.Count > firstPiece)
        {
            Piece head = _pieces[firstPiece];
            for (int k = 1; k < head.Count; k++) _points.Add(_points[head.First + k]);
            _pieces.RemoveAt(firstPiece);
            ClosePiece(pieceStart);
        }
        else if (open)
        {
            ClosePiece(pieceStart);
        }
        return _pieces.Count > firstPiece ? RingPlace.Crossing : RingPlace.Outside;
    }

    private void ClosePiece(int start) => _pieces.Add(new Piece(start, _points.Count - start));

    /// <summary>
    /// Joins the pieces into counter-clockwise shells: after each piece's exit comes, along the boundary, the
    /// next entry; false when exits and entries do not alternate or a shell is not counter-clockwise.
    /// </summary>
    private bool Reconnect(List<LinearRing> shells)
    {
        var ends = new BoundaryPoint[2 * _pieces.Count];
        for (int i = 0; i < _pieces.Count; i++)
        {
            Piece piece = _pieces[i];
            ends[2 * i] = Boundary(_points[piece.First], isStart: true, i);
            ends[2 * i + 1] = Boundary(_points[piece.First + piece.Count - 1], isStart: false, i);
        }
        Array.Sort(ends);
        int shift = ends[0].IsStart ? 1 : 0;
        var nextOf = new int[_pieces.Count];
        var sideOfEntry = new int[_pieces.Count];
        for (int k = 0; k < ends.Length; k += 2)
        {
            BoundaryPoint exit = ends[(k + shift) % ends.Length], entry = ends[(k + shift + 1) % ends.Length];
            if (exit.IsStart || !entry.IsStart) return false;
            nextOf[exit.Piece] = entry.Piece;
            sideOfEntry[entry.Piece] = entry.Side;
        }
        var used = new bool[_pieces.Count];
        var ring = new List<Coordinate>();
        for (int i = 0; i < _pieces.Count; i++)
        {
            if (used[i]) continue;
            ring.Clear();
            int current = i;
            do
            {
                used[current] = true;
                Piece piece = _pieces[current];
                for (int k = 0; k < piece.Count; k++) Append(ring, _points[piece.First + k]);
                int next = nextOf[current];
                AppendCorners(ring, Boundary(_points[piece.First + piece.Count - 1], false, current),
                    Boundary(_points[_pieces[next].First], true, next));
                current = next;
            }
            while (!used[current]);
            if (current != i) return false;
            Append(ring, ring[0]);
            LinearRing shell = NtsConverter.Factory.CreateLinearRing([.. ring]);
            if (ring.Count < 4 || SignedArea(shell.CoordinateSequence) <= 0) return false;
            shells.Add(shell);
        }
        return true;
    }

    private BoundaryPoint Boundary(Coordinate point, bool isStart, int piece)
    {
        double x = point.X, y = point.Y;
        if (y == ymin && x < xmax) return new BoundaryPoint(0, x, isStart, piece);
        if (x == xmax && y < ymax) return new BoundaryPoint(1, y, isStart, piece);
        if (y == ymax && x > xmin) return new BoundaryPoint(2, -x, isStart, piece);
        return new BoundaryPoint(3, -y, isStart, piece);
    }

    /// <summary>The rectangle's corners passed walking counter-clockwise from <paramref name="from"/> to
    /// <paramref name="to"/> (all four when <paramref name="to"/> lies behind on the same side).</summary>
    private void AppendCorners(List<Coordinate> ring, BoundaryPoint from, BoundaryPoint to)
    {
        int steps = (to.Side - from.Side + 4) % 4;
        if (steps == 0 && to.Key < from.Key) steps = 4;
        for (int s = 1; s <= steps; s++)
        {
            Append(ring, ((from.Side + s) % 4) switch
            {
                0 => new Coordinate(xmin, ymin),
                1 => new Coordinate(xmax, ymin),
                2 => new Coordinate(xmax, ymax),
                _ => new Coordinate(xmin, ymax),
            });
        }
    }

    private static void Append(List<Coordinate> ring, Coordinate point)
    {
        if (ring.Count == 0 || !ring[^1].Equals2D(point)) ring.Add(point);
    }

    /// <summary>The ring's area, positive when counter-clockwise (shoelace about its first vertex).</summary>
    private static double SignedArea(CoordinateSequence ring)
    {
        if (ring.Count < 4) return 0;
        double x0 = ring.GetX(0), y0 = ring.GetY(0), sum = 0;
        for (int i = 2; i < ring.Count; i++)
            sum += (ring.GetX(i - 1) - x0) * (ring.GetY(i) - y0) - (ring.GetX(i) - x0) * (ring.GetY(i - 1) - y0);
        return sum / 2;
    }

    private bool ContainsCenter(CoordinateSequence ring) =>
        RayCrossingCounter.LocatePointInRing(new Coordinate(xmin + (xmax - xmin) / 2, ymin + (ymax - ymin) / 2), ring) == Location.Interior;

    private LinearRing RectangleRing() => NtsConverter.Factory.CreateLinearRing(
        [new Coordinate(xmin, ymin), new Coordinate(xmax, ymin), new Coordinate(xmax, ymax), new Coordinate(xmin, ymax), new Coordinate(xmin, ymin)]);

    /// <summary>The shell whose interior holds the hole (judged at its first vertex off the shell), or -1.</summary>
    private static int Owner(LinearRing hole, List<LinearRing> shells)
    {
        CoordinateSequence points = hole.CoordinateSequence;
        for (int s = 0; s < shells.Count; s++)
        {
            if (!shells[s].EnvelopeInternal.Contains(hole.EnvelopeInternal)) continue;
            for (int k = 0; k < points.Count; k++)
            {
                Location location = RayCrossingCounter.LocatePointInRing(points.GetCoordinate(k), shells[s].CoordinateSequence);
                if (location == Location.Interior) return s;
                if (location == Location.Exterior) break;
            }
        }
        return -1;
    }

    private static LinearRing Flat(CoordinateSequence ring)
    {
        var coordinates = new Coordinate[ring.Count];
        for (int i = 0; i < coordinates.Length; i++) coordinates[i] = new Coordinate(ring.GetX(i), ring.GetY(i));
        return NtsConverter.Factory.CreateLinearRing(coordinates);
    }
}
