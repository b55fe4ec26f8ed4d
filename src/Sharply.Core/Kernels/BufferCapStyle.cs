namespace Sharply.Core.Kernels;

/// <summary>End cap of a buffered line (Shapely's codes).</summary>
public enum BufferCapStyle
{
    Round = 1,
    Flat = 2,
    Square = 3,
}
