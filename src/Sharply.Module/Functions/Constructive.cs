using Sharply.Core.Geometries;
using Sharply.Core.Kernels;
using Sharply.CPython;

namespace Sharply.Module.Functions;

/// <summary>Constructive operations: geometry -> geometry.</summary>
internal static unsafe class Constructive
{
    public static readonly PyFunction[] Functions =
    [
        new("buffer", ["geometry", "distance", "quad_segs", "cap_style", "join_style", "mitre_limit"], &Buffer),
    ];

    /// <summary><c>buffer</c>; the Python layer turns cap_style / join_style names into their integer codes.</summary>
    private static Owned Buffer(in Arguments args) => Calls.UnaryGeometry(args[0], new BufferKernel(
        args[1].ToDouble("distance"),
        (int)args[2].ToInt64("quad_segs"),
        (BufferCapStyle)args[3].ToInt64("cap_style"),
        (BufferJoinStyle)args[4].ToInt64("join_style"),
        args[5].ToDouble("mitre_limit")));

    private readonly struct BufferKernel(double distance, int quadSegs, BufferCapStyle cap, BufferJoinStyle join, double mitreLimit)
        : IGeometryKernel
    {
        public GeometryArray Apply(GeometryArray rows) =>
            Sharply.Core.Kernels.Constructive.Buffer(rows, distance, quadSegs, cap, join, mitreLimit);
    }
}
