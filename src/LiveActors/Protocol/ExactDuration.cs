using System.Buffers.Text;
using System.Globalization;

namespace LiveActors.Protocol;

/// <summary>
/// A protobuf Duration exactly as the wire gives it, to the nanosecond: <c>"3.000000001s"</c> is 3 seconds and 1
/// nanosecond (a <see cref="TimeSpan"/> keeps 100 ns). Seconds and nanoseconds share the sign.
/// </summary>
/// <param name="Seconds">The whole seconds.</param>
/// <param name="Nanos">The nanoseconds past them, -999,999,999 to 999,999,999.</param>
public readonly record struct ExactDuration(long Seconds, int Nanos)
{
    private const int NanosPerSecond = 1_000_000_000;

    /// <summary>The nearest <see cref="TimeSpan"/> toward zero (100 ns steps), or its min or max value past its range.</summary>
    public TimeSpan ToTimeSpan()
    {
        const long maxSeconds = long.MaxValue / TimeSpan.TicksPerSecond - 1;
        return Seconds > maxSeconds ? TimeSpan.MaxValue
            : Seconds < -maxSeconds ? TimeSpan.MinValue
            : TimeSpan.FromTicks(Seconds * TimeSpan.TicksPerSecond + Nanos / 100);
    }

    /// <summary>The exact duration of <paramref name="value"/>.</summary>
    public static ExactDuration From(TimeSpan value) =>
        new(value.Ticks / TimeSpan.TicksPerSecond, (int)(value.Ticks % TimeSpan.TicksPerSecond * 100));

    /// <summary>Parses the protobuf JSON form (<c>"50s"</c>, <c>"1.5s"</c>, <c>"-0.000000001s"</c>); digits past the ninth are dropped.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out ExactDuration value)
    {
        value = default;
        if (utf8.Length < 2 || utf8[^1] != (byte)'s')
        {
            return false;
        }

        var text = utf8[..^1];
        var negative = text[0] == (byte)'-';
        text = negative ? text[1..] : text;
        var dot = text.IndexOf((byte)'.');
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? [] : text[(dot + 1)..];
        if (whole.IsEmpty || whole.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0
            || (dot >= 0 && (fraction.IsEmpty || fraction.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0))
            || !Utf8Parser.TryParse(whole, out long seconds, out var used) || used != whole.Length)
        {
            return false;
        }

        var nanos = 0;
        for (var i = 0; i < 9; i++)
        {
            nanos = (nanos * 10) + (i < fraction.Length ? fraction[i] - '0' : 0);
        }

        value = negative ? new ExactDuration(-seconds, -nanos) : new ExactDuration(seconds, nanos);
        return true;
    }

    /// <summary>The protobuf JSON form, with 0, 3, 6 or 9 fraction digits as protobuf writes it.</summary>
    public override string ToString()
    {
        var sign = Seconds < 0 || Nanos < 0 ? "-" : "";
        var seconds = Math.Abs(Seconds);
        var nanos = Math.Abs(Nanos);
        var inv = CultureInfo.InvariantCulture;
        return nanos switch
        {
            0 => string.Create(inv, $"{sign}{seconds}s"),
            _ when nanos % 1_000_000 == 0 => string.Create(inv, $"{sign}{seconds}.{nanos / 1_000_000:D3}s"),
            _ when nanos % 1_000 == 0 => string.Create(inv, $"{sign}{seconds}.{nanos / 1_000:D6}s"),
            _ => string.Create(inv, $"{sign}{seconds}.{nanos:D9}s"),
        };
    }

    /// <summary>The total length in nanoseconds, when it fits a long (about 292 years).</summary>
    public long? TotalNanoseconds =>
        Seconds is > long.MaxValue / NanosPerSecond - 1 or < long.MinValue / NanosPerSecond + 1 ? null : Seconds * NanosPerSecond + Nanos;
}
