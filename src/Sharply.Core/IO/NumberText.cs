using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

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

    /// <summary>Longest text of <see cref="FormatShortest(double, Span{byte})"/> ("-1.2345678901234567e-308").</summary>
    public const int MaxShortestText = 24;

    /// <summary>Bytes <see cref="FormatShortest(double, Span{byte})"/> may write to: past the text too, as digits
    /// are stored eight or sixteen at a time (every write ends within 24 bytes; 32 leaves a margin).</summary>
    public const int MaxShortestLength = 32;

    /// <summary><see cref="WriteShortest"/> into <paramref name="span"/> (at least <see cref="MaxShortestLength"/>
    /// bytes); returns the length written.</summary>
    public static int FormatShortest(double value, Span<byte> span)
    {
        if (span.Length < MaxShortestLength) throw new ArgumentException($"{MaxShortestLength} bytes needed, {span.Length} given", nameof(span));
        return FormatShortest(value, ref MemoryMarshal.GetReference(span));
    }

    /// <summary><see cref="WriteShortest"/> at <paramref name="destination"/>, which the caller guarantees to be
    /// followed by at least <see cref="MaxShortestLength"/> writable bytes; returns the length written.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FormatShortest(double value, ref byte destination)
    {
        ulong bits = BitConverter.DoubleToUInt64Bits(value);
        int sign = (int)(bits >> 63);
        bits &= ~(1UL << 63);
        // Safe (all writes below): the caller guarantees MaxShortestLength bytes from destination, and
        // every write ends within 24 bytes of it (bounds noted at each one).
        if (bits - 1 >= 0x7FF0000000000000 - 1)
        {
            if (bits == 0)
            {
                Unsafe.WriteUnaligned(ref destination, sign == 0 ? 0x302E30u : 0x302E302Du); // "0.0", "-0.0"
                return 3 + sign;
            }
            Unsafe.WriteUnaligned(ref destination, 0x6C6C756Eu); // "null"
            return 4;
        }
        destination = (byte)'-';
        ref byte start = ref Unsafe.Add(ref destination, sign);
        ulong digits = ShortestDecimal.Of(bits, out int exponent);
        int count = DigitCount(digits), point = count + exponent;
        if ((uint)(point - 1) < 17)
        {
            if (exponent >= 0)
            {
                // An integer of point <= 17 digits: "123.0" (point + 2 bytes, digit stores end by 17).
                WriteDigits(ref start, digits * PowersOfTen[exponent], point);
                Unsafe.WriteUnaligned(ref Unsafe.Add(ref start, point), (ushort)0x302E); // ".0"
                return sign + point + 2;
            }
            // 1 <= point < count <= 17: the point goes in among the digits in registers (moving digits once
            // stored would stall on reading back the stores just made), then 16 bytes and the last digit are
            // stored (ending 18 bytes after the sign at most).
            int textLength = sign + count + 1;
            ulong high = digits / 100_000_000;
            uint low = (uint)(digits - high * 100_000_000);
            if (count == 17)
            {
                // The first digit divided out of digits, not of high: in parallel with high, not after it.
                uint top = (uint)(digits / 10_000_000_000_000_000);
                start = (byte)('0' + top);
                high = (uint)high - top * 100_000_000;
                start = ref Unsafe.Add(ref start, 1);
                count--;
                point--;
            }
            // The 16 digits (leading zeros included) in one vector, first digit in the lowest byte; one shuffle
            // picks byte j of the text: digit j + 16 - count before the point, the one before that after it,
            // and the point goes in at byte point (the last digit falls off the top).
            Vector128<byte> all = SixteenDigits((uint)high, low);
            Vector128<byte> ramp = Vector128.Create((byte)0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
            Vector128<byte> at = Vector128.Create((byte)point);
            // GreaterThan is all ones (-1) past the point.
            Vector128<byte> source = ramp + Vector128.Create((byte)(16 - count)) + Vector128.GreaterThan(ramp, at);
            Vector128<byte> moved = Ssse3.IsSupported ? Ssse3.Shuffle(all, source) : Vector128.Shuffle(all, source);
            Unsafe.WriteUnaligned(ref start, Vector128.ConditionalSelect(Vector128.Equals(ramp, at), Vector128.Create((byte)'.'), moved));
            Unsafe.Add(ref start, count) = all.GetElement(15);
            return textLength;
        }
        if ((uint)(point + 3) < 4)
        {
            // -3 <= point <= 0: "0.", -point zeros, the digits (2 + 3 + 17 bytes at most).
            Unsafe.WriteUnaligned(ref start, 0x30302E30u); // "0.00"
            Unsafe.Add(ref start, 4) = (byte)'0';
            WriteDigits(ref Unsafe.Add(ref start, 2 - point), digits, count);
            return sign + 2 - point + count;
        }
        // Scientific: "d", ".ddd" when there is more than one digit, "e", the signed exponent (24 bytes at most).
        int length = sign;
        WriteDigits(ref start, digits, count);
        if (count > 1)
        {
            ref byte rest = ref Unsafe.Add(ref start, 1);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref rest, 1), Unsafe.ReadUnaligned<Vector128<byte>>(ref rest));
            rest = (byte)'.';
            length++;
        }
        length += count;
        Unsafe.Add(ref destination, length++) = (byte)'e';
        int power = point - 1;
        Unsafe.Add(ref destination, length++) = power < 0 ? (byte)'-' : (byte)'+';
        power = Math.Abs(power);
        if (power >= 100)
        {
            Unsafe.Add(ref destination, length++) = (byte)('0' + power / 100);
            power %= 100;
        }
        Unsafe.Add(ref destination, length++) = (byte)('0' + power / 10);
        Unsafe.Add(ref destination, length++) = (byte)('0' + power % 10);
        return length;
    }

    /// <summary>Writes the <paramref name="count"/> (1 to 17) digits of <paramref name="m"/> &lt; 10^17 at
    /// <paramref name="destination"/> in 8-byte stores, which may also write up to max(8, count) bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteDigits(ref byte destination, ulong m, int count)
    {
        if (count <= 8)
        {
            // The last count of the eight digits: the lowest bytes hold the first digits.
            Unsafe.WriteUnaligned(ref destination, EightDigits((uint)m) >> (8 * (8 - count)));
            return;
        }
        ulong high = m / 100_000_000;
        ulong low = EightDigits((uint)(m - high * 100_000_000));
        if (count == 17)
        {
            uint top = (uint)high / 100_000_000;
            destination = (byte)('0' + top);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, 1), EightDigits((uint)high - top * 100_000_000));
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, 9), low);
            return;
        }
        Unsafe.WriteUnaligned(ref destination, EightDigits((uint)high) >> (8 * (16 - count)));
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref destination, count - 8), low);
    }

    /// <summary>The eight ASCII digits of <paramref name="value"/> &lt; 10^8 (leading zeros included), first digit
    /// in the lowest byte, found for all lanes at once by multiply-shift (no division per digit).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong EightDigits(uint value)
    {
        uint upper = value / 10_000;
        // Two 32-bit lanes of four digits; then four 16-bit lanes of two (x / 100 as x * 10486 >> 20 and
        // x / 10 as x * 103 >> 10, exact below 10^4 and 10^2); then eight bytes of one.
        ulong quads = upper | ((ulong)(value - upper * 10_000) << 32);
        ulong hundreds = ((quads * 10_486) >> 20) & 0x0000_007F_0000_007F;
        ulong pairs = ((quads - 100 * hundreds) << 16) | hundreds;
        ulong tens = ((pairs * 103) >> 10) & 0x000F_000F_000F_000F;
        return (((pairs - 10 * tens) << 8) | tens) + 0x3030_3030_3030_3030;
    }

    /// <summary>The sixteen ASCII digits of <paramref name="high"/> and <paramref name="low"/> &lt; 10^8 (leading zeros
    /// included), first digit of high in the lowest byte: <see cref="EightDigits"/> for both halves in one vector,
    /// with a third of the instructions and none on the scalar multiplier.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<byte> SixteenDigits(uint high, uint low)
    {
        if (!Sse2.IsSupported) return Vector128.Create(EightDigits(high), EightDigits(low)).AsByte();
        // Two 64-bit lanes of eight digits; then four 32-bit lanes of four (x / 10^4 as x * 0xD1B71759 >> 45, exact
        // for every uint); then eight 16-bit lanes of two (x / 100 as the high half of x * 5243, >> 3, exact below
        // 43699); then sixteen bytes of one (x / 10 as the high half of x * 6554, exact below 16389). Each step
        // puts the quotient in the lower lane (the earlier digits) and the remainder in the upper one.
        Vector128<ulong> eights = Vector128.Create(high, (ulong)low);
        Vector128<ulong> upperQuads = Sse2.Multiply(eights.AsUInt32(), Vector128.Create(0xD1B7_1759u)) >>> 45;
        Vector128<ulong> lowerQuads = eights - Sse2.Multiply(upperQuads.AsUInt32(), Vector128.Create(10_000u));
        Vector128<ushort> quads = (upperQuads | (lowerQuads << 32)).AsUInt16();
        Vector128<ushort> hundreds = Sse2.MultiplyHigh(quads, Vector128.Create((ushort)5243)) >>> 3;
        Vector128<ushort> pairs = (hundreds.AsUInt32() | ((quads - hundreds * 100).AsUInt32() << 16)).AsUInt16();
        Vector128<ushort> tens = Sse2.MultiplyHigh(pairs, Vector128.Create((ushort)6554));
        return (tens | ((pairs - tens * 10) << 8)).AsByte() + Vector128.Create((byte)'0');
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
