using System.Text;
using LiveActors.Protocol;

namespace LiveActors.Tests.Protocol;

/// <summary>goAway's timeLeft is read exactly (docs/live-api.md 4.5): any length, to the nanosecond.</summary>
public sealed class ExactDurationTests
{
    [Theory]
    [InlineData("3.000000001s", 3, 1)]
    [InlineData("300s", 300, 0)]
    [InlineData("0.000500s", 0, 500_000)]
    [InlineData("-1.5s", -1, -500_000_000)]
    [InlineData("1.1234567891s", 1, 123_456_789)]
    public void The_wire_form_is_read_to_the_nanosecond(string text, long seconds, int nanos)
    {
        Assert.True(ExactDuration.TryParse(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(new ExactDuration(seconds, nanos), value);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("s")]
    [InlineData("1.s")]
    [InlineData("a1s")]
    [InlineData("1,5s")]
    public void Anything_else_is_not_a_duration(string text) => Assert.False(ExactDuration.TryParse(Encoding.UTF8.GetBytes(text), out _));

    [Fact]
    public void A_goAway_keeps_its_nanosecond_and_writes_it_back()
    {
        Assert.True(ServerMessageParser.TryParse("""{"goAway":{"timeLeft":"3.000000001s"}}"""u8.ToArray(), out var message, out _));

        Assert.Equal(new ExactDuration(3, 1), message!.GoAway!.TimeLeftExact);
        Assert.Equal(TimeSpan.FromSeconds(3), message.GoAway.TimeLeft);
        Assert.Equal(3_000_000_001L, message.GoAway.TimeLeftExact!.Value.TotalNanoseconds);
        Assert.Equal("3.000000001s", message.GoAway.TimeLeftExact.Value.ToString());
        Assert.Equal(new ExactDuration(300, 0), new GoAway { TimeLeft = TimeSpan.FromMinutes(5) }.TimeLeftExact);
    }
}
