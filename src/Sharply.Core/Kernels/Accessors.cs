using Sharply.Core.Geometries;
using Sharply.Core.Parallel;

namespace Sharply.Core.Kernels;

/// <summary>
/// Pieces of geometries as geometries, with Shapely 2's rules: members (<c>get_parts</c>,
/// <c>get_geometry</c>), rings as LineStrings (<c>get_exterior_ring</c>, <c>get_interior_ring</c>,
/// <c>get_rings</c>) and vertices as Points (<c>get_point</c>, <c>extract_unique_points</c>). Negative indices count from the end; missing
/// rows, other types and indices out of range give missing rows (<c>Parts</c> and <c>Rings</c> give no rows
/// for them). A selection that is a contiguous run of the input's parts or rings shares its buffers (parts of
/// arrays without collections, rings of a Polygon array, shells of polygons without holes): nothing is copied.
/// </summary>
public static unsafe class Accessors
{
    /// <summary>A ring selection that gives a missing row.</summary>
    private const int MissingRing = -1;

    /// <summary>A ring selection that gives an empty LineString (the shell of an empty polygon).</summary>
    private const int EmptyRing = -2;

    /// <summary>
    /// The members of every row, in order: a single geometry is its own member (even empty), a Multi* row has
    /// one per part, a collection its members (Point to MultiPolygon); missing rows have none.
    /// <paramref name="index"/> gets the input row of each member.
    /// </summary>
    public static GeometryArray Parts(GeometryArray array, out DataBuffer<long> index)
    {
        index = RowIndex(PieceOffsets<MemberCount>(array), array.Length);
        return SharedParts(array) ?? BuilderDriver.Run(array.Length, WorkGrain.Scan(array), array.HasZ, array.Crs, new AppendMembers { Array = array });
    }

    /// <summary>Member <c>index</c> of each row (see <see cref="Parts"/>), broadcasting rows against indices.</summary>
    /// <exception cref="ArgumentException">The lengths are neither equal nor 1.</exception>
    public static GeometryArray GeometryN(GeometryArray array, ReadOnlySpan<int> index)
    {
        Broadcast shape = Broadcast.Of(array.Length, index.Length);
        // Safe: the loop ends before the fixed block does, and reads indices below index.Length (Broadcast).
        fixed (int* indices = index)
            return BuilderDriver.Run(shape.Count, StepGrain(array, shape.Count), array.HasZ, array.Crs,
                new AppendMember { Array = array, Index = indices, Shape = shape });
    }

    /// <summary>The shell of each Polygon row (an empty LineString for an empty polygon); other types give missing rows.</summary>
    public static GeometryArray ExteriorRing(GeometryArray array)
    {
        DataBuffer<int> rings = DataBuffer<int>.Allocate(array.Length);
        var body = new ShellBody { Array = array, Rings = rings.Pointer };
        ParallelRange.For(array.Length, WorkGrain.Scan(array.Length, 1), ref body);
        return SelectRings(array, rings.Span);
    }

    /// <summary>Hole <c>index</c> of each Polygon row, broadcasting rows against indices.</summary>
    /// <exception cref="ArgumentException">The lengths are neither equal nor 1.</exception>
    public static GeometryArray InteriorRing(GeometryArray array, ReadOnlySpan<int> index)
    {
        Broadcast shape = Broadcast.Of(array.Length, index.Length);
        DataBuffer<int> rings = DataBuffer<int>.Allocate(shape.Count);
        // Safe: as in GeometryN.
        fixed (int* indices = index)
        {
            var body = new HoleBody { Array = array, Index = indices, Shape = shape, Rings = rings.Pointer };
            ParallelRange.For(shape.Count, WorkGrain.Scan(shape.Count, 1), ref body);
        }
        return SelectRings(array, rings.Span);
    }

    /// <summary>
    /// The rings of every non-empty Polygon row, the shell first, as LineStrings; other rows give none.
    /// <paramref name="index"/> gets the input row of each ring.
    /// </summary>
    public static GeometryArray Rings(GeometryArray array, out DataBuffer<long> index)
    {
        DataBuffer<int> offsets = PieceOffsets<RingCount>(array);
        index = RowIndex(offsets, array.Length);
        DataBuffer<int> rings = DataBuffer<int>.Allocate(offsets.Span[array.Length]);
        var body = new AllRingsBody { Array = array, Offsets = offsets.Pointer, Rings = rings.Pointer };
        ParallelRange.For(array.Length, WorkGrain.Scan(array.Length, 1), ref body);
        return SelectRings(array, rings.Span);
    }

    /// <summary>Vertex <c>index</c> of each LineString row as a Point, broadcasting rows against indices.</summary>
    /// <exception cref="ArgumentException">The lengths are neither equal nor 1.</exception>
    public static GeometryArray PointN(GeometryArray array, ReadOnlySpan<int> index)
    {
        Broadcast shape = Broadcast.Of(array.Length, index.Length);
        int dimension = array.Dimension;
        DataBuffer<double> coordinates = DataBuffer<double>.Allocate(checked(shape.Count * dimension));
        DataBuffer<byte> present = DataBuffer<byte>.Allocate(shape.Count);
        // Safe: as in GeometryN; each step writes its own coordinate and flag.
        fixed (int* indices = index)
        {
            var body = new VertexBody
            {
                Array = array, Index = indices, Shape = shape, Coordinates = coordinates.Pointer, Present = present.Pointer,
            };
            ParallelRange.For(shape.Count, WorkGrain.Scan(shape.Count, 1), ref body);
        }
        return new GeometryArray(shape.Count, GeometryType.Point, array.HasZ, coordinates, Offsets.Identity,
            Offsets.Identity, Offsets.Identity, validity: ValidityBits.FromFlags(present.Span), crs: array.Crs);
    }

    /// <summary>The distinct vertices of each row as a MultiPoint, in order of first appearance, compared by x and y
    /// (GEOS's extractUniquePoints); an empty row gives MULTIPOINT EMPTY, a missing row stays missing.</summary>
    public static GeometryArray UniquePoints(GeometryArray array) =>
        BuilderDriver.Run(array.Length, WorkGrain.Scan(array), array.HasZ, array.Crs, new AppendUniquePoints { Array = array });

    /// <summary>
    /// Without collections, and when all rows have parts of one kind (Polygon and MultiPolygon rows, say), the
    /// members are exactly the parts: the parts level becomes the rows (no copy). A single-type array without
    /// missing rows is its own members.
    /// </summary>
    private static GeometryArray? SharedParts(GeometryArray array)
    {
        if (GeometryTypes.IsSingle(array.Type) && !array.HasNulls) return array;
        GeometryType kind = GeometryType.Point;
        bool seen = false;
        for (int row = 0; row < array.Length; row++)
        {
            (int partStart, int partEnd) = array.PartsOf(row);
            if (array.IsNull(row))
            {
                // A missing row's parts (placeholders of single types, or an imported layout's) would become members.
                if (partStart != partEnd) return null;
                continue;
            }
            GeometryType rowKind = GeometryTypes.PartKind(array.TypeOf(row));
            if (rowKind == GeometryType.Mixed || (seen && rowKind != kind)) return null;
            (kind, seen) = (rowKind, true);
        }
        int first = array.GeometryOffsets[0], end = array.GeometryOffsets[array.Length];
        var parts = new GeometryArray(end, kind, array.HasZ, array.Coordinates, Offsets.Identity, array.PartOffsets, array.RingOffsets, crs: array.Crs);
        return parts.Slice(first, end - first);
    }

    /// <summary>
    /// One LineString row per entry of <paramref name="rings"/> (a ring of <paramref name="array"/>,
    /// <see cref="MissingRing"/> or <see cref="EmptyRing"/>). A run of consecutive rings shares the array's
    /// coordinates and ring offsets; otherwise the selected rings' coordinates are copied in parallel.
    /// </summary>
    private static GeometryArray SelectRings(GeometryArray array, ReadOnlySpan<int> rings)
    {
        int count = rings.Length;
        if (IsRun(rings))
        {
            var all = new GeometryArray(array.RingCount, GeometryType.LineString, array.HasZ, array.Coordinates,
                Offsets.Identity, Offsets.Identity, array.RingOffsets, crs: array.Crs);
            return all.Slice(count == 0 ? 0 : rings[0], count);
        }
        DataBuffer<int> offsets = DataBuffer<int>.Allocate(count + 1);
        DataBuffer<byte> present = DataBuffer<byte>.Allocate(count);
        Span<int> starts = offsets.Span;
        Span<byte> flags = present.Span;
        starts[0] = 0;
        for (int i = 0; i < count; i++)
        {
            int ring = rings[i];
            long end = starts[i] + (long)(ring >= 0 ? array.RingOffsets[ring + 1] - array.RingOffsets[ring] : 0);
            if (end * array.Dimension > Array.MaxLength)
                throw new InvalidLayoutException($"the selected rings hold more than {Array.MaxLength / array.Dimension} coordinates");
            starts[i + 1] = (int)end;
            flags[i] = ring == MissingRing ? (byte)0 : (byte)1;
        }
        DataBuffer<double> coordinates = DataBuffer<double>.Allocate(starts[count] * array.Dimension);
        // Safe: rings, offsets and coordinates stay alive and unmoved until the loop ends.
        fixed (int* selected = rings)
        {
            var body = new CopyRingsBody { Array = array, Rings = selected, Offsets = offsets.Pointer, Coordinates = coordinates.Pointer };
            ParallelRange.For(count, WorkGrain.Scan(count, Math.Max(1.0, (double)starts[count] / Math.Max(1, count))), ref body);
        }
        return new GeometryArray(count, GeometryType.LineString, array.HasZ, coordinates, Offsets.Identity,
            Offsets.Identity, new Offsets(offsets), validity: ValidityBits.FromFlags(flags), crs: array.Crs);
    }

    /// <summary>True when the rings are consecutive, present and non-empty (or there are none).</summary>
    private static bool IsRun(ReadOnlySpan<int> rings)
    {
        if (rings.Length == 0) return true;
        int first = rings[0];
        if (first < 0) return false;
        for (int i = 1; i < rings.Length; i++)
            if (rings[i] != first + i) return false;
        return true;
    }

    /// <summary>Offsets of each row's pieces (counted in parallel by <typeparamref name="TCount"/>, missing rows 0).</summary>
    private static DataBuffer<int> PieceOffsets<TCount>(GeometryArray array) where TCount : ICount
    {
        DataBuffer<int> offsets = DataBuffer<int>.Allocate(array.Length + 1);
        var body = new CountBody<TCount> { Array = array, Counts = offsets.Pointer + 1 };
        ParallelRange.For(array.Length, WorkGrain.Scan(array.Length, 1), ref body);
        Span<int> span = offsets.Span;
        span[0] = 0;
        for (int row = 0; row < array.Length; row++) span[row + 1] = checked(span[row] + span[row + 1]);
        return offsets;
    }

    /// <summary>The row of each piece, from the rows' offsets.</summary>
    private static DataBuffer<long> RowIndex(DataBuffer<int> offsets, int rows)
    {
        DataBuffer<long> index = DataBuffer<long>.Allocate(offsets.Span[rows]);
        var body = new RowIndexBody { Offsets = offsets.Pointer, Index = index.Pointer };
        ParallelRange.For(rows, WorkGrain.Scan(rows, 1), ref body);
        return index;
    }

    /// <summary>Grain of a loop whose steps each copy about one row of <paramref name="array"/>.</summary>
    private static int StepGrain(GeometryArray array, int steps) =>
        WorkGrain.Scan(steps, (double)WorkGrain.Vertices(array) / Math.Max(1, array.Length));

    /// <summary>The vertex range of a LineString row, or false for other types.</summary>
    private static bool LineVertices(GeometryArray array, int row, out int start, out int end)
    {
        start = end = 0;
        if (array.TypeOf(row) != GeometryType.LineString) return false;
        (int partStart, int partEnd) = array.PartsOf(row);
        if (partStart == partEnd) return true;
        (int ringStart, int ringEnd) = array.RingsOf(partStart);
        if (ringStart != ringEnd) (start, end) = array.VerticesOf(ringStart);
        return true;
    }

    /// <summary>The ring range of a Polygon row, or false for other types (and missing rows).</summary>
    private static bool PolygonRings(GeometryArray array, int row, out int start, out int end)
    {
        start = end = 0;
        if (array.IsNull(row) || array.TypeOf(row) != GeometryType.Polygon) return false;
        (int partStart, int partEnd) = array.PartsOf(row);
        if (partStart != partEnd) (start, end) = array.RingsOf(partStart);
        return true;
    }

    /// <summary>Index <paramref name="index"/> among <paramref name="count"/> items, negative from the end; -1 when out of range.</summary>
    private static int Resolve(int index, int count)
    {
        long resolved = index < 0 ? (long)index + count : index;
        return resolved >= 0 && resolved < count ? (int)resolved : -1;
    }

    private interface ICount
    {
        static abstract int Of(GeometryArray array, int row);
    }

    private struct MemberCount : ICount
    {
        public static int Of(GeometryArray array, int row) => array.IsNull(row) ? 0 : array.MemberCount(row);
    }

    private struct RingCount : ICount
    {
        public static int Of(GeometryArray array, int row) => PolygonRings(array, row, out int start, out int end) ? end - start : 0;
    }

    private struct CountBody<TCount> : IRangeBody where TCount : ICount
    {
        public GeometryArray Array;
        public int* Counts;

        public void Run(int start, int end)
        {
            for (int row = start; row < end; row++) Counts[row] = TCount.Of(Array, row);
        }
    }

    private struct RowIndexBody : IRangeBody
    {
        public int* Offsets;
        public long* Index;

        public void Run(int start, int end)
        {
            for (int row = start; row < end; row++)
                for (int i = Offsets[row]; i < Offsets[row + 1]; i++) Index[i] = row;
        }
    }

    private struct AppendMembers : IAppendOp
    {
        public GeometryArray Array;

        public void Append(GeometryArrayBuilder builder, int row)
        {
            if (Array.IsNull(row)) return;
            foreach (Member member in Array.MembersOf(row)) builder.AppendMember(Array, member);
        }
    }

    private struct AppendMember : IAppendOp
    {
        public GeometryArray Array;
        public int* Index;
        public Broadcast Shape;

        public void Append(GeometryArrayBuilder builder, int i)
        {
            int row = i & Shape.MaskA;
            int wanted = Array.IsNull(row) ? -1 : Resolve(Index[i & Shape.MaskB], Array.MemberCount(row));
            if (wanted < 0)
            {
                builder.AppendNull();
                return;
            }
            foreach (Member member in Array.MembersOf(row))
                if (wanted-- == 0)
                {
                    builder.AppendMember(Array, member);
                    return;
                }
        }
    }

    private struct AppendUniquePoints : IAppendOp
    {
        public GeometryArray Array;

        public void Append(GeometryArrayBuilder builder, int row)
        {
            if (Array.IsNull(row))
            {
                builder.AppendNull();
                return;
            }
            builder.BeginGeometry(GeometryType.MultiPoint);
            var seen = new HashSet<(double X, double Y)>();
            int dimension = Array.Dimension;
            GeometryType type = Array.TypeOf(row);
            (int partStart, int partEnd) = Array.PartsOf(row);
            for (int part = partStart; part < partEnd; part++)
            {
                GeometryType kind = Array.PartKindOf(part, type);
                if (kind == GeometryType.Point && Array.IsPartEmpty(part, kind)) continue;
                (int ringStart, int ringEnd) = Array.RingsOf(part);
                ReadOnlySpan<double> values = Array.VertexCoordinates(Array.RingOffsets[ringStart], Array.RingOffsets[ringEnd]);
                for (int i = 0; i < values.Length; i += dimension)
                {
                    if (!seen.Add((values[i], values[i + 1]))) continue;
                    builder.BeginPart(GeometryType.Point);
                    builder.BeginRing();
                    builder.AddCoordinates(values.Slice(i, dimension), dimension);
                }
            }
        }
    }

    private struct ShellBody : IRangeBody
    {
        public GeometryArray Array;
        public int* Rings;

        public void Run(int start, int end)
        {
            for (int row = start; row < end; row++)
                Rings[row] = !PolygonRings(Array, row, out int first, out int last) ? MissingRing : first == last ? EmptyRing : first;
        }
    }

    private struct HoleBody : IRangeBody
    {
        public GeometryArray Array;
        public int* Index;
        public Broadcast Shape;
        public int* Rings;

        public void Run(int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                int row = i & Shape.MaskA, hole = -1, first = 0, last = 0;
                if (PolygonRings(Array, row, out first, out last))
                    hole = Resolve(Index[i & Shape.MaskB], Math.Max(0, last - first - 1));
                Rings[i] = hole < 0 ? MissingRing : first + 1 + hole;
            }
        }
    }

    private struct AllRingsBody : IRangeBody
    {
        public GeometryArray Array;
        public int* Offsets;
        public int* Rings;

        public void Run(int start, int end)
        {
            for (int row = start; row < end; row++)
            {
                if (Offsets[row] == Offsets[row + 1]) continue;
                PolygonRings(Array, row, out int first, out _);
                for (int i = Offsets[row]; i < Offsets[row + 1]; i++) Rings[i] = first + i - Offsets[row];
            }
        }
    }

    private struct CopyRingsBody : IRangeBody
    {
        public GeometryArray Array;
        public int* Rings;
        public int* Offsets;
        public double* Coordinates;

        public void Run(int start, int end)
        {
            int dimension = Array.Dimension;
            for (int i = start; i < end; i++)
                if (Rings[i] >= 0)
                    Array.RingCoordinates(Rings[i]).CopyTo(new Span<double>(Coordinates + (long)Offsets[i] * dimension, (Offsets[i + 1] - Offsets[i]) * dimension));
        }
    }

    private struct VertexBody : IRangeBody
    {
        public GeometryArray Array;
        public int* Index;
        public Broadcast Shape;
        public double* Coordinates;
        public byte* Present;

        public void Run(int start, int end)
        {
            int dimension = Array.Dimension;
            for (int i = start; i < end; i++)
            {
                int row = i & Shape.MaskA, vertex = -1, first = 0, last = 0;
                if (!Array.IsNull(row) && LineVertices(Array, row, out first, out last))
                    vertex = Resolve(Index[i & Shape.MaskB], last - first);
                Span<double> target = new(Coordinates + (long)i * dimension, dimension);
                Present[i] = vertex < 0 ? (byte)0 : (byte)1;
                if (vertex < 0) target.Fill(double.NaN);
                else Array.VertexCoordinates(first + vertex, first + vertex + 1).CopyTo(target);
            }
        }
    }
}
