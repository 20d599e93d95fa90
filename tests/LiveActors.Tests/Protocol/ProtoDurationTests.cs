using LiveActors.Protocol;

namespace LiveActors.Tests.Protocol;

public sealed class ProtoDurationTests
{
    [Theory]
    [InlineData("50s", 50 * TimeSpan.TicksPerSecond)]
    [InlineData("1.5s", 15_000_000)]
    [InlineData("10s", 100_000_000)]
    [InlineData("0.000500s", 5_000)]
    [InlineData("1.200s", 12_000_000)]
    [InlineData("0.000000001s", 0)]
    [InlineData("-2.5s", -25_000_000)]
    [InlineData("0s", 0)]
    public void Durations_parse_with_invariant_decimal_seconds(string text, long ticks)
    {
        Assert.True(ProtoDuration.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromTicks(ticks), value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("s")]
    [InlineData("50")]
    [InlineData("1,5s")]
    [InlineData(".5s")]
    [InlineData("5.s")]
    [InlineData("1e3s")]
    [InlineData("99999999999999999999s")]
    [InlineData(" 5s")]
    public void Non_durations_are_rejected(string text) => Assert.False(ProtoDuration.TryParse(text, out _));

    [Theory]
    [InlineData(50 * TimeSpan.TicksPerSecond, "50s")]
    [InlineData(15_000_000, "1.500s")]
    [InlineData(5_000, "0.000500s")]
    [InlineData(1, "0.000000100s")]
    [InlineData(-25_000_000, "-2.500s")]
    public void Durations_format_with_0_3_6_or_9_fraction_digits(long ticks, string expected) =>
        Assert.Equal(expected, ProtoDuration.Format(TimeSpan.FromTicks(ticks)));
}
