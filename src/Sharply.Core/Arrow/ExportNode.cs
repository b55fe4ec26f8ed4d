namespace Sharply.Core.Arrow;

/// <summary>One field of an export in managed form: enough to write both its ArrowSchema and (when
/// <see cref="Buffers"/> is set) its ArrowArray. <see cref="KeepAlive"/> holds the objects that own
/// the buffer memory; the export keeps them reachable until the consumer releases it.</summary>
internal sealed class ExportNode(string format, string name, params ExportNode[] children)
{
    public string Format { get; } = format;
    public string Name { get; } = name;
    public ExportNode[] Children { get; } = children;
    public byte[]? Metadata { get; set; }
    public long Length { get; set; }
    public long NullCount { get; set; }
    public nint[] Buffers { get; set; } = [];
    public object[] KeepAlive { get; set; } = [];
}
