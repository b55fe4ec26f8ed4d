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
    /// JSON number: the shortest text that reads back to the same double, with ".0" on integral values
    /// and a lowercase exponent (1.0, 0.1, 1e+20), as Python and GEOS write. NaN and infinities are null.
    /// </summary>
    public static void WriteShortest(Utf8Sink output, double value) => output.Advance(FormatShortest(value, output.GetSpan(MaxShortestLength)));

    /// <summary>Longest output of <see cref="FormatShortest"/>.</summary>
    public const int MaxShortestLength = 32;

    /// <summary><see cref="WriteShortest"/> into <paramref name="span"/> (at least <see cref="MaxShortestLength"/>
    /// bytes); returns the length written.</summary>
    public static int FormatShortest(double value, Span<byte> span)
    {
        if (!double.IsFinite(value))
        {
            "null"u8.CopyTo(span);
            return 4;
        }
        int length = TryFormatShortestFixed(value, span);
        return length > 0 ? length : FormatShortestGeneral(value, span);
    }

    /// <summary>The general path of <see cref="WriteShortest"/> for a finite value: .NET's shortest
    /// round-trip text, with a lowercase exponent and ".0" added to integral values.</summary>
    internal static int FormatShortestGeneral(double value, Span<byte> span)
    {
        value.TryFormat(span, out int length, "R", CultureInfo.InvariantCulture);
        int exponent = span[..length].IndexOf((byte)'E');
        if (exponent >= 0) span[exponent] = (byte)'e';
        else if (!span[..length].Contains((byte)'.'))
        {
            span[length++] = (byte)'.';
            span[length++] = (byte)'0';
        }
        return length;
    }

    /// <summary>10^k for k = 0 .. 19 (enough for 17 significant digits of values from 1e-3 on).</summary>
    private static readonly ulong[] PowersOfTen = MakePowersOfTen();

    private static ulong[] MakePowersOfTen()
    {
        var powers = new ulong[20];
        powers[0] = 1;
        for (int k = 1; k < powers.Length; k++) powers[k] = powers[k - 1] * 10;
        return powers;
    }

    /// <summary>
    /// The fast path of <see cref="WriteShortest"/> for values written in positional notation
    /// (1e-3 &lt;= |value| &lt; 1e15), in exact integer arithmetic: with |value| = f * 2^e, the decimals
    /// m / 10^k that read back as the value are the integers m inside the rounding interval of the
    /// value scaled by 10^k (ends included when f is even, as round-half-even reading does). The fewest
    /// decimals k with such an m (found by bisection: once one exists, every larger k has one) give the
    /// fewest significant digits; among several such m the one nearest the exact value is taken, as
    /// shortest round-trip algorithms do (an exact tie returns 0 for the general path to decide).
    /// Returns the length written.
    /// </summary>
    internal static int TryFormatShortestFixed(double value, Span<byte> span) =>
        TryShortestDigits(Math.Abs(value), out ulong m, out int k) ? WriteFixedDigits(span, m, k, value < 0) : 0;

    /// <summary>The shortest round-trip text of <paramref name="magnitude"/> as m / 10^k (see
    /// <see cref="TryFormatShortestFixed"/>); false when the general path must decide.</summary>
    private static bool TryShortestDigits(double magnitude, out ulong m, out int k)
    {
        k = 0;
        m = 0;
        if (!(magnitude >= 1e-3 && magnitude < 1e15)) return false;
        ulong bits = BitConverter.DoubleToUInt64Bits(magnitude);
        ulong f = (bits & ((1UL << 52) - 1)) | (1UL << 52);
        int shift = 2 - ((int)(bits >> 52) - 1075);
        // In units of 2^(e - 2): the value is 4f, the neighbours' midpoints 4f - 2 (4f - 1 below a
        // power of two, where the next smaller double is half as far) and 4f + 2.
        ulong lower = f == 1UL << 52 ? 4 * f - 1 : 4 * f - 2, upper = 4 * f + 2;
        bool inclusive = (f & 1) == 0;
        // 17 significant digits always suffice; most full-precision values need 16 or 17, so try those first.
        int integerDigits = 0;
        while (integerDigits < 15 && magnitude >= PowersOfTen[integerDigits]) integerDigits++;
        int leadingZeros = magnitude >= 0.1 ? 0 : magnitude >= 0.01 ? 1 : 2;
        int low = 0, high = Math.Min(PowersOfTen.Length - 1, 17 - integerDigits + leadingZeros);
        if (high > 0 && Candidates(lower, upper, shift, inclusive, high - 1, out _) == 0) low = high;
        else if (high > 0) high--;
        while (low < high)
        {
            int middle = (low + high) / 2;
            if (Candidates(lower, upper, shift, inclusive, middle, out _) > 0) high = middle;
            else low = middle + 1;
        }
        k = low;
        int count = Candidates(lower, upper, shift, inclusive, low, out m);
        if (count == 0) return false;
        if (count > 1)
        {
            // Several texts of that length read back as the value: the algorithms pick the one nearest
            // the exact value (an exact tie is left to the general path).
            UInt128 center = Math.BigMul(4 * f, PowersOfTen[low]), half = UInt128.One << (shift - 1);
            UInt128 remainder = center & ((UInt128.One << shift) - 1);
            if (remainder == half) return false;
            ulong nearest = (ulong)(center >> shift) + (remainder > half ? 1UL : 0UL);
            Candidates(lower, upper, shift, inclusive, low, out ulong first, out ulong last);
            m = Math.Clamp(nearest, first, last);
        }
        return true;
    }

    /// <summary>How many integers lie in the interval [lower, upper] * 10^k / 2^shift (0, 1 or 2 meaning
    /// "more"), and the first of them.</summary>
    private static int Candidates(ulong lower, ulong upper, int shift, bool inclusive, int k, out ulong first) =>
        Candidates(lower, upper, shift, inclusive, k, out first, out _);

    private static int Candidates(ulong lower, ulong upper, int shift, bool inclusive, int k, out ulong first, out ulong last)
    {
        UInt128 l = Math.BigMul(lower, PowersOfTen[k]), u = Math.BigMul(upper, PowersOfTen[k]);
        UInt128 mask = (UInt128.One << shift) - 1;
        UInt128 lo = (l >> shift) + ((l & mask) != 0 || !inclusive ? UInt128.One : UInt128.Zero);
        UInt128 hi = (u >> shift) - ((u & mask) == 0 && !inclusive ? UInt128.One : UInt128.Zero);
        first = (ulong)lo;
        last = (ulong)hi;
        if (lo > hi) return 0;
        return lo == hi ? 1 : 2;
    }

    /// <summary>The last two digits of <paramref name="m"/> before <paramref name="position"/>; m loses them.</summary>
    private static void WritePair(Span<byte> span, ref int position, ref ulong m)
    {
        ulong quotient = m / 100;
        int rest = 2 * (int)(m - quotient * 100);
        span[--position] = DigitPairs[rest + 1];
        span[--position] = DigitPairs[rest];
        m = quotient;
    }

    /// <summary>The last digit of <paramref name="m"/> before <paramref name="position"/>; m loses it.</summary>
    private static void WriteDigit(Span<byte> span, ref int position, ref ulong m)
    {
        ulong quotient = m / 10;
        span[--position] = (byte)('0' + (int)(m - quotient * 10));
        m = quotient;
    }

    private static ReadOnlySpan<byte> DigitPairs =>
        "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;

    /// <summary>Writes <paramref name="m"/> / 10^<paramref name="k"/> as "123.45" ("123.0" when k is 0, "0.012" below 1),
    /// back to front once the length is known.</summary>
    private static int WriteFixedDigits(Span<byte> span, ulong m, int k, bool negative)
    {
        int count = 1;
        while (count < PowersOfTen.Length && m >= PowersOfTen[count]) count++;
        int length = (negative ? 1 : 0) + (count <= k ? 2 + k : count + 1 + (k == 0 ? 1 : 0));
        int position = length;
        if (k == 0)
        {
            span[--position] = (byte)'0';
            span[--position] = (byte)'.';
        }
        else
        {
            int decimals = k;
            for (; decimals >= 2; decimals -= 2) WritePair(span, ref position, ref m);
            if (decimals == 1) WriteDigit(span, ref position, ref m);
            span[--position] = (byte)'.';
        }
        while (m >= 100) WritePair(span, ref position, ref m);
        if (m >= 10) WritePair(span, ref position, ref m);
        else WriteDigit(span, ref position, ref m);
        if (negative) span[--position] = (byte)'-';
        return length;
    }
}
