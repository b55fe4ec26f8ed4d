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
    : SharplyException(row >= 0 ? $"row {row}: {problem}" : problem, inner)
{
    /// <summary>The failure <paramref name="inner"/> of an operation on <paramref name="row"/>, described in
    /// words a Python user reads (see <see cref="Describe"/>).</summary>
    public GeometryOperationException(long row, Exception inner) : this(row, Describe(inner), inner)
    {
    }

    /// <summary>The row that failed, or -1 when the operation reduces the whole array.</summary>
    public long Row { get; } = row;

    /// <summary>What went wrong, without .NET's wording: the first of parallel failures, argument messages
    /// without their "(Parameter 'x')" suffix, and the runtime's own faults (a null reference or an index
    /// out of range inside NetTopologySuite, which NaN and infinite coordinates provoke) said as such.</summary>
    private static string Describe(Exception error) => error switch
    {
        AggregateException aggregate => Describe(aggregate.Flatten().InnerExceptions[0]),
        NullReferenceException or IndexOutOfRangeException or InvalidCastException or ArithmeticException =>
            "NetTopologySuite failed on this geometry (NaN or infinite coordinates?)",
        ArgumentException { ParamName: { } name } argument => argument.Message.Replace($" (Parameter '{name}')", "").Replace("double.NaN", "NaN"),
        _ => error.Message.Replace("double.NaN", "NaN"),
    };
}
