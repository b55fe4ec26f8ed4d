namespace Sharply.Core.IO;

/// <summary>Byte order of written WKB. The values are the WKB byte order flags.</summary>
public enum WkbByteOrder : byte
{
    BigEndian = 0,
    LittleEndian = 1,
}
