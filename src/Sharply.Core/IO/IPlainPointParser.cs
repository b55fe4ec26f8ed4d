namespace Sharply.Core.IO;

/// <summary>Reads one encoded value as a plain 2D point (see <see cref="PlainPoints{TParser}"/>).</summary>
public interface IPlainPointParser
{
    /// <summary>The point's coordinates; false when the value is anything else (or the pointer is 0).</summary>
    /// <remarks>Safe to call when a non-zero <paramref name="pointer"/> addresses <paramref name="length"/> readable bytes.</remarks>
    static abstract bool TryRead(nint pointer, nint length, out double x, out double y);
}
