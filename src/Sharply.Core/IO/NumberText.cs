using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
        if (TryShortestDigits(Math.Abs(value), out ulong m, out int k))
        {
            output.Advance(Trim(span, WriteRounded(span, m, k, precision, value < 0), trim));
            return;
        }
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
        output.Advance(Trim(span, length, trim));
    }

    /// <summary>With <paramref name="trim"/>, drops trailing zeros, a trailing point and the sign of zero.</summary>
    private static int Trim(Span<byte> span, int length, bool trim)
    {
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
        return length;
    }

    /// <summary>m / 10^k rounded half to even to <paramref name="precision"/> decimals, written with exactly
    /// that many decimals (no point for 0); a negative value keeps its sign even when it rounds to zero.</summary>
    private static int WriteRounded(Span<byte> span, ulong m, int k, int precision, bool negative)
    {
        int pad = 0;
        if (k > precision)
        {
            int drop = k - precision;
            if (drop >= PowersOfTen.Length) m = 0;
            else
            {
                ulong divisor = PowersOfTen[drop], quotient = m / divisor, remainder = m - quotient * divisor;
                if (remainder > divisor - remainder || (remainder == divisor - remainder && (quotient & 1) == 1)) quotient++;
                m = quotient;
            }
            k = precision;
        }
        else pad = precision - k;
        int length = precision == 0 ? WriteInteger(span, m, negative) : WriteFixedDigits(span, m, k, negative);
        if (pad > 0)
        {
            // WriteFixedDigits wrote "x.0" for k == 0: that zero is the first padded one.
            if (k == 0) pad--;
            span.Slice(length, pad).Fill((byte)'0');
            length += pad;
        }
        return length;
    }

    private static int WriteInteger(Span<byte> span, ulong m, bool negative)
    {
        int length = 0;
        if (negative) span[length++] = (byte)'-';
        int digits = 1;
        for (ulong rest = m / 10; rest != 0; rest /= 10) digits++;
        for (int i = length + digits - 1; i >= length; i--)
        {
            span[i] = (byte)('0' + (int)(m % 10));
            m /= 10;
        }
        return length + digits;
    }

    /// <summary>
    /// JSON number: the shortest text that reads back to the same double, laid out as .NET's round-trip
    /// text is (positional from 1e-4 to below 1e17, else scientific with at least two exponent digits),
    /// with ".0" on integral values and a lowercase exponent (1.0, 0.1, 1e+20, 1e-05).
    /// NaN and infinities are null.
    /// </summary>
    public static void WriteShortest(Utf8Sink output, double value) => output.Advance(FormatShortest(value, output.GetSpan(MaxShortestLength)));

    /// <summary>Longest output of <see cref="FormatShortest"/>.</summary>
    public const int MaxShortestLength = 32;

    /// <summary><see cref="WriteShortest"/> into <paramref name="span"/> (at least <see cref="MaxShortestLength"/>
    /// bytes); returns the length written.</summary>
    public static int FormatShortest(double value, Span<byte> span)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(value);
        bool negative = (long)bits < 0;
        bits &= ~(1UL << 63);
        if (bits >= 0x7FF0000000000000)
        {
            "null"u8.CopyTo(span);
            return 4;
        }
        if (bits == 0)
        {
            (negative ? "-0.0"u8 : "0.0"u8).CopyTo(span);
            return negative ? 4 : 3;
        }
        ulong digits = ShortestDecimal.Of(bits, out int exponent);
        int count = DigitCount(digits), point = count + exponent;
        if (point is >= -3 and <= 17)
            return exponent >= 0 ? WriteFixedDigits(span, digits * PowersOfTen[exponent], 0, negative) : WriteFixedDigits(span, digits, -exponent, negative);
        int length = 0;
        if (negative) span[length++] = (byte)'-';
        if (count == 1) span[length++] = (byte)('0' + (int)digits);
        else length += WriteFixedDigits(span[length..], digits, count - 1, false);
        span[length++] = (byte)'e';
        int power = point - 1;
        span[length++] = power < 0 ? (byte)'-' : (byte)'+';
        power = Math.Abs(power);
        if (power >= 100)
        {
            span[length++] = (byte)('0' + power / 100);
            power %= 100;
        }
        span[length++] = (byte)('0' + power / 10);
        span[length++] = (byte)('0' + power % 10);
        return length;
    }

    /// <summary>10^k for k = 0 .. 19.</summary>
    private static readonly ulong[] PowersOfTen = MakePowersOfTen();

    private static ulong[] MakePowersOfTen()
    {
        var powers = new ulong[20];
        powers[0] = 1;
        for (int k = 1; k < powers.Length; k++) powers[k] = powers[k - 1] * 10;
        return powers;
    }

    /// <summary>The number of decimal digits of <paramref name="m"/> (1 for 0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int DigitCount(ulong m)
    {
        // bits * 1233 / 4096 is floor(log10 2^bits): the count is that or one more.
        int estimate = (64 - BitOperations.LeadingZeroCount(m | 1)) * 1233 >> 12;
        return estimate + (m >= PowersOfTen[estimate] ? 1 : 0);
    }

    /// <summary>The shortest round-trip digits of <paramref name="magnitude"/> as m / 10^k for
    /// 1e-3 &lt;= magnitude &lt; 1e15, where m fits a ulong; false outside that range.</summary>
    private static bool TryShortestDigits(double magnitude, out ulong m, out int k)
    {
        k = 0;
        m = 0;
        if (!(magnitude >= 1e-3 && magnitude < 1e15)) return false;
        m = ShortestDecimal.Of(BitConverter.DoubleToUInt64Bits(magnitude), out int exponent);
        if (exponent >= 0) m *= PowersOfTen[exponent];
        else k = -exponent;
        return true;
    }

    private static ReadOnlySpan<byte> DigitPairs =>
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    /// <summary>Writes <paramref name="m"/> / 10^<paramref name="k"/> as "123.45" ("123.0" when k is 0, "0.012" below 1),
    /// back to front once the length is known.</summary>
    private static unsafe int WriteFixedDigits(Span<byte> span, ulong m, int k, bool negative)
    {
        int count = DigitCount(m);
        int length = (negative ? 1 : 0) + (count <= k ? 2 + k : count + 1 + (k == 0 ? 1 : 0));
        if ((uint)length > (uint)span.Length) throw new ArgumentException($"{length} bytes do not fit {span.Length}", nameof(span));
        // Safe: every write lands before start + length, inside the span (checked above).
        fixed (byte* start = span)
        {
            byte* position = start + length;
            if (k == 0)
            {
                *--position = (byte)'0';
                *--position = (byte)'.';
            }
            else
            {
                position = WriteLowDigits(position, ref m, k);
                *--position = (byte)'.';
            }
            WriteLowDigits(position, ref m, Math.Max(count - k, 1));
            if (negative) *start = (byte)'-';
        }
        return length;
    }

    /// <summary>Writes the lowest <paramref name="count"/> digits of <paramref name="m"/> (leading zeros
    /// included) two at a time, ending before <paramref name="end"/>; m loses them. Returns where they start.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe byte* WriteLowDigits(byte* end, ref ulong m, int count)
    {
        ref byte pairs = ref MemoryMarshal.GetReference(DigitPairs);
        for (; count >= 2; count -= 2)
        {
            ulong quotient = m / 100;
            end -= 2;
            // Safe: the caller owns the count bytes before end.
            Unsafe.WriteUnaligned(end, Unsafe.ReadUnaligned<ushort>(ref Unsafe.Add(ref pairs, 2 * (int)(m - quotient * 100))));
            m = quotient;
        }
        if (count == 1)
        {
            ulong quotient = m / 10;
            *--end = (byte)('0' + (int)(m - quotient * 10));
            m = quotient;
        }
        return end;
    }
}
