using System.Globalization;

namespace Sharply.Core.IO;

/// <summary>Formats doubles as UTF-8 the way GEOS writes WKT and GeoJSON.</summary>
internal static class NumberText
{
    /// <summary>Longest output of <see cref="WriteFixed"/>: 309 integer digits, sign, point, 17 decimals.</summary>
    private const int MaxFixedLength = 330;

    /// <summary>
    /// WKT number: positional notation with <paramref name="precision"/> decimals (GEOS with a rounding
    /// precision, rounding the shortest round-trip digits half to even), or for precision -1 the 16 significant digits GEOS writes by default. With
    /// <paramref name="trim"/>, trailing zeros, a trailing point and the sign of zero are dropped.
    /// NaN and infinities are written NaN, Infinity, -Infinity.
    /// </summary>
    public static void WriteFixed(Utf8Sink output, double value, int precision, bool trim)
    {
        if (!double.IsFinite(value))
        {
            output.Write(double.IsNaN(value) ? "NaN"u8 : value > 0 ? "Infinity"u8 : "-Infinity"u8);
            return;
        }
        if (precision < 0)
        {
            if (!trim) precision = 16;
            else
            {
                double magnitude = Math.Abs(value);
                int integerDigits = magnitude < 1 ? 0 : (int)Math.Floor(Math.Log10(magnitude)) + 1;
                precision = Math.Clamp(16 - integerDigits, 0, 16);
            }
        }
        Span<byte> span = output.GetSpan(MaxFixedLength);
        Span<char> format = stackalloc char[4];
        format[0] = 'F';
        precision.TryFormat(format[1..], out int formatLength, default, CultureInfo.InvariantCulture);
        format = format[..(formatLength + 1)];
        int length;
        if (Math.Abs(value) < 1e28)
        {
            // GEOS rounds the shortest round-trip decimal digits half to even (2.5e-06 -> 0.000002),
            // not the exact binary value, so round the shortest digits as a decimal.
            Span<byte> shortest = stackalloc byte[32];
            value.TryFormat(shortest, out int shortestLength, "R", CultureInfo.InvariantCulture);
            decimal exact = decimal.Parse(shortest[..shortestLength], NumberStyles.Float, CultureInfo.InvariantCulture);
            decimal.Round(exact, precision, MidpointRounding.ToEven).TryFormat(span, out length, format, CultureInfo.InvariantCulture);
            if (value < 0 && span[0] != (byte)'-')
            {
                span[..length].CopyTo(span[1..]);
                span[0] = (byte)'-';
                length++;
            }
        }
        else value.TryFormat(span, out length, format, CultureInfo.InvariantCulture);
        if (trim && span[..length].Contains((byte)'.'))
        {
            while (span[length - 1] == (byte)'0') length--;
            if (span[length - 1] == (byte)'.') length--;
            if (length == 2 && span[0] == (byte)'-' && span[1] == (byte)'0')
            {
                span[0] = (byte)'0';
                length = 1;
            }
        }
        output.Advance(length);
    }

    /// <summary>
    /// JSON number: the shortest text that reads back to the same double, with ".0" on integral values
    /// and a lowercase exponent (1.0, 0.1, 1e+20), as Python and GEOS write. NaN and infinities are null.
    /// </summary>
    public static void WriteShortest(Utf8Sink output, double value)
    {
        if (!double.IsFinite(value))
        {
            output.Write("null"u8);
            return;
        }
        Span<byte> span = output.GetSpan(32);
        value.TryFormat(span, out int length, "R", CultureInfo.InvariantCulture);
        int exponent = span[..length].IndexOf((byte)'E');
        if (exponent >= 0) span[exponent] = (byte)'e';
        else if (!span[..length].Contains((byte)'.'))
        {
            span[length++] = (byte)'.';
            span[length++] = (byte)'0';
        }
        output.Advance(length);
    }
}
