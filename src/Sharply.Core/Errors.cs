namespace Sharply.Core;

/// <summary>Root of the errors Sharply's core raises on purpose. The extension module maps each
/// subclass to a Python exception in <c>sharply.errors</c>.</summary>
public abstract class SharplyException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A row of WKB, WKT or GeoJSON could not be decoded.</summary>
public sealed class GeometryDecodeException(long row, string problem, Exception? inner = null)
    : SharplyException(row >= 0 ? $"row {row}: {problem}" : problem, inner)
{
    /// <summary>The row that failed, or -1 when the input is a single value.</summary>
    public long Row { get; } = row;
    /// <summary>What is wrong, without the row.</summary>
    public string Problem { get; } = problem;
}

/// <summary>Memory handed to Sharply (an Arrow array, offsets, buffers) is inconsistent or unsupported.</summary>
public sealed class InvalidLayoutException(string message) : SharplyException(message);

/// <summary>A geometry operation failed on a row (for example a topology error inside NetTopologySuite).</summary>
public sealed class GeometryOperationException(long row, string problem, Exception? inner = null)
    : SharplyException($"row {row}: {problem}", inner)
{
    /// <summary>The row that failed.</summary>
    public long Row { get; } = row;
}
