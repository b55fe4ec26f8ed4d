using NetTopologySuite.Geometries;
using NtsGeometry = NetTopologySuite.Geometries.Geometry;

namespace Sharply.Core.Nts;

/// <summary>
/// GEOS 3.11's directed line merge (<c>LineMerger(directed=true)</c>), which NetTopologySuite lacks: the
/// lines of a geometry are joined end to start through nodes where exactly two lines meet, never reversing
/// a line. Strings start at nodes where other than two lines meet, then (for chains whose lines all start at
/// a two-line node, and for loops) at the remaining nodes, nodes taken in coordinate order as GEOS does.
/// </summary>
internal static class DirectedLineMerger
{
    /// <summary>The merged lines of <paramref name="geometry"/>'s lines (not polygon rings, as in GEOS):
    /// GEOMETRYCOLLECTION EMPTY when there is none, a LineString for one, else a MultiLineString.</summary>
    public static NtsGeometry Merge(NtsGeometry geometry)
    {
        var nodes = new SortedDictionary<Coordinate, List<(int Line, bool Forward)>>();
        var edges = new List<LineString>();
        foreach (LineString line in Lines(geometry))
        {
            if (line.IsEmpty || CoordinateArrays.RemoveRepeatedPoints(line.Coordinates).Length <= 1) continue;
            int edge = edges.Count;
            edges.Add(line);
            Star(nodes, line.Coordinates[0]).Add((edge, true));
            Star(nodes, line.Coordinates[^1]).Add((edge, false));
        }
        var marked = new bool[edges.Count];
        var merged = new List<NtsGeometry>();
        foreach (var (_, star) in nodes)
            if (star.Count != 2) StartAt(star, edges, nodes, marked, merged);
        foreach (var (_, star) in nodes)
            if (star.Count == 2) StartAt(star, edges, nodes, marked, merged);
        return NtsConverter.Factory.BuildGeometry(merged);
    }

    /// <summary>The LineStrings of a geometry, in order, from inside Multi* and collections; polygon rings are
    /// not lines to GEOS's line merge.</summary>
    public static List<LineString> Lines(NtsGeometry geometry)
    {
        var lines = new List<LineString>();
        Collect(geometry, lines);
        return lines;
    }

    private static void Collect(NtsGeometry geometry, List<LineString> lines)
    {
        if (geometry is LineString line) lines.Add(line);
        else if (geometry is GeometryCollection collection)
            for (int i = 0; i < collection.NumGeometries; i++) Collect(collection.GetGeometryN(i), lines);
    }

    private static List<(int Line, bool Forward)> Star(SortedDictionary<Coordinate, List<(int, bool)>> nodes, Coordinate at)
    {
        var key = new Coordinate(at.X, at.Y);
        if (!nodes.TryGetValue(key, out List<(int, bool)>? star)) nodes.Add(key, star = []);
        return star;
    }

    /// <summary>Builds a string from each unmarked line leaving the node forwards.</summary>
    private static void StartAt(List<(int Line, bool Forward)> star, List<LineString> edges,
        SortedDictionary<Coordinate, List<(int Line, bool Forward)>> nodes, bool[] marked, List<NtsGeometry> merged)
    {
        foreach ((int first, bool forward) in star)
        {
            if (!forward || marked[first]) continue;
            var coordinates = new CoordinateList();
            int line = first;
            do
            {
                coordinates.Add(edges[line].Coordinates, false);
                marked[line] = true;
                line = Next(line, edges, nodes);
            }
            while (line >= 0 && line != first);
            merged.Add(NtsConverter.Factory.CreateLineString(coordinates.ToCoordinateArray()));
        }
    }

    /// <summary>The line continuing <paramref name="line"/> forwards through a node of two lines, or -1.</summary>
    private static int Next(int line, List<LineString> edges, SortedDictionary<Coordinate, List<(int Line, bool Forward)>> nodes)
    {
        Coordinate end = edges[line].Coordinates[^1];
        List<(int Line, bool Forward)> star = nodes[new Coordinate(end.X, end.Y)];
        if (star.Count != 2) return -1;
        // The other out-edge: not this line's own end (its reverse edge at this node).
        (int Line, bool Forward) other = star[0] == (line, false) ? star[1] : star[0];
        return other.Forward ? other.Line : -1;
    }
}
