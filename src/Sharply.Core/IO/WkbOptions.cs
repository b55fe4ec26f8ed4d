namespace Sharply.Core.IO;

/// <summary>How <see cref="WkbWriter"/> encodes geometries. The defaults write what GEOS writes.</summary>
public sealed record WkbOptions
{
    /// <summary>The default options: little endian extended WKB, Z kept, no SRID, binary.</summary>
    public static WkbOptions Default { get; } = new();

    /// <summary>2 drops Z; 3 writes Z for rows that have z values.</summary>
    public int OutputDimension { get; init; } = 3;

    /// <summary>The byte order written (little endian by default).</summary>
    public WkbByteOrder ByteOrder { get; init; } = WkbByteOrder.LittleEndian;

    /// <summary>When set, every row is written as EWKB with this SRID (flag 0x20000000).</summary>
    public int? Srid { get; init; }

    /// <summary>ISO type codes (1001 for Point Z) instead of extended WKB flags (0x80000000). No SRID allowed.</summary>
    public bool Iso { get; init; }

    /// <summary>Write uppercase hex text instead of binary.</summary>
    public bool Hex { get; init; }

    internal void Validate()
    {
        if (OutputDimension is not (2 or 3)) throw new ArgumentOutOfRangeException(nameof(OutputDimension), OutputDimension, "must be 2 or 3");
        if (ByteOrder is not (WkbByteOrder.BigEndian or WkbByteOrder.LittleEndian)) throw new ArgumentOutOfRangeException(nameof(ByteOrder));
        if (Iso && Srid is not null) throw new ArgumentException("ISO WKB cannot hold an SRID");
    }
}
