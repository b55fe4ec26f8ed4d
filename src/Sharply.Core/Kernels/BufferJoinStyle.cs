namespace Sharply.Core.Kernels;

/// <summary>Corner join of a buffer (Shapely's codes).</summary>
public enum BufferJoinStyle
{
    Round = 1,
    Mitre = 2,
    Bevel = 3,
}
