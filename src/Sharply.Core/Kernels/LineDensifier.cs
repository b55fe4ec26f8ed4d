using Sharply.Core.Geometries;
using Sharply.Core.Parallel;

namespace Sharply.Core.Kernels;

/// <summary>
/// GEOS 3.11's Densifier over the coordinate memory, for arrays without polygons: every segment of a line
/// longer than the maximum length is split into ceil(length / max) equal pieces, points are copied. Only
/// the ring offsets and the coordinates change, so the result shares every other buffer of its input.
/// Two passes over chunks of rows in parallel: the vertex count of each line, then the vertices.
/// </summary>
internal static unsafe class LineDensifier
{
    /// <summary>True when no present row holds a polygon (GEOS makes densified polygons valid, which
    /// needs NetTopologySuite); decided from the types alone.</summary>
    public static bool Handles(GeometryArray array)
    {
        switch (array.Type)
        {
            case GeometryType.Point or GeometryType.MultiPoint or GeometryType.LineString or GeometryType.MultiLineString:
                return true;
            case GeometryType.Polygon or GeometryType.MultiPolygon:
                return false;
        }
        for (int row = 0; row < array.Length; row++)
        {
            if (array.IsNull(row)) continue;
            GeometryType type = array.TypeOf(row);
            if (type is GeometryType.Polygon or GeometryType.MultiPolygon) return false;
            if (type != GeometryType.GeometryCollection) continue;
            (int partStart, int partEnd) = array.PartsOf(row);
            for (int part = partStart; part < partEnd; part++)
                if (array.PartKindOf(part, type) == GeometryType.Polygon) return false;
        }
        return true;
    }

    /// <summary>The most vertices a result may hold: its coordinate buffer (x, y, z) must fit in one array.</summary>
    private const int MaxVertices = int.MaxValue / 3;

    /// <summary>The densified array (see the class summary); <paramref name="maxSegmentLength"/> is
    /// positive. A line whose vertices are all equal raises, as in GEOS.</summary>
    public static GeometryArray Densify(GeometryArray array, double maxSegmentLength)
    {
        if (array.Type is GeometryType.Point or GeometryType.MultiPoint) return array;
        int ringCount = array.RingCount;
        DataBuffer<int> ringOffsets = DataBuffer<int>.Allocate(ringCount + 1);
        // Rings before the first row's (the array is a slice of a larger one) keep no vertices.
        ringOffsets.Span.Clear();
        int grain = WorkGrain.Scan(array);
        var counts = new CountBody { Array = array, Max = maxSegmentLength, Counts = ringOffsets.Pointer };
        ParallelRange.For(array.Length, grain, ref counts);
        long total = 0;
        int* offsets = ringOffsets.Pointer;
        for (int ring = 0; ring < ringCount; ring++)
        {
            // Safe: offsets holds ringCount + 1 entries; entry ring + 1 held the count of ring until now.
            total += offsets[ring + 1];
            if (total > MaxVertices) throw new InvalidLayoutException("the densified array has too many vertices");
            offsets[ring + 1] = (int)total;
        }
        DataBuffer<double> coordinates = DataBuffer<double>.Allocate((int)total * array.Dimension);
        var fill = new FillBody { Array = array, Max = maxSegmentLength, Offsets = offsets, Output = coordinates.Pointer };
        ParallelRange.For(array.Length, grain, ref fill);
        return new GeometryArray(array.Length, array.Type, array.HasZ, coordinates, array.GeometryOffsets, array.PartOffsets,
            new Offsets(ringOffsets), array.RowTypes, array.PartKinds, array.Validity, array.Crs);
    }

    /// <summary>Where the vertices of one line go: counted, or written.</summary>
    private interface IVertexSink
    {
        void Add(double x, double y, double z);
    }

    private struct Counter : IVertexSink
    {
        public int Count;

        public void Add(double x, double y, double z) => Count++;
    }

    private struct Writer : IVertexSink
    {
        public double* Output;
        public bool HasZ;

        public void Add(double x, double y, double z)
        {
            // Safe: the count pass sized the output for exactly the vertices this pass adds.
            Output[0] = x;
            Output[1] = y;
            if (HasZ) Output[2] = z;
            Output += HasZ ? 3 : 2;
        }
    }

    /// <summary>GEOS's densified coordinate list: a vertex equal in x and y to the last one added is dropped
    /// (repeated input vertices too; NaN never equals).</summary>
    private struct Emitter<TSink>(TSink sink) where TSink : struct, IVertexSink
    {
        public TSink Sink = sink;
        public int Count;
        private double _lastX, _lastY;

        public void Add(double x, double y, double z)
        {
            if (Count > 0 && x == _lastX && y == _lastY) return;
            (_lastX, _lastY) = (x, y);
            Count++;
            Sink.Add(x, y, z);
        }
    }

    /// <summary>
    /// Densifies the line of <paramref name="vertices"/> vertices at <paramref name="c"/> as GEOS 3.11's
    /// <c>Densifier::densifyPoints</c>: per segment its start, then either its ceil(length / max) - 1 inner
    /// points at fractions (j * (length / pieces)) / length (z NaN, as GEOS's pointAlong) or its end; then the
    /// last vertex. Fewer than two vertices give none (GEOS empties such a line). Returns the vertex count.
    /// </summary>
    private static int DensifyLine<TSink>(double* c, int vertices, int dim, double max, ref TSink sink) where TSink : struct, IVertexSink
    {
        if (vertices < 2) return 0;
        var emitter = new Emitter<TSink>(sink);
        bool hasZ = dim == 3;
        for (int i = 0; i < vertices - 1; i++)
        {
            // Safe: i + 1 < vertices, and the line holds vertices * dim values.
            double* p0 = c + i * dim, p1 = p0 + dim;
            double x0 = p0[0], y0 = p0[1], x1 = p1[0], y1 = p1[1];
            emitter.Add(x0, y0, hasZ ? p0[2] : double.NaN);
            double dx = x0 - x1, dy = y0 - y1;
            double length = Math.Sqrt(dx * dx + dy * dy);
            double pieces = Math.Ceiling(length / max);
            // Pieces beyond what one coordinate buffer holds would wrap the vertex count (int) of the count pass.
            if (pieces > MaxVertices - emitter.Count) throw new ArgumentException("max_segment_length is too small for the length of a segment");
            if (pieces > 1)
            {
                int count = (int)pieces;
                double piece = length / count;
                for (int j = 1; j < count; j++)
                {
                    double fraction = j * piece / length;
                    emitter.Add(x0 + fraction * (x1 - x0), y0 + fraction * (y1 - y0), double.NaN);
                }
            }
            else
            {
                emitter.Add(x1, y1, hasZ ? p1[2] : double.NaN);
            }
        }
        double* last = c + (vertices - 1) * dim;
        emitter.Add(last[0], last[1], hasZ ? last[2] : double.NaN);
        sink = emitter.Sink;
        return emitter.Count;
    }

    /// <summary>Visits every ring of a chunk of rows, with whether it is a line to densify
    /// (missing rows and points are copied as they are).</summary>
    private interface IRingVisitor
    {
        void Visit(int row, int ring, bool line);
    }

    private static void VisitRings<TVisitor>(GeometryArray array, int start, int end, ref TVisitor visitor) where TVisitor : struct, IRingVisitor
    {
        for (int row = start; row < end; row++)
        {
            bool present = !array.IsNull(row);
            GeometryType type = array.TypeOf(row);
            (int partStart, int partEnd) = array.PartsOf(row);
            for (int part = partStart; part < partEnd; part++)
            {
                bool line = present && array.PartKindOf(part, type) == GeometryType.LineString;
                (int ringStart, int ringEnd) = array.RingsOf(part);
                for (int ring = ringStart; ring < ringEnd; ring++) visitor.Visit(row, ring, line);
            }
        }
    }

    private struct CountBody : IRangeBody, IRingVisitor
    {
        public GeometryArray Array;
        public double Max;
        public int* Counts;

        public void Run(int start, int end) => VisitRings(Array, start, end, ref this);

        public void Visit(int row, int ring, bool line)
        {
            (int first, int last) = Array.VerticesOf(ring);
            int count = last - first;
            if (line)
            {
                var counter = new Counter();
                try
                {
                    count = DensifyLine(Array.Coordinates.Pointer + (long)first * Array.Dimension, count, Array.Dimension, Max, ref counter);
                }
                catch (ArgumentException error)
                {
                    throw new GeometryOperationException(row, error);
                }
                if (count == 1) throw new GeometryOperationException(row, "a line whose vertices are all equal densifies to one point, which is no line (as in GEOS)");
            }
            // Safe: ring < RingCount, and Counts holds RingCount + 1 entries.
            Counts[ring + 1] = count;
        }
    }

    private struct FillBody : IRangeBody, IRingVisitor
    {
        public GeometryArray Array;
        public double Max;
        public int* Offsets;
        public double* Output;

        public void Run(int start, int end) => VisitRings(Array, start, end, ref this);

        public void Visit(int row, int ring, bool line)
        {
            (int first, int last) = Array.VerticesOf(ring);
            int dim = Array.Dimension;
            double* source = Array.Coordinates.Pointer + (long)first * dim;
            // Safe: Offsets[ring] is where the count pass placed this ring's vertices in Output.
            double* target = Output + (long)Offsets[ring] * dim;
            if (line)
            {
                var writer = new Writer { Output = target, HasZ = dim == 3 };
                DensifyLine(source, last - first, dim, Max, ref writer);
            }
            else
            {
                Buffer.MemoryCopy(source, target, (long)(Offsets[ring + 1] - Offsets[ring]) * dim * sizeof(double),
                    (long)(last - first) * dim * sizeof(double));
            }
        }
    }
}
