namespace Sharply.Core.IO;

/// <summary>Byte order of written WKB. The values are the WKB byte order flags.</summary>
public enum WkbByteOrder : byte
{
    /// <summary>Most significant byte first (XDR).</summary>
    BigEndian = 0,
    /// <summary>Least significant byte first (NDR).</summary>
    LittleEndian = 1,
}
