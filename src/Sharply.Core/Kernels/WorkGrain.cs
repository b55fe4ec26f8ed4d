using Sharply.Core.Geometries;

namespace Sharply.Core.Kernels;

/// <summary>
/// Chunk sizes for the kernels' parallel loops, chosen from the work (vertices) rather than the row
/// count, so a few huge rows still spread over the threads. The grain depends only on the arrays, never
/// on the thread count, so chunking (and any per-chunk reduction) is the same for every thread count.
/// </summary>
internal static class WorkGrain
{
    /// <summary>Vertices a chunk of a coordinate scan aims at: large enough to hide the scheduling.</summary>
    private const long ScanTarget = 32 * 1024;

    /// <summary>Fewest vertices worth a chunk of its own in a coordinate scan.</summary>
    private const long ScanMinimum = 4 * 1024;

    /// <summary>The same for NTS-backed work, which costs far more per vertex: big rows get a chunk each.</summary>
    private const long NtsTarget = 256;

    private const long NtsMinimum = 16;

    /// <summary>Chunks wanted when the rows allow it, so a few threads can balance uneven rows.</summary>
    private const int Chunks = 16;

    /// <summary>Grain of a loop over the rows of <paramref name="array"/> scanning their coordinates.</summary>
    public static int Scan(GeometryArray array) => Of(array.Length, Vertices(array), ScanTarget, ScanMinimum);

    /// <summary>Grain of a loop over the rows of <paramref name="array"/> that calls NetTopologySuite.</summary>
    public static int Nts(GeometryArray array) => Of(array.Length, Vertices(array), NtsTarget, NtsMinimum);

    /// <summary>Grain of a loop over <paramref name="shape"/>'s pairs of rows scanning their coordinates.</summary>
    public static int Scan(GeometryArray a, GeometryArray b, Broadcast shape) =>
        Of(shape.Count, PairVertices(a, b, shape), ScanTarget, ScanMinimum);

    /// <summary>Grain of a loop over <paramref name="shape"/>'s pairs of rows that calls NetTopologySuite.</summary>
    public static int Nts(GeometryArray a, GeometryArray b, Broadcast shape) =>
        Of(shape.Count, PairVertices(a, b, shape), NtsTarget, NtsMinimum);

    /// <summary>
    /// Grain of a loop over pairs calling NetTopologySuite where a broadcast row is prepared once per
    /// chunk: a chunk then also holds at least as many vertices as the prepared row, to repay preparing it.
    /// </summary>
    public static int NtsPrepared(GeometryArray a, GeometryArray b, Broadcast shape)
    {
        if (!shape.ScalarA && !shape.ScalarB) return Nts(a, b, shape);
        long prepared = Vertices(shape.ScalarA ? a : b), others = Vertices(shape.ScalarA ? b : a);
        return Of(shape.Count, others, Math.Max(NtsTarget, 8 * prepared), Math.Max(NtsMinimum, prepared));
    }

    /// <summary>Grain of a loop of <paramref name="count"/> steps of <paramref name="verticesPerStep"/> vertices each.</summary>
    public static int Scan(int count, double verticesPerStep) =>
        Of(count, (long)Math.Min(long.MaxValue / 2, count * Math.Max(1, verticesPerStep)), ScanTarget, ScanMinimum);

    /// <summary>All vertices referenced by the rows of <paramref name="array"/>.</summary>
    public static long Vertices(GeometryArray array)
    {
        if (array.Length == 0) return 0;
        return (long)array.CoordinateCount - array.RingOffsets[array.PartOffsets[array.GeometryOffsets[0]]];
    }

    private static long PairVertices(GeometryArray a, GeometryArray b, Broadcast shape)
    {
        // A broadcast row is paired with every step: its vertices count once per step.
        long va = shape.MaskA == 0 ? Vertices(a) * shape.Count : Vertices(a);
        long vb = shape.MaskB == 0 ? Vertices(b) * shape.Count : Vertices(b);
        return va + vb;
    }

    /// <summary>Rows per chunk: about <paramref name="target"/> vertices, at least <paramref name="minimum"/>
    /// vertices, and at most count / <see cref="Chunks"/> rows when that is within those bounds.</summary>
    private static int Of(int count, long vertices, long target, long minimum)
    {
        if (count <= 1) return 1;
        double perRow = Math.Max(1.0, (double)vertices / count);
        double atLeast = Math.Ceiling(minimum / perRow), aim = Math.Floor(target / perRow);
        double grain = Math.Max(atLeast, Math.Min(aim, count / Chunks));
        return (int)Math.Clamp(grain, 1, count);
    }
}
