using Sharply.Core.Geometries;
using Sharply.Core.Parallel;

namespace Sharply.Core.Kernels;

/// <summary>
/// The loop of the kernels that copy pieces of geometries into a new array: fixed chunks of steps run in
/// parallel, each into its own builder, and the builders are concatenated in chunk order (as the readers do),
/// so the result does not depend on the thread count.
/// </summary>
internal static class BuilderDriver
{
    public static GeometryArray Run<TOp>(int count, int grain, bool hasZ, string? crs, TOp op) where TOp : struct, IAppendOp
    {
        grain = Math.Max(1, grain);
        int chunks = Math.Max(1, (int)(((long)count + grain - 1) / grain));
        var builders = new GeometryArrayBuilder[chunks];
        try
        {
            var body = new Body<TOp> { Op = op, Builders = builders, Count = count, Grain = grain, HasZ = hasZ };
            ParallelRange.For(chunks, 1, ref body);
            return GeometryArrayBuilder.Concat(builders, crs);
        }
        finally
        {
            // The chunks' storage goes back to the pool at once, on errors too.
            foreach (GeometryArrayBuilder? builder in builders) builder?.Release();
        }
    }

    private struct Body<TOp> : IRangeBody where TOp : struct, IAppendOp
    {
        public TOp Op;
        public GeometryArrayBuilder[] Builders;
        public int Count, Grain;
        public bool HasZ;

        public void Run(int start, int end)
        {
            for (int chunk = start; chunk < end; chunk++)
            {
                int first = chunk * Grain, last = Math.Min(Count, first + Grain);
                var builder = new GeometryArrayBuilder(Math.Max(1, last - first), HasZ);
                Builders[chunk] = builder;
                for (int i = first; i < last; i++) Op.Append(builder, i);
            }
        }
    }
}
