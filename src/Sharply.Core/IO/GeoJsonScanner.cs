using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using Sharply.Core.Geometries;

namespace Sharply.Core.IO;

/// <summary>
/// The fast path of <see cref="GeoJsonReader"/>: scans UTF-8 directly for the common shapes (a Point,
/// LineString, Polygon or Multi* object with "type" first, a Feature, a FeatureCollection of Features,
/// other members holding plain ASCII JSON). It only accepts text the general path reads the same way,
/// making the same builder calls; on anything else it returns false, possibly after appending part of
/// a row (the caller truncates and runs the general path, which also words any error).
/// </summary>
internal ref struct GeoJsonScanner(ReadOnlySpan<byte> json, GeometryArrayBuilder builder)
{
    /// <summary>Nesting accepted in skipped member values (well inside <see cref="GeoJsonReader.MaxDepth"/>).</summary>
    private const int MaxSkipDepth = 16;

    /// <summary>10^k for k = 0 .. 22, the powers of ten a double holds exactly.</summary>
    private static ReadOnlySpan<double> ExactPowersOfTen =>
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    private readonly ReadOnlySpan<byte> _json = json;
    private readonly GeometryArrayBuilder _builder = builder;
    private int _position;

    /// <summary>One row: null, a Feature or a geometry other than a GeometryCollection.</summary>
    public static bool TryReadRow(ReadOnlySpan<byte> json, GeometryArrayBuilder builder)
    {
        var scanner = new GeoJsonScanner(json, builder);
        return scanner.ReadRow() && scanner.AtEnd();
    }

    /// <summary>A FeatureCollection, one row per feature.</summary>
    public static bool TryReadFeatureCollection(ReadOnlySpan<byte> json, GeometryArrayBuilder builder)
    {
        var scanner = new GeoJsonScanner(json, builder);
        return scanner.ReadFeatureCollection() && scanner.AtEnd();
    }

    private bool AtEnd()
    {
        SkipWhitespace();
        return _position == _json.Length;
    }

    private bool ReadRow()
    {
        if (Literal("null"u8))
        {
            _builder.AppendNull();
            return true;
        }
        if (!Take((byte)'{') || !Name(out ReadOnlySpan<byte> name) || !name.SequenceEqual("type"u8) || !String(out ReadOnlySpan<byte> type))
            return false;
        return type.SequenceEqual("Feature"u8) ? ReadFeatureMembers(typeSeen: true) : ReadGeometryMembers(type);
    }

    private bool ReadFeatureCollection()
    {
        bool typeSeen = false, featuresSeen = false;
        if (!Take((byte)'{')) return false;
        if (Take((byte)'}')) return false;
        do
        {
            if (!Name(out ReadOnlySpan<byte> name)) return false;
            if (name.SequenceEqual("type"u8))
            {
                if (typeSeen || !String(out ReadOnlySpan<byte> type) || !type.SequenceEqual("FeatureCollection"u8)) return false;
                typeSeen = true;
            }
            else if (name.SequenceEqual("features"u8))
            {
                if (featuresSeen || !Take((byte)'[')) return false;
                featuresSeen = true;
                if (!Take((byte)']'))
                {
                    do
                    {
                        if (!Take((byte)'{') || !ReadFeatureMembers(typeSeen: false)) return false;
                    }
                    while (Take((byte)','));
                    if (!Take((byte)']')) return false;
                }
            }
            else if (!SkipValue(0)) return false;
        }
        while (Take((byte)','));
        return typeSeen && Take((byte)'}');
    }

    /// <summary>The members of a Feature after its '{' (and its "type" when <paramref name="typeSeen"/>) through its '}'.</summary>
    private bool ReadFeatureMembers(bool typeSeen)
    {
        bool geometrySeen = false, first = !typeSeen;
        while (first ? !Peek((byte)'}') : Take((byte)','))
        {
            first = false;
            if (!Name(out ReadOnlySpan<byte> name)) return false;
            if (name.SequenceEqual("geometry"u8))
            {
                if (geometrySeen) return false;
                geometrySeen = true;
                if (Literal("null"u8)) _builder.AppendNull();
                else if (!Take((byte)'{') || !Name(out ReadOnlySpan<byte> member) || !member.SequenceEqual("type"u8)
                         || !String(out ReadOnlySpan<byte> type) || !ReadGeometryMembers(type))
                    return false;
            }
            else if (name.SequenceEqual("type"u8))
            {
                if (typeSeen || !String(out ReadOnlySpan<byte> type) || !type.SequenceEqual("Feature"u8)) return false;
                typeSeen = true;
            }
            else if (!SkipValue(0)) return false;
        }
        return typeSeen && geometrySeen && Take((byte)'}');
    }

    /// <summary>The members of a geometry object after its "type" through its '}', as a new row.</summary>
    private bool ReadGeometryMembers(ReadOnlySpan<byte> typeName)
    {
        GeometryType type;
        if (typeName.SequenceEqual("Point"u8)) type = GeometryType.Point;
        else if (typeName.SequenceEqual("LineString"u8)) type = GeometryType.LineString;
        else if (typeName.SequenceEqual("Polygon"u8)) type = GeometryType.Polygon;
        else if (typeName.SequenceEqual("MultiPoint"u8)) type = GeometryType.MultiPoint;
        else if (typeName.SequenceEqual("MultiLineString"u8)) type = GeometryType.MultiLineString;
        else if (typeName.SequenceEqual("MultiPolygon"u8)) type = GeometryType.MultiPolygon;
        else return false;
        _builder.BeginGeometry(type);
        bool found = false;
        while (Take((byte)','))
        {
            if (!Name(out ReadOnlySpan<byte> name)) return false;
            if (!name.SequenceEqual("coordinates"u8))
            {
                if (name.SequenceEqual("type"u8) || !SkipValue(0)) return false;
                continue;
            }
            if (found || !Take((byte)'[')) return false;
            found = true;
            if (!ReadCoordinates(type)) return false;
        }
        return found && Take((byte)'}');
    }

    /// <summary>The "coordinates" of <paramref name="type"/> after their '[' through their ']'.</summary>
    private bool ReadCoordinates(GeometryType type)
    {
        switch (type)
        {
            case GeometryType.Point:
                return ReadPoint();
            case GeometryType.LineString:
                _builder.BeginPart(GeometryType.LineString);
                return ReadPositions();
            case GeometryType.Polygon:
                return ReadRings();
        }
        if (Take((byte)']')) return true;
        do
        {
            if (!Take((byte)'[')) return false;
            bool read;
            if (type == GeometryType.MultiPoint) read = ReadPoint();
            else if (type == GeometryType.MultiPolygon) read = ReadRings();
            else
            {
                _builder.BeginPart(GeometryType.LineString);
                read = ReadPositions();
            }
            if (!read) return false;
        }
        while (Take((byte)','));
        return Take((byte)']');
    }

    /// <summary>A point part from a position after its '['; [] is POINT EMPTY.</summary>
    private bool ReadPoint()
    {
        _builder.BeginPart(GeometryType.Point);
        _builder.BeginRing();
        if (!Take((byte)']')) return ReadPositionValues();
        _builder.AddCoordinate(double.NaN, double.NaN);
        return true;
    }

    /// <summary>A polygon part from its ring list after its '['.</summary>
    private bool ReadRings()
    {
        _builder.BeginPart(GeometryType.Polygon);
        if (Take((byte)']')) return true;
        do
        {
            if (!Take((byte)'[') || !ReadPositions()) return false;
        }
        while (Take((byte)','));
        return Take((byte)']');
    }

    /// <summary>One ring of positions after its '['.</summary>
    private bool ReadPositions()
    {
        _builder.BeginRing();
        if (Take((byte)']')) return true;
        do
        {
            if (!Take((byte)'[') || !ReadPositionValues()) return false;
        }
        while (Take((byte)','));
        return Take((byte)']');
    }

    /// <summary>The 2 or 3 numbers of a position through its ']'. A first z goes to the general path,
    /// which promotes the builder to Z exactly when it reads the row.</summary>
    private bool ReadPositionValues()
    {
        if (!Number(out double x) || !Take((byte)',') || !Number(out double y)) return false;
        if (Take((byte)']'))
        {
            _builder.AddCoordinate(x, y);
            return true;
        }
        if (!_builder.HasZ || !Take((byte)',') || !Number(out double z) || !Take((byte)']')) return false;
        _builder.AddCoordinate(x, y, z);
        return true;
    }

    /// <summary>The prefixes of a plain point's text up to its first number: as written by to_geojson and
    /// by Python's json.dumps.</summary>
    private static ReadOnlySpan<byte> CompactPointPrefix => "{\"type\":\"Point\",\"coordinates\":["u8;

    private static ReadOnlySpan<byte> SpacedPointPrefix => "{\"type\": \"Point\", \"coordinates\": ["u8;

    /// <summary>
    /// A plain 2D point, <c>{"type":"Point","coordinates":[x,y]}</c> (or with json.dumps' spaces; any
    /// whitespace around the numbers and the closing brackets): its x and y, or false for any other text,
    /// which the row path then reads. The row path reads a plain point to the same x and y.
    /// </summary>
    public static bool TryReadPlainPoint(ReadOnlySpan<byte> json, out double x, out double y)
    {
        y = 0;
        int position;
        if (json.StartsWith(CompactPointPrefix)) position = CompactPointPrefix.Length;
        else if (json.StartsWith(SpacedPointPrefix)) position = SpacedPointPrefix.Length;
        else
        {
            x = 0;
            return false;
        }
        if (!Number(json, ref position, out x) || !Take(json, ref position, (byte)',') || !Number(json, ref position, out y)
            || !Take(json, ref position, (byte)']') || !Take(json, ref position, (byte)'}'))
            return false;
        return SkipWhitespace(json, position) == json.Length;
    }

    private bool Number(out double value) => Number(_json, ref _position, out value);

    /// <summary>Consumes <paramref name="token"/> after optional whitespace.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Take(ReadOnlySpan<byte> json, ref int position, byte token)
    {
        int i = position;
        if (i < json.Length && json[i] != token) i = SkipWhitespace(json, i);
        if (i >= json.Length || json[i] != token) return false;
        position = i + 1;
        return true;
    }

    /// <summary>A finite JSON number after optional whitespace: plain decimals of at most 19 digits go
    /// through <see cref="Divide"/>, others (and what it declines) through double.Parse.</summary>
    private static bool Number(ReadOnlySpan<byte> json, ref int position, out double value)
    {
        int start = position;
        if (start < json.Length && json[start] <= (byte)' ') start = SkipWhitespace(json, start);
        int i = start;
        value = 0;
        bool negative = i < json.Length && json[i] == (byte)'-';
        if (negative) i++;
        ulong mantissa = 0;
        int digits = 0, decimals = 0;
        if (i < json.Length && json[i] == (byte)'0') i++;
        else if (i < json.Length && json[i] - (uint)'1' <= 8) i = Digits(json, i, ref mantissa, ref digits);
        else return false;
        if (i < json.Length && json[i] == (byte)'.')
        {
            int first = ++i;
            i = Digits(json, i, ref mantissa, ref digits);
            decimals = i - first;
            if (i == first) return false;
        }
        bool plain = true;
        if (i < json.Length && (json[i] | 0x20) == (byte)'e')
        {
            plain = false;
            i++;
            if (i < json.Length && (json[i] == (byte)'+' || json[i] == (byte)'-')) i++;
            int first = i;
            while (i < json.Length && json[i] - (uint)'0' <= 9) i++;
            if (i == first) return false;
        }
        position = i;
        if (plain && digits <= 19 && Divide(mantissa, decimals, out value))
        {
            if (negative) value = -value;
            return true;
        }
        return double.TryParse(json[start..i], NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    /// <summary>The digits from <paramref name="i"/> on: the first 19 go into <paramref name="mantissa"/>,
    /// eight at a time while they fit; <paramref name="digits"/> counts them all. Returns the end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Digits(ReadOnlySpan<byte> json, int i, ref ulong mantissa, ref int digits)
    {
        while (digits <= 11 && i + 8 <= json.Length)
        {
            ulong chunk = BinaryPrimitives.ReadUInt64LittleEndian(json.Slice(i, 8));
            // Eight ASCII digits: every byte 0x30..0x39 (adding 6 keeps it below 0x40).
            if (((chunk & 0xF0F0F0F0F0F0F0F0) | (((chunk + 0x0606060606060606) & 0xF0F0F0F0F0F0F0F0) >> 4)) != 0x3333333333333333) break;
            chunk -= 0x3030303030303030;
            chunk = chunk * 10 + (chunk >> 8);
            chunk = ((chunk & 0x000000FF000000FF) * (100 + (1_000_000UL << 32)) + ((chunk >> 16) & 0x000000FF000000FF) * (1 + (10_000UL << 32))) >> 32;
            mantissa = mantissa * 100_000_000 + (uint)chunk;
            digits += 8;
            i += 8;
        }
        for (; i < json.Length && json[i] - (uint)'0' <= 9; i++, digits++)
            if (digits < 19) mantissa = mantissa * 10 + (uint)(json[i] - '0');
        return i;
    }

    /// <summary>
    /// <paramref name="mantissa"/> / 10^<paramref name="decimals"/> correctly rounded, or false. Up to 2^53
    /// the mantissa is exact, so one division rounds correctly (Clinger's fast path); above, the
    /// Eisel-Lemire algorithm (<see cref="EiselLemire"/>) rounds it exactly without dividing.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Divide(ulong mantissa, int decimals, out double value)
    {
        value = 0;
        if (mantissa <= 1UL << 53)
        {
            if (decimals >= ExactPowersOfTen.Length) return false;
            value = mantissa / ExactPowersOfTen[decimals];
            return true;
        }
        if (decimals >= ReciprocalPowersOfFive.Length / 2) return false;
        value = EiselLemire(mantissa, decimals);
        return true;
    }

    /// <summary>
    /// The double nearest <paramref name="mantissa"/> &#215; 10^-<paramref name="decimals"/> (ties to even)
    /// for a mantissa above 2^53 and at most 19 decimals: the normalised mantissa times the 128-bit
    /// reciprocal of 5^decimals gives the 55 leading bits of the quotient, rounded once. This is
    /// fast_float's compute_float (Lemire, "Number Parsing at a Gigabyte per Second", 2021), for which
    /// Mushtak and Lemire prove ("Fast Number Parsing Without Fallback", 2023) that the product, widened
    /// by a second multiplication when its low bits are all ones, always decides the rounding. The
    /// quotient is a normal double (at least 2^53 / 10^19).
    /// </summary>
    private static double EiselLemire(ulong mantissa, int decimals)
    {
        int leadingZeros = BitOperations.LeadingZeroCount(mantissa);
        ulong w = mantissa << leadingZeros;
        ulong high = Math.BigMul(w, ReciprocalPowersOfFive[2 * decimals], out ulong low);
        // 64 - 55 precision bits: the 9 bits below the rounding bit are all ones, so a carry from the
        // next 64 bits of the reciprocal may still reach them.
        if ((high & 0x1FF) == 0x1FF)
        {
            ulong next = Math.BigMul(w, ReciprocalPowersOfFive[2 * decimals + 1], out _);
            low += next;
            if (next > low) high++;
        }
        int upperBit = (int)(high >> 63);
        ulong significand = high >> (upperBit + 9);
        // floor(-decimals * log2(10)) + 63, the binary exponent of the normalised product, biased by 1023.
        int exponent = ((217706 * -decimals) >> 16) + 63 + upperBit - leadingZeros + 1023;
        // Exactly halfway between two doubles (possible only for decimals <= 4, as fast_float shows, and
        // then nothing was dropped below the rounding bit): round to even, down when the kept bit is odd.
        if (low <= 1 && decimals <= 4 && (significand & 3) == 1 && significand << (upperBit + 9) == high) significand &= ~1UL;
        significand += significand & 1;
        significand >>= 1;
        if (significand >= 2UL << 52)
        {
            significand = 1UL << 52;
            exponent++;
        }
        return BitConverter.UInt64BitsToDouble((significand & ~(1UL << 52)) | ((ulong)exponent << 52));
    }

    /// <summary>
    /// 2^(127 + ceil(log2 5^d)) / 5^d + 1 (rounded down) for d = 0 .. 19 (2^127 for d = 0), high then low
    /// 64 bits: the normalised reciprocals of the powers of five, as in fast_float's table.
    /// </summary>
    internal static ReadOnlySpan<ulong> ReciprocalPowersOfFive =>
    [
        0x8000000000000000, 0x0000000000000000,
        0xCCCCCCCCCCCCCCCC, 0xCCCCCCCCCCCCCCCD,
        0xA3D70A3D70A3D70A, 0x3D70A3D70A3D70A4,
        0x83126E978D4FDF3B, 0x645A1CAC083126EA,
        0xD1B71758E219652B, 0xD3C36113404EA4A9,
        0xA7C5AC471B478423, 0x0FCF80DC33721D54,
        0x8637BD05AF6C69B5, 0xA63F9A49C2C1B110,
        0xD6BF94D5E57A42BC, 0x3D32907604691B4D,
        0xABCC77118461CEFC, 0xFDC20D2B36BA7C3E,
        0x89705F4136B4A597, 0x31680A88F8953031,
        0xDBE6FECEBDEDD5BE, 0xB573440E5A884D1C,
        0xAFEBFF0BCB24AAFE, 0xF78F69A51539D749,
        0x8CBCCC096F5088CB, 0xF93F87B7442E45D4,
        0xE12E13424BB40E13, 0x2865A5F206B06FBA,
        0xB424DC35095CD80F, 0x538484C19EF38C95,
        0x901D7CF73AB0ACD9, 0x0F9D37014BF60A11,
        0xE69594BEC44DE15B, 0x4C2EBE687989A9B4,
        0xB877AA3236A4B449, 0x09BEFEB9FAD487C3,
        0x9392EE8E921D5D07, 0x3AFF322E62439FD0,
        0xEC1E4A7DB69561A5, 0x2B31E9E3D06C32E6,
    ];

    /// <summary>Skips a value made of ASCII strings without escapes, numbers, literals, arrays and objects.</summary>
    private bool SkipValue(int depth)
    {
        SkipWhitespace();
        if (_position == _json.Length) return false;
        switch (_json[_position])
        {
            case (byte)'"':
                return String(out _);
            case (byte)'t':
                return Literal("true"u8);
            case (byte)'f':
                return Literal("false"u8);
            case (byte)'n':
                return Literal("null"u8);
            case (byte)'[':
                if (depth == MaxSkipDepth) return false;
                _position++;
                if (Take((byte)']')) return true;
                do
                {
                    if (!SkipValue(depth + 1)) return false;
                }
                while (Take((byte)','));
                return Take((byte)']');
            case (byte)'{':
                if (depth == MaxSkipDepth) return false;
                _position++;
                if (Take((byte)'}')) return true;
                do
                {
                    if (!Name(out _) || !SkipValue(depth + 1)) return false;
                }
                while (Take((byte)','));
                return Take((byte)'}');
            default:
                return Number(out _);
        }
    }

    /// <summary>A member name and its ':'.</summary>
    private bool Name(out ReadOnlySpan<byte> name) => String(out name) && Take((byte)':');

    /// <summary>A string of printable ASCII without escapes; <paramref name="text"/> is its content.</summary>
    private bool String(out ReadOnlySpan<byte> text)
    {
        text = default;
        if (!Take((byte)'"')) return false;
        ReadOnlySpan<byte> rest = _json[_position..];
        int quote = rest.IndexOfAny((byte)'"', (byte)'\\');
        if (quote < 0 || rest[quote] != (byte)'"' || rest[..quote].ContainsAnyExceptInRange((byte)' ', (byte)'~')) return false;
        text = rest[..quote];
        _position += quote + 1;
        return true;
    }

    private bool Literal(ReadOnlySpan<byte> literal)
    {
        SkipWhitespace();
        if (!_json[_position..].StartsWith(literal)) return false;
        int end = _position + literal.Length;
        // A literal runs into a following letter or digit only in invalid JSON ("nullx").
        if (end < _json.Length && char.IsAsciiLetterOrDigit((char)_json[end])) return false;
        _position = end;
        return true;
    }

    /// <summary>Consumes <paramref name="token"/> after optional whitespace; false (consuming nothing more) when another byte follows.</summary>
    private bool Take(byte token) => Take(_json, ref _position, token);

    private bool Peek(byte token)
    {
        SkipWhitespace();
        return _position < _json.Length && _json[_position] == token;
    }

    private void SkipWhitespace() => _position = SkipWhitespace(_json, _position);

    /// <summary>The first position from <paramref name="i"/> on that is not JSON whitespace.</summary>
    private static int SkipWhitespace(ReadOnlySpan<byte> json, int i)
    {
        while (i < json.Length && (json[i] == (byte)' ' || json[i] == (byte)'\n' || json[i] == (byte)'\r' || json[i] == (byte)'\t')) i++;
        return i;
    }
}
