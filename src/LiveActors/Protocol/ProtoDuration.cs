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
        if (!ExactDuration.TryParse(utf8, out var exact) || Math.Abs(exact.Seconds) >= TimeSpan.MaxValue.Ticks / TimeSpan.TicksPerSecond)
        {
            return false;
        }

        value = exact.ToTimeSpan();
        return true;
    }

    /// <summary>Parses a Duration string; false when it is not one.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        return text is not null && text.Length <= 64 && TryParse(System.Text.Encoding.UTF8.GetBytes(text), out value);
    }

    /// <summary>Formats <paramref name="value"/> as a Duration string.</summary>
    public static string Format(TimeSpan value) => ExactDuration.From(value).ToString();
}
