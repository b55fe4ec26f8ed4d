using System.Runtime.InteropServices;

namespace Sharply.Core.Arrow;

/// <summary>A managed snapshot of an ArrowSchema tree, checked for null pointers and sane sizes.</summary>
internal sealed class SchemaView
{
    private const int MaxDepth = 8;
    private const int MaxChildren = 64;

    private SchemaView(string format, string name, Dictionary<string, string> metadata, SchemaView[] children, bool hasDictionary)
    {
        Format = format;
        Name = name;
        Metadata = metadata;
        Children = children;
        HasDictionary = hasDictionary;
    }

    public string Format { get; }
    public string Name { get; }
    public Dictionary<string, string> Metadata { get; }
    public SchemaView[] Children { get; }
    public bool HasDictionary { get; }

    /// <summary>Reads a schema that has not been released (the schema is borrowed, not released here).</summary>
    public static unsafe SchemaView Read(ArrowSchema* schema)
    {
        if (schema == null) throw new InvalidLayoutException("the Arrow schema pointer is null");
        if (schema->Release == null) throw new InvalidLayoutException("the Arrow schema has already been released");
        return Read(schema, 0);
    }

    private static unsafe SchemaView Read(ArrowSchema* schema, int depth)
    {
        if (depth > MaxDepth) throw new InvalidLayoutException($"the Arrow schema nests deeper than {MaxDepth} levels");
        if (schema->Format == null) throw new InvalidLayoutException("an Arrow schema has no format string");
        if (schema->ChildCount is < 0 or > MaxChildren)
            throw new InvalidLayoutException($"an Arrow schema claims {schema->ChildCount} children");
        if (schema->ChildCount > 0 && schema->Children == null)
            throw new InvalidLayoutException("an Arrow schema has children but a null children pointer");
        var children = new SchemaView[schema->ChildCount];
        for (int i = 0; i < children.Length; i++)
        {
            if (schema->Children[i] == null) throw new InvalidLayoutException($"child {i} of an Arrow schema is null");
            children[i] = Read(schema->Children[i], depth + 1);
        }
        // Safe: format and name are NUL-terminated UTF-8 by the C Data Interface contract.
        return new SchemaView(
            Marshal.PtrToStringUTF8((nint)schema->Format) ?? "",
            schema->Name == null ? "" : Marshal.PtrToStringUTF8((nint)schema->Name) ?? "",
            GeoArrowMetadata.Decode(schema->Metadata),
            children,
            schema->Dictionary != null);
    }
}
