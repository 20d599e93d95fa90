using System.Buffers.Text;
using System.Globalization;

namespace LiveActors.Protocol;

/// <summary>
/// The protobuf JSON form of a Duration: decimal seconds and an <c>s</c>, as in <c>"50s"</c>, <c>"1.5s"</c>,
/// <c>"0.000500s"</c> or <c>"-2s"</c>. Read with any number of fraction digits (nanoseconds past 100 ns are
/// truncated, the resolution of <see cref="TimeSpan"/>); written with 0, 3, 6 or 9 of them, as protobuf does.
/// </summary>
public static class ProtoDuration
{
    /// <summary>Parses <paramref name="utf8"/>; false when it is not a Duration or overflows a TimeSpan.</summary>
    public static bool TryParse(ReadOnlySpan<byte> utf8, out TimeSpan value)
    {
        value = default;
        if (utf8.Length < 2 || utf8[^1] != (byte)'s')
        {
            return false;
        }

        var text = utf8[..^1];
        var negative = text[0] == (byte)'-';
        if (negative)
        {
            text = text[1..];
        }

        var dot = text.IndexOf((byte)'.');
        var whole = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? [] : text[(dot + 1)..];
        if (whole.IsEmpty || whole.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0
            || (dot >= 0 && (fraction.IsEmpty || fraction.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0))
            || !Utf8Parser.TryParse(whole, out long seconds, out var used) || used != whole.Length
            || seconds >= TimeSpan.MaxValue.Ticks / TimeSpan.TicksPerSecond)
        {
            return false;
        }

        long fractionTicks = 0;
        for (var i = 0; i < 7; i++)
        {
            fractionTicks = (fractionTicks * 10) + (i < fraction.Length ? fraction[i] - '0' : 0);
        }

        var ticks = (seconds * TimeSpan.TicksPerSecond) + fractionTicks;
        value = TimeSpan.FromTicks(negative ? -ticks : ticks);
        return true;
    }

    /// <summary>Parses a Duration string; false when it is not one.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        return text is not null && text.Length <= 64 && TryParse(System.Text.Encoding.UTF8.GetBytes(text), out value);
    }

    /// <summary>Formats <paramref name="value"/> as a Duration string.</summary>
    public static string Format(TimeSpan value)
    {
        var ticks = value.Ticks;
        var sign = ticks < 0 ? "-" : "";
        var magnitude = ticks == long.MinValue ? (ulong)long.MaxValue + 1 : (ulong)Math.Abs(ticks);
        var seconds = magnitude / TimeSpan.TicksPerSecond;
        var nanos = magnitude % TimeSpan.TicksPerSecond * 100;
        var inv = CultureInfo.InvariantCulture;
        return nanos switch
        {
            0 => string.Create(inv, $"{sign}{seconds}s"),
            _ when nanos % 1_000_000 == 0 => string.Create(inv, $"{sign}{seconds}.{nanos / 1_000_000:D3}s"),
            _ when nanos % 1_000 == 0 => string.Create(inv, $"{sign}{seconds}.{nanos / 1_000:D6}s"),
            _ => string.Create(inv, $"{sign}{seconds}.{nanos:D9}s"),
        };
    }
}
