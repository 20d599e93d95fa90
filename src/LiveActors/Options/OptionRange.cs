using System.Globalization;
using static LiveActors.Errors.ConnectionError;

namespace LiveActors.Options;

/// <summary>What the numbers of an <see cref="OptionRange"/> count.</summary>
internal enum OptionUnit
{
    /// <summary>A duration; the bounds are milliseconds.</summary>
    Duration,

    /// <summary>A size; the bounds are bytes.</summary>
    Bytes,

    /// <summary>A whole number of things (attempts, messages, sessions).</summary>
    Count,

    /// <summary>A plain number (a multiplier, a fraction).</summary>
    Factor,
}

/// <summary>
/// The values one numeric option accepts, both bounds included, and why the maximum is what it is. The validator refuses
/// a value outside it with <see cref="Refusal"/>, and the configuration page's range column must read <see cref="Text"/>.
/// </summary>
/// <param name="Key">The HOCON key under <c>live-actors</c>.</param>
/// <param name="Unit">What <paramref name="Min"/> and <paramref name="Max"/> count.</param>
/// <param name="Min">The smallest value accepted.</param>
/// <param name="Max">The largest value accepted.</param>
/// <param name="Why">Why the maximum is where it is, shown in the refusal.</param>
internal sealed record OptionRange(string Key, OptionUnit Unit, double Min, double Max, string Why)
{
    private const double Day = 86_400_000;
    private const double KiB = 1024;

    /// <summary>The option's C# path as <see cref="InvalidOption.Option"/> reports it; derived from the key unless set.</summary>
    public string Property { get; init; } = OptionKey.PropertyPath(Key);

    /// <summary>The range as the documentation writes it, e.g. <c>1 ms to 2147483647 ms</c>.</summary>
    public string Text => $"{Show(Min)} to {Show(Max)}";

    /// <summary>Whether <paramref name="value"/> is in the range; NaN is not.</summary>
    public bool Contains(double value) => value >= Min && value <= Max;

    /// <summary>Whether <paramref name="value"/> is in the range, to the tick: one tick past the maximum is out.</summary>
    public bool Contains(TimeSpan value) =>
        Unit == OptionUnit.Duration && value >= TimeSpan.FromMilliseconds(Min) && value <= TimeSpan.FromMilliseconds(Max);

    /// <summary>The reason an out-of-range value is refused, naming the range and the value it was.</summary>
    public string Refusal(string was) => $"must be between {Show(Min)} and {Show(Max)} ({Why}) (was {was}).";

    /// <summary>The error for <paramref name="value"/>, or null when it is in range.</summary>
    public InvalidOption? Check(TimeSpan value) => Contains(value) ? null : Invalid(value.ToString());

    /// <summary>The error for <paramref name="value"/>, or null when it is in range.</summary>
    public InvalidOption? Check(long value) => Contains(value) ? null : Invalid(Unit == OptionUnit.Bytes ? $"{value} bytes" : Number(value));

    /// <summary>The error for <paramref name="value"/>, or null when it is in range.</summary>
    public InvalidOption? Check(double value) => Contains(value) ? null : Invalid(Number(value));

    private InvalidOption Invalid(string was) => new(Property, Key, Refusal(was));

    private string Show(double value) => Unit switch
    {
        OptionUnit.Duration => Duration(value),
        OptionUnit.Bytes => Bytes(value),
        OptionUnit.Factor => value.ToString("0.0##", CultureInfo.InvariantCulture),
        _ => Number(value),
    };

    // Whole units read best (1 ms, 16 MiB); anything else shows the exact number, so the text never rounds a bound.
    private static string Duration(double ms) => ms switch
    {
        >= Day when ms % Day == 0 => $"{Number(ms / Day)} d",
        >= 3_600_000 when ms % 3_600_000 == 0 => $"{Number(ms / 3_600_000)} h",
        >= 60_000 when ms % 60_000 == 0 => $"{Number(ms / 60_000)} min",
        >= 1_000 when ms % 1_000 == 0 => $"{Number(ms / 1_000)} s",
        _ => $"{Number(ms)} ms",
    };

    private static string Bytes(double bytes) => bytes switch
    {
        >= KiB * KiB * KiB when bytes % (KiB * KiB * KiB) == 0 => $"{Number(bytes / (KiB * KiB * KiB))} GiB",
        >= KiB * KiB when bytes % (KiB * KiB) == 0 => $"{Number(bytes / (KiB * KiB))} MiB",
        >= KiB when bytes % KiB == 0 => $"{Number(bytes / KiB)} KiB",
        _ => $"{Number(bytes)} B",
    };

    private static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
}
