using Sharply.Core.Geometries;

namespace Sharply.Core.Arrow;

/// <summary>Parses <paramref name="length"/> values (WKB or WKT): row <c>i</c> is
/// <c>data[offsets[i]..offsets[i + 1]]</c> (offsets already checked to be in range and non-decreasing).
/// Rows whose bit in <paramref name="validity"/> is cleared are missing and must not be parsed.</summary>
public delegate GeometryArray GeometryDecoder(int length, DataBuffer<int> offsets, DataBuffer<byte> data, DataBuffer<byte>? validity);
