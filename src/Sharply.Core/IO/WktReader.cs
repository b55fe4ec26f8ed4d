using System.Globalization;
using System.Text;
using Sharply.Core.Geometries;

namespace Sharply.Core.IO;

/// <summary>
/// Reads WKT as GEOS does: case-insensitive keywords, Z / M / ZM markers (M values are dropped), EMPTY,
/// MULTIPOINT members with or without parentheses, scientific notation, NaN / Inf / Infinity, and an
/// optional EWKT "SRID=n;" prefix. Text after the geometry is an error. A collection nested in a
/// collection is flattened into its members.
/// </summary>
public static class WktReader
{
    /// <summary>Deepest nesting of geometry collections accepted.</summary>
    public const int MaxDepth = 32;

    /// <summary>Decodes one UTF-8 WKT value and appends it to <paramref name="builder"/> as one row.
    /// On failure the builder is left unchanged.</summary>
    /// <returns>The SRID of an EWKT value, else 0.</returns>
    /// <exception cref="GeometryDecodeException">The text is not valid WKT.</exception>
    public static int Read(ReadOnlySpan<byte> wkt, GeometryArrayBuilder builder, long row = -1)
    {
        int length = builder.Length;
        try
        {
            return Decoder.Decode(wkt, builder, row);
        }
        catch
        {
            builder.Truncate(length);
            throw;
        }
    }

    /// <summary>Decodes many UTF-8 values in parallel. Row <c>i</c> is the <c>lengths[i]</c> bytes at
    /// <c>pointers[i]</c>, or missing when the pointer is 0; the memory must stay valid during the call.</summary>
    public static DecodeResult ReadMany(ReadOnlySpan<nint> pointers, ReadOnlySpan<int> lengths, OnInvalid onInvalid, string? crs = null) =>
        RowDecoding.ReadMany<Decoder>(pointers, lengths, onInvalid, crs);

    /// <summary>Decodes many strings (null = missing) in parallel.</summary>
    public static DecodeResult ReadMany(IReadOnlyList<string?> rows, OnInvalid onInvalid, string? crs = null) =>
        RowDecoding.ReadMany<Decoder>(rows.Select(text => text is null ? null : Encoding.UTF8.GetBytes(text)).ToArray(), onInvalid, crs);

    private readonly struct Decoder : IRowDecoder
    {
        public static int Decode(ReadOnlySpan<byte> input, GeometryArrayBuilder builder, long row)
        {
            var parser = new Parser(input, row, builder);
            int srid = parser.ReadSridPrefix();
            parser.ReadGeometry(0, top: true);
            parser.ExpectEnd();
            return srid;
        }
    }

    private enum Dimensions { Unspecified, Z, M, ZM }

    private ref struct Parser(ReadOnlySpan<byte> text, long row, GeometryArrayBuilder builder)
    {
        private readonly ReadOnlySpan<byte> _text = text;
        private int _position;

        private GeometryDecodeException Fail(string problem) =>
            new(row, _position < _text.Length ? $"{problem} at character {_position}" : $"{problem} at the end of the text");

        private void SkipSpace()
        {
            while (_position < _text.Length && _text[_position] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') _position++;
        }

        private ReadOnlySpan<byte> PeekWord()
        {
            SkipSpace();
            int end = _position;
            while (end < _text.Length && char.IsAsciiLetter((char)_text[end])) end++;
            return _text[_position..end];
        }

        private bool TryWord(ReadOnlySpan<byte> word)
        {
            ReadOnlySpan<byte> next = PeekWord();
            if (!Ascii.EqualsIgnoreCase(next, word)) return false;
            _position += next.Length;
            return true;
        }

        private bool TryConsume(byte c)
        {
            SkipSpace();
            if (_position >= _text.Length || _text[_position] != c) return false;
            _position++;
            return true;
        }

        private void Expect(byte c)
        {
            if (!TryConsume(c)) throw Fail($"expected '{(char)c}'");
        }

        public void ExpectEnd()
        {
            SkipSpace();
            if (_position != _text.Length) throw Fail("unexpected text after the geometry");
        }

        public int ReadSridPrefix()
        {
            if (!TryWord("SRID"u8)) return 0;
            Expect((byte)'=');
            int end = _text[_position..].IndexOf((byte)';');
            if (end < 0 || !int.TryParse(_text.Slice(_position, end), NumberStyles.Integer, CultureInfo.InvariantCulture, out int srid))
                throw Fail("expected an SRID number and ';'");
            _position += end + 1;
            return srid;
        }

        public void ReadGeometry(int depth, bool top)
        {
            ReadOnlySpan<byte> word = PeekWord();
            GeometryType type = Keyword(word);
            if (type == GeometryType.Mixed)
                throw Fail(word.IsEmpty ? "expected a geometry type" : $"unknown geometry type '{Encoding.ASCII.GetString(word)}'");
            _position += word.Length;
            Dimensions dimensions = TryWord("ZM"u8) ? Dimensions.ZM : TryWord("Z"u8) ? Dimensions.Z : TryWord("M"u8) ? Dimensions.M : Dimensions.Unspecified;
            if (top) builder.BeginGeometry(type);
            else if (type != GeometryType.GeometryCollection) builder.BeginMember(type);
            if (TryWord("EMPTY"u8))
            {
                AppendEmpty(type);
                return;
            }
            Expect((byte)'(');
            switch (type)
            {
                case GeometryType.Point:
                    BeginPoint();
                    ReadCoordinate(dimensions);
                    break;
                case GeometryType.LineString:
                    builder.BeginPart(GeometryType.LineString);
                    ReadRing(dimensions, opened: true);
                    return;
                case GeometryType.Polygon:
                    ReadPolygon(dimensions);
                    return;
                case GeometryType.MultiPoint:
                    do
                    {
                        if (TryWord("EMPTY"u8)) AppendEmpty(GeometryType.Point);
                        else if (TryConsume((byte)'('))
                        {
                            BeginPoint();
                            ReadCoordinate(dimensions);
                            Expect((byte)')');
                        }
                        else
                        {
                            BeginPoint();
                            ReadCoordinate(dimensions);
                        }
                    } while (TryConsume((byte)','));
                    break;
                case GeometryType.MultiLineString:
                    do
                    {
                        if (TryWord("EMPTY"u8)) AppendEmpty(GeometryType.LineString);
                        else
                        {
                            builder.BeginPart(GeometryType.LineString);
                            ReadRing(dimensions, opened: false);
                        }
                    } while (TryConsume((byte)','));
                    break;
                case GeometryType.MultiPolygon:
                    do
                    {
                        if (TryWord("EMPTY"u8)) AppendEmpty(GeometryType.Polygon);
                        else
                        {
                            Expect((byte)'(');
                            ReadPolygon(dimensions);
                        }
                    } while (TryConsume((byte)','));
                    break;
                default:
                    if (depth >= MaxDepth) throw Fail($"geometry collections nested deeper than {MaxDepth}");
                    do ReadGeometry(depth + 1, top: false);
                    while (TryConsume((byte)','));
                    break;
            }
            Expect((byte)')');
        }

        private static GeometryType Keyword(ReadOnlySpan<byte> word)
        {
            if (Ascii.EqualsIgnoreCase(word, "POINT"u8)) return GeometryType.Point;
            if (Ascii.EqualsIgnoreCase(word, "LINESTRING"u8)) return GeometryType.LineString;
            if (Ascii.EqualsIgnoreCase(word, "POLYGON"u8)) return GeometryType.Polygon;
            if (Ascii.EqualsIgnoreCase(word, "MULTIPOINT"u8)) return GeometryType.MultiPoint;
            if (Ascii.EqualsIgnoreCase(word, "MULTILINESTRING"u8)) return GeometryType.MultiLineString;
            if (Ascii.EqualsIgnoreCase(word, "MULTIPOLYGON"u8)) return GeometryType.MultiPolygon;
            if (Ascii.EqualsIgnoreCase(word, "GEOMETRYCOLLECTION"u8)) return GeometryType.GeometryCollection;
            return GeometryType.Mixed;
        }

        private void BeginPoint()
        {
            builder.BeginPart(GeometryType.Point);
            builder.BeginRing();
        }

        /// <summary>The parts of an empty geometry: a NaN point, an empty linestring, a ring-less polygon, or none.</summary>
        private void AppendEmpty(GeometryType type)
        {
            if (!GeometryTypes.IsSingle(type)) return;
            builder.BeginPart(type);
            if (type == GeometryType.Polygon) return;
            builder.BeginRing();
            if (type == GeometryType.Point) builder.AddCoordinate(double.NaN, double.NaN);
        }

        /// <summary>The rings of a polygon whose opening parenthesis has been read, and its closing one.</summary>
        private void ReadPolygon(Dimensions dimensions)
        {
            builder.BeginPart(GeometryType.Polygon);
            do ReadRing(dimensions, opened: false);
            while (TryConsume((byte)','));
            Expect((byte)')');
        }

        /// <summary>A parenthesised list of coordinates (its opening parenthesis already read when <paramref name="opened"/>).</summary>
        private void ReadRing(Dimensions dimensions, bool opened)
        {
            if (!opened) Expect((byte)'(');
            builder.BeginRing();
            do ReadCoordinate(dimensions);
            while (TryConsume((byte)','));
            Expect((byte)')');
        }

        private void ReadCoordinate(Dimensions dimensions)
        {
            double x = ReadNumber(), y = ReadNumber();
            if (!StartsNumber())
            {
                builder.AddCoordinate(x, y);
                return;
            }
            double third = ReadNumber();
            if (StartsNumber()) ReadNumber();
            if (dimensions == Dimensions.M) builder.AddCoordinate(x, y);
            else builder.AddCoordinate(x, y, third);
        }

        private bool StartsNumber()
        {
            SkipSpace();
            return _position < _text.Length && _text[_position] is (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'+' or (byte)'.'
                or (byte)'n' or (byte)'N' or (byte)'i' or (byte)'I';
        }

        private double ReadNumber()
        {
            if (!StartsNumber()) throw Fail("expected a number");
            int start = _position, end = start;
            if (_text[end] is (byte)'-' or (byte)'+') end++;
            if (end < _text.Length && char.IsAsciiLetter((char)_text[end]))
            {
                int wordStart = end;
                while (end < _text.Length && char.IsAsciiLetter((char)_text[end])) end++;
                ReadOnlySpan<byte> word = _text[wordStart..end];
                bool negative = _text[start] == (byte)'-';
                double special = Ascii.EqualsIgnoreCase(word, "nan"u8) ? double.NaN
                    : Ascii.EqualsIgnoreCase(word, "inf"u8) || Ascii.EqualsIgnoreCase(word, "infinity"u8) ? (negative ? double.NegativeInfinity : double.PositiveInfinity)
                    : throw Fail($"expected a number, found '{Encoding.ASCII.GetString(word)}'");
                _position = end;
                return special;
            }
            while (end < _text.Length && _text[end] is (>= (byte)'0' and <= (byte)'9') or (byte)'.' or (byte)'e' or (byte)'E' or (byte)'-' or (byte)'+') end++;
            if (!double.TryParse(_text[start..end], NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
                throw Fail($"invalid number '{Encoding.ASCII.GetString(_text[start..end])}'");
            _position = end;
            return value;
        }
    }
}
