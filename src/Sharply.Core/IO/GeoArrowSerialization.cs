using Sharply.Core.Arrow;
using Sharply.Core.Geometries;

namespace Sharply.Core.IO;

/// <summary>
/// The WKB and WKT codecs in the shapes <see cref="GeoArrowCodecs"/> expects (Arrow Binary / Utf8 with
/// int32 offsets): the default codecs of geoarrow.wkb and geoarrow.wkt import and export.
/// </summary>
internal static unsafe class GeoArrowSerialization
{
    public static (DataBuffer<byte> Data, DataBuffer<int> Offsets) EncodeWkb(GeometryArray array) =>
        Int32Offsets(WkbWriter.WriteMany(array, WkbOptions.Default), "WKB");

    public static (DataBuffer<byte> Data, DataBuffer<int> Offsets) EncodeWkt(GeometryArray array) =>
        Int32Offsets(WktWriter.WriteMany(array, WktOptions.Default with { RoundingPrecision = -1 }), "WKT");

    public static GeometryArray DecodeWkb(int length, DataBuffer<int> offsets, DataBuffer<byte> data, DataBuffer<byte>? validity) =>
        Decode(length, offsets, data, validity, &WkbReader.ReadMany);

    public static GeometryArray DecodeWkt(int length, DataBuffer<int> offsets, DataBuffer<byte> data, DataBuffer<byte>? validity) =>
        Decode(length, offsets, data, validity, &WktReader.ReadMany);

    private static (DataBuffer<byte>, DataBuffer<int>) Int32Offsets(EncodedRows rows, string codec)
    {
        ReadOnlySpan<long> wide = rows.Offsets.Span;
        if (wide[^1] > int.MaxValue)
            throw new InvalidLayoutException($"{codec} output of {wide[^1]} bytes does not fit Arrow's int32 offsets");
        DataBuffer<int> offsets = DataBuffer<int>.Allocate(wide.Length);
        Span<int> narrow = offsets.Span;
        for (int i = 0; i < wide.Length; i++) narrow[i] = (int)wide[i];
        return (rows.Data, offsets);
    }

    private static GeometryArray Decode(int length, DataBuffer<int> offsets, DataBuffer<byte> data, DataBuffer<byte>? validity,
        delegate*<ReadOnlySpan<nint>, ReadOnlySpan<int>, OnInvalid, string?, DecodeResult> readMany)
    {
        var pointers = new nint[length];
        var lengths = new int[length];
        ReadOnlySpan<int> bounds = offsets.Span;
        ReadOnlySpan<byte> valid = validity is null ? default : validity.Span;
        for (int row = 0; row < length; row++)
        {
            if (validity is not null && (valid[row >> 3] & (1 << (row & 7))) == 0) continue;
            // Safe: the importer checked that the offsets are in range of the data buffer.
            pointers[row] = (nint)(data.Pointer + bounds[row]);
            lengths[row] = bounds[row + 1] - bounds[row];
        }
        GeometryArray array = readMany(pointers, lengths, OnInvalid.Raise, null).Array;
        GC.KeepAlive(data);
        return array;
    }
}
