using Sharply.Core.Geometries;

namespace Sharply.Core.IO;

/// <summary>Encodes one present row as text.</summary>
internal interface IRowEncoder
{
    void Encode(GeometryArray array, int row, Utf8Sink output);
}
