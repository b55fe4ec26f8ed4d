using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;
using NetTopologySuite.GeometriesGraph;
using NetTopologySuite.Noding;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;
using NtsPosition = NetTopologySuite.Geometries.Position;

namespace Sharply.Core.Nts;

/// <summary>
/// The topology stage of a buffer, over arrays: from the noded offset curves (each labelled with the
/// locations on its sides, as NTS's buffer curve builder makes them) to the polygons made of the faces of
/// positive depth. Coincident edges are merged by summing their depth deltas (as NTS's BufferBuilder does);
/// half-edges are sorted around each node by NTS's robust direction order; each connected component gets its
/// outside depth from the winding number of the other components' curves at its rightmost vertex (one
/// pass over all segments, not NTS's scan of every processed subgraph per subgraph), and its depths are
/// propagated face by face around the nodes. The boundary between depth &gt;= 1 and depth &lt;= 0 is walked
/// into minimal rings: clockwise shells and counter-clockwise holes, each hole going to the smallest shell
/// that contains it.
/// </summary>
/// <remarks>Any inconsistency (a depth that disagrees with itself, a vertex of one component on a segment of
/// another, a hole in no shell) throws <see cref="TopologyException"/>, so that the caller can fall back to
/// NTS's own buffer.</remarks>
internal sealed class BufferGraph
{
    private const int Unknown = int.MinValue;

    private readonly List<Coordinate[]> _edges = [];
    private readonly List<int> _deltas = [];
    private int[] _origin = [];
    private int[] _nextCcw = [];
    private int[] _starStart = [];
    private int[] _star = [];
    private int _nodeCount;
    private int[] _component = [];
    private int[] _rightDepth = [];

    /// <summary>The polygons of positive depth of the noded, labelled curves <paramref name="noded"/>, built
    /// with <paramref name="factory"/>; an empty polygon when there is none.</summary>
    /// <exception cref="TopologyException">The noded curves do not form a consistent arrangement.</exception>
    public static NtsGeometry Build(IList<ISegmentString> noded, GeometryFactory factory)
    {
        var graph = new BufferGraph();
        graph.AddEdges(noded);
        graph.BuildStars();
        int components = graph.FindComponents(out int[] rightmostEdge, out int[] rightmostIndex);
        int[] outside = graph.OutsideDepths(components, rightmostEdge, rightmostIndex);
        graph.PropagateDepths(components, rightmostEdge, rightmostIndex, outside);
        return graph.BuildPolygons(factory);
    }

    /// <summary>The change of depth from the right of a curve to its left.</summary>
    private static int DepthDelta(Label label)
    {
        Location left = label.GetLocation(0, NtsPosition.Left), right = label.GetLocation(0, NtsPosition.Right);
        if (left == Location.Interior && right == Location.Exterior) return 1;
        if (left == Location.Exterior && right == Location.Interior) return -1;
        return 0;
    }

    private void AddEdges(IList<ISegmentString> noded)
    {
        var unique = new Dictionary<Coordinate[], int>(noded.Count, SameEdge.Instance);
        foreach (ISegmentString segmentString in noded)
        {
            Coordinate[] points = segmentString.Coordinates;
            if (points.Length < 2) throw new TopologyException("a noded curve has fewer than two points");
            if (points.Length == 2 && points[0].Equals2D(points[1])) continue;
            int delta = DepthDelta(segmentString.Context as Label ?? throw new TopologyException("a curve has no label"));
            if (unique.TryGetValue(points, out int edge))
            {
                _deltas[edge] += SameEdge.Forward(_edges[edge], points) ? delta : -delta;
            }
            else
            {
                unique.Add(points, _edges.Count);
                _edges.Add(points);
                _deltas.Add(delta);
            }
        }
    }

    /// <summary>Numbers the nodes and sorts the half-edges leaving each node counter-clockwise from east.
    /// Half-edge 2e runs along edge e, 2e + 1 against it.</summary>
    private void BuildStars()
    {
        int halfEdges = 2 * _edges.Count;
        _origin = new int[halfEdges];
        var nodeIds = new Dictionary<(double, double), int>(_edges.Count);
        for (int e = 0; e < _edges.Count; e++)
        {
            Coordinate[] points = _edges[e];
            _origin[2 * e] = NodeId(nodeIds, points[0]);
            _origin[2 * e + 1] = NodeId(nodeIds, points[^1]);
        }
        _starStart = new int[_nodeCount + 1];
        foreach (int node in _origin) _starStart[node + 1]++;
        for (int n = 0; n < _nodeCount; n++) _starStart[n + 1] += _starStart[n];
        _star = new int[halfEdges];
        var fill = new int[_nodeCount];
        for (int h = 0; h < halfEdges; h++)
        {
            int node = _origin[h];
            _star[_starStart[node] + fill[node]++] = h;
        }
        _nextCcw = new int[halfEdges];
        var order = new DirectionOrder(this);
        for (int n = 0; n < _nodeCount; n++)
        {
            int start = _starStart[n], end = _starStart[n + 1];
            Span<int> star = _star.AsSpan(start, end - start);
            if (star.Length > 1) star.Sort(order);
            for (int i = 0; i < star.Length; i++) _nextCcw[star[i]] = star[i + 1 < star.Length ? i + 1 : 0];
        }
    }

    private int NodeId(Dictionary<(double, double), int> nodeIds, Coordinate point)
    {
        // Adding +0.0 turns -0.0 into 0.0, which Equals2D treats as the same coordinate.
        (double, double) key = (point.X + 0.0, point.Y + 0.0);
        if (!nodeIds.TryGetValue(key, out int id))
        {
            id = _nodeCount++;
            nodeIds.Add(key, id);
        }
        return id;
    }

    private Coordinate Start(int halfEdge)
    {
        Coordinate[] points = _edges[halfEdge >> 1];
        return (halfEdge & 1) == 0 ? points[0] : points[^1];
    }

    private Coordinate Second(int halfEdge)
    {
        Coordinate[] points = _edges[halfEdge >> 1];
        return (halfEdge & 1) == 0 ? points[1] : points[^2];
    }

    private int Delta(int edge) => _deltas[edge];

    private int RightDepth(int halfEdge) =>
        (halfEdge & 1) == 0 ? _rightDepth[halfEdge >> 1] : _rightDepth[halfEdge >> 1] + Delta(halfEdge >> 1);

    private int LeftDepth(int halfEdge) =>
        (halfEdge & 1) == 0 ? _rightDepth[halfEdge >> 1] + Delta(halfEdge >> 1) : _rightDepth[halfEdge >> 1];

    /// <summary>Labels every edge with its connected component and finds each component's rightmost vertex
    /// (edge and index in that edge).</summary>
    private int FindComponents(out int[] rightmostEdge, out int[] rightmostIndex)
    {
        _component = new int[_edges.Count];
        Array.Fill(_component, -1);
        var nodeSeen = new bool[_nodeCount];
        var stack = new Stack<int>();
        int components = 0;
        for (int first = 0; first < _nodeCount; first++)
        {
            if (nodeSeen[first]) continue;
            nodeSeen[first] = true;
            stack.Push(first);
            while (stack.Count > 0)
            {
                int node = stack.Pop();
                for (int i = _starStart[node]; i < _starStart[node + 1]; i++)
                {
                    int halfEdge = _star[i];
                    _component[halfEdge >> 1] = components;
                    int other = _origin[halfEdge ^ 1];
                    if (nodeSeen[other]) continue;
                    nodeSeen[other] = true;
                    stack.Push(other);
                }
            }
            components++;
        }
        rightmostEdge = new int[components];
        rightmostIndex = new int[components];
        var maxX = new double[components];
        Array.Fill(maxX, double.NegativeInfinity);
        for (int e = 0; e < _edges.Count; e++)
        {
            Coordinate[] points = _edges[e];
            int c = _component[e];
            for (int i = 0; i < points.Length; i++)
            {
                if (!(points[i].X > maxX[c])) continue;
                maxX[c] = points[i].X;
                rightmostEdge[c] = e;
                rightmostIndex[c] = i;
            }
        }
        foreach (double x in maxX)
            if (!double.IsFinite(x)) throw new TopologyException("a curve has a non-finite coordinate");
        return components;
    }

    /// <summary>The depth just east of each component's rightmost vertex: the winding number of the other
    /// components' curves there, counted on a ray to the east with half-open segments (one pass over all
    /// segments, each finding the vertices at its heights by binary search).</summary>
    private int[] OutsideDepths(int components, int[] rightmostEdge, int[] rightmostIndex)
    {
        var depth = new int[components];
        if (components == 1) return depth;
        var ys = new double[components];
        var byY = new int[components];
        for (int c = 0; c < components; c++)
        {
            ys[c] = _edges[rightmostEdge[c]][rightmostIndex[c]].Y;
            byY[c] = c;
        }
        Array.Sort(ys, byY);
        for (int e = 0; e < _edges.Count; e++)
        {
            Coordinate[] points = _edges[e];
            int delta = Delta(e), component = _component[e];
            if (delta == 0) continue;
            for (int i = 0; i + 1 < points.Length; i++)
            {
                Coordinate a = points[i], b = points[i + 1];
                if (a.Y == b.Y) continue;
                bool upward = a.Y < b.Y;
                Coordinate low = upward ? a : b, high = upward ? b : a;
                int k = LowerBound(ys, low.Y);
                for (; k < components && ys[k] < high.Y; k++)
                {
                    int c = byY[k];
                    if (c == component) continue;
                    Coordinate q = _edges[rightmostEdge[c]][rightmostIndex[c]];
                    if (q.X > a.X && q.X > b.X) continue;
                    if (q.X >= a.X || q.X >= b.X)
                    {
                        OrientationIndex side = Orientation.Index(low, high, q);
                        if (side == OrientationIndex.Collinear) throw new TopologyException("a vertex lies on an unnoded segment", q);
                        if (side == OrientationIndex.Clockwise) continue;
                    }
                    depth[c] += upward ? delta : -delta;
                }
            }
        }
        return depth;
    }

    private static int LowerBound(double[] sorted, double value)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    /// <summary>Sets each component's depths from its outside depth: the face east of its rightmost vertex
    /// gives one edge side, and the depth of the face between two half-edges that follow each other around a
    /// node is passed from the left of the first to the right of the second.</summary>
    private void PropagateDepths(int components, int[] rightmostEdge, int[] rightmostIndex, int[] outside)
    {
        _rightDepth = new int[_edges.Count];
        Array.Fill(_rightDepth, Unknown);
        var stack = new Stack<int>();
        for (int c = 0; c < components; c++)
        {
            int edge = rightmostEdge[c], index = rightmostIndex[c];
            Coordinate[] points = _edges[edge];
            if (index == 0 || index == points.Length - 1)
            {
                // At a node, east lies between the last half-edge and the first, on the right of the first.
                int node = _origin[index == 0 ? 2 * edge : 2 * edge + 1];
                SetRightDepth(_star[_starStart[node]], outside[c], stack);
            }
            else
            {
                bool eastOnRight = EastOnRight(points[index - 1], points[index], points[index + 1]);
                _rightDepth[edge] = eastOnRight ? outside[c] : outside[c] - Delta(edge);
                stack.Push(edge);
            }
            while (stack.Count > 0)
            {
                int e = stack.Pop();
                int right = _rightDepth[e], left = right + Delta(e);
                SetRightDepth(_nextCcw[2 * e], left, stack);
                SetRightDepth(_nextCcw[2 * e + 1], right, stack);
            }
        }
        if (Array.IndexOf(_rightDepth, Unknown) >= 0) throw new TopologyException("an edge was left without depth");
    }

    /// <summary>Whether east of <paramref name="p"/>, a rightmost vertex, lies on the right of the path
    /// <paramref name="a"/>, <paramref name="p"/>, <paramref name="b"/>.</summary>
    private static bool EastOnRight(Coordinate a, Coordinate p, Coordinate b)
    {
        OrientationIndex turn = Orientation.Index(a, p, b);
        if (turn != OrientationIndex.Collinear) return turn == OrientationIndex.CounterClockwise;
        if (a.X != p.X || b.X != p.X || (a.Y < p.Y) != (p.Y < b.Y))
            throw new TopologyException("a curve turns back on itself at its rightmost vertex", p);
        return a.Y < b.Y;
    }

    private void SetRightDepth(int halfEdge, int depth, Stack<int> stack)
    {
        int edge = halfEdge >> 1;
        int right = (halfEdge & 1) == 0 ? depth : depth - Delta(edge);
        if (_rightDepth[edge] == Unknown)
        {
            _rightDepth[edge] = right;
            stack.Push(edge);
        }
        else if (_rightDepth[edge] != right)
        {
            throw new TopologyException("inconsistent depths", Start(halfEdge));
        }
    }

    private bool InResult(int halfEdge) => RightDepth(halfEdge) >= 1 && LeftDepth(halfEdge) <= 0;

    /// <summary>The result half-edge after <paramref name="halfEdge"/> on its minimal ring: the first result
    /// half-edge counter-clockwise from its reverse, which closes the interior face on its right.</summary>
    private int NextInRing(int halfEdge)
    {
        int reverse = halfEdge ^ 1, next = reverse;
        do
        {
            next = _nextCcw[next];
            if (next == reverse) throw new TopologyException("a result edge has no successor", Start(reverse));
        }
        while (!InResult(next));
        return next;
    }

    private NtsGeometry BuildPolygons(GeometryFactory factory)
    {
        int halfEdges = 2 * _edges.Count;
        var used = new bool[halfEdges];
        var shells = new List<LinearRing>();
        var holes = new List<LinearRing>();
        var ring = new List<Coordinate>();
        for (int first = 0; first < halfEdges; first++)
        {
            if (used[first] || !InResult(first)) continue;
            ring.Clear();
            int halfEdge = first;
            do
            {
                if (used[halfEdge]) throw new TopologyException("two rings share an edge", Start(halfEdge));
                used[halfEdge] = true;
                Coordinate[] points = _edges[halfEdge >> 1];
                if ((halfEdge & 1) == 0)
                    for (int i = 0; i < points.Length - 1; i++) ring.Add(points[i]);
                else
                    for (int i = points.Length - 1; i > 0; i--) ring.Add(points[i]);
                halfEdge = NextInRing(halfEdge);
            }
            while (halfEdge != first);
            ring.Add(ring[0]);
            if (ring.Count < 4) throw new TopologyException("a result ring has fewer than four points", ring[0]);
            Coordinate[] coordinates = ring.ToArray();
            (Orientation.IsCCW(coordinates) ? holes : shells).Add(factory.CreateLinearRing(coordinates));
        }
        if (shells.Count == 0)
        {
            if (holes.Count > 0) throw new TopologyException("holes without shell", holes[0].Coordinate);
            return factory.CreatePolygon();
        }
        var shellHoles = new List<LinearRing>?[shells.Count];
        foreach (LinearRing hole in holes)
        {
            int shell = ContainingShell(shells, hole);
            (shellHoles[shell] ??= []).Add(hole);
        }
        var polygons = new Polygon[shells.Count];
        for (int s = 0; s < shells.Count; s++)
            polygons[s] = factory.CreatePolygon(shells[s], shellHoles[s]?.ToArray());
        return polygons.Length == 1 ? polygons[0] : factory.CreateMultiPolygon(polygons);
    }

    /// <summary>The index of the smallest shell that contains <paramref name="hole"/>.</summary>
    private static int ContainingShell(List<LinearRing> shells, LinearRing hole)
    {
        Envelope holeEnvelope = hole.EnvelopeInternal;
        Coordinate[] holePoints = hole.Coordinates;
        int best = -1;
        double bestArea = double.PositiveInfinity;
        for (int s = 0; s < shells.Count; s++)
        {
            LinearRing shell = shells[s];
            Envelope envelope = shell.EnvelopeInternal;
            if (!envelope.Contains(holeEnvelope)) continue;
            Coordinate[] shellPoints = shell.Coordinates;
            Location location = Location.Boundary;
            for (int i = 0; i < holePoints.Length && location == Location.Boundary; i++)
                location = PointLocation.LocateInRing(holePoints[i], shellPoints);
            if (location != Location.Interior) continue;
            double area = Area.OfRing(shellPoints);
            if (area >= bestArea) continue;
            best = s;
            bestArea = area;
        }
        return best >= 0 ? best : throw new TopologyException("a hole lies in no shell", holePoints[0]);
    }

    /// <summary>Orders half-edges leaving one node by direction, counter-clockwise from east, exactly as
    /// NTS's EdgeEnd does (quadrant, then robust orientation).</summary>
    private readonly struct DirectionOrder(BufferGraph graph) : IComparer<int>
    {
        public int Compare(int x, int y)
        {
            int qx = Quadrant(graph.Start(x), graph.Second(x)), qy = Quadrant(graph.Start(y), graph.Second(y));
            if (qx != qy) return qx.CompareTo(qy);
            return (int)Orientation.Index(graph.Start(y), graph.Second(y), graph.Second(x));
        }

        private static int Quadrant(Coordinate from, Coordinate to)
        {
            double dx = to.X - from.X, dy = to.Y - from.Y;
            if (dx == 0 && dy == 0) throw new TopologyException("a half-edge has no direction", from);
            return dx >= 0 ? (dy >= 0 ? 0 : 3) : (dy >= 0 ? 1 : 2);
        }
    }

    /// <summary>Coordinate sequences that are equal in 2D forwards or backwards (NTS's OrientedCoordinateArray
    /// equality).</summary>
    private sealed class SameEdge : IEqualityComparer<Coordinate[]>
    {
        public static readonly SameEdge Instance = new();

        public static bool Forward(Coordinate[] a, Coordinate[] b)
        {
            for (int i = 0; i < a.Length; i++)
                if (a[i].X != b[i].X || a[i].Y != b[i].Y) return false;
            return true;
        }

        private static bool Backward(Coordinate[] a, Coordinate[] b)
        {
            for (int i = 0, j = b.Length - 1; i < a.Length; i++, j--)
                if (a[i].X != b[j].X || a[i].Y != b[j].Y) return false;
            return true;
        }

        public bool Equals(Coordinate[]? a, Coordinate[]? b) =>
            a is not null && b is not null && a.Length == b.Length && (Forward(a, b) || Backward(a, b));

        public int GetHashCode(Coordinate[] points) =>
            (Hash(points[0]) ^ Hash(points[^1])) + 31 * (Hash(points[1]) ^ Hash(points[^2])) + points.Length;

        // Adding +0.0 turns -0.0 into 0.0 so that coordinates equal under == hash alike.
        private static int Hash(Coordinate c) => HashCode.Combine(c.X + 0.0, c.Y + 0.0);
    }
}
