namespace Sharply.Core.Kernels;

/// <summary>Corner join of a buffer (Shapely's codes).</summary>
public enum BufferJoinStyle
{
    /// <summary>Round corners.</summary>
    Round = 1,
    /// <summary>Sharp corners, cut at the mitre limit.</summary>
    Mitre = 2,
    /// <summary>Corners cut straight across.</summary>
    Bevel = 3,
}
