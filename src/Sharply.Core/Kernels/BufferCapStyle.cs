namespace Sharply.Core.Kernels;

/// <summary>End cap of a buffered line (Shapely's codes).</summary>
public enum BufferCapStyle
{
    /// <summary>A half circle around each end.</summary>
    Round = 1,
    /// <summary>Cut square at the end point.</summary>
    Flat = 2,
    /// <summary>A half square around each end, extending past it by the distance.</summary>
    Square = 3,
}
