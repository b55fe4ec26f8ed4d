using Sharply.Core.Geometries;

namespace Sharply.Core.Arrow;

/// <summary>Serializes every row of <paramref name="array"/> (WKB or WKT): row <c>i</c> is
/// <c>Data[Offsets[i]..Offsets[i + 1]]</c>. Missing rows may have any (usually empty) value.</summary>
public delegate (DataBuffer<byte> Data, DataBuffer<int> Offsets) GeometryEncoder(GeometryArray array);
